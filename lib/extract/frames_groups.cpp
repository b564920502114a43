// Groups of parties (docs/extract.md, § Pipeline 7): persons joined by و as one subject (X وY،
// X ونظيرته الألمانية Y), the agents of a nominal visit (زيارة قامت بها A وB وC), and the words
// that stand for the last such group: an office in the dual (الوزيران) or a verb in the dual or
// plural with no subject of its own (التقوا خلالها، يتنقلان).
#include <algorithm>
#include <string_view>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

namespace {

// A word of the folded text at `token`, without a leading و / ف when the rest is long enough.
std::u32string_view bare(const Analysis& a, std::uint32_t token) {
    std::u32string_view w = a.tokens.tokens[token].form(a.text);
    if (w.size() > 3 && (w[0] == U'\u0648' || w[0] == U'\u0641')) w.remove_prefix(1);
    return w;
}

}  // namespace

// Between two parties only list glue, or a counterpart word carrying و with its country
// adjective (دارمانان ونظيرته الألمانية نانسي فيزر): the second is joined to the first.
bool joined_party(const Analysis& a, const SentenceState& st, const Participant& prev,
                  const Participant& p) {
    // و on the party's first word: the clitic flag, or a mention that starts after the و.
    const Token& w = a.tokens.tokens[p.first];
    const bool conj =
        (p.flags & kConj) || (p.start > w.start && a.text.folded[w.fstart] == U'\u0648');
    if (conj) return list_glue(a, st, prev.last, p.first);
    bool counterpart = false;
    for (const Item& it : st.items) {
        if (it.first < prev.last || it.first >= p.first) continue;
        if (!counterpart && a.is(it, EntryKind::Counterpart) && (it.flags & kConj)) {
            counterpart = true;
            continue;
        }
        if (counterpart && a.is(it, EntryKind::Country)) continue;
        if (!list_glue(a, st, it.first, it.last)) return false;
    }
    return counterpart;
}

std::size_t joined_persons(const Analysis& a, const SentenceState& st,
                           const std::vector<const Participant*>& list, std::size_t i) {
    std::size_t k = i + 1;
    while (k < list.size() && !list[k]->counterpart && label_of(a, *list[k]) == Label::Person &&
           joined_party(a, st, *list[k - 1], *list[k]))
        ++k;
    return k;
}

// The agents of a nominal visit: "زيارة قامت بها"، "الزيارة التي قام بها" right after it.
bool agents_follow(const Analysis& a, const Trigger& tr, std::uint32_t limit) {
    constexpr std::u32string_view kDid = U"\u0642\u0627\u0645";  // قام، قامت، قاما، قاموا
    for (std::uint32_t k = tr.first; k + 1 < limit && k < tr.last + 2; ++k) {
        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
        const std::u32string_view n = a.tokens.tokens[k + 1].form(a.text);
        if (w.substr(0, kDid.size()) == kDid && w.size() <= 5 &&
            (n == U"\u0628\u0647\u0627" || n == U"\u0628\u0647"))  // بها، به
            return true;
    }
    // "خلال زيارة يجريها X"، "الزيارة التي أجراها X": a verb of doing with the visit as its
    // pronoun (folded: يجريها، تجريها، يجريه، اجراها، اجراه، يوديها، توديها).
    // The lexicons may hold the pair as one trigger (زيارة يجريها).
    for (std::uint32_t k = tr.first + 1; k < limit && k < tr.last + 2; ++k) {
        std::u32string_view w = a.tokens.tokens[k].form(a.text);
        if (w.size() > 5 && w[0] == U'\u0648') w.remove_prefix(1);
        for (std::u32string_view d :
             {U"\u064A\u062C\u0631\u064A\u0647\u0627", U"\u062A\u062C\u0631\u064A\u0647\u0627",
              U"\u064A\u062C\u0631\u064A\u0647", U"\u0627\u062C\u0631\u0627\u0647\u0627",
              U"\u0627\u062C\u0631\u0627\u0647", U"\u064A\u0648\u062F\u064A\u0647\u0627",
              U"\u062A\u0648\u062F\u064A\u0647\u0627"})
            if (w == d) return true;
    }
    return false;
}

