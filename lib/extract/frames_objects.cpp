// The objects of a frame trigger (frames.cpp finds its subject): persons and bodies after the
// verb or after مع / بين, the places a visit names, the countries of delegations met, and the
// parties the subject's own clause gives (X وY، كما التقى، ضيفيه); and the facts they make.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

namespace {

// "نظيريه التونسي خالد النوري والعراقي عبد الأمير الشمري": the next of a list may carry its
// nationality before its name.
bool glue_with_nationality(const Analysis& a, const SentenceState& st, std::uint32_t from,
                           std::uint32_t to) {
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
}

// The search for one trigger's objects, in the order its rules run.
struct ObjectSearch {
    Analysis& a;
    const Clause& c;
    Subject& s;
    Objects& o;
    // Where objects may start: after the trigger (or its subject) and after مع / بين.
    std::uint32_t base = 0;
    std::vector<std::uint32_t> anchors{}, markers{};
    std::vector<const Participant*> pool{};  // the participants that may be objects

    void find_anchors();
    void open_markers(std::uint32_t from);
    bool anchored(const Participant* p) const;
    void fill_pool(std::uint32_t previous_subject);
    void direct_object();
    void visitor_by_nationality();
    void place_visited();
    void listed_objects();
    void country_signing();
    void countries_met(Pending& pending);
    bool joined(std::uint32_t from, std::uint32_t to) const;
    void joined_party_object();
    void carried_subject(std::uint32_t previous_subject, std::uint32_t& last_subject);
};

// A noun of meeting or signing takes its party after مع (اتفاقية الأمم المتحدة names a treaty,
// not a party); a verb takes it right after itself or its subject.
void ObjectSearch::find_anchors() {
    const SentenceState& st = c.st;
    base = s.p && s.objects_from ? c.after[s.objects_from - 1]->last : c.tr.last;
    if (c.voice != Voice::Nominal || c.visit) anchors.push_back(base);
    for (const Item& it : st.items)
        if (it.first >= c.tr.last && it.first < c.right) {
            const StopRole r = a.stop_role(it);
            // إلى / لدى opens a place visited; for a meeting it is an envoy's post or a
            // greeting's addressee (ممثلة المكتب لدى دول مجلس التعاون).
            // "علاقاته مع الجارة تركيا": مع after a noun of relations is its complement.
            if (r == StopRole::With && &it != st.items.data() &&
                a.stop_role(*(&it - 1)) == StopRole::Noun)
                continue;
            if (r == StopRole::With || r == StopRole::Between || (r == StopRole::To && c.visit))
                markers.push_back(it.last);
        }
    open_markers(base);
}

// مع close to the trigger, or to an object already taken (الأولى مع …، والثانية مع …).
void ObjectSearch::open_markers(std::uint32_t from) {
    for (std::uint32_t m : markers)
        if (m > from && undated_between(a, c.st, from, m) <= 6) anchors.push_back(m);
}

bool ObjectSearch::anchored(const Participant* p) const {
    for (std::uint32_t an : anchors)
        if (an <= p->first &&
            (content_between(a, c.st, an, p->first) <= 3 || apposed_name(a, c.st, {p}, 0, an) == p))
            return true;
    // "جمعه بفيصل شهكار": ب attached to the object, close to the trigger (not a genitive ل far
    // after it).
    if (!(p->flags & kPrep) || p->first < c.tr.last) return false;
    const Token& word = a.tokens.tokens[p->first];
    const char32_t prep = a.text.folded[word.fstart + ((p->flags & kConj) ? 1 : 0)];
    return prep == U'\u0628' && content_between(a, c.st, base, p->first) <= 3;
}

// The participants that may be objects: those after the subject; for a passive, those before
// the agent, else the one before the verb or the person the article follows.
void ObjectSearch::fill_pool(std::uint32_t previous_subject) {
    const Trigger& tr = c.tr;
    const auto& before = c.before;
    const auto& after = c.after;
    if (c.voice == Voice::Passive) {
        for (std::size_t i = 0; i < c.agent && i < after.size(); ++i)
            // "X was received on Monday at Dubai Police General Headquarters by Y": in English
            // the one received is the subject; a body between the verb and by is where it took
            // place.
            if (!c.english || label_of(a, *after[i]) == Label::Person) pool.push_back(after[i]);
        if (pool.empty() && (!before.empty() || c.english)) {
            // "The Syrian delegation, led by Maj. Gen. X, head of Syria's …, was received by":
            // in English the person before the verb, not his body.
            const Participant* nearest = before.empty() ? nullptr : before.back();
            for (std::size_t i = before.size(); c.english && i-- > 0;)
                if (label_of(a, *before[i]) == Label::Person) {
                    nearest = before[i];
                    break;
                }
            // "Abenov, who is on a working visit to the UAE, was received by": past the
            // relative clause's own trigger, the sentence's subject.
            const auto& ps = c.ps;
            if (c.english && (!nearest || label_of(a, *nearest) != Label::Person))
                for (std::size_t i = ps.size(); i-- > 0;)
                    if (ps[i].last <= tr.first && ps[i].first < c.left && !ps[i].counterpart &&
                        label_of(a, ps[i]) == Label::Person) {
                        nearest = &ps[i];
                        break;
                    }
            if (nearest) pool.push_back(nearest);
        }
        // "استُقبل المسؤول الأمني المغربي … من طرف X": with no one named before the agent, the
        // one received is the person the article follows.
        const std::uint32_t followed =
            a.topic != kNone && a.topic != s.entity ? a.topic : previous_subject;
        if (pool.empty() && followed != kNone && c.rel == "RECEIVED") {
            o.dropped.entity = followed;
            o.dropped.first = tr.first;
            o.dropped.last = tr.last;
            o.dropped.start = a.tokens.tokens[tr.first].start;
            o.dropped.end = a.tokens.tokens[tr.last - 1].end;
            pool.push_back(&o.dropped);
        }
    } else {
        for (std::size_t i = s.objects_from; i < after.size(); ++i) pool.push_back(after[i]);
    }
}

// "استقبل X، في مكتبه بالرياض اليوم، Y": after a verb and its subject, the next person or body
// with no preposition is the object, however far in the clause.
void ObjectSearch::direct_object() {
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
        // "استقبل X، أمس بمقر الجهاز، وفدا رفيع المستوى من جمهورية تشاد": a delegation from a
        // country or body is that country or body.
        bool of_delegation_from = false;
        for (std::uint32_t k = p->first > 6 ? p->first - 6 : 0; k < p->first; ++k)
            of_delegation_from = of_delegation_from ||
                                 (k >= base && delegation_word(a.tokens.tokens[k].form(a.text)));
        if ((!is_place(a, *p) || (of_delegation_from && label_of(a, *p) == Label::Country)) &&
            !located && !(p->flags & (kPrep | kConj)) &&
            (role_before(a, c.st, p->first, base) == StopRole::Other || of_delegation_from)) {
            const auto at = std::find(pool.begin(), pool.end(), p) - pool.begin();
            if (const Participant* n =
                    apposed_name(a, c.st, pool, static_cast<std::size_t>(at), p->first))
                p = n;
            o.list.push_back(p);
            open_markers(p->last);
            break;
        }
    }
}

