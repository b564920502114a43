// Signatories named in an agent phrase after a verb or noun of signing, in Arabic: «تم توقيع
// المذكرة من قبل X، وY» (the passive's agents) and «ووقع المذكرة عن الجانبين X، وY» (one عن for
// both sides), and two signers right after the verb, each with his office in commas («ووقعها
// اللواء X، القائد العام لشرطة الشارقة، والسيد Y، مدير عام الهيئة»). The two persons sign with
// each other; neither is a party met, and the bodies of their offices are no parties.
#include <string_view>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

namespace {

// الجانبين، الطرفين (folded, with a clitic or not): both sides in one word.
bool both_sides(std::u32string_view w) {
    for (std::u32string_view dual : {std::u32string_view(U"\u0627\u0644\u062c\u0627\u0646\u0628"
                                                         U"\u064a\u0646"),  // الجانبين
                                     std::u32string_view(U"\u0627\u0644\u0637\u0631\u0641"
                                                         U"\u064a\u0646")})  // الطرفين
        if (w.size() >= dual.size() && w.substr(w.size() - dual.size()) == dual &&
            w.size() <= dual.size() + 2)
            return true;
    return false;
}

}  // namespace

bool sign_by_arabic_agents(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                           const std::string& rel, const Trigger& tr, std::uint32_t right,
                           bool planned, const std::vector<Participant>& ps) {
    if (latin(a, tr)) return false;
    // The opener: an agent (من قبل، من طرف، من لدن) or عن before both sides, a few words after
    // the trigger (past the document's noun). «من جانب» before a body opens one side of two
    // (sign_for_sides), not both.
    static constexpr std::u32string_view kFor = U"\u0639\u0646";  // عن
    std::uint32_t from = kNone;
    for (std::size_t k = 0; k < st.items.size(); ++k) {
        const Item& it = st.items[k];
        if (it.first < tr.last || it.first >= right) continue;
        if (it.first > tr.last + 4) break;
        if (a.stop_role(it) == StopRole::Agent && it.last - it.first == 2) {
            const std::u32string_view second = a.tokens.tokens[it.first + 1].form(a.text);
            if (second.size() >= 3 && second[0] == U'\u062c') continue;  // من جانب: one side
            from = it.last;
            break;
        }
        std::u32string_view w = a.tokens.tokens[it.first].form(a.text);
        if (w.size() == 3 && w[0] == U'\u0648') w.remove_prefix(1);
        if (w == kFor && it.last == it.first + 1 && it.last < right &&
            both_sides(a.tokens.tokens[it.last].form(a.text))) {
            from = it.last + 1;
            break;
        }
    }
    if (from == kNone) return false;
    // The first named person right after it (past a rank or a title), then the next named one
    // that و joins; an office between them in commas is the first one's (اللواء X، مدير عام
    // الشرطة، وY), never a signatory.
    const Participant *x = nullptr, *y = nullptr;
    for (const Participant& p : ps) {
        if (p.first < from || p.first >= right || p.entity == kNone || p.counterpart ||
            label_of(a, p) != Label::Person || a.entities[p.entity].unnamed)
            continue;
        if (!x) {
            if (content_between(a, st, from, p.first) > 4) return false;
            x = &p;
            continue;
        }
        if (p.entity == x->entity) continue;
        bool joined = false;
        for (const Item& it : st.items)
            if (it.first >= x->last && it.first <= p.first && (it.flags & kConj) &&
                a.text.folded[a.tokens.tokens[it.first].fstart] == U'\u0648')
                joined = true;
        if (joined) y = &p;
        break;
    }
    // The agents named but not two of them: the clause's other readings would take the agent
    // for a party met; propose nothing.
    if (!x || !y) return true;
    add_fact(a, st, frame, rel, Voice::Active, x->entity, x, *y, y->entity,
             a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
             false);
    a.facts.back().rule += ".agents";
    return true;
}

