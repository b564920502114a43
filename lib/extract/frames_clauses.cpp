// The clause of a frame and its modality (docs/extract.md, § Pipeline 7): triggers that name one
// fact together, where a relative clause cuts the clause, planned or negated wording before the
// trigger or on it, a coming day in its clause, and a verb in the present with a weekday.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

// Triggers that name one fact together: a verb of signing and its noun (وقعت … مذكرة تفاهم: the
// noun names its kind), and a noun of meeting or visit behind a preposition after a verb (واستقبل
// X، في لقاء منفصل، Y; يلتقي X وY خلال الزيارة Z), which says when the verb's fact happened.
void merge_triggers(const Analysis& a, const SentenceState& st, std::vector<Trigger>& triggers,
                    const std::vector<Participant>& ps) {
    // "وقعت … مذكرة تفاهم": the verb and the noun of one signature; the noun names its kind.
    for (std::size_t t = 0; t + 1 < triggers.size(); ++t) {
        const FrameInfo* verb = triggers[t].frame;
        // One noun of meeting may stand between (وقعا في ختام المباحثات مذكرة تفاهم).
        std::size_t n = t + 1;
        if (n + 1 < triggers.size() && triggers[n].frame->voice == Voice::Nominal &&
            triggers[n].frame->relation.rfind("SIGNED_", 0) != 0 &&
            content_between(a, st, triggers[t].last, triggers[n + 1].first) <= 5)
            ++n;
        const FrameInfo* noun = triggers[n].frame;
        // A verb with an attached pronoun (وقعاها) already has its object: a noun after it
        // is another document (أعقبتها مذكرات تفاهم).
        if (verb->voice != Voice::Nominal && noun->voice == Voice::Nominal &&
            !(triggers[t].flags & kSuffix) && verb->relation.rfind("SIGNED_", 0) == 0 &&
            noun->relation.rfind("SIGNED_", 0) == 0) {
            triggers[t].relation = &noun->relation;
            triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(n));
        }
    }
    // "حل X ضيفا على Y": a guest's noun after a verb of arrival says where X arrived; it hosts
    // nothing of its own.
    for (std::size_t t = 1; t < triggers.size(); ++t)
        if (triggers[t].frame->relation == "HOSTED" && triggers[t].frame->voice == Voice::Nominal &&
            triggers[t - 1].frame->relation == "VISITED" &&
            triggers[t - 1].frame->voice == Voice::Active &&
            triggers[t].first - triggers[t - 1].last <= 12) {
            triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(t));
            break;
        }
    // "اختتم، الأحد الماضي، زيارة إلى تشاد"، "الذي اختتم اليوم زيارة رسمية إلى ليبيا": the
    // past verb of closing and the noun of visit after it are one visit, the verb's subject's.
    // (Not the present: "قبل أن يختتم زيارته غدا" plans the visit's end, not a visit.)
    for (std::size_t t = 0; t + 1 < triggers.size(); ++t) {
        const Trigger& verb = triggers[t];
        const Trigger& noun = triggers[t + 1];
        if (verb.frame->voice != Voice::Active || verb.frame->relation != "ATTENDED" ||
            noun.frame->voice != Voice::Nominal || noun.frame->relation != "VISITED" ||
            content_between(a, st, verb.last, noun.first) > 3)
            continue;
        std::u32string_view w = a.tokens.tokens[verb.first].form(a.text);
        if (w.size() > 5 && w[0] == U'\u0648') w.remove_prefix(1);
        if (w.substr(0, 5) != U"\u0627\u062E\u062A\u062A\u0645") continue;  // اختتم
        triggers[t].relation = &noun.frame->relation;
        triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(t + 1));
    }
    // "واستقبل X، في لقاء منفصل، Y"، "التقى، خلال اجتماع عقد بمقر …، Y": a noun of meeting
    // behind a preposition, close after a verb and with no party of its own (مع), says when
    // the verb's fact happened; it does not cut the verb's clause.
    for (std::size_t t = 1; t < triggers.size(); ++t) {
        const Trigger& verb = triggers[t - 1];
        const Trigger& noun = triggers[t];
        if (verb.frame->voice == Voice::Nominal || noun.frame->voice != Voice::Nominal ||
            (noun.frame->relation != "MET_WITH" && noun.frame->relation != "RECEIVED" &&
             noun.frame->relation != "VISITED") ||
            // A visit may follow the verb's compound subject (يلتقي X ونظيره Y خلال الزيارة).
            content_between(a, st, verb.last, noun.first) >
                (noun.frame->relation == "VISITED" ? 12u : 4u))
            continue;
        std::size_t k = noun.item;
        // The preposition before the noun, or the first word of the trigger (في لقاء).
        auto preposition = [&](std::uint32_t token) {
            const std::u32string_view w = a.tokens.tokens[token].form(a.text);
            return w == U"\u0641\u064A" ||                  // في
                   w == U"\u062E\u0644\u0627\u0644" ||      // خلال
                   w == U"\u0627\u062B\u0646\u0627\u0621";  // اثناء
        };
        const bool behind =
            (noun.flags & kPrep) || preposition(noun.first) ||
            (k > 0 && st.items[k - 1].last == noun.first && preposition(st.items[k - 1].first));
        bool own_party = false;
        for (std::size_t j = k + 1; j < st.items.size() && j <= k + 3; ++j)
            own_party = own_party || a.stop_role(st.items[j]) == StopRole::With ||
                        a.stop_role(st.items[j]) == StopRole::Between;
        // "يلتقي X وY خلال الزيارة Z": a visit's own party is a place right after it.
        if (noun.frame->relation == "VISITED") {
            for (const Participant& p : ps)
                own_party = own_party || (p.first >= noun.last && p.first <= noun.last + 3 &&
                                          !p.adjective && label_of(a, p) != Label::Person);
            // "وصل إلى جدة في زيارة رسمية للمملكة": the host country named without its name is
            // the noun's own party too (a visit to the country, beside the arrival in its city).
            for (std::size_t j = k + 1; j < st.items.size() && j <= k + 3; ++j)
                own_party = own_party || a.stop_role(st.items[j]) == StopRole::Home;
            // "خلال زيارة يجريها X إلى أنقرة": a visit with its own agent is a fact of its own;
            // so is one with its visitor behind ل (زيارة مرتقبة للوزير X إلى عدن).
            own_party = own_party || agents_follow(a, noun, st.s.last);
            std::vector<const Participant*> after;
            for (const Participant& p : ps)
                if (p.first >= noun.last) after.push_back(&p);
            std::sort(after.begin(), after.end(), [](const Participant* x, const Participant* y) {
                return x->first < y->first;
            });
            own_party = own_party || visitor_behind_lam(a, st, noun, after);
        }
        if (behind && !own_party)
            triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(t--));
    }
}