bool visitor_behind_lam(const Analysis& a, const SentenceState& st, const Trigger& noun,
                        const std::vector<const Participant*>& after) {
    if (after.empty() || after[0]->counterpart || after[0]->entity == kNone) return false;
    // "زيارة مرتقبة لوفد قطري إلى جاكرتا": a delegation with no head, behind ل, is its country.
    const Label label = a.entities[after[0]->entity].label;
    if (label == Label::Country && after[0]->adjective && after[0]->first > noun.last &&
        after[0]->first <= noun.last + 3) {
        const std::u32string_view d = a.tokens.tokens[after[0]->first - 1].form(a.text);
        if (d.size() < 4 || d[0] != U'\u0644' || !delegation_word(d)) return false;
    } else {
        if (label != Label::Person || after[0]->first > noun.last + 1) return false;
        const std::u32string_view w = a.tokens.tokens[after[0]->first].form(a.text);
        if (w.size() < 3 || w[0] != U'\u0644' || !(after[0]->flags & kPrep)) return false;  // ل
    }
    for (const Item& it : st.items)
        if (it.first >= after[0]->last && it.first <= after[0]->last + 1 &&
            a.stop_role(it) == StopRole::To)
            return true;
    return false;
}

// "ذكر بيان للوزارة أن الوزير استقبل السفير"، "وقال إن X التقى Y": reported speech puts its
// subject first, right after أن / إن / بأن, so it opens a clause of its own.
bool that_before(const Analysis& a, const SentenceState& st, std::uint32_t first) {
    if (first <= st.s.first) return false;
    const std::u32string_view w = a.tokens.tokens[first - 1].form(a.text);
    return w == U"\u0627\u0646" || w == U"\u0628\u0627\u0646";  // أن، إن، بأن (folded)
}

// A verb in the dual or the plural: التقيا، التقوا، وصلا، يلتقيان، يصلون، سيتوجهان (folded).
bool plural_verb(const Analysis& a, const Trigger& tr) {
    if (tr.frame->voice == Voice::Nominal || latin(a, tr)) return false;
    const std::u32string_view w = bare(a, tr.first);
    if (w.size() < 4) return false;
    const char32_t last = w.back(), before = w[w.size() - 2];
    const bool present = w[0] == U'\u064A' || w[0] == U'\u062A' || w[0] == U'\u0633';  // ي ت س
    if (last == U'\u0627') return true;  // …ا، …وا
    if (present && last == U'\u0646')    // …ان، …ون
        return before == U'\u0627' || before == U'\u0648';
    return false;
}