// "زيارة عمل قام بها المسؤول الفرنسي إلى المغرب": the visitor written as an official of a
// country is the one person the article names of that country.
void ObjectSearch::visitor_by_nationality() {
    std::uint32_t nationality = kNone;
    for (const Mention& m : c.st.mentions)
        if (m.entity != kNone && m.adjective && m.first >= c.tr.last && m.first < c.right &&
            a.entities[m.entity].label == Label::Country && nationality == kNone)
            nationality = a.entities[m.entity].lex;
    std::uint32_t visitor = kNone, found = 0;
    for (std::uint32_t i = 0; i < a.entities.size() && nationality != kNone; ++i)
        if (a.entities[i].label == Label::Person && !a.entities[i].unnamed &&
            a.entities[i].country == nationality) {
            visitor = i;
            ++found;
        }
    if (found == 1) s.entity = visitor;
}

// The place visited: the first one after the trigger; "العاصمة النمساوية فيينا" names the city
// after its country.
// Not the visitor's own country, nor a country named by its adjective (حل وفد أمني إماراتي: the
// visitors' nationality).
void ObjectSearch::place_visited() {
    const std::uint32_t home = a.entities[s.entity].country;
    for (std::size_t i = 0; i < pool.size(); ++i)
        if (!pool[i]->adjective && !pool[i]->counterpart &&
            !(label_of(a, *pool[i]) == Label::Country && a.entities[pool[i]->entity].lex == home) &&
            (is_place(a, *pool[i]) ||
             (label_of(a, *pool[i]) != Label::Person &&
              (role_before(a, c.st, pool[i]->first, c.tr.last) == StopRole::To ||
               // "يزور الوزير غدا مركز القيادة الوطني": an active verb's direct object may be a
               // body visited.
               (c.voice == Voice::Active && !(pool[i]->flags & kPrep))))) &&
            anchored(pool[i])) {
            std::size_t j = i;
            while (j + 1 < pool.size() && is_place(a, *pool[j + 1]) && !pool[j + 1]->adjective &&
                   content_between(a, c.st, pool[j]->last, pool[j + 1]->first) <= 1)
                ++j;
            o.list.push_back(pool[j]);
            break;
        }
    if (o.list.empty() && home_visited(a, c.st, c.tr, c.right, s.entity, o.host))
        o.list.push_back(&o.host);
}

