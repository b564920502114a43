// Visits told in a relative clause about the visitor (docs/extract.md): "التقى … بوزير الدولة
// …، الذي يزور مملكة البحرين حاليا"، "مع الوزير التركي والوفد المرافق، الذي يزور البلاد". The
// visitor is the person named right before الذي / التي, not the sentence's subject; a host
// country written without its name (البلاد، بلادنا) is never the visitor's own. Run after the
// frames, on their VISITED facts and on the clauses they left without one.
#include <algorithm>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

bool relative_word(const Analysis& a, const Token& t) {
    for (const auto& [first, forms] : a.lex.event_forms_by_first) {
        if (!t.has(first)) continue;
        for (std::uint32_t f : forms) {
            const auto& form = a.lex.event_forms[f];
            if (form.words.size() == 1 &&
                a.lex.event_words[form.info].kind == EventWordKind::Relative)
                return true;
        }
    }
    return false;
}

// The person named last before token `before`, with only a companion phrase (والوفد المرافق له)
// or a comma between; kNone when another kind of word intervenes first.
std::uint32_t visitor_before(const Analysis& a, const SentenceState& st, std::uint32_t before) {
    const Mention* best = nullptr;
    for (const Mention& m : st.mentions) {
        if (m.entity == kNone || m.complement || m.last > before) continue;
        if (a.entities[m.entity].label != Label::Person) continue;
        if (!best || m.last > best->last) best = &m;
    }
    if (!best || before - best->last > 5) return kNone;
    return best->entity;
}

// The host country of a visit named without its name: of whoever received or met the visitor,
// else the article's, else its first city's; never the visitor's own.
std::uint32_t host_country(const Analysis& a, std::uint32_t visitor) {
    // The visitor's own country: the one they sign or speak for (ومن الجانب السعودي …) before
    // the one their office was placed in by the article's context.
    std::uint32_t own = a.entities[visitor].country;
    for (const Fact& f : a.facts)
        if (f.relation == "REPRESENTS" && f.a == visitor && a.entities[f.b].label == Label::Country)
            own = a.entities[f.b].lex;
    for (std::size_t i = a.facts.size(); i-- > 0;) {
        const Fact& f = a.facts[i];
        if ((f.relation == "RECEIVED" || f.relation == "MET_WITH") &&
            (f.a == visitor || f.b == visitor)) {
            const std::uint32_t c = a.entities[f.a == visitor ? f.b : f.a].country;
            if (c != kNone && c != own) return c;
        }
    }
    if (a.main_country != kNone && a.main_country != own) return a.main_country;
    // The dateline's city (انواكشوط - …): where the article is written from.
    for (const SentenceState& st : a.sentences)
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone) continue;
            const Entity& e = a.entities[m.entity];
            if (e.label == Label::City && e.country != kNone)
                return e.country != own ? e.country : kNone;
        }
    return kNone;
}

// The place visited: the first country, city or body within a few tokens after the trigger, or
// a word for the host country; kNone when none is there.
std::uint32_t destination(Analysis& a, const SentenceState& st, std::uint32_t from,
                          std::uint32_t visitor, std::uint32_t& end) {
    const std::uint32_t limit = std::min(st.s.last, from + 5);
    for (std::uint32_t t = from; t < limit; ++t) {
        for (const Mention& m : st.mentions) {
            if (m.first != t || m.entity == kNone) continue;
            const Label l = a.entities[m.entity].label;
            if (l == Label::Person || l == Label::Event) return kNone;
            end = m.end;
            return m.entity;
        }
        for (const Item& it : st.items)
            if (it.first == t && a.stop_role(it) == StopRole::Home) {
                const std::uint32_t host = host_country(a, visitor);
                if (host == kNone) return kNone;
                end = a.end_of(it);
                return a.country_entity(host, a.start_of(it), end);
            }
        const Token& tok = a.tokens.tokens[t];
        if (tok.kind == TokenKind::Comma) return kNone;
    }
    return kNone;
}

// "حل … بالمعهد الملكي للشرطة بالقنيطرة": a body visited with its city written right after it
// (behind ب or في) is a visit to both, whichever of them the frame took.
void add_cities_beside_bodies(Analysis& a) {
    const std::size_t n = a.facts.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (a.facts[i].relation != "VISITED") continue;
        const std::uint32_t target = a.facts[i].b;
        for (const SentenceState& st : a.sentences) {
            if (st.s.first >= st.s.last || a.tokens.tokens[st.s.first].start > a.facts[i].end ||
                a.tokens.tokens[st.s.last - 1].end < a.facts[i].start)
                continue;
            for (const Mention& body : st.mentions) {
                if (body.entity == kNone || body.start < a.facts[i].start) continue;
                const Label l = a.entities[body.entity].label;
                if (l != Label::Agency && l != Label::Organization) continue;
                std::uint32_t at = body.last;
                if (at < st.s.last && a.tokens.tokens[at].form(a.text) == U"\u0641\u064A") ++at;
                for (const Mention& city : st.mentions) {
                    if (city.first != at || city.entity == kNone ||
                        a.entities[city.entity].label != Label::City)
                        continue;
                    const Token& t = a.tokens.tokens[city.first];
                    if (at == body.last && a.text.folded[t.fstart] != U'\u0628') continue;
                    if (target != body.entity && target != city.entity) continue;
                    Fact f = a.facts[i];
                    f.b = target == body.entity ? city.entity : body.entity;
                    f.start = std::min(f.start, body.start);
                    f.end = std::max(f.end, city.end);
                    f.rule += target == body.entity ? ".city" : ".body";
                    a.facts.push_back(f);
                }
            }
        }
    }
}