// الوزيران، المسؤولين، القائدان: an office in the dual (nominative or oblique, folded); its
// head word as the lexicons write it (وزير), or an empty string.
std::string dual_office(const Analysis& a, const Item& it) {
    if (it.last - it.first != 1 || a.token(it).kind != TokenKind::Word) return {};
    std::u32string_view w = bare(a, it.first);
    if (w.size() > 5 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    static constexpr std::pair<std::u32string_view, const char*> kHeads[] = {
        {U"\u0648\u0632\u064a\u0631", "وزير"}, {U"\u0645\u0633\u0648\u0648\u0644", "مسؤول"},
        {U"\u0645\u062f\u064a\u0631", "مدير"}, {U"\u0642\u0627\u064a\u062f", "قائد"},
        {U"\u0631\u064a\u064a\u0633", "رئيس"}, {U"\u0645\u0641\u0648\u0636", "مفوض"},
        {U"\u0627\u0645\u064a\u0646", "أمين"}, {U"\u0633\u0641\u064a\u0631", "سفير"}};
    for (const auto& [stem, head] : kHeads)
        if (w.size() == stem.size() + 2 && w.substr(0, stem.size()) == stem &&
            (w.substr(stem.size()) == U"\u0627\u0646" || w.substr(stem.size()) == U"\u064a\u0646"))
            return head;
    return {};
}

namespace {

// A person whose office opens with `head` (وزير الداخلية for الوزيران); any person when empty.
bool holds(const Analysis& a, std::uint32_t e, const std::string& head) {
    const Entity& p = a.entities[e];
    if (p.label != Label::Person) return false;
    if (head.empty()) return true;
    auto opens = [&](std::string_view t) {
        if (t.rfind("ال", 0) == 0) t.remove_prefix(std::string_view("ال").size());
        return t.rfind(head, 0) == 0;
    };
    return (p.title != kNone && opens(a.lex.titles[p.title].form)) || opens(p.title_text);
}

}  // namespace

// The group a dual or plural stands for: the last compound subject, else the two persons of the
// last meeting or reception; holders of the dual's office first, and peers who met before a
// host and his guest (الوزيران: the two ministers who held talks, not the prime minister who
// received one of them).
std::vector<std::uint32_t> last_group(const Analysis& a, const std::vector<std::uint32_t>& group,
                                      const std::string& head) {
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    // A dual or plural verb (no office written: وبحثا) stands for the latest encounter, a
    // reception as much as a meeting.
    for (int pass = head.empty() ? 1 : 0; pass < 3; ++pass) {
        const std::string h = pass < 2 ? head : std::string();
        if (group.size() >= 2 && std::all_of(group.begin(), group.end(),
                                             [&](std::uint32_t e) { return holds(a, e, h); }))
            return group;
        for (std::size_t i = a.facts.size(); i-- > stop;) {
            const Fact& f = a.facts[i];
            // Two persons who signed with each other met too.
            const bool met =
                f.relation == "MET_WITH" ||
                (pass > 0 && (f.relation == "RECEIVED" || f.relation.rfind("SIGNED_", 0) == 0));
            if (met && holds(a, f.a, h) && holds(a, f.b, h)) return {f.a, f.b};
        }
    }
    return {};
}

namespace {

// ضيفيه، ضيفيها، ضيفاه، بضيفيه (folded): the host's two guests.
bool guests_word(const Analysis& a, std::uint32_t token) {
    std::u32string_view w = bare(a, token);
    if (w.size() > 5 && w[0] == U'\u0628') w.remove_prefix(1);     // ب
    constexpr std::u32string_view kGuest = U"\u0636\u064A\u0641";  // ضيف
    if (w.size() < 5 || w.substr(0, kGuest.size()) != kGuest) return false;
    const std::u32string_view rest = w.substr(kGuest.size());
    for (std::u32string_view d : {U"\u064A\u0647", U"\u064A\u0647\u0627", U"\u0627\u0647",
                                  U"\u0627\u0647\u0627", U"\u064A\u0647\u0645\u0627"})
        if (rest == d) return true;
    return false;
}

// The persons `host` last received or met in one clause (one quote start), in reading order.
std::vector<std::uint32_t> guests_of(const Analysis& a, std::uint32_t host) {
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    std::vector<std::uint32_t> out;
    std::uint32_t at = kNone;
    for (std::size_t i = a.facts.size(); i-- > stop;) {
        const Fact& f = a.facts[i];
        if ((f.relation != "RECEIVED" && f.relation != "MET_WITH") || f.a != host ||
            a.entities[f.b].label != Label::Person)
            continue;
        if (at == kNone) at = f.start;
        if (f.start != at) break;
        if (std::find(out.begin(), out.end(), f.b) == out.end()) out.insert(out.begin(), f.b);
    }
    return out;
}

}  // namespace

std::vector<Participant> guests_after(const Analysis& a, const SentenceState& st, const Trigger& tr,
                                      std::uint32_t right, std::uint32_t subject) {
    std::vector<Participant> guests;
    if (subject == kNone || a.entities[subject].label != Label::Person) return guests;
    for (std::uint32_t k = tr.last; k < right && guests.empty(); ++k) {
        if (!guests_word(a, k) || content_between(a, st, tr.last, k) > 3) continue;
        for (const std::uint32_t g : guests_of(a, subject)) {
            Participant p;
            p.entity = g;
            p.first = k;
            p.last = k + 1;
            p.start = a.tokens.tokens[k].start;
            p.end = a.tokens.tokens[k].end;
            guests.push_back(p);
        }
    }
    return guests;
}

bool dual_between(const Analysis& a, const SentenceState& st, const Trigger& tr,
                  std::uint32_t right, std::string& head) {
    for (std::size_t k = tr.item + 1; k + 1 < st.items.size(); ++k) {
        const Item& it = st.items[k];
        if (it.first >= right || content_between(a, st, tr.last, it.first) > 3) break;
        // A subject of its own before بين (وتناول الطرفان التعاون بين …): the pair after بين
        // is what was discussed.
        if (a.stop_role(it) == StopRole::Generic || a.is(it, EntryKind::Title)) break;
        if (a.stop_role(it) != StopRole::Between) continue;
        const Item& next = st.items[k + 1];
        head = dual_office(a, next);
        if (!head.empty()) return true;
        bool countries = false;  // البلدين: countries never meet
        for (std::uint32_t j = next.first; j < next.last; ++j)
            countries = countries || a.tokens.tokens[j].form(a.text).find(U"\u0628\u0644\u062f") !=
                                         std::u32string::npos;
        return a.stop_role(next) == StopRole::Generic && !countries;
    }
    return false;
}

void meet_within_group(Analysis& a, const SentenceState& st, const Trigger& tr, Voice voice,
                       std::uint32_t subject, const Participant* subject_p,
                       const std::vector<std::pair<std::uint32_t, const Participant*>>& others,
                       bool planned) {
    // Not in a headline: its dual verb repeats the lead's talks.
    const std::size_t line = a.text.original.find(U'\n');
    if (line != std::u32string::npos && a.tokens.tokens[tr.first].start < line &&
        a.text.original.find_first_not_of(U" \r\n\t", line) != std::u32string::npos)
        return;
    Participant o;
    o.first = tr.first;
    o.last = tr.last;
    o.start = a.tokens.tokens[tr.first].start;
    o.end = a.tokens.tokens[tr.last - 1].end;
    const std::uint32_t from = a.tokens.tokens[st.s.first].start;
    for (const auto& c : others) {
        // Once for a pair the sentence already has meet (التقى X Y، حيث استعرضا …).
        bool met = false;
        for (const Fact& f : a.facts)
            met =
                met || (f.relation == "MET_WITH" && f.start >= from &&
                        ((f.a == subject && f.b == c.first) || (f.b == subject && f.a == c.first)));
        if (met) continue;
        o.entity = c.first;
        add_fact(a, st, *tr.frame, "MET_WITH", voice, subject, subject_p, o, c.first, o.start,
                 o.end, planned, false, false);
    }
}

}  // namespace liaison::extract::frames_detail