// "التقى الأمين العام …، الذي نوه بالتعاون الذي تبديه قوى الأمن": a relative clause after a
// comma tells about the party before it; what it names takes no part in the trigger's fact.
// Not a relative right after the trigger, nor one that lists (لقاءاته، التي شملت كلا من …):
// those hold the trigger's parties.
std::uint32_t clause_end(const Analysis& a, const SentenceState& st, const Trigger& tr,
                         std::uint32_t right) {
    for (std::uint32_t k = tr.last; k + 1 < right; ++k)
        if (a.tokens.tokens[k].kind == TokenKind::Comma && relative(a, k + 1)) {
            for (std::uint32_t j = k + 2; j + 1 < right && j < k + 5; ++j) {
                const std::u32string_view w = a.tokens.tokens[j].form(a.text);
                if ((w == U"\u0643\u0644\u0627" || w == U"\u0643\u0644") &&  // كلا، كل من
                    a.tokens.tokens[j + 1].form(a.text) == U"\u0645\u0646")
                    return right;
            }
            for (const Mention& m : st.mentions)
                if (m.entity != kNone && m.first >= tr.last && m.first < k) return k;
            return right;
        }
    return right;
}

// "كما التقى"، "ثم استقبل": the verb carries on the subject of the sentence before.
bool by_call(const Analysis& a, std::uint32_t left, std::uint32_t right) {
    for (std::uint32_t k = left; k + 1 < right; ++k) {
        std::u32string_view w = a.tokens.tokens[k].form(a.text);
        for (std::u32string_view p : {U"\u0648", U"\u0628", U"\u0641"})  // و ب ف
            if (w.size() > 5 && w.substr(0, 1) == p) w.remove_prefix(1);
        if (w.size() > 5 && w.substr(0, 2) == U"\u0627\u0644") w.remove_prefix(2);
        std::u32string_view n = a.tokens.tokens[k + 1].form(a.text);
        if (n.size() > 5 && n.substr(0, 2) == U"\u0627\u0644") n.remove_prefix(2);
        // اتصال، اتصالا + هاتفي، هاتفيا، مرئي، مرئيا (folded)
        const bool call =
            w == U"\u0627\u062A\u0635\u0627\u0644" || w == U"\u0627\u062A\u0635\u0627\u0644\u0627";
        const bool medium = n.substr(0, 4) == U"\u0647\u0627\u062A\u0641" ||  // هاتف
                            n.substr(0, 4) == U"\u0645\u0631\u0626\u064A" ||  // مرئي
                            n.substr(0, 4) == U"\u0645\u0631\u064A\u064A";  // مريي (ئ folded)
        if (call && medium) return true;
        if ((w == U"phone" || w == U"telephone" || w == U"video") &&
            (n == U"call" || n == U"calls"))
            return true;
    }
    return false;
}

