// Descriptions: the press names a person again by a generic word and a nationality (المسؤول
// المغربي، المسؤول الأمني الهولندي، الوزير الإيطالي، رئيس الوفد الكويتي). Such a role stands for
// the one person of that country the article names, never for a name taken from elsewhere; when
// the article names none or several, a role of an office stays a role description and a bare
// role (المسؤول) is dropped, leaving the frames to the article's topic.
#include <algorithm>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

// "نظيره الإيطالي ماتيو بيانكوني"، "البرازيلي فالديسي أوركيزا": a country adjective right
// before a named person, nothing but a comma between, is that person's nationality.
void nationality_from_adjectives(Analysis& a) {
    for (const SentenceState& st : a.sentences)
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone) continue;
            Entity& e = a.entities[m.entity];
            if (e.label != Label::Person || e.unnamed || e.country != kNone) continue;
            // The lexicon hit that ends where the name starts (نظيره's adjective is no mention
            // of its own: the frames read it with the counterpart).
            for (const Item& it : st.items)
                if (it.last == m.first)
                    if (const Entry* c = a.entry(it, EntryKind::Country); c && c->sub == 1)
                        e.country = c->index;
        }
    // "الوزير الاتحادي الألماني للداخلية، ألكسندر دوبرينت": the role a comma before the name.
    for (const SentenceState& st : a.sentences)
        for (const Mention& m : st.mentions)
            for (const Mention& r : st.mentions) {
                if (m.entity == kNone || r.entity == kNone || r.last + 1 != m.first ||
                    a.tokens.tokens[r.last].kind != TokenKind::Comma)
                    continue;
                Entity& e = a.entities[m.entity];
                const Entity& role = a.entities[r.entity];
                if (e.label == Label::Person && !e.unnamed && e.country == kNone &&
                    role.label == Label::Person && role.unnamed)
                    e.country = role.country;
            }
    // "سفير إيطاليا … ألبرتو كوتيلو" or "عن الجانب الكويتي اللواء …": whom a person represents.
    for (const Fact& f : a.facts) {
        if (f.relation != "REPRESENTS" && f.relation != "HEADS") continue;
        Entity& p = a.entities[f.a];
        const Entity& t = a.entities[f.b];
        if (p.label != Label::Person || p.unnamed || p.country != kNone) continue;
        p.country = t.label == Label::Country ? t.lex : t.country;
    }
}

// "المسؤولة الإسبانية"، "الوزيرة"، "المديرة العامة …": a title whose first word ends in ة is
// written for a woman.
bool feminine(const std::string& written) {
    const std::string first = written.substr(0, written.find(' '));
    static const std::string ta = "\u0629";
    return first.size() > ta.size() && first.compare(first.size() - ta.size(), ta.size(), ta) == 0;
}

}  // namespace

