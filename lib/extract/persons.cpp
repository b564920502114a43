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

Mention* mention_at(SentenceState& st, std::uint32_t token) {
    for (Mention& m : st.mentions)
        if (m.first == token) return &m;
    return nullptr;
}

// An official: a chain of titles, then what the office is of (agencies and countries, joined by
// و), e.g. المدير العام للأمن الوطني ولمراقبة التراب الوطني.
struct Official {
    std::size_t first = 0, last = 0;                 // items
    std::uint32_t office = kNone;                    // the last title
    std::vector<std::uint32_t> agencies, countries;  // entities
    bool office_kind = false;  // an office or role (not only honorifics or ranks)
    bool honorific = false;
    bool default_body = false;  // the agency is the title's `heads` body, not written
    bool second = false;        // the bodies written after the title follow its own (و…)
    std::size_t office_item = 0;
    std::size_t name_at = 0;  // where a name may follow: after the posting (لدى المملكة)
    std::string adjective;    // the country as written after the title (التركي)
    bool anaphoric = false;   // its body is written by its noun alone (رئيس الجامعة)
    bool portfolio = false;  // a portfolio follows (للشؤون الأمنية): a specific office
};

// "في عمّان"، "لدى المملكة"، "بالرباط": where an office is held, after what it is of; the
// mention's items are skipped, it names no body of the office.
std::size_t skip_posting(const Analysis& a, SentenceState& st, std::size_t j) {
    if (j >= st.items.size()) return j;
    // "سفير مملكة إسبانيا المعتمد لدى بلادنا": the accredited envoy's participle belongs to the
    // posting that follows it, not to an office of its own.
    if (j + 1 < st.items.size()) {
        std::u32string_view w = a.token(st.items[j]).form(a.text);
        if (w.size() > 2 && w.substr(0, 2) == U"\u0627\u0644") w.remove_prefix(2);
        if ((w == U"\u0645\u0639\u062A\u0645\u062F" ||
             w == U"\u0645\u0639\u062A\u0645\u062F\u0647") &&
            a.token(st.items[j + 1]).form(a.text) == U"\u0644\u062F\u064A")
            if (const std::size_t past = skip_posting(a, st, j + 1); past != j + 1) return past;
    }
    std::size_t probe = j;
    const Item& it = st.items[j];
    const bool attached = it.node != 0 && (it.flags & kPrep);
    if (!attached) {
        const StopRole role = a.stop_role(it);
        const std::u32string_view w = a.token(it).form(a.text);
        const bool at = w == U"\u0644\u062F\u064A";  // لدى: an envoy's host country
        if (role != StopRole::In && !at) return j;
        ++probe;
        // "لدى المملكة"، "لدى بلادنا": one word names the host.
        if (at && probe < st.items.size() && !mention_at(st, st.items[probe].first) &&
            st.items[probe].last - st.items[probe].first == 1 &&
            a.token(st.items[probe]).kind == TokenKind::Word &&
            !a.is(st.items[probe], EntryKind::GivenName) &&
            !a.is(st.items[probe], EntryKind::Title))
            return probe + 1;
    }
    if (probe >= st.items.size()) return j;
    Mention* m = mention_at(st, st.items[probe].first);
    if (!m || m->entity == kNone) return j;
    const Label l = a.entities[m->entity].label;
    if (l != Label::City && l != Label::Country) return j;
    std::size_t next = probe + 1;
    while (next < st.items.size() && st.items[next].first < m->last) ++next;
    return next;
}

// "النائب الأول لرئيس مجلس الوزراء ووزير الداخلية الشيخ …": a deputy prime minister's rank,
// with no name of its own, is held with the portfolio joined to it by و (the Gulf wire's form).
bool cabinet_rank(const Analysis& a, const Official& o) {
    const std::string_view en = a.lex.titles[o.office].en;
    constexpr std::string_view deputy = "Deputy Prime Minister";
    return o.countries.empty() && en.size() >= deputy.size() &&
           en.substr(en.size() - deputy.size()) == deputy;
}

// A dash between two offices (رئيس الشرطة - المدير العام للأمن العمومي بالجمهورية الإيطالية،
// السيد …) makes them one person's: the first is of the country the second writes.
bool chain_dash(const Analysis& a, const SentenceState& st, std::size_t j) {
    return j + 1 < st.items.size() && st.items[j].node == 0 &&
           a.token(st.items[j]).kind == TokenKind::Dash && a.is(st.items[j + 1], EntryKind::Title);
}

