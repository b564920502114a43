// Who acts for whom: the person written right after عن X (on behalf of X) and the head of a
// country's delegation, both REPRESENTS. Split from persons.cpp, which finds the persons.
#include "extract/analysis.hpp"
#include "extract/persons_internal.hpp"

namespace liaison::extract::person_detail {

namespace {

const Mention* mention_at(const SentenceState& st, std::uint32_t token) {
    for (const Mention& m : st.mentions)
        if (m.first == token) return &m;
    return nullptr;
}

// The word without a conjunction (وعن → عن).
std::u32string_view without_conj(std::u32string_view w) {
    if (w.size() > 2 && (w[0] == U'\u0648' || w[0] == U'\u0641')) w.remove_prefix(1);
    return w;
}

}  // namespace

// "وعن الجانب الكويتي اللواء فهد …"، "وقّع عن شرطة عُمان السلطانية الفريق حمد …"، "نيابة عن
// المغرب السيد …": the person written right after عن X acts on behalf of X.
void find_on_behalf(Analysis& a) {
    for (SentenceState& st : a.sentences)
        for (std::size_t k = 0; k + 2 < st.items.size(); ++k) {
            const Item& it = st.items[k];
            auto is_side = [&](std::uint32_t token) {
                const std::u32string_view w = a.tokens.tokens[token].form(a.text);
                return w == U"\u0627\u0644\u062C\u0627\u0646\u0628" ||  // الجانب
                       w == U"\u062C\u0627\u0646\u0628";                // جانب
            };
            const std::u32string_view w = without_conj(a.tokens.tokens[it.first].form(a.text));
            std::size_t p = k + 1;
            if (w == U"\u0639\u0646" && it.last - it.first == 1) {  // عن
                if (is_side(st.items[p].first)) ++p;
            } else if (w == U"\u0645\u0646") {  // من الجانب X: on X's side
                if (it.last - it.first == 2 && is_side(it.first + 1)) {
                } else if (it.last - it.first == 1 && is_side(st.items[p].first)) {
                    ++p;
                } else {
                    continue;
                }
            } else {
                continue;
            }
            if (p >= st.items.size()) continue;
            const Mention* body = mention_at(st, st.items[p].first);
            if (!body || body->entity == kNone || body->kind != MentionKind::Entity) continue;
            const Label l = a.entities[body->entity].label;
            if (l != Label::Country && l != Label::Agency && l != Label::Organization) continue;
            std::size_t q = p;
            while (q < st.items.size() && st.items[q].first < body->last) ++q;
            // The country written after an agency belongs to its name.
            if (q < st.items.size())
                if (const Mention* cm = mention_at(st, st.items[q].first); cm && cm->complement)
                    while (q < st.items.size() && st.items[q].first < cm->last) ++q;
            if (q < st.items.size() && is_comma(a, st.items[q])) ++q;
            if (q >= st.items.size()) continue;
            const Mention* person = nullptr;
            for (const Mention& m : st.mentions)
                if (m.first == st.items[q].first && m.entity != kNone &&
                    a.entities[m.entity].label == Label::Person)
                    person = &m;
            if (!person) continue;
            Fact f;
            f.relation = "REPRESENTS";
            f.a = person->entity;
            f.b = body->entity;
            f.confidence = 0.75;
            f.rule = "role.on-behalf";
            f.start = a.start_of(it);
            f.end = person->end;
            a.facts.push_back(f);
        }
}

namespace {

const Mention* mention_of(const SentenceState& st, std::uint32_t token, Label label,
                          const Analysis& a) {
    for (const Mention& m : st.mentions)
        if (m.first == token && m.entity != kNone && a.entities[m.entity].label == label) return &m;
    return nullptr;
}

// The folded word without clitics and the article is one of `words`.
bool word_is(const Analysis& a, const Item& it, std::initializer_list<std::u32string_view> words) {
    if (it.last - it.first != 1) return false;
    bool found = false;
    word_variants(a.token(it).form(a.text), [&](std::u32string_view w, std::uint8_t, std::uint8_t) {
        for (std::u32string_view x : words) found = found || strip_article(w) == x;
    });
    return found;
}

}  // namespace

// The head of a country's delegation represents it: "وفد أمني إماراتي، يقوده اللواء …"، "وفد
// المغرب برئاسة …"، "ترأس اللواء … وفد لبنان".
void find_delegation_heads(Analysis& a) {
    static constexpr std::u32string_view delegation = U"\u0648\u0641\u062F";  // وفد
    for (SentenceState& st : a.sentences) {
        const std::size_t n = st.items.size();
        auto country_after = [&](std::size_t k, std::size_t& end) -> const Mention* {
            // وفد [أمني|رفيع|من] COUNTRY
            for (std::size_t j = k + 1; j < n && j <= k + 3; ++j) {
                if (const Mention* c = mention_of(st, st.items[j].first, Label::Country, a)) {
                    end = j + 1;
                    return c;
                }
                if (st.items[j].node != 0 && !a.is(st.items[j], EntryKind::Stopword)) break;
            }
            return nullptr;
        };
        auto person_at = [&](std::size_t j) -> const Mention* {
            if (j < n && is_comma(a, st.items[j])) ++j;
            return j < n ? mention_of(st, st.items[j].first, Label::Person, a) : nullptr;
        };
        auto relate = [&](const Mention* person, const Mention* country, std::uint32_t start) {
            Fact f;
            f.relation = "REPRESENTS";
            f.a = person->entity;
            f.b = country->entity;
            f.confidence = 0.7;
            f.rule = "role.delegation";
            f.start = std::min(start, person->start);
            f.end = std::max(country->end, person->end);
            a.facts.push_back(f);
        };
        for (std::size_t k = 0; k < n; ++k) {
            if (!word_is(a, st.items[k], {delegation, U"\u0648\u0641\u062F\u0627"})) continue;
            std::size_t end = 0;
            const Mention* country = country_after(k, end);
            if (!country) continue;
            // … برئاسة / يقوده / يترأسه PERSON
            std::size_t j = end;
            if (j < n && is_comma(a, st.items[j])) ++j;
            if (j < n &&
                word_is(a, st.items[j],
                        {U"\u0631\u064A\u0627\u0633\u0647", U"\u064A\u0642\u0648\u062F\u0647",
                         U"\u064A\u062A\u0631\u0627\u0633\u0647", U"\u064A\u0631\u0627\u0633\u0647",
                         U"\u0642\u064A\u0627\u062F\u0647"}))
                if (const Mention* person = person_at(j + 1))
                    relate(person, country, a.start_of(st.items[k]));
            // ترأس / يترأس / رأس PERSON وفد COUNTRY
            if (k >= 2)
                for (const Mention& m : st.mentions) {
                    if (m.entity == kNone || a.entities[m.entity].label != Label::Person ||
                        m.last != st.items[k].first)
                        continue;
                    std::size_t v = 0;
                    while (v < n && st.items[v].last <= m.first) ++v;
                    if (v == 0) break;
                    if (word_is(
                            a, st.items[v - 1],
                            {U"\u062A\u0631\u0627\u0633", U"\u064A\u062A\u0631\u0627\u0633",
                             U"\u062A\u062A\u0631\u0627\u0633", U"\u062A\u0631\u0627\u0633\u062A",
                             U"\u0642\u0627\u062F", U"\u064A\u0642\u0648\u062F"}))
                        relate(&m, country, a.start_of(st.items[v - 1]));
                    break;
                }
        }
    }
}

}  // namespace liaison::extract::person_detail