// Persons and bodies: the first where an object may start, then those joined to it by commas
// and و, or introduced by their own مع.
void ObjectSearch::listed_objects() {
    auto& objects = o.list;
    for (const Participant* p : pool) {
        if (is_place(a, *p)) continue;
        if (!objects.empty() && p->first <= objects.back()->first) continue;
        // "بحث مع السفير الفرنسي دعم قوى الأمن": past an object, a body needs its own مع or a
        // list's glue; after the topic's noun it is the topic.
        bool own_anchor = objects.empty() || label_of(a, *p) == Label::Person;
        for (std::uint32_t an : anchors)
            own_anchor = own_anchor || (an >= objects.back()->last && an <= p->first);
        if (c.voice == Voice::Passive || (anchored(p) && own_anchor) ||
            (!objects.empty() && list_glue(a, c.st, objects.back()->last, p->first)) ||
            (!objects.empty() && glue_with_nationality(a, c.st, objects.back()->last, p->first)) ||
            // Each item a title and a name, or a role after a posting.
            (!objects.empty() && label_of(a, *objects.back()) == Label::Person &&
             label_of(a, *p) == Label::Person && !p->counterpart &&
             listed_next(a, c.st, *objects.back(), *p))) {
            objects.push_back(p);
            open_markers(p->last);
        } else if (!objects.empty()) {
            break;
        }
    }
}

// "توقيع X … اتفاقية أمنية مماثلة مع المغرب": a country right after مع is a signature's party
// (countries sign; they never meet).
void ObjectSearch::country_signing() {
    for (const Participant* p : pool)
        if (label_of(a, *p) == Label::Country && !p->adjective &&
            role_before(a, c.st, p->first, c.tr.last) == StopRole::With && anchored(p)) {
            o.list.push_back(p);
            break;
        }
}