// "المدير العام للأمن العمومي بالجمهورية الإيطالية، السيد …": an office, words of its complement
// the lexicons do not know, a comma, then an honorific and the name: the name is the office's.
bool apposed(const Analysis& a, const SentenceState& st, std::size_t from, std::size_t at) {
    if (at == 0 || at <= from || at - from > 7 || !is_comma(a, st.items[at - 1])) return false;
    for (std::size_t j = from; j + 1 < at; ++j)
        if (is_comma(a, st.items[j]) || a.is(st.items[j], EntryKind::Title) ||
            a.is(st.items[j], EntryKind::Frame) || (j == from && (st.items[j].flags & kConj)))
            return false;
    return true;
}

std::uint32_t chain_country(const Analysis& a, SentenceState& st, std::size_t j) {
    if (!chain_dash(a, st, j)) return kNone;
    for (std::size_t t = j + 1; t < st.items.size() && t < j + 12; ++t) {
        if (is_comma(a, st.items[t])) break;
        const Mention* m = mention_at(st, st.items[t].first);
        if (!m || m->entity == kNone) continue;
        const Entity& e = a.entities[m->entity];
        if (e.label == Label::Country) return e.lex;
        // A body written with its country (الأمن العمومي بالجمهورية الإيطالية).
        if (e.label != Label::City && e.rule != "agency.in-context" && e.country != kNone)
            return e.country;
    }
    return kNone;
}