bool sign_apposed_signers(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                          const std::string& rel, const Trigger& tr, std::uint32_t right,
                          bool planned, const std::vector<Participant>& ps) {
    if (frame.voice != Voice::Active || latin(a, tr)) return false;
    auto named_person = [&](const Participant& p) {
        return p.entity != kNone && !p.counterpart && label_of(a, p) == Label::Person &&
               !a.entities[p.entity].unnamed;
    };
    const Participant *x = nullptr, *y = nullptr, *counterpart = nullptr;
    for (const Participant& p : ps) {
        if (p.first < tr.last || p.first >= right) continue;
        if (!x) {
            // "أبرم المدير العام للجمارك، السيد X": the body of the subject's office.
            if (!named_person(p) && (p.flags & kPrep) && label_of(a, p) != Label::Person &&
                content_between(a, st, tr.last, p.first) <= 3)
                continue;
            // The subject right after the verb (past a rank or the document's noun).
            if (!named_person(p) || (p.flags & kPrep) ||
                content_between(a, st, tr.last, p.first) > 6)
                return false;
            x = &p;
            continue;
        }
        // "…، ونظيرته التونسية، السيدة Y": the counterpart joined by و, then its name.
        if (p.counterpart && (p.flags & kConj) && !counterpart) {
            counterpart = &p;
            continue;
        }
        if (named_person(p) && counterpart) {
            if (content_between(a, st, counterpart->last, p.first) <= 2) y = &p;
            break;
        }
        if (named_person(p)) {
            if (!(p.flags & kConj) || a.text.folded[a.tokens.tokens[p.first].fstart] != U'\u0648')
                // The و may stand on the rank before the name (والسيد Y).
                for (const Item& it : st.items)
                    if (it.first > x->last && it.first < p.first && it.last <= p.first &&
                        (it.flags & kConj) &&
                        a.text.folded[a.tokens.tokens[it.first].fstart] == U'\u0648' &&
                        content_between(a, st, it.last, p.first) == 0)
                        y = &p;
            if (p.flags & kConj) y = &p;
            // "…، مع الدكتور Y": مع joins the other signer too.
            for (const Item& it : st.items)
                if (it.first > x->last && it.last <= p.first && a.stop_role(it) == StopRole::With &&
                    content_between(a, st, it.last, p.first) == 0)
                    y = &p;
            break;
        }
    }
    if (!x || !y || x->entity == y->entity) return false;
    // Only the first one's office between them, set apart by a comma; مع or بين after them opens
    // the parties of another reading.
    std::uint32_t next = y->first;
    for (const Participant& p : ps)
        if (p.first > x->first && p.first < next) next = p.first;
    bool comma = false;
    for (std::uint32_t t = x->first; t < next && !comma; ++t)
        comma = a.tokens.tokens[t].kind == TokenKind::Comma;
    if (!comma) return false;
    for (const Item& it : st.items)
        if (it.first >= y->last && it.first < right &&
            (a.stop_role(it) == StopRole::With || a.stop_role(it) == StopRole::Between))
            return false;
    add_fact(a, st, frame, rel, Voice::Active, x->entity, x, *y, y->entity,
             a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
             false);
    a.facts.back().rule += ".apposed";
    return true;
}

// "وكان الجنرال X قد حظي لدى وصوله إلى المطار، مساء أمس، باستقبال اللواء Y"، "حظيت الوزيرة
// لدى وصولها … باستقبال من طرف Y": the verb of being granted stands apart from its noun of
// reception. The one granted it (right before or after the verb) was received by the person
// after the noun, behind من طرف / من قبل or as its genitive.
bool granted_reception(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                       const Trigger& tr, std::uint32_t left, std::uint32_t right, bool planned,
                       const std::vector<Participant>& ps) {
    if (frame.voice != Voice::Nominal || !(tr.flags & kPrep)) return false;
    std::uint32_t verb = kNone;
    for (std::uint32_t k = tr.first; k-- > left && tr.first - k <= 16;) {
        std::u32string_view f = a.tokens.tokens[k].form(a.text);
        if (!f.empty() && (f[0] == U'\u0648' || f[0] == U'\u0641')) f.remove_prefix(1);
        // حظي، حظيت، حظيا، حظوا، يحظى، تحظى (folded: ى is ي)
        if (f == U"\u062D\u0638\u064A" || f == U"\u062D\u0638\u064A\u062A" ||
            f == U"\u062D\u0638\u064A\u0627" || f == U"\u062D\u0638\u0648\u0627" ||
            f == U"\u064A\u062D\u0638\u064A" || f == U"\u062A\u062D\u0638\u064A") {
            verb = k;
            break;
        }
    }
    if (verb == kNone) return false;
    auto person = [&](const Participant& p) {
        return p.entity != kNone && !p.counterpart && label_of(a, p) == Label::Person;
    };
    const Participant *guest = nullptr, *host = nullptr;
    for (const Participant& p : ps) {
        if (!person(p)) continue;
        // After the verb and before the noun, or right before the verb (X قد حظي).
        if (p.first > verb && p.last <= tr.first && !guest && !(p.flags & kPrep)) guest = &p;
        if (p.last <= verb && p.first >= left && content_between(a, st, p.last, verb) <= 1)
            guest = &p;
        if (p.first >= tr.last && p.first < right && !host &&
            content_between(a, st, tr.last, p.first) <= 6)
            host = &p;
    }
    // "وكانت المسؤولة الإسبانية، التي تؤدي زيارة …، قد حظيت": the clause's subject, past its
    // relative clause.
    for (const Participant& p : ps)
        if (!guest && person(p) && p.first >= left && p.last <= verb && !(p.flags & kPrep))
            guest = &p;
    if (!guest || !host || guest->entity == host->entity) return false;
    // "لدى وصوله إلى المطار" between the verb and the noun is the guest's arrival, whoever the
    // arrival's own reading took for its subject.
    const std::uint32_t from = a.tokens.tokens[verb].start, to = a.tokens.tokens[tr.first].start;
    for (Fact& f : a.facts)
        if (f.relation == "VISITED" && f.a == host->entity && f.start < to && f.end > from)
            f.a = guest->entity;
    add_fact(a, st, frame, "RECEIVED", Voice::Active, host->entity, host, *guest, guest->entity,
             a.tokens.tokens[verb].start, a.tokens.tokens[tr.last - 1].end, planned, false, false);
    a.facts.back().rule += ".granted";
    return true;
}

}  // namespace liaison::extract::frames_detail
