// Persons by the titles, ranks and honorifics around them (title name; name, title; title, comma,
// name), officials named only by their role (kept as the role, never given a name), persons by
// their given names, and later mentions of a person by surname or by the same title.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "extract/analysis.hpp"
#include "extract/persons_internal.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

using namespace person_detail;

namespace {

struct Pending {
    std::size_t sentence;
    Official official;
    NameSpan name;
    std::string key;        // role key
    bool chained = false;   // the name is the next office's: the mention is this office only
    bool repeated = false;  // a bare title after an office it repeats: an honorific, no fact
};

// "وكان الأمين العام قد زار المنامة" after "الأمين العام لمجلس وزراء الداخلية العرب الدكتور
// محمد بن علي كومان", "نائب رئيس أمن الدولة السعودي" after "نائب رئيس أمن الدولة، الأستاذ
// عبد الله …": an office written again, bare or in part, is the one person the article names
// earlier in that office. The bodies it writes out must be theirs, and the countries agree.
std::uint32_t earlier_holder(const Analysis& a, const std::vector<Pending>& found,
                             const Pending& p) {
    const Official& o = p.official;
    if (!o.office_kind || o.office == kNone) return kNone;
    const std::string& en = a.lex.titles[o.office].en;
    const std::uint32_t country = o.countries.empty() ? kNone : a.entities[o.countries[0]].lex;
    std::uint32_t only = kNone;
    for (const Pending& q : found) {
        if (&q == &p) break;  // named before
        const Official& qo = q.official;
        // The same office, or one the lexicon names with its body (Secretary General of …).
        if (!q.name.valid() || !qo.office_kind || a.lex.titles[qo.office].en.rfind(en, 0) != 0)
            continue;
        const SentenceState& qs = a.sentences[q.sentence];
        auto key = a.entity_keys.find(words_key(folded_name_words(a, qs, q.name)));
        if (key == a.entity_keys.end()) continue;
        const std::uint32_t id = key->second;
        // Their country as written (a body placed by the article's context may be wrong).
        std::uint32_t theirs = qo.countries.empty() ? kNone : a.entities[qo.countries[0]].lex;
        for (std::uint32_t qa : qo.agencies)
            if (theirs == kNone && a.entities[qa].rule != "agency.in-context")
                theirs = a.entities[qa].country;
        if (country != kNone && theirs != kNone && theirs != country) continue;
        bool bodies = true;
        if (!o.default_body)
            for (std::uint32_t ag : o.agencies) {
                bool held = false;
                for (std::uint32_t qa : qo.agencies)
                    held = held || a.entities[qa].lex == a.entities[ag].lex;
                bodies = bodies && held;
            }
        if (!bodies) continue;
        if (only != kNone && only != id) return kNone;
        only = id;
    }
    return only;
}

// برئاسة، بقيادة (folded): the head of a delegation follows.
bool led_by(const Analysis& a, const Item& it) {
    if (it.last - it.first != 1) return false;
    std::u32string_view w = a.token(it).form(a.text);
    if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);
    return w == U"\u0628\u0631\u064A\u0627\u0633\u0647" ||
           w == U"\u0628\u0642\u064A\u0627\u062F\u0647";
}

}  // namespace