Official parse_official(Analysis& a, SentenceState& st, std::size_t k) {
    Official o;
    o.first = k;
    std::size_t j = k;
    while (j < st.items.size()) {
        const Entry* t = a.entry(st.items[j], EntryKind::Title);
        if (!t || a.is(st.items[j], EntryKind::Frame)) break;
        // A title after the first one is part of the chain only without a conjunction, and
        // without a preposition (جمع الضيف بوزير الداخلية: the verb's second party).
        if (j > k && (st.items[j].flags & (kConj | kPrep))) break;
        const TitleInfo& info = a.lex.titles[t->index];
        // "وزير الداخلية الأمير …": an honorific after the office does not replace it, nor does
        // a role with the article (مساعد وزير الخارجية السفير …: السفير is an honorific).
        const bool honorific_role =
            o.office_kind && info.kind == TitleKind::Role && definite_title(a, st.items[j]);
        // "التقى الضيف مدير الأمن العام": a guest holds no office of the host; the office
        // after the word is the verb's other party.
        if (o.office_kind && a.lex.titles[o.office].en == "Guest" &&
            (info.kind == TitleKind::Office || info.kind == TitleKind::Role))
            break;
        if ((info.kind == TitleKind::Office || info.kind == TitleKind::Role) && !honorific_role) {
            o.office = t->index;
            o.office_item = j;
            o.office_kind = true;
        } else {
            if (!o.office_kind) o.office = t->index;
            o.honorific = true;
        }
        ++j;
    }
    o.last = j;
    if (!o.office_kind) return o;
    while (j < st.items.size()) {
        std::size_t probe = j;
        // A gloss in parentheses between two complements: المدير العام للأمن الوطني (الأمن العام)
        // ومراقبة التراب الوطني.
        if (!o.agencies.empty() && st.items[probe].node == 0 &&
            a.token(st.items[probe]).kind == TokenKind::Open)
            for (std::size_t c = probe + 1; c < st.items.size() && c <= probe + 6; ++c)
                if (st.items[c].node == 0 && a.token(st.items[c]).kind == TokenKind::Close) {
                    probe = c + 1;
                    break;
                }
        // "… في المغرب": the country the office is in.
        bool locative = false;
        if (!o.agencies.empty() && probe + 1 < st.items.size() &&
            a.stop_role(st.items[probe]) == StopRole::In) {
            Mention* cm = mention_at(st, st.items[probe + 1].first);
            if (cm && cm->entity != kNone && a.entities[cm->entity].label == Label::Country) {
                ++probe;
                locative = true;
            }
        }
        if (probe >= st.items.size()) break;
        const Item& it = st.items[probe];
        Mention* m = mention_at(st, it.first);
        if (!m || m->entity == kNone) break;
        const Entity& e = a.entities[m->entity];
        if (e.label == Label::City) break;
        if (locative && e.label != Label::Country) break;
        // A second complement needs و (ولمراقبة التراب الوطني); the first needs none.
        const bool first = o.agencies.empty() && o.countries.empty();
        if (!first && !(it.flags & kConj) && e.label != Label::Country) break;
        // "زار الوزير الأكاديمية": a definite title takes a body only through ل or ب.
        if (first && e.label != Label::Country && !(it.flags & (kPrep | kConj)) &&
            definite_title(a, st.items[o.office_item]))
            break;
        // "رئيسة الحكومة الإيطالية جورجيا ميلوني": a later country that is also a given name,
        // before an unknown word, opens the name.
        if (!first && e.label == Label::Country && place_given(a, st, probe)) break;
        // "ويزور الوزير الباكستاني سلطنة عُمان": a country's name right after its nisba is the
        // verb's object, not the office's.
        if (!first && e.label == Label::Country && !m->adjective && !(it.flags & (kPrep | kConj)) &&
            o.countries.size() == 1 && o.agencies.empty() && !o.adjective.empty())
            break;
        // "سفير الولايات المتحدة بتونس": a later country behind ب is where the office is held.
        if (!first && !locative && (it.flags & kPrep) && e.label == Label::Country) break;
        // "المدير العام للأمن الوطني ولمراقبة التراب الوطني": a first body joined by و is a
        // second one, after the body the title names itself.
        if (first && (it.flags & kConj) && e.label != Label::Country) o.second = true;
        j = probe;
        if (e.label == Label::Country) {
            o.countries.push_back(m->entity);
            if (m->adjective && o.adjective.empty()) o.adjective = a.slice(m->start, m->end);
        } else
            o.agencies.push_back(m->entity);
        m->complement = true;
        // Skip the items the mention covers (an agency may carry its country).
        std::size_t next = j + 1;
        while (next < st.items.size() && st.items[next].first < m->last) ++next;
        if (next < st.items.size()) {
            Mention* cm = mention_at(st, st.items[next].first);
            if (cm && cm->complement && a.entities[cm->entity].label == Label::Country) {
                o.countries.push_back(cm->entity);
                ++next;
            }
        }
        j = next;
        o.last = j;
        if (o.agencies.size() + o.countries.size() >= 3) break;
    }
    // "معاون وزير الداخلية للشؤون الأمنية"، "مستشار الوزير للشؤون الدولية": a portfolio (ل +
    // شؤون + its adjectives) is part of the office as written.
    // (Only right after the office: وزير الدولة الفرنسي لشؤون الأمن is named by its nisba.)
    if (o.agencies.empty() && o.countries.empty() && j < st.items.size() && st.items[j].node == 0 &&
        st.items[j].last - st.items[j].first == 1) {
        const std::u32string_view w = a.token(st.items[j]).form(a.text);
        if (w == U"\u0644\u0644\u0634\u0648\u0648\u0646" ||
            w == U"\u0644\u0634\u0648\u0648\u0646") {
            std::size_t e = j + 1;
            while (e < st.items.size() && e < j + 3 && st.items[e].node == 0 &&
                   a.token(st.items[e]).kind == TokenKind::Word &&
                   a.token(st.items[e]).form(a.text).rfind(U"\u0627\u0644", 0) == 0)
                ++e;
            // (Not before a nisba or a locative: وزير الدولة لشؤون الأمن البريطاني / في المملكة
            // المتحدة are read as before.)
            bool placed = false;
            for (std::size_t q = e; q < st.items.size() && q < e + 2; ++q)
                if (const Mention* m = mention_at(st, st.items[q].first); m && m->entity != kNone)
                    placed = true;
            if (e > j + 1 && !placed) {
                o.last = j = e;
                o.portfolio = true;
            }
        }
    }
    // "سفير بلادنا لدى المملكة": "our country" is the article's own.
    if (o.agencies.empty() && o.countries.empty() && j < st.items.size() &&
        a.main_country != kNone && a.main_country < a.lex.countries.size() &&
        st.items[j].last - st.items[j].first == 1 && !(st.items[j].flags & (kConj | kPrep)) &&
        a.stop_role(st.items[j]) == StopRole::Home) {
        const std::u32string_view w = a.token(st.items[j]).form(a.text);
        if (w.size() >= 4 && w.substr(w.size() - 2) == U"\u0646\u0627") {  // …نا: ours
            o.countries.push_back(
                a.country_entity(a.main_country, a.start_of(st.items[j]), a.end_of(st.items[j])));
            o.last = ++j;
        }
    }
    // "رئيس الجامعة" after "جامعة نايف العربية للعلوم الأمنية": a body written by its noun.
    if (o.agencies.empty() && o.countries.empty()) {
        std::size_t next = j;
        const std::uint32_t body = anaphoric_body(a, st, j, next);
        if (body != kNone) {
            o.agencies.push_back(body);
            o.last = j = next;
            o.anaphoric = true;
        }
    }
    // "رئيس المنظمة الدولية للشرطة الجنائية-أنتربول": the body named again after a dash.
    if (j + 1 < st.items.size() && st.items[j].node == 0 &&
        (a.token(st.items[j]).kind == TokenKind::Dash ||
         a.token(st.items[j]).kind == TokenKind::Open)) {
        Mention* m = mention_at(st, st.items[j + 1].first);
        const std::uint32_t heads = a.lex.titles[o.office].heads;
        if (m && m->entity != kNone && a.entities[m->entity].label != Label::Country &&
            (std::find(o.agencies.begin(), o.agencies.end(), m->entity) != o.agencies.end() ||
             (heads != UINT32_MAX && a.entities[m->entity].lex == heads))) {
            m->complement = true;
            std::size_t next = j + 2;
            while (next < st.items.size() && st.items[next].first < m->last) ++next;
            if (next < st.items.size() && st.items[next].node == 0 &&
                a.token(st.items[next]).kind == TokenKind::Close)
                ++next;
            o.last = j = next;
        }
    }
    o.name_at = o.agencies.empty() && o.countries.empty() ? o.last : skip_posting(a, st, o.last);
    // The body an office heads by definition (وزير الداخلية → the ministry of the interior of the
    // country in context), when the words after it did not name one.
    // "رئيس الشرطة - المدير العام … بالجمهورية الإيطالية": a generic body the article's context
    // placed takes the country the chained office writes.
    if (o.countries.empty())
        if (const std::uint32_t c = chain_country(a, st, o.last); c != kNone)
            for (std::uint32_t& ag : o.agencies) {
                const Entity old = a.entities[ag];
                if (old.rule != "agency.in-context" || old.country == c) continue;
                const std::uint32_t placed =
                    a.agency_entity(old.lex, c, old.start, old.end, old.ar);
                bool elsewhere = false;
                for (SentenceState& s2 : a.sentences)
                    for (Mention& m : s2.mentions) {
                        if (m.entity != ag) continue;
                        if (&s2 == &st && m.first >= st.items[o.first].first &&
                            m.last <= st.items[o.last - 1].last)
                            m.entity = placed;
                        else
                            elsewhere = true;
                    }
                if (!elsewhere) a.entities[ag].weak = true;
                ag = placed;
            }
    const TitleInfo& info = a.lex.titles[o.office];
    if ((o.agencies.empty() || o.second) && info.heads != UINT32_MAX) {
        std::uint32_t c = context_country(a, info.heads);
        if (!o.countries.empty())
            c = a.entities[o.countries.front()].lex;
        else if (o.agencies.empty())
            if (const std::uint32_t chained = chain_country(a, st, o.last); chained != kNone)
                c = chained;
        // The bodies one person heads are of one country.
        if (o.second && a.entities[o.agencies.front()].country != kNone)
            c = a.entities[o.agencies.front()].country;
        const std::uint32_t start = a.start_of(st.items[o.first]);
        const AgencyInfo& body = a.lex.agencies[info.heads];
        // A minister's ministry is named from his title as written: وزير المالية والميزانية →
        // وزارة المالية والميزانية.
        std::string base = body.ar;
        const std::string title =
            a.slice(a.start_of(st.items[o.office_item]), a.end_of(st.items[o.office_item]));
        for (const char* minister :
             {"\u0648\u0632\u064A\u0631 ", "\u0648\u0632\u064A\u0631\u0629 "})
            if (title.rfind(minister, 0) == 0)
                base = "\u0648\u0632\u0627\u0631\u0629 " + title.substr(std::strlen(minister));
        std::string written;
        if (!o.adjective.empty() && (body.country == AgencyInfo::kInContext || base != body.ar))
            written = agreeing(base, o.adjective);
        else if (base != body.ar)
            written = base;
        const std::size_t before = a.entities.size();
        o.agencies.insert(
            o.agencies.begin(),
            a.agency_entity(info.heads, c, start, a.end_of(st.items[o.last - 1]), written));
        o.default_body = !o.second;
        // A role's body (an ambassador's embassy) is not proposed unless the article names it:
        // the role represents the country.
        if (info.kind == TitleKind::Role && a.entities.size() > before)
            a.entities[o.agencies.front()].weak = true;
    }
    return o;
}

std::uint32_t official_country(const Analysis& a, const Official& o) {
    if (!o.countries.empty()) return a.entities[o.countries.front()].lex;
    for (std::uint32_t ag : o.agencies)
        if (a.entities[ag].country != kNone) return a.entities[ag].country;
    return kNone;
}

std::string role_key(const Analysis& a, const Official& o) {
    std::string k = "role:" + a.lex.titles[o.office].en;
    for (auto e : o.agencies) k += fmt::format(":{}", e);
    for (auto e : o.countries) k += fmt::format(":c{}", e);
    return k;
}

std::string role_en(const Analysis& a, const Official& o) {
    std::string en = a.lex.titles[o.office].en;
    if (!o.agencies.empty()) {
        en += " of " + a.entities[o.agencies.front()].en;
        for (std::size_t i = 1; i < o.agencies.size(); ++i)
            en += " and of " + a.entities[o.agencies[i]].en;
    } else if (!o.countries.empty()) {
        en += " of " + a.entities[o.countries.front()].en;
    }
    return en;
}

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
            if (o.anaphoric && name.valid() && !is_comma(a, st.items[o.last])) name = NameSpan{};
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