namespace liaison::extract::frames_detail {

// The next person of a list whose items are each a title and a name (، وقائد الجيش العماد X;
// ، ووزير الدولة للشؤون الداخلية القطري الشيخ Y): a comma or و, then an office, then the name,
// up to eight words on and no trigger between; or a person joined by و after a posting
// (السفيرة البريطانية في عمّان والسفير الكندي).
bool listed_next(const Analysis& a, const SentenceState& st, const Participant& prev,
                 const Participant& p) {
    if (content_between(a, st, prev.last, p.first) > 8) return false;
    bool titled = false, posting = false, content = false;
    for (const Item& it : st.items) {
        if (it.first < prev.last || it.first >= p.first) continue;
        if (a.is(it, EntryKind::Frame) || a.is(it, EntryKind::DateWord)) return false;
        if (list_glue(a, st, it.first, it.last)) continue;
        const StopRole r = a.stop_role(it);
        if (!content) {
            // The first word: an office carrying و or after a comma, or the place of a posting.
            content = true;
            titled = a.is(it, EntryKind::Title) &&
                     ((it.flags & kConj) || a.tokens.tokens[it.first - 1].kind == TokenKind::Comma);
            posting = r == StopRole::In || r == StopRole::To;
            if (!titled && !posting) return false;
            continue;
        }
        if (posting && !a.is(it, EntryKind::Country) && !a.is(it, EntryKind::City)) return false;
        if (r != StopRole::Other && r != StopRole::In) return false;
    }
    if (!content) return true;  // only commas and و
    if (posting) return joined_party(a, st, prev, p) || (p.flags & kConj);
    return titled;
}

namespace {

// ترأس، يترأس، ترأست، سيترأس (folded: تراس): a verb of chairing.
bool chair_verb(const Analysis& a, const Trigger& tr) {
    if (tr.frame->voice != Voice::Active) return false;
    std::u32string_view w = bare(a, tr.first);
    for (std::u32string_view prefix : {U"\u0633\u064A", U"\u0633\u062A", U"\u064A", U"\u062A"})
        if (w.size() > prefix.size() + 4 && w.substr(0, prefix.size()) == prefix &&
            w.substr(prefix.size(), 4) == U"\u062A\u0631\u0627\u0633")
            w.remove_prefix(prefix.size());
    return w.substr(0, 4) == U"\u062A\u0631\u0627\u0633";
}

// Who chairs: the person named right after the verb (ترأس الجانب المصري اللواء X، ترأس وفد
// الدولة X) or right before it (وكان رئيس الجمهورية العماد X قد ترأس).
const Participant* chair_of(const Analysis& a, const SentenceState& st, const Trigger& tr,
                            std::uint32_t left, std::uint32_t right,
                            const std::vector<Participant>& ps) {
    for (const Participant& p : ps)
        if (p.first >= tr.last && p.first < right && !p.counterpart &&
            label_of(a, p) == Label::Person)
            return content_between(a, st, tr.last, p.first) <= 3 ? &p : nullptr;
    for (std::size_t i = ps.size(); i-- > 0;)
        if (ps[i].last <= tr.first && ps[i].first >= left)
            return !ps[i].counterpart && label_of(a, ps[i]) == Label::Person &&
                           content_between(a, st, ps[i].last, tr.first) <= 1
                       ? &ps[i]
                       : nullptr;
    return nullptr;
}

// A word of the folded text, without و and the article.
std::u32string_view stem_of(const Analysis& a, std::uint32_t token) {
    std::u32string_view w = bare(a, token);
    if (w.size() > 4 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    return w;
}

}  // namespace

bool chaired(Analysis& a, const SentenceState& st, const std::vector<Trigger>& triggers,
             std::size_t t, const std::vector<Participant>& ps, bool planned) {
    const Trigger& tr = triggers[t];
    if (!chair_verb(a, tr)) return false;
    const std::uint32_t left = t == 0 ? st.s.first : triggers[t - 1].last;
    const std::uint32_t right = t + 1 < triggers.size() ? triggers[t + 1].first : st.s.last;
    const Participant* chair = chair_of(a, st, tr, left, right, ps);
    if (!chair) return false;
    const std::size_t facts_before = a.facts.size();
    auto meets = [&](const Participant& p) {
        if (p.entity == chair->entity) return;
        add_fact(a, st, *tr.frame, "MET_WITH", Voice::Active, chair->entity, chair, p, p.entity,
                 a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
                 false);
    };
    for (std::size_t u = t + 1; u < triggers.size(); ++u) {
        const Trigger& next = triggers[u];
        // "وترأس الجانب المصري X، فيما ترأس الجانب السعودي Y": the co-chairs meet.
        if (chair_verb(a, next)) {
            bool meanwhile = false;
            for (std::uint32_t k = tr.last; k < next.first; ++k) {
                std::u32string_view w = a.tokens.tokens[k].form(a.text);
                if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);
                meanwhile = meanwhile || w == U"\u0641\u064A\u0645\u0627" ||  // فيما
                            w == U"\u0628\u064A\u0646\u0645\u0627";           // بينما
            }
            const std::uint32_t after = u + 1 < triggers.size() ? triggers[u + 1].first : st.s.last;
            if (const Participant* other = chair_of(a, st, next, tr.last, after, ps);
                meanwhile && other)
                meets(*other);
            break;
        }
        // "ترأس … اجتماعا أمنيا شارك فيه كل من A، وB"، "ترأس اجتماع اللجنة بمشاركة A": the
        // chair meets each participant of the meeting (who do not meet each other).
        if (next.frame->relation != "ATTENDED") continue;
        bool meeting = false;
        for (std::uint32_t k = tr.first; k < next.first; ++k) {
            const std::u32string_view w = stem_of(a, k);
            meeting = meeting || w.substr(0, 5) == U"\u0627\u062C\u062A\u0645\u0627" ||  // اجتماع
                      w.substr(0, 3) == U"\u062C\u0644\u0633";                           // جلسة
        }
        if (!meeting) break;
        std::vector<const Participant*> persons;
        for (const Participant& p : ps)
            if (p.first >= next.last && p.first < st.s.last && !p.counterpart &&
                label_of(a, p) == Label::Person)
                persons.push_back(&p);
        const Participant* prev = nullptr;
        for (std::size_t i = 0; i < persons.size(); ++i) {
            const Participant* p = persons[i];
            // A role with its name a few words on, with no comma between, is that person
            // (وزير الداخلية والبلديات العميد X).
            if (a.entities[p->entity].unnamed && i + 1 < persons.size() &&
                !a.entities[persons[i + 1]->entity].unnamed &&
                content_between(a, st, p->last, persons[i + 1]->first) <= 3) {
                bool comma = false;
                for (std::uint32_t k = p->last; k < persons[i + 1]->first; ++k)
                    comma = comma || a.tokens.tokens[k].kind == TokenKind::Comma;
                if (!comma) p = persons[++i];
            }
            if (!prev ? content_between(a, st, next.last, p->first) > 8
                      : !listed_next(a, st, *prev, *p))
                break;
            meets(*p);
            prev = p;
        }
        break;
    }
    for (std::size_t i = facts_before; i < a.facts.size(); ++i) a.facts[i].rule += ".chair";
    return a.facts.size() > facts_before;
}

// "…مع رؤساء وفود الدول المشاركة. ضمنها قطر، تركيا…": the countries listed first in the
// sentence after the meeting's are its parties, but the subject's own.
void countries_after_stop(Analysis& a, const SentenceState& st, const std::vector<Participant>& ps,
                          const Pending& pending) {
    std::vector<const Participant*> countries;
    for (const Participant& p : ps)
        if (label_of(a, p) == Label::Country &&
            content_between(a, st, st.s.first, p.first) <= 2 + countries.size())
            countries.push_back(&p);
    if (countries.size() < 2) return;
    const std::uint32_t own = a.entities[pending.subject].country;
    for (const Participant* c : countries)
        if (a.entities[c->entity].lex != own)
            add_fact(a, st, *pending.frame, pending.frame->relation, pending.frame->voice,
                     pending.subject, nullptr, *c, c->entity, a.tokens.tokens[st.s.first].start,
                     c->end, pending.planned, pending.from_topic, true);
}

}  // namespace liaison::extract::frames_detail