bool carried_on(const Analysis& a, const SentenceState& st, const Trigger& tr) {
    if (tr.first == st.s.first) return false;
    std::u32string_view w = a.tokens.tokens[tr.first - 1].form(a.text);
    if (w.size() == 3 && w[0] == U'\u0648') w.remove_prefix(1);
    return w == U"\u0643\u0645\u0627" || w == U"\u062B\u0645";  // كما، ثم
}

void modality_of(const Analysis& a, const SentenceState& st, const std::vector<Trigger>& triggers,
                 std::size_t t, std::uint32_t left, std::uint32_t right, bool& planned,
                 bool& negated) {
    const Trigger& tr = triggers[t];
    // Modality before the trigger (من المقرر أن، سيجري) or on the trigger itself (سيلتقي،
    // سيزور) plans or negates the fact.
    for (std::size_t k = 0; k <= tr.item; ++k)
        if (const Entry* m = a.entry(st.items[k], EntryKind::Modality)) {
            // A denial reaches the first trigger after it however far (نفت الوزارة، في بيان، ما
            // تداولته الصفحات بشأن زيارة مرتقبة); a planned wording stays close, unless it
            // opens a clause with أن past an inserted source (ويرتقب، حسب المصادر نفسها، أن
            // توقع المديرية … مذكرة تفاهم): then it reaches that clause's first trigger.
            const bool near = st.items[k].last + 8 >= tr.first;
            const bool first_after = t == 0 || triggers[t - 1].item < k;
            const bool opens =
                said_before(a, st.items[k].first, std::min(st.items[k].last + 16, tr.first));
            if (a.lex.modalities[m->index] == Modality::Planned && (near || (opens && first_after)))
                planned = true;
            if (a.lex.modalities[m->index] == Modality::Negated && (near || first_after))
                negated = true;
        }
    // "يذكر أن اجتماع اللجنة …، الذي كان مقررا عقده …، قد أرجئ": a noun of meeting whose own
    // verb, later in the sentence and past its relative clause, postpones or cancels it.
    if (tr.frame->voice == Voice::Nominal)
        for (std::size_t k = tr.item + 1; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            if (t + 1 < triggers.size() && it.first >= triggers[t + 1].first &&
                !a.is(it, EntryKind::Modality))
                break;
            // (Not a reported clause's: خلال المباحثات، أن العراق لن يسمح …)
            if (content_between(a, st, tr.last, it.first) > 20 || said_before(a, tr.last, it.first))
                break;
            if (const Entry* m = a.entry(it, EntryKind::Modality);
                m && a.lex.modalities[m->index] == Modality::Negated)
                negated = true;
        }
    // "لجنة مشتركة تجتمع مرتين في العام"، "يلتقيان سنويا": a frequency right after a verb tells a
    // schedule, not a meeting that took place; no fact. (A noun keeps its fact: the meeting held
    // yearly has met this time.)
    if (tr.frame->voice != Voice::Nominal)
        for (std::size_t k = tr.item + 1; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            if (it.first >= right || content_between(a, st, tr.last, it.first) > 2) break;
            if (const Entry* m = a.entry(it, EntryKind::Modality);
                m && a.lex.modalities[m->index] == Modality::Habitual)
                negated = true;
        }
    // A coming day or period in its clause (يلتقي … غدا، بعد غد، الأسبوع المقبل، tomorrow); a
    // weekday with a verb in the present (يتوجه … إلى تونس يومي الأحد والإثنين): the press tells
    // what happened in the past tense, so the present with a day names a coming one. Not today
    // (اليوم الأحد) nor a past one (الأحد الماضي، منذ الأحد).
    const std::u32string_view verb = a.tokens.tokens[tr.first].form(a.text);
    const bool present = tr.frame->voice != Voice::Nominal && !latin(a, tr) && verb.size() >= 4 &&
                         (verb[0] == U'\u064A' ||                            // يـ
                          (verb[0] == U'\u0648' && verb[1] == U'\u064A') ||  // ويـ
                          (verb[0] == U'\u062A' && verb[1] == U'\u062A'));   // تتـ
    // "في زيارة تستغرق يومين، يتوجه بعدها إلى الدوحة": the present with "after it" is the next
    // leg of a trip, still to come.
    if (present && tr.last < st.s.last) {
        const std::u32string_view w = a.tokens.tokens[tr.last].form(a.text);
        if (w == U"\u0628\u0639\u062F\u0647\u0627" ||  // بعدها
            w == U"\u0639\u0642\u0628\u0647\u0627")    // عقبها
            planned = true;
    }
    const Item* prev = nullptr;
    for (std::size_t k = 0; k < st.items.size(); ++k) {
        const Item& it = st.items[k];
        if (it.first < left || it.first >= right) {
            prev = &it;
            continue;
        }
        if (const Entry* d = a.entry(it, EntryKind::DateWord)) {
            const DateWordInfo& w = a.lex.date_words[d->index];
            if (w.kind == DateWordKind::Relative && w.amount > 0) planned = true;
            // After the verb, as its adverbial; a day number after it is an explicit date.
            const bool dated = k + 1 < st.items.size() && st.items[k + 1].node == 0 &&
                               a.token(st.items[k + 1]).kind == TokenKind::Number;
            if (w.kind == DateWordKind::Weekday && present && it.first >= tr.last && !dated) {
                const DateWordInfo* before = nullptr;
                if (prev)
                    if (const Entry* pd = a.entry(*prev, EntryKind::DateWord))
                        before = &a.lex.date_words[pd->index];
                const DateWordInfo* after = nullptr;
                if (k + 1 < st.items.size())
                    if (const Entry* nd = a.entry(st.items[k + 1], EntryKind::DateWord))
                        after = &a.lex.date_words[nd->index];
                // اليوم الأحد، أمس الأحد (the lexicon reads اليوم الجمعة as يوم الجمعة: one item)
                std::u32string_view w0 = a.tokens.tokens[it.first].form(a.text);
                if (w0.size() > 5 && w0[0] == U'\u0648') w0.remove_prefix(1);
                const bool today =
                    (before && before->kind == DateWordKind::Relative && before->amount <= 0) ||
                    w0 == U"\u0627\u0644\u064A\u0648\u0645";  // اليوم
                // الأحد الماضي; منذ الأحد (an ongoing visit, begun then)
                const bool past =
                    (after && after->kind == DateWordKind::Relative && after->amount < 0) ||
                    (it.first > st.s.first &&
                     a.tokens.tokens[it.first - 1].form(a.text) == U"\u0645\u0646\u0630");
                if (!today && !past) planned = true;
            }
        }
        prev = &it;
    }
    // "يلتقي … غدا، قبل أن يختتم زيارته للمملكة": what is planned is the end of a visit going
    // on; the visit itself is no plan.
    if (tr.frame->relation == "VISITED" && tr.frame->voice == Voice::Nominal && tr.first > 0 &&
        tr.first > st.s.first) {
        std::u32string_view w = a.tokens.tokens[tr.first - 1].form(a.text);
        if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);  // و
        for (std::u32string_view end :
             {U"\u064A\u062E\u062A\u062A\u0645", U"\u062A\u062E\u062A\u062A\u0645",  // يختتم تختتم
              U"\u0627\u062E\u062A\u062A\u0645", U"\u064A\u062E\u062A\u062A\u0645\u0627\u0646",
              U"\u064A\u0646\u0647\u064A", U"\u0627\u0646\u0647\u064A"})  // اختتم يختتمان ينهي أنهى
            if (w == end) planned = false;
    }
}