void resolve_descriptions(Analysis& a) {
    nationality_from_adjectives(a);
    std::vector<std::uint32_t> count(a.entities.size(), 0);
    for (const SentenceState& st : a.sentences)
        for (const Mention& m : st.mentions)
            if (m.entity != kNone) ++count[m.entity];
    std::vector<std::uint32_t> target(a.entities.size(), kNone);
    bool any = false;
    for (std::uint32_t d = 0; d < a.entities.size(); ++d) {
        Entity& desc = a.entities[d];
        if (!desc.description) continue;
        // "رئيس الوفد": the one head of a delegation (برئاسة، يقوده) the article names.
        std::vector<std::uint32_t> heads;
        for (const Fact& f : a.facts)
            if (f.rule == "role.delegation" &&
                std::find(heads.begin(), heads.end(), f.a) == heads.end())
                heads.push_back(f.a);
        // Those of that country; among them those whose office starts like the description's
        // (الوزير: a minister), when any does.
        std::vector<std::uint32_t> all, titled;
        for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
            const Entity& e = a.entities[i];
            if (e.label != Label::Person || e.unnamed || e.weak || e.country != desc.country ||
                desc.country == kNone || count[i] == 0)
                continue;
            all.push_back(i);
            if (e.title != kNone && desc.title != kNone &&
                a.lex.titles[e.title].en.rfind(a.lex.titles[desc.title].en, 0) == 0)
                titled.push_back(i);
        }
        // "الضيف الإيطالي" is the visitor: an envoy posted in the host country (the Italian
        // ambassador, a role whose body `titles.tsv` implies) is no guest.
        if (a.lex.titles[desc.title].en == "Guest")
            all.erase(std::remove_if(all.begin(), all.end(),
                                     [&](std::uint32_t i) {
                                         const std::uint32_t t = a.entities[i].title;
                                         return t != kNone &&
                                                a.lex.titles[t].kind == TitleKind::Role &&
                                                a.lex.titles[t].heads != UINT32_MAX;
                                     }),
                      all.end());
        // An office (الرئيس التركي، الوزير الإيطالي) is no other office's holder: without one
        // of that office, only a person the article gives no office (نظيره الإيطالي ماتيو …).
        // So is a specific role (الملحق العسكري التركي is not the Turkish ambassador); only the
        // generic ones (المسؤول، الضيف، رئيس الوفد) describe a person of any office.
        const std::string& desc_en = a.lex.titles[desc.title].en;
        const bool generic = desc_en.find("fficial") != std::string::npos || desc_en == "Guest" ||
                             desc_en == "Head of delegation";
        if (titled.empty() && (a.lex.titles[desc.title].kind == TitleKind::Office || !generic))
            all.erase(std::remove_if(all.begin(), all.end(),
                                     [&](std::uint32_t i) { return a.entities[i].title != kNone; }),
                      all.end());
        // A specific role names its own holder only (نظيره التركي علي كايا is no attaché).
        if (titled.empty() && a.lex.titles[desc.title].kind == TitleKind::Role && !generic)
            all.clear();
        // "الوزير البريطاني" after "وزير الدولة البريطاني لشؤون الأمن", whom the article never
        // names: with no named person of that country, the one unnamed official of it whose
        // office starts like the description's.
        if (all.empty() && desc.country != kNone && desc.title != kNone)
            for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
                const Entity& e = a.entities[i];
                if (i == d || e.label != Label::Person || !e.unnamed || e.weak ||
                    e.country != desc.country || count[i] == 0 || e.title == kNone)
                    continue;
                // "الرئيس التركي" is no "رئيس جهاز الاستخبارات الوطنية التركي": a generic office
                // written with a body of its own heads that body, not the country.
                if (a.lex.titles[e.title].heads == UINT32_MAX && e.agency != kNone &&
                    !a.entities[e.agency].weak && desc.agency == kNone)
                    continue;
                // (Itself a description only with a longer office: وزير الدولة البريطاني.)
                const std::string& en = a.lex.titles[e.title].en;
                const std::string& of = a.lex.titles[desc.title].en;
                if (en.rfind(of, 0) == 0 && (!e.description || en.size() > of.size()))
                    titled.push_back(i);
            }
        // "التقى الضيف معالي الفريق …": a guest without a nationality is the one visitor the
        // article names, a person of another country than the article's own (the one named
        // most when several).
        if (desc.country == kNone && a.lex.titles[desc.title].en == "Guest") {
            heads.clear();
            for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
                const Entity& e = a.entities[i];
                if (e.label == Label::Person && !e.unnamed && !e.weak && count[i] > 0 &&
                    e.country != kNone && e.country != a.main_country)
                    heads.push_back(i);
            }
        }
        std::vector<std::uint32_t> pool = desc.country == kNone ? heads
                                          : titled.empty()      ? all
                                                                : titled;
        // "المسؤولة الإسبانية، التي تؤدي زيارة": a description written for a woman is the woman
        // among them, when the article names one by a feminine title.
        if (feminine(desc.ar)) {
            std::vector<std::uint32_t> women;
            for (std::uint32_t i : pool)
                if (feminine(a.entities[i].title_text)) women.push_back(i);
            if (!women.empty()) pool = women;
        }
        std::uint32_t best = kNone;
        if (pool.size() == 1) best = pool.front();
        // Several: the one mentioned most, when one is.
        if (pool.size() > 1) {
            std::vector<std::uint32_t> order = pool;
            std::sort(order.begin(), order.end(),
                      [&](std::uint32_t x, std::uint32_t y) { return count[x] > count[y]; });
            if (count[order[0]] > count[order[1]]) best = order[0];
        }
        if (best != kNone) {
            target[d] = best;
            desc.weak = true;
            any = true;
        } else if (a.lex.titles[desc.title].kind == TitleKind::Role && generic) {
            // A bare role names nobody by itself (المسؤول المغربي).
            desc.weak = true;
            any = true;
        } else if (a.lex.titles[desc.title].kind == TitleKind::Role) {
            // "الملحق العسكري التركي" whom the article never names: an unnamed official who
            // represents that country.
            std::uint32_t country = kNone;
            for (std::uint32_t i = 0; i < a.entities.size() && country == kNone; ++i)
                if (a.entities[i].label == Label::Country && a.entities[i].lex == desc.country &&
                    !a.entities[i].weak)
                    country = i;
            for (const SentenceState& st : a.sentences)
                for (const Mention& m : st.mentions)
                    if (m.entity == d && country != kNone) {
                        Fact f;
                        f.relation = "REPRESENTS";
                        f.a = d;
                        f.b = country;
                        f.confidence = 0.7;
                        f.rule = "title.role";
                        f.start = m.start;
                        f.end = m.end;
                        a.facts.push_back(f);
                        country = kNone;  // once
                    }
            desc.description = false;
        }
    }
    if (!any) return;
    auto dropped = [&](const Mention& m) {
        return m.entity != kNone && a.entities[m.entity].description && a.entities[m.entity].weak &&
               target[m.entity] == kNone;
    };
    for (SentenceState& st : a.sentences) {
        st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(), dropped),
                          st.mentions.end());
        for (Mention& m : st.mentions)
            if (m.entity != kNone && target[m.entity] != kNone) m.entity = target[m.entity];
    }
}

}  // namespace liaison::extract
