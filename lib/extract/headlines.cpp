// Headlines: the press repeats the lead in its headline, in a shorter wording (present tense for
// a past fact, an office for the person the body names, a body for its head). A headline fact
// is kept only when its parties are persons or bodies the body text names, directly or through
// an office the body gives one named person; it then takes the status and date of the body fact
// it repeats and adds its quote to it. Any other headline fact is dropped.
#include <algorithm>
#include <optional>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

bool interaction(const std::string& r) {
    return r == "MET_WITH" || r == "RECEIVED" || r == "VISITED" || r.rfind("SIGNED_", 0) == 0;
}

bool symmetric(const std::string& r) { return r == "MET_WITH" || r.rfind("SIGNED_", 0) == 0; }

// Whether fact g links x and y as f's relation would (either way for a symmetric one).
bool links(const Fact& g, const std::string& rel, std::uint32_t x, std::uint32_t y) {
    if (g.relation != rel) return false;
    if (g.a == x && g.b == y) return true;
    return symmetric(rel) && g.a == y && g.b == x;
}

}  // namespace

void resolve_headline(Analysis& a, bool has_headline) {
    if (!has_headline) return;
    // The headline is the first line of the article (describe_document), when a line follows.
    const std::u32string& t = a.text.original;
    std::size_t first = 0;
    while (first < t.size() &&
           (t[first] == U' ' || t[first] == U'\n' || t[first] == U'\r' || t[first] == U'\t'))
        ++first;
    const std::size_t nl = t.find(U'\n', first);
    if (first >= t.size() || nl == std::u32string::npos) return;
    const auto end = static_cast<std::uint32_t>(nl);
    bool any = false;
    for (const Fact& f : a.facts) any = any || (f.start < end && interaction(f.relation));
    if (!any) return;

    // The entities the body names, and those its facts link.
    std::vector<bool> body(a.entities.size(), false);
    for (const SentenceState& st : a.sentences)
        if (st.s.first < st.s.last && a.tokens.tokens[st.s.first].start >= end)
            for (const Mention& m : st.mentions)
                if (m.entity != kNone) body[m.entity] = true;
    std::vector<std::size_t> body_facts;
    for (std::size_t i = 0; i < a.facts.size(); ++i)
        if (a.facts[i].start >= end) {
            body_facts.push_back(i);
            body[a.facts[i].a] = body[a.facts[i].b] = true;
        }
    auto named = [&](std::uint32_t i) {
        const Entity& e = a.entities[i];
        return e.label == Label::Person && !e.unnamed && !e.weak && body[i];
    };
    // Whether body entity `who` stands for headline party `x`: the same, or a person heading or
    // representing it (حرمو for الدرك الملكي).
    auto stands_for = [&](std::uint32_t who, std::uint32_t x) {
        if (who == x) return true;
        for (std::size_t i : body_facts) {
            const Fact& g = a.facts[i];
            if ((g.relation == "HEADS" || g.relation == "REPRESENTS") && g.a == who && g.b == x)
                return true;
        }
        return a.entities[who].label == Label::Person && a.entities[who].agency == x;
    };
    std::vector<std::uint32_t> same(a.entities.size(), kNone);  // a headline role → its person
    // A party the body does not name: the one named person of the body holding the same office
    // of the same body or country (رئيس الشرطة الإيطالية, وزير الداخلية), else the one the body
    // fact of this relation with the other party has in its place.
    auto resolve = [&](std::uint32_t x, std::uint32_t other, const Fact& f, bool subject) {
        if (body[x]) return x;
        if (same[x] != kNone) return same[x];
        const Entity& e = a.entities[x];
        // "الجمارك المغربية توقعان": a generic body of a country is the body of that country
        // the text names whose name holds the generic's (Customs and Indirect Tax Administration).
        if ((e.label == Label::Agency || e.label == Label::Organization) && e.lex != kNone &&
            e.country != kNone && a.lex.agencies[e.lex].key.rfind('@', 0) == 0) {
            const std::string& kind = a.lex.agencies[e.lex].en;
            std::uint32_t found = kNone;
            bool several = false;
            for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
                const Entity& b = a.entities[i];
                if (i == x || !body[i] || b.weak || b.lex == kNone || b.country != e.country ||
                    (b.label != Label::Agency && b.label != Label::Organization) ||
                    a.lex.agencies[b.lex].en.find(kind) == std::string::npos)
                    continue;
                several = several || (found != kNone && found != i);
                found = i;
            }
            if (found == kNone || several) return kNone;
            same[x] = found;
            return found;
        }
        if (e.label != Label::Person) return kNone;
        std::uint32_t found = kNone;
        bool several = false;
        // The bodies the role heads: a person heading one of them holds that office.
        std::vector<std::uint32_t> headed;
        for (const Fact& g : a.facts)
            if (g.relation == "HEADS" && g.a == x) headed.push_back(g.b);
        // The body's official heading it may be unnamed (رئيس الحرس المدني: المديرة العامة …).
        for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
            const Entity& p = a.entities[i];
            if (i == x || p.label != Label::Person || p.weak || !body[i]) continue;
            if (p.unnamed && headed.empty()) continue;
            if (e.country != kNone && p.country != kNone && e.country != p.country) continue;
            bool holds = !p.unnamed && e.title != kNone && p.title != kNone &&
                         a.lex.titles[p.title].en == a.lex.titles[e.title].en &&
                         (e.agency == kNone || p.agency == kNone || e.agency == p.agency);
            for (const Fact& g : a.facts)
                holds = holds || (g.relation == "HEADS" && g.a == i &&
                                  std::find(headed.begin(), headed.end(), g.b) != headed.end());
            if (!holds) continue;
            several = several || (found != kNone && found != i);
            found = i;
        }
        if (found == kNone && other != kNone)
            for (std::size_t i : body_facts) {
                const Fact& g = a.facts[i];
                if (g.relation != f.relation) continue;
                std::uint32_t cand = kNone;
                if (subject ? g.b == other : g.a == other) cand = subject ? g.a : g.b;
                if (cand == kNone && symmetric(f.relation) && (g.a == other || g.b == other))
                    cand = g.a == other ? g.b : g.a;
                if (cand == kNone || !named(cand)) continue;
                const Entity& p = a.entities[cand];
                if (e.country != kNone && p.country != kNone && e.country != p.country) continue;
                several = several || (found != kNone && found != cand);
                found = cand;
            }
        if (found == kNone || several) return kNone;
        same[x] = found;
        return found;
    };

    // The lead's date: a headline repeats the lead.
    std::optional<TimeSpan> lead;
    for (const SentenceState& st : a.sentences)
        if (!lead && st.s.first < st.s.last && a.tokens.tokens[st.s.first].start >= end && st.time)
            lead = st.time;
    std::vector<Fact> kept, echoes;
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        Fact f = a.facts[i];
        if (f.start >= end || !interaction(f.relation)) {
            kept.push_back(std::move(f));
            continue;
        }
        // Resolve the party the body names first: the other may be found through its fact.
        std::uint32_t x = f.a, y = f.b;
        if (!body[x] && body[y]) {
            y = resolve(y, kNone, f, false);
            x = resolve(x, y, f, true);
        } else {
            x = resolve(x, kNone, f, true);
            y = resolve(y, x, f, false);
        }
        if (x == kNone || y == kNone || x == y) continue;
        // "Dubai Police chief receives Europol": a body receives through its head.
        if (f.relation == "RECEIVED" && a.entities[x].label != Label::Person) continue;
        f.a = x;
        f.b = y;
        // The body's own fact: the headline repeats it, and adds its quote to it after it (the
        // body's date and status go first).
        bool repeated = false;
        for (std::size_t j : body_facts)
            if (!repeated && links(a.facts[j], f.relation, x, y)) {
                repeated = true;
                f.planned = a.facts[j].planned;
                f.time = a.facts[j].time;
            }
        if (repeated) {
            echoes.push_back(std::move(f));
            continue;
        }
        // A fact of the body between those who act for the headline's parties gives the status
        // (الدرك الملكي ونظيره الفرنسي يوقعان: the two commanders signed).
        for (std::size_t j : body_facts) {
            const Fact& g = a.facts[j];
            if (g.relation != f.relation) continue;
            const bool direct = stands_for(g.a, x) && stands_for(g.b, y);
            const bool swapped = symmetric(f.relation) && stands_for(g.a, y) && stands_for(g.b, x);
            if (direct || swapped) {
                f.planned = g.planned;
                break;
            }
        }
        // A planned fact takes no day from the report around it.
        if (f.time.empty() && lead && !f.planned) f.time = *lead;
        kept.push_back(std::move(f));
    }
    for (Fact& f : echoes) kept.push_back(std::move(f));
    // A headline role resolved to a person is that person everywhere (its office's HEADS too),
    // and one of their names.
    for (Fact& f : kept) {
        if (same[f.a] != kNone) f.a = same[f.a];
        if (same[f.b] != kNone) f.b = same[f.b];
    }
    kept.erase(std::remove_if(kept.begin(), kept.end(), [](const Fact& f) { return f.a == f.b; }),
               kept.end());
    for (std::uint32_t r = 0; r < a.entities.size(); ++r) {
        if (same[r] == kNone) continue;
        Entity& role = a.entities[r];
        role.weak = true;
        Entity& person = a.entities[same[r]];
        if (std::find(person.aliases.begin(), person.aliases.end(), role.ar) ==
            person.aliases.end())
            person.aliases.push_back(role.ar);
    }
    for (SentenceState& st : a.sentences)
        for (Mention& m : st.mentions)
            if (m.entity != kNone && same[m.entity] != kNone) m.entity = same[m.entity];
    a.facts = std::move(kept);
}

}  // namespace liaison::extract