bool restated_reception(Analysis& a, const Trigger& tr, std::size_t since, std::uint32_t host,
                        bool planned) {
    if (tr.frame->voice != Voice::Nominal || tr.last >= a.tokens.tokens.size()) return false;
    // له، لها، لهما، لهم: the guest, as a pronoun right after the noun.
    const Token& next = a.tokens.tokens[tr.last];
    const std::u32string_view w = next.form(a.text);
    if (w != U"\u0644\u0647" && w != U"\u0644\u0647\u0627" && w != U"\u0644\u0647\u0645\u0627" &&
        w != U"\u0644\u0647\u0645")
        return false;
    for (std::size_t i = a.facts.size(); host != kNone && i-- > since;) {
        const Fact& f = a.facts[i];
        if (f.relation != "MET_WITH") continue;
        const std::uint32_t guest = f.a == host ? f.b : f.b == host ? f.a : kNone;
        if (guest == kNone || a.entities[guest].label != Label::Person) break;
        Fact r = f;
        r.relation = "RECEIVED";
        r.a = host;
        r.b = guest;
        r.planned = f.planned || planned;
        r.confidence = tr.frame->confidence;
        r.rule = "frame.nominal.restated";
        r.end = std::max(r.end, next.end);
        a.facts.push_back(r);
        break;
    }
    return true;
}

