// Interactions from trigger words within a sentence (frames.tsv): who met, received, visited,
// hosted, attended or signed with whom. Arabic puts the verb first (VSO) and often drops the
// subject, so the subject is looked for after an active verb, then before it, then taken from
// the article's topic; objects follow مع / ب / بين / إلى, coordinated lists give one fact each,
// نظيره is the subject's counterpart, and a planned wording marks the fact planned.
// This file walks the triggers and finds their subjects; frames_objects.cpp their objects.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract {

using namespace frames_detail;

namespace {

// The frame words of a sentence, less those in an event's name, of purpose (لبحث) or signing
// minutes.
std::vector<Trigger> triggers_of(const Analysis& a, const SentenceState& st) {
    std::vector<Trigger> triggers;
    const auto si = static_cast<std::uint32_t>(&st - a.sentences.data());
    for (std::size_t k = 0; k < st.items.size(); ++k)
        if (const Entry* e = a.entry(st.items[k], EntryKind::Frame);
            e && !in_event_name(a, si, st.items[k].first) &&
            !purpose(a, st.items[k], a.lex.frames[e->index]) &&
            !signs_minutes(a, st, k, a.lex.frames[e->index]))
            triggers.push_back({k, st.items[k].first, st.items[k].last, &a.lex.frames[e->index],
                                st.items[k].flags, nullptr});
    return triggers;
}

// "اتفاقية … من أجل الوقاية من المخالفات والبحث عنها": a trigger word inside a signature's
// purpose names what the document is for.
bool in_signed_purpose(const Analysis& a, const Clause& c) {
    Participant at;
    at.first = c.tr.first;
    for (std::size_t u = 0; u < c.t; ++u)
        if (behind_purpose(a, c.st, c.triggers[u], at)) return true;
    return false;
}

// A signature whose parties one of the ways of naming them gives (frames_signatures.cpp,
// frames_agents.cpp), with its facts added: whether one did.
bool signed_by_pattern(Analysis& a, const Clause& c) {
    const SentenceState& st = c.st;
    const Trigger& tr = c.tr;
    const FrameInfo& frame = *tr.frame;
    const std::string& rel = c.rel;
    if (sign_for_sides(a, st, frame, rel, tr, c.right, c.planned, c.ps) ||
        sign_by_agents(a, st, frame, rel, tr, c.right, c.planned, c.ps) ||
        sign_by_arabic_agents(a, st, frame, rel, tr, c.right, c.planned, c.ps) ||
        sign_apposed_signers(a, st, frame, rel, tr, c.right, c.planned, c.ps))
        return true;
    const bool dual = sign_dual(a, st, frame, rel, tr, st.s.first, c.planned);
    if (sign_between(a, st, frame, rel, tr, c.right, c.planned) || dual) return true;
    if (sign_generic(a, st, frame, rel, tr, st.s.first, c.right, c.planned)) return true;
    if (frame.voice == Voice::Active &&
        sign_joined_before(a, st, frame, rel, tr, c.left, c.planned, c.ps))
        return true;
    return sign_joined_after(a, st, frame, rel, tr, c.right, c.planned, c.ps);
}

// Triggers whose facts, if any, another rule adds: a reception restated or granted, talks with a
// pronoun, attending and hosting, signatures whose parties a pattern names. Whether it was one.
bool told_apart(Analysis& a, const Clause& c, std::size_t sentence_facts,
                std::uint32_t last_subject) {
    const Trigger& tr = c.tr;
    if (c.rel == "RECEIVED" && restated_reception(a, tr, sentence_facts, last_subject, c.planned))
        return true;
    if (talks_with_pronoun(a, tr, sentence_facts)) return true;
    if (c.rel == "RECEIVED" &&
        granted_reception(a, c.st, *tr.frame, tr, c.left, c.right, c.planned, c.ps))
        return true;
    // Attending and hosting link events (events.cpp); chairing a meeting also meets.
    if (c.rel == "ATTENDED" || c.rel == "HOSTED" || c.rel == "REPRESENTS") {
        chaired(a, c.st, c.triggers, c.t, c.ps, c.planned);
        return true;
    }
    return c.rel.rfind("SIGNED_", 0) == 0 && signed_by_pattern(a, c);
}

// The participants on either side of the trigger in its clause, and its voice.
void take_sides(const Analysis& a, Clause& c) {
    for (const Participant& p : c.ps) {
        if (p.first >= c.left && p.last <= c.tr.first) c.before.push_back(&p);
        if (p.first >= c.tr.last && p.first < c.right && !behind_purpose(a, c.st, c.tr, p))
            c.after.push_back(&p);
    }
    c.visit = c.rel == "VISITED";
    c.english = latin(a, c.tr);
    // An agent phrase (من طرف، من قبل) makes any verb passive.
    c.voice = c.tr.frame->voice;
    c.agent = c.after.size();
    for (std::size_t i = 0; i < c.after.size(); ++i)
        if (role_before(a, c.st, c.after[i]->first, c.tr.last) == StopRole::Agent) {
            c.agent = i;
            c.voice = Voice::Passive;
            break;
        }
}

// How the trigger agrees: a dual or plural verb, an office in the dual (its head word) or the
// two sides after بين.
struct Agreement {
    bool plural = false;
    std::string dual_head;
    bool dual = false;
};

Agreement agreement_of(const Analysis& a, const Clause& c) {
    const SentenceState& st = c.st;
    const Trigger& tr = c.tr;
    Agreement ag;
    // A dual or plural verb agrees with a subject written before it or with a pronoun (التقوا
    // خلالها، يتنقلان): the press keeps the verb singular before its subject.
    // "وكانت المسؤولة التركية والوفد المرافق لها قد زاروا": one person and the delegation with
    // her agree with a plural verb; she is its subject.
    ag.plural = plural_verb(a, tr) && !led_delegation_before(a, st, tr, c.before);
    // "أن يتنقل الوزيران غدا"، "أن الوزيرين سيصلان": an office in the dual right after the verb
    // or before it in its clause stands for the last group.
    if (c.voice != Voice::Nominal && tr.item + 1 < st.items.size() &&
        st.items[tr.item + 1].first < c.right)
        ag.dual_head = dual_office(a, st.items[tr.item + 1]);
    for (std::size_t k = tr.item; c.voice != Voice::Nominal && ag.dual_head.empty() && k-- > 0 &&
                                  st.items[k].first >= c.left;)
        ag.dual_head = dual_office(a, st.items[k]);
    // "اجتماع ثنائي بين الوزيرين"، "عقدت جلسة مباحثات بين الجانبين".
    const bool dual_sides = c.rel == "MET_WITH" && ag.dual_head.empty() &&
                            dual_between(a, st, tr, c.right, ag.dual_head);
    ag.dual = !ag.dual_head.empty() || dual_sides;
    return ag;
}

bool usable_subject(const Analysis& a, const Clause& c, const Participant* p) {
    if (p->counterpart || is_place(a, *p) || (p->flags & kPrep) || news_agency(a, *p)) return false;
    // The object of an earlier مع or بين is no subject.
    const StopRole r = role_before(a, c.st, p->first, c.left);
    return r != StopRole::With && r != StopRole::Between && r != StopRole::To &&
           r != StopRole::In && r != StopRole::From;
}

// The subject of a passive: its agent.
void agent_subject(const Analysis& a, const Clause& c, Subject& s) {
    const auto& after = c.after;
    if (c.agent < after.size()) s.p = after[c.agent];
    // "was received by Iraq's Deputy National Security Adviser, Dr. Hamid al-Shatri": the
    // country before the agent's title is his, the person is the agent.
    if (s.p && is_place(a, *s.p) && c.agent + 1 < after.size() &&
        label_of(a, *after[c.agent + 1]) == Label::Person &&
        content_between(a, c.st, s.p->last, after[c.agent + 1]->first) <= 6)
        s.p = after[c.agent + 1];
    // "من طرف وزير المالية والميزانية السنغالي، الشيخ ديبا": the role is the name after it.
    if (s.p && !s.p->counterpart && a.entities[s.p->entity].label == Label::Person &&
        a.entities[s.p->entity].unnamed)
        if (const Participant* n = apposed_name(a, c.st, after, c.agent, s.p->first)) s.p = n;
}

// The subject a noun names after it: its agents or its visitor.
void subject_after_noun(const Analysis& a, const Clause& c, Subject& s) {
    const auto& after = c.after;
    // "زيارة قامت بها A وB وC إلى تونس": the agents after a nominal trigger.
    if (c.voice == Voice::Nominal && !after.empty() && !after[0]->counterpart &&
        label_of(a, *after[0]) == Label::Person && agents_follow(a, c.tr, after[0]->first)) {
        s.p = after[0];
        s.objects_from = joined_persons(a, c.st, after, 0);
        for (std::size_t i = 1; i < s.objects_from; ++i)
            s.co_subjects.emplace_back(after[i]->entity, after[i]);
    }
    // "خلال زيارة مرتقبة للوزير الجيبوتي إلى عدن": the person behind ل right after a noun of
    // visit, with its destination after إلى, is the visitor.
    if (!s.p && c.voice == Voice::Nominal && c.rel == "VISITED" &&
        visitor_behind_lam(a, c.st, c.tr, after))
        s.p = after[0];
}

// Only a particle (قد) between a subject and its verb: no dash or bracket of a dateline
// ((و م ع) –).
bool next_to_verb(const Analysis& a, const Clause& c, const Participant* p) {
    for (const Item& it : c.st.items)
        if (it.first >= p->last && it.first < c.tr.first &&
            (it.node == 0 || !a.is(it, EntryKind::Stopword)))
            return false;
    return true;
}

// A subject written right before an active verb.
void subject_before_verb(const Analysis& a, const Clause& c, Subject& s) {
    const auto& before = c.before;
    const Trigger& tr = c.tr;
    // "…مع السيد خالد النوري، الذي يقوم بزيارة عمل إلى الجزائر": a relative pronoun right
    // before the verb makes the one it follows the subject, even the object of an earlier مع.
    if (c.voice == Voice::Active && tr.first > c.left && relative(a, tr.first - 1))
        for (std::size_t i = before.size(); i-- > 0;)
            if (!before[i]->counterpart && !is_place(a, *before[i])) {
                if (content_between(a, c.st, before[i]->last, tr.first) <= 1) s.p = before[i];
                break;
            }
    // "الطرابلسي يستقبل وزير الداخلية الإيطالي": a headline puts the subject first (SVO), alone
    // in its clause right before the verb (وكان اللواء فرح قد التقى).
    if (c.voice == Voice::Active && !before.empty() && usable_subject(a, c, before.back()) &&
        (content_between(a, c.st, c.left, before.back()->first) <= 1 ||
         that_before(a, c.st, before.back()->first)) &&
        next_to_verb(a, c, before.back()))
        s.p = before.back();
}

// "ومن المرتقب أن يلتقي الوزير غدا رئيس جهاز …": a bare office after the verb is its subject,
// someone named before; the one after it is the object.
// Not the title of the name after it (يلتقي وزير الداخلية الفرنسي جيرالد …): only its body and
// country between.
bool bare_office_after(const Analysis& a, const Clause& c) {
    const SentenceState& st = c.st;
    const auto& after = c.after;
    bool bare_office = false;
    for (const Item& it : st.items)
        if (!after.empty() && it.first >= c.tr.last && it.last <= after[0]->first)
            if (const Entry* ti = a.entry(it, EntryKind::Title)) {
                bool apart = false;
                for (const Item& u : st.items)
                    apart = apart || (u.first >= it.last && u.first < after[0]->first &&
                                      !a.is(u, EntryKind::Country) && !a.is(u, EntryKind::Agency) &&
                                      !a.is(u, EntryKind::Title));
                bare_office = bare_office || ((a.lex.titles[ti->index].kind == TitleKind::Office ||
                                               a.lex.titles[ti->index].kind == TitleKind::Role) &&
                                              apart);
            }
    return bare_office;
}

// After an active verb, a participant with no preposition is its subject (VSO); not after
// جمعته (the pronoun is the subject, someone named before).
void subject_after_verb(const Analysis& a, const Clause& c, const Agreement& ag, Subject& s) {
    const SentenceState& st = c.st;
    const Trigger& tr = c.tr;
    const auto& after = c.after;
    const bool bare_office = bare_office_after(a, c);
    if (c.voice == Voice::Active && !(tr.flags & kSuffix) && !after.empty() && !s.p &&
        !bare_office && !c.english && !ag.plural && !ag.dual && usable_subject(a, c, after[0]) &&
        content_between(a, st, tr.last, after[0]->first) <= 1 &&
        role_before(a, st, after[0]->first, tr.last) == StopRole::Other) {
        s.p = after[0];
        s.objects_from = 1;
        // "أن يلتقي دارمانان وفيزر خلال الزيارة الرئيس التونسي …": persons joined by و right
        // after the verb, and more after something else, are its subjects; a visit's objects
        // are places, so its joined persons are always visitors.
        const std::size_t k =
            label_of(a, *after[0]) == Label::Person ? joined_persons(a, st, after, 0) : 1;
        // Only a place after the pair (وقع X ونظيره Y، … بدكار، اتفاقية): the two are parties
        // to each other.
        bool party_after = false;
        for (std::size_t i = k; i < after.size(); ++i)
            party_after = party_after || !is_place(a, *after[i]);
        if (k > 1 && (c.visit || (k < after.size() && party_after &&
                                  !list_glue(a, st, after[k - 1]->last, after[k]->first)))) {
            for (std::size_t i = 1; i < k; ++i)
                s.co_subjects.emplace_back(after[i]->entity, after[i]);
            s.objects_from = k;
        }
    }
    // "يزور وفد من مديرية الأمن العام برلين": a delegation from a body is that body.
    if (c.voice == Voice::Active && !(tr.flags & kSuffix) && !s.p && !after.empty() &&
        !is_place(a, *after[0]) && !after[0]->counterpart &&
        a.entities[after[0]->entity].label != Label::Person &&
        role_before(a, st, after[0]->first, tr.last) == StopRole::From &&
        content_between(a, st, tr.last, after[0]->first) == 2) {
        std::u32string_view w = a.tokens.tokens[tr.last].form(a.text);
        if (w.size() > 3 && w.substr(0, 2) == U"\u0627\u0644") w.remove_prefix(2);
        if (w == U"\u0648\u0641\u062f") {  // وفد
            s.p = after[0];
            s.objects_from = 1;
        }
    }
}

// A role the recognisers left apart from its name is that named person.
void apposed_subject(const Analysis& a, const Clause& c, const Agreement& ag, Subject& s) {
    const auto& after = c.after;
    auto take = [&](const Participant* n) {
        s.p = n;
        s.objects_from =
            static_cast<std::size_t>(std::find(after.begin(), after.end(), n) - after.begin() + 1);
    };
    if (s.p && !s.p->counterpart && a.entities[s.p->entity].label == Label::Person &&
        a.entities[s.p->entity].unnamed)
        if (const Participant* n = apposed_name(a, c.st, after, 0, s.p->first)) take(n);
    if (c.voice == Voice::Active && !(c.tr.flags & kSuffix) && !s.p && !ag.plural && !ag.dual &&
        !after.empty() && usable_subject(a, c, after[0]) &&
        role_before(a, c.st, after[0]->first, c.tr.last) == StopRole::Other)
        if (const Participant* n = apposed_name(a, c.st, after, 0, c.tr.last)) take(n);
}

// "يلتقي الوزير غدا وزير الخارجية، قبل أن يتوجه إلى تونس": the object of an earlier verb of the
// sentence is no subject of a later one, unless a relative pronoun refers to it (…نظيره والوفد
// المرافق له، الذي يزور البلاد).
bool object_before(const Analysis& a, const Clause& c, const std::vector<std::uint32_t>& taken,
                   const Participant* p) {
    if (p->counterpart || std::find(taken.begin(), taken.end(), p->entity) == taken.end())
        return false;
    for (std::uint32_t k = p->last; k < c.tr.first; ++k) {
        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
        if (w == U"\u0627\u0644\u0630\u064A" || w == U"\u0627\u0644\u062A\u064A")
            return false;  // الذي، التي
    }
    return true;
}

// A subject before the trigger, further back in its clause.
void earlier_subject(const Analysis& a, const Clause& c, const std::vector<std::uint32_t>& taken,
                     Subject& s) {
    const auto& before = c.before;
    // "أن يعقد الطرابلسي وبيانتيدوزي اجتماعا": of parties joined by و before the noun, the
    // first is the subject (the others join it below).
    // "Lieutenant General X, Commander-in-Chief of Dubai Police, on Tuesday received Y": English
    // writes the subject first and its title after it; the person is the subject, not the body
    // the title names.
    if (!s.p && c.english)
        for (std::size_t i = before.size(); i-- > 0;)
            if (usable_subject(a, c, before[i]) && !object_before(a, c, taken, before[i]) &&
                label_of(a, *before[i]) == Label::Person) {
                s.p = before[i];
                break;
            }
    if (!s.p)
        for (std::size_t i = before.size(); i-- > 0;)
            if (usable_subject(a, c, before[i]) && !object_before(a, c, taken, before[i])) {
                while (i > 0 && (before[i]->flags & kConj) && usable_subject(a, c, before[i - 1]) &&
                       list_glue(a, c.st, before[i - 1]->last, before[i]->first))
                    --i;
                s.p = before[i];
                break;
            }
}

// "حل X ضيفا على القيادة العامة …، في إطار زيارة عمل إلى المملكة": a noun of visit after a
// person's arrival or visit in the sentence is that person's.
void visitor_told_before(const Analysis& a, const Clause& c, std::size_t sentence_facts, Subject& s,
                         std::uint32_t& last_subject) {
    if (c.voice != Voice::Nominal || !c.visit || a.facts.size() <= sentence_facts ||
        (s.p && label_of(a, *s.p) == Label::Person))
        return;
    std::size_t i = a.facts.size();
    while (i > sentence_facts && a.facts[i - 1].relation != "VISITED") --i;
    if (i > sentence_facts && a.entities[a.facts[i - 1].a].label == Label::Person) {
        const std::uint32_t visitor = a.facts[i - 1].a;
        s.p = nullptr;
        for (const Participant* p : c.before)
            if (p->entity == visitor) s.p = p;
        if (!s.p) last_subject = visitor;
    }
}

// A dual or plural with no subjects joined stands for the last group: its first is the subject,
// the others join it.
void group_subject(const Analysis& a, const Clause& c, const Agreement& ag,
                   const std::vector<std::uint32_t>& group, Subject& s) {
    if (!(ag.plural || ag.dual) || c.english || !s.co_subjects.empty()) return;
    const std::vector<std::uint32_t> g = last_group(a, group, ag.dual_head);
    if (g.size() >= 2 &&
        (s.from_topic || ag.dual || std::find(g.begin(), g.end(), s.entity) != g.end())) {
        s.entity = g[0];
        if (s.p && s.p->entity != s.entity) s.p = nullptr;
        for (std::size_t i = 1; i < g.size(); ++i) s.co_subjects.emplace_back(g[i], nullptr);
        s.from_topic = false;
        s.of_group = true;
    }
}

// The subject of the trigger's facts, written or not (then the last subject or the topic).
Subject find_subject(const Analysis& a, const Clause& c, const std::vector<std::uint32_t>& taken,
                     std::size_t sentence_facts, Discourse& d) {
    Subject s;
    const Agreement ag = agreement_of(a, c);
    if (c.voice == Voice::Passive) {
        agent_subject(a, c, s);
    } else {
        subject_after_noun(a, c, s);
        subject_before_verb(a, c, s);
        subject_after_verb(a, c, ag, s);
        apposed_subject(a, c, ag, s);
        earlier_subject(a, c, taken, s);
    }
    visitor_told_before(a, c, sentence_facts, s, d.last_subject);
    if (s.p) {
        s.entity = s.p->entity;
    } else {
        s.entity = d.last_subject != kNone ? d.last_subject : a.topic;
        s.from_topic = true;
    }
    group_subject(a, c, ag, d.group, s);
    return s;
}

// The facts of trigger t of a sentence.
void trigger_facts(Analysis& a, const SentenceState& st, const std::vector<Trigger>& triggers,
                   std::size_t t, const std::vector<Participant>& ps, std::size_t sentence_facts,
                   std::vector<std::uint32_t>& taken, Discourse& d) {
    const Trigger& tr = triggers[t];
    const std::uint32_t right =
        clause_end(a, st, tr, t + 1 < triggers.size() ? triggers[t + 1].first : st.s.last);
    Clause c{.st = st,
             .triggers = triggers,
             .t = t,
             .tr = tr,
             .ps = ps,
             .rel = relation_of(a, st, tr),
             .left = t == 0 ? st.s.first : triggers[t - 1].last,
             .right = right};
    bool negated = false;
    modality_of(a, st, triggers, t, c.left, c.right, c.planned, negated);
    if (negated || (c.rel == "MET_WITH" && by_call(a, c.left, c.right))) return;
    if (in_signed_purpose(a, c) || told_apart(a, c, sentence_facts, d.last_subject)) return;
    take_sides(a, c);
    if (c.rel == "RECEIVED" && tr.frame->voice == Voice::Nominal &&
        welcome_of_guest(a, st, tr, c.after)) {
        reception_of_guest(a, st, tr, c.before, c.after, c.planned,
                           d.last_subject != kNone ? d.last_subject : a.topic);
        return;
    }
    Subject s = find_subject(a, c, taken, sentence_facts, d);
    if (s.entity == kNone) return;
    // Institutions sign; the person an article is about is no party unless named.
    if (s.from_topic && c.rel.rfind("SIGNED_", 0) == 0) return;
    const std::uint32_t previous_subject = d.last_subject;
    if (s.p && a.entities[s.entity].label == Label::Person) d.last_subject = s.entity;
    Objects objects;
    find_objects(a, c, s, previous_subject, d, objects);
    object_facts(a, c, s, objects, taken, d);
    // The persons named together as this subject are the next dual's or plural's.
    if (!s.co_subjects.empty() && !s.of_group && a.entities[s.entity].label == Label::Person) {
        d.group = {s.entity};
        for (const auto& co : s.co_subjects) d.group.push_back(co.first);
    }
}

}  // namespace

void find_frames(Analysis& a) {
    Discourse d;
    for (SentenceState& st : a.sentences) {
        std::vector<Trigger> triggers = triggers_of(a, st);
        std::vector<std::uint32_t> taken;  // the objects of the sentence's earlier triggers
        const std::size_t sentence_facts = a.facts.size();
        std::vector<Participant> ps = participants(a, st);
        if (triggers.empty() && d.pending.frame) countries_after_stop(a, st, ps, d.pending);
        d.pending = Pending{};
        merge_triggers(a, st, triggers, ps);
        for (std::size_t t = 0; t < triggers.size(); ++t)
            trigger_facts(a, st, triggers, t, ps, sentence_facts, taken, d);
    }
}

}  // namespace liaison::extract
