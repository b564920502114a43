// Officials: a chain of titles, ranks and honorifics, then what the office is of (agencies and
// countries joined by و) and where it is held; and the keys and English names of their roles.
// The first half of the persons recogniser (persons.cpp reads names around them).
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "extract/analysis.hpp"
#include "extract/persons_internal.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract::person_detail {

namespace {

Mention* mention_at(SentenceState& st, std::uint32_t token) {
    for (Mention& m : st.mentions)
        if (m.first == token) return &m;
    return nullptr;
}

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

}  // namespace

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
// Without the comma, the complement must open behind ل or ب ("المدير العام لوكالة التحقيقات
// الاتحادية السيد …").
bool apposed(const Analysis& a, const SentenceState& st, std::size_t from, std::size_t at) {
    if (at == 0 || at <= from || at - from > 7) return false;
    if (!is_comma(a, st.items[at - 1])) {
        const std::u32string_view w = a.token(st.items[from]).form(a.text);
        const bool behind =
            (st.items[from].flags & kPrep) ||
            (st.items[from].node == 0 && w.size() >= 4 && (w[0] == U'\u0644' || w[0] == U'\u0628'));
        if (!behind || (st.items[from].flags & kConj) ||
            a.token(st.items[at - 1]).kind != TokenKind::Word)
            return false;
    }
    for (std::size_t j = from; j + 1 < at; ++j)
        if (is_comma(a, st.items[j]) || a.is(st.items[j], EntryKind::Title) ||
            a.is(st.items[j], EntryKind::Frame) || (j == from && (st.items[j].flags & kConj)))
            return false;
    return true;
}

namespace {

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

}  // namespace

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

}  // namespace liaison::extract::person_detail