// Meetings with delegations "from" a list of countries: one per country.
// "استقبل … أعضاء الوفد المغربي": a reception of a delegation, by its country.
void ObjectSearch::countries_met(Pending& pending) {
    const SentenceState& st = c.st;
    const Trigger& tr = c.tr;
    const std::uint32_t own = a.entities[s.entity].country;
    // Not after بين: "التعاون بين المغرب وإسبانيا" is no meeting.
    std::uint32_t between = c.right;
    for (const Item& it : st.items)
        if (it.first >= tr.last && it.first < between && a.stop_role(it) == StopRole::Between)
            between = it.first;
    // A country is a party when introduced (من، في، مع) or listed with others (ألمانيا، إسبانيا،
    // إيطاليا), not as the subject of a clause (أن إسبانيا).
    std::vector<const Participant*> cs;
    for (const Participant* p : pool)
        if (p->first < between && label_of(a, *p) == Label::Country) cs.push_back(p);
    // A country the lexicons miss may sit in the list (الشيلي، البهاماس والبرازيل).
    auto glued = [&](std::size_t i) {
        return i > 0 && (list_glue(a, st, cs[i - 1]->last, cs[i]->first) ||
                         content_between(a, st, cs[i - 1]->last, cs[i]->first) <= 1);
    };
    // A bare noun of gathering (اجتماع، meeting: frames.tsv gives it less than 0.6) names an
    // event: its countries are where it is held or who attends (الاجتماع المزمع عقده في الكويت،
    // bringing together delegations from …), and parties of a meeting only behind مع (اجتماع مع
    // وفود من …).
    std::uint32_t with = c.right;
    for (std::uint32_t m : markers)
        for (const Item& it : st.items)
            if (it.last == m && a.stop_role(it) == StopRole::With) with = std::min(with, m);
    std::vector<bool> ok(cs.size(), false);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (tr.frame->voice == Voice::Nominal && tr.frame->confidence < 0.6 && cs[i]->first < with)
            continue;
        const StopRole r = role_before(a, st, cs[i]->first, tr.last);
        // Reported speech after أن / إن names no party ("…أن العراق لن يسمح …").
        if (said_before(a, tr.last, cs[i]->first)) continue;
        // A country after في is where they met (نظرائه العرب في تونس), or an official's (وزير
        // الدولة لشؤون الأمن في المملكة المتحدة).
        const bool introduced = r == StopRole::From || r == StopRole::With || anchored(cs[i]);
        const bool listed = i + 2 < cs.size() && glued(i + 1) && glued(i + 2);
        ok[i] = introduced || listed || (i > 0 && ok[i - 1] && glued(i));
        // An adjective is a party only as a delegation's (مع الوفد الإسباني), not an official's
        // (مع مفوض الشرطة الأسترالية، السفيرين البريطاني والكندي); a reception only of a
        // delegation.
        const bool delegation = of_delegation(a, st, *cs[i]);
        if ((cs[i]->adjective || c.rel == "RECEIVED") && !delegation &&
            !(i > 0 && ok[i - 1] && glued(i)))
            ok[i] = false;
        if (delegation && (anchored(cs[i]) || r == StopRole::Other) && cs[i]->adjective)
            ok[i] = true;
    }
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ok[i] && a.entities[cs[i]->entity].lex != own) o.list.push_back(cs[i]);
    o.countries = !o.list.empty();
    if (o.list.empty() && !c.visit) {
        pending.subject = s.entity;
        pending.frame = tr.frame;
        pending.planned = c.planned;
        pending.from_topic = s.from_topic;
    }
}

// Nothing but a country, في or a list's glue between two tokens.
bool ObjectSearch::joined(std::uint32_t from, std::uint32_t to) const {
    for (const Item& it : c.st.items)
        if (it.first >= from && it.first < to && !a.is(it, EntryKind::Country) &&
            a.stop_role(it) != StopRole::In && !list_glue(a, c.st, it.first, it.last))
            return false;
    return true;
}

// "وقعت وزارة الداخلية الإماراتية ووزارة الداخلية الكويتية مذكرة": the parties are the subject
// and those joined to it by و.
// The first may carry its country (وزارة الداخلية في دولة الإمارات ووزارة …).
void ObjectSearch::joined_party_object() {
    const Participant* subject_p = s.p;
    if (o.list.empty() && subject_p && c.rel != "VISITED" && c.rel != "RECEIVED")
        for (const Participant& p : c.ps)
            if (p.first >= subject_p->last && p.first < c.right && !is_place(a, p) &&
                (((p.flags & kConj) && joined(subject_p->last, p.first)) ||
                 (p.last <= c.tr.first && joined_party(a, c.st, *subject_p, p)))) {
                o.list.push_back(&p);
                break;
            }
    // "أن يعقد الطرابلسي وبيانتيدوزي اجتماعا": the subject taken last of the pair.
    if (o.list.empty() && subject_p && c.rel != "VISITED" && c.rel != "RECEIVED" &&
        subject_p->last <= c.tr.first && content_between(a, c.st, subject_p->last, c.tr.first) == 0)
        for (const Participant& p : c.ps)
            if (p.first >= c.left && p.last <= subject_p->first && !is_place(a, p) &&
                !p.counterpart && label_of(a, p) == label_of(a, *subject_p) &&
                joined_party(a, c.st, p, *subject_p)) {
                o.list.push_back(&p);
                break;
            }
}