// زيارته، زيارتها (folded): the noun's last word carries its own pronoun.
bool own_pronoun(const Analysis& a, const Item& it) {
    if (it.flags & kSuffix) return true;
    const std::u32string_view w = a.tokens.tokens[it.last - 1].form(a.text);
    auto ends = [&](std::u32string_view e) {
        return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
    };
    return ends(U"\u062A\u0647") || ends(U"\u062A\u0647\u0627");
}

// "استقبل X … Y … بمناسبة زيارته الرسمية للبلاد": a noun of visit with its own pronoun after a
// reception in its sentence is the guest's visit; the host does not visit the country he
// receives in.
void guest_visits(Analysis& a, const SentenceState& st, const Item& it) {
    const std::uint32_t trigger = a.start_of(it);
    const std::uint32_t from = a.tokens.tokens[st.s.first].start;
    const Fact* reception = nullptr;
    for (const Fact& f : a.facts)
        if (f.relation == "RECEIVED" && f.start >= from && f.end <= trigger &&
            a.entities[f.b].label == Label::Person)
            reception = &f;
    if (!reception) return;
    const std::uint32_t host = reception->a, guest = reception->b;
    for (Fact& f : a.facts) {
        if (f.relation != "VISITED" || f.a != host || trigger < f.start || trigger >= f.end)
            continue;
        f.a = guest;
        const Entity& place = a.entities[f.b];
        if (place.label == Label::Country && place.lex == a.entities[guest].country) {
            const std::uint32_t country = host_country(a, guest);
            if (country != kNone) f.b = a.country_entity(country, f.start, f.end);
        }
        f.rule += ".guest";
    }
}

}  // namespace

void find_relative_visits(Analysis& a) {
    for (SentenceState& st : a.sentences) {
        for (const Item& it : st.items) {
            const Entry* e = a.entry(it, EntryKind::Frame);
            if (e && a.lex.frames[e->index].relation == "VISITED" &&
                a.lex.frames[e->index].voice == Voice::Nominal && own_pronoun(a, it))
                guest_visits(a, st, it);
            if (!e || a.lex.frames[e->index].relation != "VISITED" ||
                a.lex.frames[e->index].voice != Voice::Active)
                continue;
            // الذي right before the verb (or before the auxiliary of "الذي يقوم بزيارة").
            std::uint32_t rel = kNone;
            for (std::uint32_t t = it.first; t-- > st.s.first && t + 2 >= it.first;)
                if (relative_word(a, a.tokens.tokens[t])) {
                    rel = t;
                    break;
                }
            if (rel == kNone) continue;
            const std::uint32_t visitor = visitor_before(a, st, rel);
            if (visitor == kNone) continue;
            const std::uint32_t trigger = a.start_of(it);
            bool found = false;
            for (Fact& f : a.facts) {
                if (f.relation != "VISITED" || trigger < f.start || trigger >= f.end) continue;
                found = true;
                // A host named without its name may have been read for another visitor, or
                // before the visitor's own country was known: never the visitor's own.
                const Entity& place = a.entities[f.b];
                if (place.label == Label::Country && place.lex == a.entities[visitor].country) {
                    const std::uint32_t host = host_country(a, visitor);
                    if (host != kNone) f.b = a.country_entity(host, f.start, f.end);
                }
                if (f.a == visitor) continue;
                f.a = visitor;
                f.rule += ".relative";
            }
            if (found) continue;
            std::uint32_t end = 0;
            const std::uint32_t place = destination(a, st, it.last, visitor, end);
            if (place == kNone) continue;
            Fact f;
            f.relation = "VISITED";
            f.a = visitor;
            f.b = place;
            f.confidence = a.lex.frames[e->index].confidence;
            f.rule = "frame.active.relative";
            f.start = a.tokens.tokens[rel].start;
            f.end = end;
            if (const Entry* m = a.entry(it, EntryKind::Modality))
                f.planned = a.lex.modalities[m->index] == Modality::Planned;
            date_fact(a, st, f);
            a.facts.push_back(f);
        }
    }
    add_cities_beside_bodies(a);
}

}  // namespace liaison::extract
