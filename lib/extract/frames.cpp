// Interactions from trigger words within a sentence (frames.tsv): who met, received, visited,
// hosted, attended or signed with whom. Arabic puts the verb first (VSO) and often drops the
// subject, so the subject is looked for after an active verb, then before it, then taken from
// the article's topic; objects follow مع / ب / بين / إلى, coordinated lists give one fact each,
// نظيره is the subject's counterpart, and a planned wording marks the fact planned.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract {

using namespace frames_detail;

void find_frames(Analysis& a) {
    std::uint32_t last_subject = kNone;  // the last person named as a subject
    std::vector<std::uint32_t> group;    // the last persons named together as a subject
    Pending pending;                     // a meeting whose list of countries follows the stop
    for (SentenceState& st : a.sentences) {
        std::vector<Trigger> triggers;
        std::vector<std::uint32_t> taken;  // the objects of the sentence's earlier triggers
        const auto si = static_cast<std::uint32_t>(&st - a.sentences.data());
        const std::size_t sentence_facts = a.facts.size();
        for (std::size_t k = 0; k < st.items.size(); ++k)
            if (const Entry* e = a.entry(st.items[k], EntryKind::Frame);
                e && !in_event_name(a, si, st.items[k].first) &&
                !purpose(a, st.items[k], a.lex.frames[e->index]) &&
                !signs_minutes(a, st, k, a.lex.frames[e->index]))
                triggers.push_back({k, st.items[k].first, st.items[k].last, &a.lex.frames[e->index],
                                    st.items[k].flags, nullptr});
        std::vector<Participant> ps = participants(a, st);
        if (triggers.empty() && pending.frame) countries_after_stop(a, st, ps, pending);
        pending = Pending{};
        merge_triggers(a, st, triggers, ps);
        for (std::size_t t = 0; t < triggers.size(); ++t) {
            const Trigger& tr = triggers[t];
            const std::string rel = relation_of(a, st, tr);
            const std::uint32_t left = t == 0 ? st.s.first : triggers[t - 1].last;
            const std::uint32_t right =
                clause_end(a, st, tr, t + 1 < triggers.size() ? triggers[t + 1].first : st.s.last);
            bool planned = false, negated = false;
            modality_of(a, st, triggers, t, left, right, planned, negated);
            if (negated || (rel == "MET_WITH" && by_call(a, left, right))) continue;
            // "اتفاقية … من أجل الوقاية من المخالفات والبحث عنها": a trigger word inside a
            // signature's purpose names what the document is for.
            bool for_purpose = false;
            for (std::size_t u = 0; u < t && !for_purpose; ++u) {
                Participant at;
                at.first = tr.first;
                for_purpose = behind_purpose(a, st, triggers[u], at);
            }
            if (for_purpose) continue;
            if (rel == "RECEIVED" &&
                restated_reception(a, tr, sentence_facts, last_subject, planned))
                continue;
            if (talks_with_pronoun(a, tr, sentence_facts)) continue;
            if (rel == "RECEIVED" &&
                granted_reception(a, st, *tr.frame, tr, left, right, planned, ps))
                continue;
            // Attending and hosting link events (events.cpp); chairing a meeting also meets.
            if (rel == "ATTENDED" || rel == "HOSTED" || rel == "REPRESENTS") {
                chaired(a, st, triggers, t, ps, planned);
                continue;
            }
            if (rel.rfind("SIGNED_", 0) == 0) {
                if (sign_for_sides(a, st, *tr.frame, rel, tr, right, planned, ps) ||
                    sign_by_agents(a, st, *tr.frame, rel, tr, right, planned, ps) ||
                    sign_by_arabic_agents(a, st, *tr.frame, rel, tr, right, planned, ps) ||
                    sign_apposed_signers(a, st, *tr.frame, rel, tr, right, planned, ps))
                    continue;
                const bool dual = sign_dual(a, st, *tr.frame, rel, tr, st.s.first, planned);
                if (sign_between(a, st, *tr.frame, rel, tr, right, planned) || dual) continue;
                if (sign_generic(a, st, *tr.frame, rel, tr, st.s.first, right, planned)) continue;
                if (tr.frame->voice == Voice::Active &&
                    sign_joined_before(a, st, *tr.frame, rel, tr, left, planned, ps))
                    continue;
                if (sign_joined_after(a, st, *tr.frame, rel, tr, right, planned, ps)) continue;
            }
            std::vector<const Participant*> before, after;
            for (const Participant& p : ps) {
                if (p.first >= left && p.last <= tr.first) before.push_back(&p);
                if (p.first >= tr.last && p.first < right && !behind_purpose(a, st, tr, p))
                    after.push_back(&p);
            }
            if (rel == "RECEIVED" && tr.frame->voice == Voice::Nominal &&
                welcome_of_guest(a, st, tr, after)) {
                reception_of_guest(a, st, tr, before, after, planned,
                                   last_subject != kNone ? last_subject : a.topic);
                continue;
            }
            const bool visit = rel == "VISITED";
            const bool english = latin(a, tr);
            Voice voice = tr.frame->voice;
            // An agent phrase (من طرف، من قبل) makes any verb passive.
            std::size_t agent = after.size();
            for (std::size_t i = 0; i < after.size(); ++i)
                if (role_before(a, st, after[i]->first, tr.last) == StopRole::Agent) {
                    agent = i;
                    voice = Voice::Passive;
                    break;
                }
            std::uint32_t subject = kNone;
            const Participant* subject_p = nullptr;
            // Subjects joined to the first by و (X وY، X ونظيرته Y), or the group a dual or
            // plural stands for: one fact each.
            std::vector<std::pair<std::uint32_t, const Participant*>> co_subjects;
            std::size_t objects_from = 0;
            bool from_topic = false;
            auto usable_subject = [&](const Participant* p) {
                if (p->counterpart || is_place(a, *p) || (p->flags & kPrep) || news_agency(a, *p))
                    return false;
                // The object of an earlier مع or بين is no subject.
                const StopRole r = role_before(a, st, p->first, left);
                return r != StopRole::With && r != StopRole::Between && r != StopRole::To &&
                       r != StopRole::In && r != StopRole::From;
            };
            // A dual or plural verb agrees with a subject written before it or with a pronoun
            // (التقوا خلالها، يتنقلان): the press keeps the verb singular before its subject.
            // "وكانت المسؤولة التركية والوفد المرافق لها قد زاروا": one person and the delegation
            // with her agree with a plural verb; she is its subject.
            const bool plural = plural_verb(a, tr) && !led_delegation_before(a, st, tr, before);
            // "أن يتنقل الوزيران غدا"، "أن الوزيرين سيصلان": an office in the dual right after
            // the verb or before it in its clause stands for the last group.
            std::string dual_head;
            if (voice != Voice::Nominal && tr.item + 1 < st.items.size() &&
                st.items[tr.item + 1].first < right)
                dual_head = dual_office(a, st.items[tr.item + 1]);
            for (std::size_t k = tr.item; voice != Voice::Nominal && dual_head.empty() && k-- > 0 &&
                                          st.items[k].first >= left;)
                dual_head = dual_office(a, st.items[k]);
            // "اجتماع ثنائي بين الوزيرين"، "عقدت جلسة مباحثات بين الجانبين".
            const bool dual_sides =
                rel == "MET_WITH" && dual_head.empty() && dual_between(a, st, tr, right, dual_head);
            const bool dual = !dual_head.empty() || dual_sides;
            if (voice == Voice::Passive) {
                if (agent < after.size()) subject_p = after[agent];
                // "was received by Iraq's Deputy National Security Adviser, Dr. Hamid al-Shatri":
                // the country before the agent's title is his, the person is the agent.
                if (subject_p && is_place(a, *subject_p) && agent + 1 < after.size() &&
                    label_of(a, *after[agent + 1]) == Label::Person &&
                    content_between(a, st, subject_p->last, after[agent + 1]->first) <= 6)
                    subject_p = after[agent + 1];
                // "من طرف وزير المالية والميزانية السنغالي، الشيخ ديبا": the role is the name after
                // it.
                if (subject_p && !subject_p->counterpart &&
                    a.entities[subject_p->entity].label == Label::Person &&
                    a.entities[subject_p->entity].unnamed)
                    if (const Participant* n = apposed_name(a, st, after, agent, subject_p->first))
                        subject_p = n;
            } else {
                // "زيارة قامت بها A وB وC إلى تونس": the agents after a nominal trigger.
                if (voice == Voice::Nominal && !after.empty() && !after[0]->counterpart &&
                    label_of(a, *after[0]) == Label::Person &&
                    agents_follow(a, tr, after[0]->first)) {
                    subject_p = after[0];
                    objects_from = joined_persons(a, st, after, 0);
                    for (std::size_t i = 1; i < objects_from; ++i)
                        co_subjects.emplace_back(after[i]->entity, after[i]);
                }
                // "خلال زيارة مرتقبة للوزير الجيبوتي إلى عدن": the person behind ل right after
                // a noun of visit, with its destination after إلى, is the visitor.
                if (!subject_p && voice == Voice::Nominal && rel == "VISITED" &&
                    visitor_behind_lam(a, st, tr, after))
                    subject_p = after[0];
                // "…مع السيد خالد النوري، الذي يقوم بزيارة عمل إلى الجزائر": a relative pronoun
                // right before the verb makes the one it follows the subject, even the object
                // of an earlier مع.
                if (voice == Voice::Active && tr.first > left && relative(a, tr.first - 1))
                    for (std::size_t i = before.size(); i-- > 0;)
                        if (!before[i]->counterpart && !is_place(a, *before[i])) {
                            if (content_between(a, st, before[i]->last, tr.first) <= 1)
                                subject_p = before[i];
                            break;
                        }
                // "الطرابلسي يستقبل وزير الداخلية الإيطالي": a headline puts the subject first
                // (SVO), alone in its clause right before the verb (وكان اللواء فرح قد التقى).
                // Between them only a particle (قد), no dash or bracket of a dateline ((و م ع) –).
                auto next_to_verb = [&](const Participant* p) {
                    for (const Item& it : st.items)
                        if (it.first >= p->last && it.first < tr.first &&
                            (it.node == 0 || !a.is(it, EntryKind::Stopword)))
                            return false;
                    return true;
                };
                if (voice == Voice::Active && !before.empty() && usable_subject(before.back()) &&
                    (content_between(a, st, left, before.back()->first) <= 1 ||
                     that_before(a, st, before.back()->first)) &&
                    next_to_verb(before.back()))
                    subject_p = before.back();
                // After an active verb, a participant with no preposition is its subject (VSO);
                // not after جمعته (the pronoun is the subject, someone named before).
                // "ومن المرتقب أن يلتقي الوزير غدا رئيس جهاز …": a bare office after the verb
                // is its subject, someone named before; the one after it is the object.
                // Not the title of the name after it (يلتقي وزير الداخلية الفرنسي جيرالد …): only
                // its body and country between.
                bool bare_office = false;
                for (const Item& it : st.items)
                    if (!after.empty() && it.first >= tr.last && it.last <= after[0]->first)
                        if (const Entry* ti = a.entry(it, EntryKind::Title)) {
                            bool apart = false;
                            for (const Item& u : st.items)
                                apart = apart ||
                                        (u.first >= it.last && u.first < after[0]->first &&
                                         !a.is(u, EntryKind::Country) &&
                                         !a.is(u, EntryKind::Agency) && !a.is(u, EntryKind::Title));
                            bare_office = bare_office ||
                                          ((a.lex.titles[ti->index].kind == TitleKind::Office ||
                                            a.lex.titles[ti->index].kind == TitleKind::Role) &&
                                           apart);
                        }
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !after.empty() &&
                    !subject_p && !bare_office && !english && !plural && !dual &&
                    usable_subject(after[0]) &&
                    content_between(a, st, tr.last, after[0]->first) <= 1 &&
                    role_before(a, st, after[0]->first, tr.last) == StopRole::Other) {
                    subject_p = after[0];
                    objects_from = 1;
                    // "أن يلتقي دارمانان وفيزر خلال الزيارة الرئيس التونسي …": persons joined by
                    // و right after the verb, and more after something else, are its subjects;
                    // a visit's objects are places, so its joined persons are always visitors.
                    const std::size_t k = label_of(a, *after[0]) == Label::Person
                                              ? joined_persons(a, st, after, 0)
                                              : 1;
                    // Only a place after the pair (وقع X ونظيره Y، … بدكار، اتفاقية): the two
                    // are parties to each other.
                    bool party_after = false;
                    for (std::size_t i = k; i < after.size(); ++i)
                        party_after = party_after || !is_place(a, *after[i]);
                    if (k > 1 &&
                        (visit || (k < after.size() && party_after &&
                                   !list_glue(a, st, after[k - 1]->last, after[k]->first)))) {
                        for (std::size_t i = 1; i < k; ++i)
                            co_subjects.emplace_back(after[i]->entity, after[i]);
                        objects_from = k;
                    }
                }
                // "يزور وفد من مديرية الأمن العام برلين": a delegation from a body is that body.
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !subject_p &&
                    !after.empty() && !is_place(a, *after[0]) && !after[0]->counterpart &&
                    a.entities[after[0]->entity].label != Label::Person &&
                    role_before(a, st, after[0]->first, tr.last) == StopRole::From &&
                    content_between(a, st, tr.last, after[0]->first) == 2) {
                    std::u32string_view w = a.tokens.tokens[tr.last].form(a.text);
                    if (w.size() > 3 && w.substr(0, 2) == U"\u0627\u0644") w.remove_prefix(2);
                    if (w == U"\u0648\u0641\u062f") {  // وفد
                        subject_p = after[0];
                        objects_from = 1;
                    }
                }
                // A role the recognisers left apart from its name is that named person.
                if (subject_p && !subject_p->counterpart &&
                    a.entities[subject_p->entity].label == Label::Person &&
                    a.entities[subject_p->entity].unnamed)
                    if (const Participant* n = apposed_name(a, st, after, 0, subject_p->first)) {
                        subject_p = n;
                        objects_from = static_cast<std::size_t>(
                            std::find(after.begin(), after.end(), n) - after.begin() + 1);
                    }
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !subject_p && !plural &&
                    !dual && !after.empty() && usable_subject(after[0]) &&
                    role_before(a, st, after[0]->first, tr.last) == StopRole::Other)
                    if (const Participant* n = apposed_name(a, st, after, 0, tr.last)) {
                        subject_p = n;
                        objects_from = static_cast<std::size_t>(
                            std::find(after.begin(), after.end(), n) - after.begin() + 1);
                    }
                // "يلتقي الوزير غدا وزير الخارجية، قبل أن يتوجه إلى تونس": the object of an
                // earlier verb of the sentence is no subject of a later one, unless a relative
                // pronoun refers to it (…نظيره والوفد المرافق له، الذي يزور البلاد).
                auto object_before = [&](const Participant* p) {
                    if (p->counterpart ||
                        std::find(taken.begin(), taken.end(), p->entity) == taken.end())
                        return false;
                    for (std::uint32_t k = p->last; k < tr.first; ++k) {
                        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
                        if (w == U"\u0627\u0644\u0630\u064A" || w == U"\u0627\u0644\u062A\u064A")
                            return false;  // الذي، التي
                    }
                    return true;
                };
                // "أن يعقد الطرابلسي وبيانتيدوزي اجتماعا": of parties joined by و before the
                // noun, the first is the subject (the others join it below).
                // "Lieutenant General X, Commander-in-Chief of Dubai Police, on Tuesday received
                // Y": English writes the subject first and its title after it; the person is the
                // subject, not the body the title names.
                if (!subject_p && english)
                    for (std::size_t i = before.size(); i-- > 0;)
                        if (usable_subject(before[i]) && !object_before(before[i]) &&
                            label_of(a, *before[i]) == Label::Person) {
                            subject_p = before[i];
                            break;
                        }
                if (!subject_p)
                    for (std::size_t i = before.size(); i-- > 0;)
                        if (usable_subject(before[i]) && !object_before(before[i])) {
                            while (i > 0 && (before[i]->flags & kConj) &&
                                   usable_subject(before[i - 1]) &&
                                   list_glue(a, st, before[i - 1]->last, before[i]->first))
                                --i;
                            subject_p = before[i];
                            break;
                        }
            }
            // "حل X ضيفا على القيادة العامة …، في إطار زيارة عمل إلى المملكة": a noun of visit
            // after a person's arrival or visit in the sentence is that person's.
            if (voice == Voice::Nominal && visit && a.facts.size() > sentence_facts &&
                (!subject_p || label_of(a, *subject_p) != Label::Person)) {
                std::size_t i = a.facts.size();
                while (i > sentence_facts && a.facts[i - 1].relation != "VISITED") --i;
                if (i > sentence_facts && a.entities[a.facts[i - 1].a].label == Label::Person) {
                    const std::uint32_t visitor = a.facts[i - 1].a;
                    subject_p = nullptr;
                    for (const Participant* p : before)
                        if (p->entity == visitor) subject_p = p;
                    if (!subject_p) last_subject = visitor;
                }
            }
            if (subject_p) {
                subject = subject_p->entity;
            } else {
                subject = last_subject != kNone ? last_subject : a.topic;
                from_topic = true;
            }
            bool of_group = false;
            if ((plural || dual) && !english && co_subjects.empty()) {
                const std::vector<std::uint32_t> g = last_group(a, group, dual_head);
                if (g.size() >= 2 &&
                    (from_topic || dual || std::find(g.begin(), g.end(), subject) != g.end())) {
                    subject = g[0];
                    if (subject_p && subject_p->entity != subject) subject_p = nullptr;
                    for (std::size_t i = 1; i < g.size(); ++i)
                        co_subjects.emplace_back(g[i], nullptr);
                    from_topic = false;
                    of_group = true;
                }
            }
            if (subject == kNone) continue;
            // Institutions sign; the person an article is about is no party unless named.
            if (from_topic && rel.rfind("SIGNED_", 0) == 0) continue;
            const std::uint32_t previous_subject = last_subject;
            if (subject_p && a.entities[subject].label == Label::Person) last_subject = subject;
            // Where objects may start: after the trigger (or its subject) and after مع / بين.
            // A noun of meeting or signing takes its party after مع (اتفاقية الأمم المتحدة names
            // a treaty, not a party); a verb takes it right after itself or its subject.
            const std::uint32_t base =
                subject_p && objects_from ? after[objects_from - 1]->last : tr.last;
            std::vector<std::uint32_t> anchors, markers;
            if (voice != Voice::Nominal || visit) anchors.push_back(base);
            for (const Item& it : st.items)
                if (it.first >= tr.last && it.first < right) {
                    const StopRole r = a.stop_role(it);
                    // إلى / لدى opens a place visited; for a meeting it is an envoy's post or
                    // a greeting's addressee (ممثلة المكتب لدى دول مجلس التعاون).
                    // "علاقاته مع الجارة تركيا": مع after a noun of relations is its complement.
                    if (r == StopRole::With && &it != st.items.data() &&
                        a.stop_role(*(&it - 1)) == StopRole::Noun)
                        continue;
                    if (r == StopRole::With || r == StopRole::Between ||
                        (r == StopRole::To && visit))
                        markers.push_back(it.last);
                }
            // مع close to the trigger, or to an object already taken (الأولى مع …، والثانية مع …).
            auto open_markers = [&](std::uint32_t from) {
                for (std::uint32_t m : markers)
                    if (m > from && undated_between(a, st, from, m) <= 6) anchors.push_back(m);
            };
            open_markers(base);
            auto anchored = [&](const Participant* p) {
                for (std::uint32_t an : anchors)
                    if (an <= p->first && (content_between(a, st, an, p->first) <= 3 ||
                                           apposed_name(a, st, {p}, 0, an) == p))
                        return true;
                // "جمعه بفيصل شهكار": ب attached to the object, close to the trigger (not a
                // genitive ل far after it).
                if (!(p->flags & kPrep) || p->first < tr.last) return false;
                const Token& word = a.tokens.tokens[p->first];
                const char32_t prep = a.text.folded[word.fstart + ((p->flags & kConj) ? 1 : 0)];
                return prep == U'\u0628' && content_between(a, st, base, p->first) <= 3;
            };
            // "نظيريه التونسي خالد النوري والعراقي عبد الأمير الشمري": the next of a list may
            // carry its nationality before its name.
            auto glue_with_nationality = [&](std::uint32_t from, std::uint32_t to) {
                bool adjective = false;
                for (const Item& it : st.items) {
                    if (it.first < from || it.first >= to) continue;
                    if (list_glue(a, st, it.first, it.last)) continue;
                    bool adj = false;
                    for (const Mention& m : st.mentions)
                        adj = adj || (m.first == it.first && m.adjective && m.entity != kNone &&
                                      a.entities[m.entity].label == Label::Country);
                    if (!adj || adjective) return false;
                    adjective = true;
                }
                return adjective;
            };
            std::vector<const Participant*> pool;
            Participant dropped;  // a passive's subject left unwritten
            if (voice == Voice::Passive) {
                for (std::size_t i = 0; i < agent && i < after.size(); ++i)
                    // "X was received on Monday at Dubai Police General Headquarters by Y": in
                    // English the one received is the subject; a body between the verb and by
                    // is where it took place.
                    if (!english || label_of(a, *after[i]) == Label::Person)
                        pool.push_back(after[i]);
                if (pool.empty() && (!before.empty() || english)) {
                    // "The Syrian delegation, led by Maj. Gen. X, head of Syria's …, was
                    // received by": in English the person before the verb, not his body.
                    const Participant* nearest = before.empty() ? nullptr : before.back();
                    for (std::size_t i = before.size(); english && i-- > 0;)
                        if (label_of(a, *before[i]) == Label::Person) {
                            nearest = before[i];
                            break;
                        }
                    // "Abenov, who is on a working visit to the UAE, was received by": past the
                    // relative clause's own trigger, the sentence's subject.
                    if (english && (!nearest || label_of(a, *nearest) != Label::Person))
                        for (std::size_t i = ps.size(); i-- > 0;)
                            if (ps[i].last <= tr.first && ps[i].first < left &&
                                !ps[i].counterpart && label_of(a, ps[i]) == Label::Person) {
                                nearest = &ps[i];
                                break;
                            }
                    if (nearest) pool.push_back(nearest);
                }
                // "استُقبل المسؤول الأمني المغربي … من طرف X": with no one named before the agent,
                // the one received is the person the article follows.
                const std::uint32_t followed =
                    a.topic != kNone && a.topic != subject ? a.topic : previous_subject;
                if (pool.empty() && followed != kNone && rel == "RECEIVED") {
                    dropped.entity = followed;
                    dropped.first = tr.first;
                    dropped.last = tr.last;
                    dropped.start = a.tokens.tokens[tr.first].start;
                    dropped.end = a.tokens.tokens[tr.last - 1].end;
                    pool.push_back(&dropped);
                }
            } else {
                for (std::size_t i = objects_from; i < after.size(); ++i) pool.push_back(after[i]);
            }
            std::vector<const Participant*> objects;
            Participant host;  // the host country, when the visit names it as المملكة / البلاد
            bool countries = false;
            // "استقبل X، في مكتبه بالرياض اليوم، Y": after a verb and its subject, the next
            // person or body with no preposition is the object, however far in the clause.
            if (voice == Voice::Active && objects_from >= 1 && !visit)
                for (const Participant* p : pool) {
                    // Not past مع: then the objects are مع's (ناقش X مع Y وZ).
                    bool marker = false;
                    for (std::uint32_t m : markers) marker = marker || (m > base && m <= p->first);
                    if (marker) break;
                    // Nor the body of "بمقر المديرية …، بمكتبه في …": where it took place.
                    bool located = false;
                    if (p->first > base) {
                        const Token& w = a.tokens.tokens[p->first - 1];
                        std::u32string_view f = w.form(a.text);
                        if (f.size() > 4 && f[0] == U'\u0648') f.remove_prefix(1);
                        located = w.kind == TokenKind::Word && f.size() >= 4 && f[0] == U'\u0628';
                    }
                    // "استقبل X، أمس بمقر الجهاز، وفدا رفيع المستوى من جمهورية تشاد": a
                    // delegation from a country or body is that country or body.
                    bool of_delegation_from = false;
                    for (std::uint32_t k = p->first > 6 ? p->first - 6 : 0; k < p->first; ++k)
                        of_delegation_from =
                            of_delegation_from ||
                            (k >= base && delegation_word(a.tokens.tokens[k].form(a.text)));
                    if ((!is_place(a, *p) ||
                         (of_delegation_from && label_of(a, *p) == Label::Country)) &&
                        !located && !(p->flags & (kPrep | kConj)) &&
                        (role_before(a, st, p->first, base) == StopRole::Other ||
                         of_delegation_from)) {
                        const auto at = std::find(pool.begin(), pool.end(), p) - pool.begin();
                        if (const Participant* n =
                                apposed_name(a, st, pool, static_cast<std::size_t>(at), p->first))
                            p = n;
                        objects.push_back(p);
                        open_markers(p->last);
                        break;
                    }
                }
            if (visit && from_topic) {
                // "زيارة عمل قام بها المسؤول الفرنسي إلى المغرب": the visitor written as an
                // official of a country is the one person the article names of that country.
                std::uint32_t nationality = kNone;
                for (const Mention& m : st.mentions)
                    if (m.entity != kNone && m.adjective && m.first >= tr.last && m.first < right &&
                        a.entities[m.entity].label == Label::Country && nationality == kNone)
                        nationality = a.entities[m.entity].lex;
                std::uint32_t visitor = kNone, found = 0;
                for (std::uint32_t i = 0; i < a.entities.size() && nationality != kNone; ++i)
                    if (a.entities[i].label == Label::Person && !a.entities[i].unnamed &&
                        a.entities[i].country == nationality) {
                        visitor = i;
                        ++found;
                    }
                if (found == 1) subject = visitor;
            }
            if (visit) {
                // The place visited: the first one after the trigger; "العاصمة النمساوية فيينا"
                // names the city after its country.
                // Not the visitor's own country, nor a country named by its adjective (حل وفد
                // أمني إماراتي: the visitors' nationality).
                const std::uint32_t home = a.entities[subject].country;
                for (std::size_t i = 0; i < pool.size(); ++i)
                    if (!pool[i]->adjective && !pool[i]->counterpart &&
                        !(label_of(a, *pool[i]) == Label::Country &&
                          a.entities[pool[i]->entity].lex == home) &&
                        (is_place(a, *pool[i]) ||
                         (label_of(a, *pool[i]) != Label::Person &&
                          (role_before(a, st, pool[i]->first, tr.last) == StopRole::To ||
                           // "يزور الوزير غدا مركز القيادة الوطني": an active verb's
                           // direct object may be a body visited.
                           (voice == Voice::Active && !(pool[i]->flags & kPrep))))) &&
                        anchored(pool[i])) {
                        std::size_t j = i;
                        while (j + 1 < pool.size() && is_place(a, *pool[j + 1]) &&
                               !pool[j + 1]->adjective &&
                               content_between(a, st, pool[j]->last, pool[j + 1]->first) <= 1)
                            ++j;
                        objects.push_back(pool[j]);
                        break;
                    }
                if (objects.empty() && home_visited(a, st, tr, right, subject, host))
                    objects.push_back(&host);
            } else {
                // Persons and bodies: the first where an object may start, then those joined to
                // it by commas and و, or introduced by their own مع.
                for (const Participant* p : pool) {
                    if (is_place(a, *p)) continue;
                    if (!objects.empty() && p->first <= objects.back()->first) continue;
                    // "بحث مع السفير الفرنسي دعم قوى الأمن": past an object, a body needs its own
                    // مع or a list's glue; after the topic's noun it is the topic.
                    bool own_anchor = objects.empty() || label_of(a, *p) == Label::Person;
                    for (std::uint32_t an : anchors)
                        own_anchor = own_anchor || (an >= objects.back()->last && an <= p->first);
                    if (voice == Voice::Passive || (anchored(p) && own_anchor) ||
                        (!objects.empty() && list_glue(a, st, objects.back()->last, p->first)) ||
                        (!objects.empty() &&
                         glue_with_nationality(objects.back()->last, p->first)) ||
                        // Each item a title and a name, or a role after a posting.
                        (!objects.empty() && label_of(a, *objects.back()) == Label::Person &&
                         label_of(a, *p) == Label::Person && !p->counterpart &&
                         listed_next(a, st, *objects.back(), *p))) {
                        objects.push_back(p);
                        open_markers(p->last);
                    } else if (!objects.empty()) {
                        break;
                    }
                }
                // "توقيع X … اتفاقية أمنية مماثلة مع المغرب": a country right after مع is a
                // signature's party (countries sign; they never meet).
                if (objects.empty() && rel.rfind("SIGNED_", 0) == 0)
                    for (const Participant* p : pool)
                        if (label_of(a, *p) == Label::Country && !p->adjective &&
                            role_before(a, st, p->first, tr.last) == StopRole::With &&
                            anchored(p)) {
                            objects.push_back(p);
                            break;
                        }
                // Meetings with delegations "from" a list of countries: one per country.
                // "استقبل … أعضاء الوفد المغربي": a reception of a delegation, by its country.
                if (objects.empty() && (rel == "MET_WITH" || rel == "RECEIVED")) {
                    const std::uint32_t own = a.entities[subject].country;
                    // Not after بين: "التعاون بين المغرب وإسبانيا" is no meeting.
                    std::uint32_t between = right;
                    for (const Item& it : st.items)
                        if (it.first >= tr.last && it.first < between &&
                            a.stop_role(it) == StopRole::Between)
                            between = it.first;
                    // A country is a party when introduced (من، في، مع) or listed with others
                    // (ألمانيا، إسبانيا، إيطاليا), not as the subject of a clause (أن إسبانيا).
                    std::vector<const Participant*> cs;
                    for (const Participant* p : pool)
                        if (p->first < between && label_of(a, *p) == Label::Country)
                            cs.push_back(p);
                    // A country the lexicons miss may sit in the list (الشيلي، البهاماس والبرازيل).
                    auto glued = [&](std::size_t i) {
                        return i > 0 &&
                               (list_glue(a, st, cs[i - 1]->last, cs[i]->first) ||
                                content_between(a, st, cs[i - 1]->last, cs[i]->first) <= 1);
                    };
                    // A bare noun of gathering (اجتماع، meeting: frames.tsv gives it less than
                    // 0.6) names an event: its countries are where it is held or who attends
                    // (الاجتماع المزمع عقده في الكويت، bringing together delegations from …),
                    // and parties of a meeting only behind مع (اجتماع مع وفود من …).
                    std::uint32_t with = right;
                    for (std::uint32_t m : markers)
                        for (const Item& it : st.items)
                            if (it.last == m && a.stop_role(it) == StopRole::With)
                                with = std::min(with, m);
                    std::vector<bool> ok(cs.size(), false);
                    for (std::size_t i = 0; i < cs.size(); ++i) {
                        if (tr.frame->voice == Voice::Nominal && tr.frame->confidence < 0.6 &&
                            cs[i]->first < with)
                            continue;
                        const StopRole r = role_before(a, st, cs[i]->first, tr.last);
                        // Reported speech after أن / إن names no party ("…أن العراق لن يسمح …").
                        if (said_before(a, tr.last, cs[i]->first)) continue;
                        // A country after في is where they met (نظرائه العرب في تونس), or an
                        // official's (وزير الدولة لشؤون الأمن في المملكة المتحدة).
                        const bool introduced =
                            r == StopRole::From || r == StopRole::With || anchored(cs[i]);
                        const bool listed = i + 2 < cs.size() && glued(i + 1) && glued(i + 2);
                        ok[i] = introduced || listed || (i > 0 && ok[i - 1] && glued(i));
                        // An adjective is a party only as a delegation's (مع الوفد الإسباني), not
                        // an official's (مع مفوض الشرطة الأسترالية، السفيرين البريطاني والكندي);
                        // a reception only of a delegation.
                        const bool delegation = of_delegation(a, st, *cs[i]);
                        if ((cs[i]->adjective || rel == "RECEIVED") && !delegation &&
                            !(i > 0 && ok[i - 1] && glued(i)))
                            ok[i] = false;
                        if (delegation && (anchored(cs[i]) || r == StopRole::Other) &&
                            cs[i]->adjective)
                            ok[i] = true;
                    }
                    for (std::size_t i = 0; i < cs.size(); ++i)
                        if (ok[i] && a.entities[cs[i]->entity].lex != own) objects.push_back(cs[i]);
                    countries = !objects.empty();
                    if (objects.empty() && !visit) {
                        pending.subject = subject;
                        pending.frame = tr.frame;
                        pending.planned = planned;
                        pending.from_topic = from_topic;
                    }
                }
            }
            // "وقعت وزارة الداخلية الإماراتية ووزارة الداخلية الكويتية مذكرة": the parties
            // are the subject and those joined to it by و.
            // The first may carry its country (وزارة الداخلية في دولة الإمارات ووزارة …).
            auto joined = [&](std::uint32_t from, std::uint32_t to) {
                for (const Item& it : st.items)
                    if (it.first >= from && it.first < to && !a.is(it, EntryKind::Country) &&
                        a.stop_role(it) != StopRole::In && !list_glue(a, st, it.first, it.last))
                        return false;
                return true;
            };
            if (objects.empty() && subject_p && rel != "VISITED" && rel != "RECEIVED")
                for (const Participant& p : ps)
                    if (p.first >= subject_p->last && p.first < right && !is_place(a, p) &&
                        (((p.flags & kConj) && joined(subject_p->last, p.first)) ||
                         (p.last <= tr.first && joined_party(a, st, *subject_p, p)))) {
                        objects.push_back(&p);
                        break;
                    }
            // "أن يعقد الطرابلسي وبيانتيدوزي اجتماعا": the subject taken last of the pair.
            if (objects.empty() && subject_p && rel != "VISITED" && rel != "RECEIVED" &&
                subject_p->last <= tr.first &&
                content_between(a, st, subject_p->last, tr.first) == 0)
                for (const Participant& p : ps)
                    if (p.first >= left && p.last <= subject_p->first && !is_place(a, p) &&
                        !p.counterpart && label_of(a, p) == label_of(a, *subject_p) &&
                        joined_party(a, st, p, *subject_p)) {
                        objects.push_back(&p);
                        break;
                    }
            // "كما التقى الأمين العام لمجلس …": after كما / ثم, which carry on the subject
            // before, the one party after a verb with no object is its object.
            if (voice == Voice::Active && !visit && (rel == "MET_WITH" || rel == "RECEIVED") &&
                objects.empty() && co_subjects.empty() && subject_p && objects_from == 1 &&
                !after.empty() && after[0] == subject_p && !english && carried_on(a, st, tr) &&
                // Not a support verb before its noun (كما أجرى حموشي … مباحثات مع …).
                (t + 1 == triggers.size() || triggers[t + 1].frame->voice != Voice::Nominal ||
                 content_between(a, st, subject_p->last, triggers[t + 1].first) > 3)) {
                const std::uint32_t followed =
                    previous_subject != kNone ? previous_subject : a.topic;
                if (followed != kNone && followed != subject) {
                    objects.push_back(subject_p);
                    subject = followed;
                    subject_p = nullptr;
                    from_topic = true;
                    last_subject = previous_subject;
                }
            }
            // "وبحث سموه مع ضيفيه": the persons the subject last received or met.
            std::vector<Participant> guests;
            if (objects.empty() && !visit && (rel == "MET_WITH" || rel == "RECEIVED"))
                guests = guests_after(a, st, tr, right, subject);
            for (const Participant& g : guests) objects.push_back(&g);
            if (!guests.empty()) pending = Pending{};
            const std::size_t facts_before = a.facts.size();
            for (const Participant* o : objects) {
                const std::uint32_t obj =
                    o->counterpart ? resolve_counterpart(a, *o, subject) : o->entity;
                if (obj == kNone || obj == subject) continue;
                const Label sl = a.entities[subject].label, ol = a.entities[obj].label;
                // Countries alone never meet: a country is a party through a delegation.
                if (sl == Label::Country && ol == Label::Country) continue;
                add_fact(a, st, *tr.frame, rel, voice, subject, subject_p, *o, obj,
                         a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned,
                         from_topic, countries);
                for (const auto& [c, cp] : co_subjects)
                    if (c != obj)
                        add_fact(a, st, *tr.frame, rel, voice, c, cp, *o, obj,
                                 a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end,
                                 planned, false, countries);
                taken.push_back(o->entity);
            }
            // "وسبق التوقيع اجتماع ثنائي بين الوزيرين"، "وبحثا المشاريع".
            if (objects.empty() && of_group && rel == "MET_WITH") {
                meet_within_group(a, st, tr, voice, subject, subject_p, co_subjects, planned);
                pending = Pending{};
            }
            if (of_group)
                for (std::size_t i = facts_before; i < a.facts.size(); ++i)
                    a.facts[i].rule += ".group";
            // The persons named together as this subject are the next dual's or plural's.
            if (!co_subjects.empty() && !of_group && a.entities[subject].label == Label::Person) {
                group = {subject};
                for (const auto& c : co_subjects) group.push_back(c.first);
            }
        }
    }
}

}  // namespace liaison::extract