// "كما التقى الأمين العام لمجلس …": after كما / ثم, which carry on the subject before, the one
// party after a verb with no object is its object.
void ObjectSearch::carried_subject(std::uint32_t previous_subject, std::uint32_t& last_subject) {
    const auto& triggers = c.triggers;
    const std::size_t t = c.t;
    if (c.voice == Voice::Active && !c.visit && (c.rel == "MET_WITH" || c.rel == "RECEIVED") &&
        o.list.empty() && s.co_subjects.empty() && s.p && s.objects_from == 1 && !c.after.empty() &&
        c.after[0] == s.p && !c.english && carried_on(a, c.st, c.tr) &&
        // Not a support verb before its noun (كما أجرى حموشي … مباحثات مع …).
        (t + 1 == triggers.size() || triggers[t + 1].frame->voice != Voice::Nominal ||
         content_between(a, c.st, s.p->last, triggers[t + 1].first) > 3)) {
        const std::uint32_t followed = previous_subject != kNone ? previous_subject : a.topic;
        if (followed != kNone && followed != s.entity) {
            o.list.push_back(s.p);
            s.entity = followed;
            s.p = nullptr;
            s.from_topic = true;
            last_subject = previous_subject;
        }
    }
}

}  // namespace

void find_objects(Analysis& a, const Clause& c, Subject& s, std::uint32_t previous_subject,
                  Discourse& d, Objects& o) {
    ObjectSearch f{.a = a, .c = c, .s = s, .o = o};
    f.find_anchors();
    f.fill_pool(previous_subject);
    if (c.voice == Voice::Active && s.objects_from >= 1 && !c.visit) f.direct_object();
    if (c.visit && s.from_topic) f.visitor_by_nationality();
    if (c.visit) {
        f.place_visited();
    } else {
        f.listed_objects();
        if (o.list.empty() && c.rel.rfind("SIGNED_", 0) == 0) f.country_signing();
        if (o.list.empty() && (c.rel == "MET_WITH" || c.rel == "RECEIVED"))
            f.countries_met(d.pending);
    }
    f.joined_party_object();
    f.carried_subject(previous_subject, d.last_subject);
    // "وبحث سموه مع ضيفيه": the persons the subject last received or met.
    if (o.list.empty() && !c.visit && (c.rel == "MET_WITH" || c.rel == "RECEIVED"))
        o.guests = guests_after(a, c.st, c.tr, c.right, s.entity);
    for (const Participant& g : o.guests) o.list.push_back(&g);
    if (!o.guests.empty()) d.pending = Pending{};
}

void object_facts(Analysis& a, const Clause& c, const Subject& s, const Objects& objects,
                  std::vector<std::uint32_t>& taken, Discourse& d) {
    const Trigger& tr = c.tr;
    const std::size_t facts_before = a.facts.size();
    const std::uint32_t start = a.tokens.tokens[tr.first].start;
    const std::uint32_t end = a.tokens.tokens[tr.last - 1].end;
    for (const Participant* o : objects.list) {
        const std::uint32_t obj = o->counterpart ? resolve_counterpart(a, *o, s.entity) : o->entity;
        if (obj == kNone || obj == s.entity) continue;
        const Label sl = a.entities[s.entity].label, ol = a.entities[obj].label;
        // Countries alone never meet: a country is a party through a delegation.
        if (sl == Label::Country && ol == Label::Country) continue;
        add_fact(a, c.st, *tr.frame, c.rel, c.voice, s.entity, s.p, *o, obj, start, end, c.planned,
                 s.from_topic, objects.countries);
        for (const auto& [co, cp] : s.co_subjects)
            if (co != obj)
                add_fact(a, c.st, *tr.frame, c.rel, c.voice, co, cp, *o, obj, start, end, c.planned,
                         false, objects.countries);
        taken.push_back(o->entity);
    }
    // "وسبق التوقيع اجتماع ثنائي بين الوزيرين"، "وبحثا المشاريع".
    if (objects.list.empty() && s.of_group && c.rel == "MET_WITH") {
        meet_within_group(a, c.st, tr, c.voice, s.entity, s.p, s.co_subjects, c.planned);
        d.pending = Pending{};
    }
    if (s.of_group)
        for (std::size_t i = facts_before; i < a.facts.size(); ++i) a.facts[i].rule += ".group";
}

}  // namespace liaison::extract::frames_detail