// "استقبل X وفدا من تشاد، وناقش معه ترتيبات …"، "وبحث معها": a verb of talks whose party is
// the pronoun مع + ه / ها / هما / هم right after it is a meeting with the one the sentence's
// last reception or meeting was with.
bool talks_with_pronoun(Analysis& a, const Trigger& tr, std::size_t since) {
    if (tr.frame->voice != Voice::Active || tr.frame->relation != "MET_WITH" ||
        tr.last >= a.tokens.tokens.size())
        return false;
    const Token& next = a.tokens.tokens[tr.last];
    const std::u32string_view w = next.form(a.text);
    if (w != U"\u0645\u0639\u0647" && w != U"\u0645\u0639\u0647\u0627" &&
        w != U"\u0645\u0639\u0647\u0645\u0627" && w != U"\u0645\u0639\u0647\u0645")
        return false;
    for (std::size_t i = a.facts.size(); i-- > since;) {
        const Fact& f = a.facts[i];
        if (f.relation != "RECEIVED" && f.relation != "MET_WITH") continue;
        Fact m = f;
        m.relation = "MET_WITH";
        m.planned = f.planned;  // the reception's own status: a coming date in the topic
        m.confidence = tr.frame->confidence;  // (المناسبات المقبلة) plans nothing
        m.rule = "frame.active.pronoun";
        m.end = std::max(m.end, next.end);
        if (f.relation == "RECEIVED") a.facts.push_back(m);
        return true;
    }
    return false;
}

}  // namespace liaison::extract::frames_detail