void find_officials(Analysis& a) {
    // Pass 1: every official, and the name written beside it when there is one. A role written
    // beside a name anywhere in the article refers to that person everywhere in it.
    std::vector<Pending> found;
    std::unordered_map<std::string, std::uint32_t> bound;  // role key → person
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        SentenceState& st = a.sentences[si];
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            if (!a.is(st.items[k], EntryKind::Title) || a.is(st.items[k], EntryKind::Frame))
                continue;
            // "مطار الملك خالد": a title after a landmark's noun opens the place's name.
            if (k > 0 && a.stop_role(st.items[k - 1]) == StopRole::Landmark) {
                const NameSpan n = name_after(a, st, k + 1, true, false);
                if (n.valid()) k = n.last - 1;
                continue;
            }
            Official o = parse_official(a, st, k);
            if (o.office == kNone) continue;
            const bool complement = !o.agencies.empty() || !o.countries.empty();
            NameSpan name = name_after(a, st, std::max(o.last, o.name_at),
                                       !o.office_kind || o.honorific, complement);
            // "التقى رئيس الجامعة السيدة …": an office of a body named before is someone
            // already introduced; the name after it without a comma is another person.
            // Not after برئاسة / بقيادة: the office of a delegation's head and its holder's name.
            if (o.anaphoric && name.valid() && !is_comma(a, st.items[o.last]) &&
                !(o.first > 0 && led_by(a, st.items[o.first - 1])))
                name = NameSpan{};
            // "كما استقبل الوزير السيد أمادو ديالو": a bare office the article named before,
            // right after a verb, is its subject; the honorific after it opens the object.
            if (name.valid() && o.office_kind && o.agencies.empty() && o.countries.empty() &&
                !o.anaphoric && o.first > 0 && a.is(st.items[o.first - 1], EntryKind::Frame) &&
                o.office_item + 1 < o.last && name.first >= o.last &&
                (a.lex.titles[o.office].en == "Guest" ||
                 earlier_holder(a, found, Pending{si, o, NameSpan{}, role_key(a, o)}) != kNone)) {
                o.last = o.office_item + 1;
                name = NameSpan{};
            }
            // "التقى الضيف، …": the guest is someone the article named before, never the name
            // written before the word.
            if (!name.valid() && o.office_kind && a.lex.titles[o.office].en != "Guest")
                name = name_before(a, st, o.first);
            // "سعادة الشيخ خليفة بن حمد آل ثاني وزير الداخلية": the office right after a name
            // that an honorific or rank opened is that person's.
            if (!name.valid() && o.office_kind && !found.empty() && found.back().sentence == si &&
                !found.back().official.office_kind && found.back().name.valid() &&
                found.back().name.last == o.first)
                name = found.back().name;
            Pending p{si, o, name, o.office_kind ? role_key(a, o) : std::string()};
            if (name.valid()) {
                const auto words = folded_name_words(a, st, name);
                Entity e;
                e.label = Label::Person;
                const Item& f = st.items[name.first];
                const Item& l = st.items[name.last - 1];
                e.start = a.start_of(f);
                e.end = a.end_of(l);
                e.ar = a.slice(e.start, e.end);
                e.words = words;
                e.title = o.office;
                e.title_text =
                    a.slice(a.start_of(st.items[o.first]), a.end_of(st.items[o.last - 1]));
                e.country = official_country(a, o);
                e.agency = o.agencies.empty() ? kNone : o.agencies.front();
                e.confidence = has_given(a, st, name) ? 0.9 : 0.8;
                e.rule = name.first >= o.last ? "person.title-name" : "person.name-title";
                const std::string title_text = e.title_text;
                const std::uint32_t id = a.add_entity(std::move(e), words_key(words));
                // The same person named before by an honorific only: the office places them.
                Entity& got = a.entities[id];
                if (got.title == kNone && o.office_kind) {
                    got.title = o.office;
                    got.title_text = title_text;
                }
                if (got.country == kNone) got.country = official_country(a, o);
                if (got.agency == kNone && !o.agencies.empty()) got.agency = o.agencies.front();
                if (o.office_kind && !p.key.empty()) bound.emplace(p.key, id);
                // "النائب الأول لرئيس مجلس الوزراء وزير الداخلية الشيخ …"، "رئيس الشرطة -
                // المدير العام …، السيد …": offices written one after another are one chain,
                // held by the name after the last.
                for (std::size_t q = found.size(), at = o.first; q > 0 && name.first >= o.last;
                     --q) {
                    Pending& prev = found[q - 1];
                    // (Not an office of a body named before: رئيس الجامعة السيدة … are two.)
                    // (An office joined by و is another person's: الأمين العام … والدكتور ….)
                    // (A guest is none of the host's offices: التقى الضيف مدير الأمن العام.)
                    if (prev.sentence != si || prev.name.valid() || !prev.official.office_kind ||
                        a.lex.titles[prev.official.office].en == "Guest" ||
                        ((st.items[at].flags & kConj) && !cabinet_rank(a, prev.official)) ||
                        prev.official.anaphoric ||
                        !(((at != o.first || o.office_kind) &&
                           (prev.official.last == at || prev.official.name_at == at ||
                            (prev.official.last + 1 == at &&
                             chain_dash(a, st, prev.official.last)))) ||
                          (at == o.first && !o.office_kind &&
                           apposed(a, st, prev.official.last, at))))
                        break;
                    prev.name = name;
                    prev.chained = true;
                    if (!prev.key.empty()) bound.emplace(prev.key, id);
                    // "سفير مصر لدى السودان السفير هاني صلاح"، "مساعد الوزير السفير …": a
                    // definite title with no complement of its own, after an office, is used
                    // as an honorific; the office before it says what the person holds.
                    if (at == o.first && o.office_kind && o.countries.empty() &&
                        (o.agencies.empty() || o.default_body) &&
                        definite_title(a, st.items[o.office_item])) {
                        p.repeated = true;
                        Entity& held = a.entities[id];
                        held.title = prev.official.office;
                        held.country = official_country(a, prev.official);
                        held.agency =
                            prev.official.agencies.empty() ? kNone : prev.official.agencies.front();
                    }
                    at = prev.official.first;
                }
            }
            // A name after the title is read: its words open no official of their own.
            const std::size_t end = name.valid() && name.first >= o.last ? name.last : o.last;
            found.push_back(std::move(p));
            k = std::max(k, end == 0 ? k : end - 1);
        }
    }
    // Pass 2: mentions; an official without a name is a role, unless the article names them.
    for (Pending& p : found) {
        SentenceState& st = a.sentences[p.sentence];
        const Official& o = p.official;
        std::uint32_t entity = kNone;
        std::string rule;
        std::size_t first = o.first, last = o.last;
        if (p.name.valid()) {
            const auto words = folded_name_words(a, st, p.name);
            entity = a.entity_keys.at(words_key(words));
            drop_places_inside(a, st, st.items[p.name.first].first, st.items[p.name.last - 1].last);
            if (!p.chained) {
                first = std::min(first, p.name.first);
                last = std::max(last, p.name.last);
            }
        } else if (!p.key.empty()) {
            auto it = bound.find(p.key);
            std::uint32_t same = it != bound.end() ? it->second : kNone;
            // "المدير العام للأمن الوطني" after "المدير العام للأمن الوطني ومراقبة التراب
            // الوطني، عبد اللطيف حموشي": the same office of the same bodies, in part.
            for (const Pending& q : found) {
                if (same != kNone || !q.name.valid() || o.agencies.empty()) break;
                const Official& qo = q.official;
                if (qo.office == kNone || a.lex.titles[qo.office].en != a.lex.titles[o.office].en)
                    continue;
                bool subset = true;
                for (std::uint32_t ag : o.agencies)
                    subset = subset && std::find(qo.agencies.begin(), qo.agencies.end(), ag) !=
                                           qo.agencies.end();
                if (subset) same = bound.count(q.key) ? bound.at(q.key) : kNone;
            }
            // "الوزير الإيطالي" after "وزير الداخلية الإيطالي ماتيو بيانكوني": a bare office
            // of a country is the one person of that country the article names in that office.
            // Also when the office implies its body (وزير الداخلية القطري after the Qatari
            // minister of the interior named with his office).
            if (same == kNone && (o.agencies.empty() || o.default_body) && !o.countries.empty() &&
                o.office != kNone) {
                const std::string& en = a.lex.titles[o.office].en;
                const std::uint32_t country = official_country(a, o);
                std::uint32_t only = kNone;
                bool several = false;
                for (const Pending& q : found) {
                    const Official& qo = q.official;
                    if (!q.name.valid() || qo.office == kNone ||
                        a.lex.titles[qo.office].en.rfind(en, 0) != 0 ||
                        official_country(a, qo) != country || !bound.count(q.key))
                        continue;
                    const std::uint32_t id = bound.at(q.key);
                    several = several || (only != kNone && only != id);
                    only = id;
                }
                if (!several) same = only;
            }
            if (same == kNone) same = earlier_holder(a, found, p);
            // A generic title with only a nationality (المسؤول المغربي، الوزير الإيطالي،
            // رئيس الوفد الكويتي) describes someone: resolve_descriptions links it.
            // رئيس الوفد alone is the head of the delegation the article names.
            // A plural (أعضاء الوفد المغربي، كبار المسؤولين) describes no one person.
            const std::string& title_en = a.lex.titles[o.office].en;
            const bool description =
                o.agencies.empty() && a.lex.titles[o.office].heads == UINT32_MAX &&
                !title_en.empty() && title_en.back() != 's' &&
                (!o.countries.empty() || title_en == "Head of delegation" || title_en == "Guest");
            if (same != kNone) {
                entity = same;
            } else if (!o.agencies.empty() || description || o.portfolio ||
                       (!o.countries.empty() && a.lex.titles[o.office].kind == TitleKind::Office)) {
                Entity e;
                e.label = Label::Person;
                e.unnamed = true;
                // The role as written from its office (صاحب السمو الملكي is no part of it).
                std::size_t from = o.first;
                while (from + 1 < o.last) {
                    const Entry* t = a.entry(st.items[from], EntryKind::Title);
                    if (!t || a.lex.titles[t->index].kind == TitleKind::Office ||
                        a.lex.titles[t->index].kind == TitleKind::Role)
                        break;
                    ++from;
                }
                e.start = a.start_of(st.items[from]);
                // An envoy's posting is part of the role as written (السفير الإيطالي بالقاهرة،
                // سفير دولة الكويت لدى مملكة البحرين); the role alone is an alias.
                const bool envoy = a.lex.titles[o.office].kind == TitleKind::Role && o.default_body;
                e.end = a.end_of(st.items[(envoy ? std::max(o.last, o.name_at) : o.last) - 1]);
                e.ar = a.slice(e.start, e.end);
                // "ممثلا للمدير العام": the role is named with its article (المدير), which لل
                // writes without its alif; the quote stays as written.
                if ((st.items[from].flags & (kPrep | kArticle)) == (kPrep | kArticle) &&
                    e.ar.rfind("\u0644\u0644", 0) == 0)
                    e.ar = "\u0627" + e.ar.substr(2);
                if (envoy && o.name_at > o.last)
                    e.aliases.push_back(a.slice(e.start, a.end_of(st.items[o.last - 1])));
                e.en = role_en(a, o) + " (unnamed)";
                e.title = o.office;
                e.title_text = a.slice(e.start, a.end_of(st.items[from]));
                e.country = official_country(a, o);
                e.agency = o.agencies.empty() ? kNone : o.agencies.front();
                e.confidence = 0.7;
                e.rule = "person.role";
                e.description = description;
                entity = a.add_entity(std::move(e), p.key);
            }
        }
        if (entity == kNone) continue;
        Mention m;
        m.entity = entity;
        m.first = st.items[first].first;
        m.last = st.items[last - 1].last;
        m.start = a.start_of(st.items[first]);
        m.end = a.end_of(st.items[last - 1]);
        st.mentions.push_back(m);
        // An office heads the body it names; a role (an envoy, an official) represents
        // it. A description states no office of the person it describes.
        if (!o.office_kind || a.entities[entity].description || p.repeated) continue;
        // "فيما أشاد السفير بالجهود": a bare envoy's title says nothing of the person it refers
        // to; the embassy it implies is no body the article names.
        if (!p.name.valid() && o.default_body && o.countries.empty() &&
            a.lex.titles[o.office].kind == TitleKind::Role)
            continue;
        const bool office = a.lex.titles[o.office].kind == TitleKind::Office;
        auto relate = [&](const char* relation, std::uint32_t target, double confidence) {
            Fact f;
            f.relation = relation;
            f.a = entity;
            f.b = target;
            f.confidence = confidence;
            f.rule = std::string("title.") + (office ? "office" : "role");
            f.start = m.start;
            f.end = m.end;
            a.facts.push_back(f);
        };
        // An envoy (a role whose body is implied: an ambassador) represents the country
        // named.
        if (!office && o.default_body && !o.countries.empty()) {
            for (std::uint32_t c : o.countries) relate("REPRESENTS", c, 0.8);
            continue;
        }
        for (std::uint32_t ag : o.agencies) relate(office ? "HEADS" : "REPRESENTS", ag, 0.8);
        // A minister or a president of a country heads a body the text does not name: no
        // fact.
        if (o.agencies.empty() && !office)
            for (std::uint32_t c : o.countries) relate("REPRESENTS", c, 0.7);
    }
    find_pronoun_officials(a);
    find_given_name_persons(a);
}

}  // namespace liaison::extract
