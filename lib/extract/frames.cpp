// Interactions from trigger words within a sentence (frames.tsv): who met, received, visited,
// hosted, attended or signed with whom. Arabic puts the verb first (VSO) and often drops the
// subject, so the subject is looked for after an active verb, then before it, then taken from
// the article's topic; objects follow مع / ب / بين / إلى, coordinated lists give one fact each,
// نظيره is the subject's counterpart, and a planned wording marks the fact planned.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract {

using namespace frames_detail;

namespace frames_detail {

Label label_of(const Analysis& a, const Participant& p) {
    return p.counterpart ? Label::Person : a.entities[p.entity].label;
}

bool is_place(const Analysis& a, const Participant& p) {
    const Label l = label_of(a, p);
    return l == Label::Country || l == Label::City;
}

// A participant standing where mention `m` stands, with the clitics of its first token.
Participant participant_at(const Mention& m, const SentenceState& st) {
    Participant p;
    p.entity = m.entity;
    p.first = m.first;
    p.last = m.last;
    p.start = m.start;
    p.end = m.end;
    for (const Item& it : st.items)
        if (it.first == m.first) p.flags = it.flags;
    return p;
}

// The mentions a frame can link: not an official's agency or country, not inside another.
std::vector<Participant> participants(Analysis& a, const SentenceState& st) {
    std::vector<Participant> out;
    std::uint32_t covered = 0;
    for (const Mention& m : st.mentions) {
        if (m.entity == kNone || m.first < covered) continue;
        if (m.complement || m.kind == MentionKind::Generic) continue;
        Participant p = participant_at(m, st);
        p.adjective = m.adjective;
        out.push_back(p);
        covered = m.last;
    }
    // Counterparts: نظيره، نظيرته، نظراءه, with the country adjective after them.
    for (std::size_t k = 0; k < st.items.size(); ++k) {
        const Item& it = st.items[k];
        const Entry* c = a.entry(it, EntryKind::Counterpart);
        if (!c || a.lex.counterparts[c->index] != 1) continue;
        Participant p;
        p.counterpart = true;
        p.first = it.first;
        p.last = it.last;
        p.start = a.start_of(it);
        p.end = a.end_of(it);
        p.flags = it.flags;
        if (k + 1 < st.items.size())
            if (const Entry* ce = a.entry(st.items[k + 1], EntryKind::Country)) {
                p.counterpart_country = ce->index;
                p.last = st.items[k + 1].last;
                p.end = a.end_of(st.items[k + 1]);
            }
        // The country adjective is the counterpart's, not a participant of its own.
        out.erase(std::remove_if(
                      out.begin(), out.end(),
                      [&](const Participant& q) { return q.first >= p.first && q.first < p.last; }),
                  out.end());
        // "نظيرتها الأردنية الدكتورة ريم الخطيب": the counterpart is the person named next.
        bool named = false;
        for (const Participant& q : out)
            if (q.first >= p.last && q.first <= p.last + 1 &&
                a.entities[q.entity].label == Label::Person)
                named = true;
        if (!named) out.push_back(p);
    }
    std::sort(out.begin(), out.end(),
              [](const Participant& x, const Participant& y) { return x.first < y.first; });
    return out;
}

// The person نظيره refers to: someone of that country already in the article, else the
// subject's own title for that country, kept as a role.
std::uint32_t resolve_counterpart(Analysis& a, const Participant& p, std::uint32_t subject) {
    const std::uint32_t c = p.counterpart_country;
    if (c == kNone || subject == kNone) return kNone;
    const Entity& s = a.entities[subject];
    // "الدرك الملكي ونظيره الفرنسي": a body's counterpart is the same kind of body of that
    // country (mar-gend → @gend → fra-gend when the lexicon has it).
    if ((s.label == Label::Agency || s.label == Label::Organization) && s.lex != kNone) {
        // One the article names (الدرك الوطني الفرنسي), else the lexicon's.
        for (std::uint32_t i = 0; i < a.entities.size(); ++i)
            if (i != subject && a.entities[i].label == s.label && a.entities[i].country == c &&
                !a.entities[i].weak)
                return i;
        const std::string& key = a.lex.agencies[s.lex].key;
        std::string generic = key;
        if (key.size() > 4 && key[3] == '-') generic = "@" + key.substr(4);
        const std::uint32_t g = a.lex.agency_index(generic);
        if (g != UINT32_MAX && a.lex.agencies[g].country == AgencyInfo::kInContext)
            return a.agency_entity(g, c, p.start, p.end, a.slice(p.start, p.end));
    }
    // A named person before a role (الوزير الإيطالي names nobody when the article names him).
    std::uint32_t same_title[2] = {kNone, kNone}, any[2] = {kNone, kNone};
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (i == subject || e.label != Label::Person || e.country != c || e.weak) continue;
        const int u = e.unnamed ? 1 : 0;
        if (any[u] == kNone) any[u] = i;
        if (s.title != kNone && e.title == s.title && same_title[u] == kNone) same_title[u] = i;
    }
    for (const std::uint32_t i : {same_title[0], any[0], same_title[1], any[1]})
        if (i != kNone) return i;
    Entity e;
    e.label = Label::Person;
    e.unnamed = true;
    e.country = c;
    e.title = s.title;
    e.start = p.start;
    e.end = p.end;
    const CountryInfo& ci = a.lex.countries[c];
    if (s.title != kNone) {
        const std::string adjective = a.slice(a.tokens.tokens[p.last - 1].start, p.end);
        e.ar = s.title_text + " " + adjective;
        e.en = a.lex.titles[s.title].en + " of " + ci.en + " (unnamed)";
    } else {
        e.ar = a.slice(p.start, p.end);
        e.en = "Counterpart from " + ci.en + " (unnamed)";
    }
    e.confidence = 0.6;
    e.rule = "person.counterpart";
    return a.add_entity(std::move(e), "counterpart:" + ci.iso3 + ":" + e.ar);
}

StopRole role_before(const Analysis& a, const SentenceState& st, std::uint32_t token,
                     std::uint32_t limit) {
    // The function word right before a participant (مع، بين، إلى، من طرف), if any.
    for (std::size_t k = st.items.size(); k-- > 0;) {
        const Item& it = st.items[k];
        if (it.last > token) continue;
        if (it.last <= limit) break;
        if (it.node == 0 && a.token(it).kind == TokenKind::Comma) return StopRole::Other;
        return a.stop_role(it);
    }
    return StopRole::Other;
}

// Items between two token positions that carry content: words other than dates, and stopwords;
// commas, quotes and date words do not separate an object from what introduces it.
std::size_t content_between(const Analysis& a, const SentenceState& st, std::uint32_t from,
                            std::uint32_t to) {
    std::size_t n = 0;
    for (const Item& it : st.items) {
        if (it.first < from || it.first >= to) continue;
        if (it.node == 0 && a.token(it).kind != TokenKind::Word &&
            a.token(it).kind != TokenKind::Number)
            continue;
        if (a.is(it, EntryKind::DateWord) || a.is(it, EntryKind::Month)) continue;
        ++n;
    }
    return n;
}

// Only commas, و and list words (وكذا، إضافة إلى) between two items of a list.
bool list_glue(const Analysis& a, const SentenceState& st, std::uint32_t from, std::uint32_t to) {
    for (const Item& it : st.items) {
        if (it.first < from || it.first >= to) continue;
        if (it.node == 0) {
            const Token& t = a.token(it);
            if (t.kind == TokenKind::Comma || t.kind == TokenKind::Dash) continue;
            if (t.kind == TokenKind::Word && t.form(a.text) == U"\u0648") continue;
            return false;
        }
        if (a.stop_role(it) != StopRole::And) return false;
    }
    return true;
}

// "استقبل وزير الداخلية المكلف بحكومة الوحدة الوطنية، عماد الطرابلسي" or "قائد أركان الدرك
// الوطني، اللواء أحمد ولد بكار": a title phrase the recognisers did not join to its name, a comma,
// then the name: one participant, the named person. From token `from`, which starts an office or
// role, the first named person of `list` (from index i) right after a comma, with only the words
// of the title before it: no date (a guest follows the date), no other trigger, no مع / إلى.
const Participant* apposed_name(const Analysis& a, const SentenceState& st,
                                const std::vector<const Participant*>& list, std::size_t i,
                                std::uint32_t from) {
    bool title = false;
    for (const Item& it : st.items)
        if (it.first == from)
            if (const Entry* t = a.entry(it, EntryKind::Title))
                title = a.lex.titles[t->index].kind == TitleKind::Office ||
                        a.lex.titles[t->index].kind == TitleKind::Role;
    for (std::size_t k = i; k < list.size() && !title; ++k)
        if (list[k]->first == from && !list[k]->counterpart &&
            a.entities[list[k]->entity].label == Label::Person &&
            a.entities[list[k]->entity].unnamed)
            title = true;
    if (!title) return nullptr;
    for (std::size_t k = i; k < list.size(); ++k) {
        const Participant* p = list[k];
        if (p->counterpart) return nullptr;
        const Entity& e = a.entities[p->entity];
        if (e.label != Label::Person || e.unnamed) continue;
        if (p->first <= from || a.tokens.tokens[p->first - 1].kind != TokenKind::Comma ||
            content_between(a, st, from, p->first) > 8)
            return nullptr;
        for (const Item& it : st.items) {
            if (it.first < from || it.first > p->first) continue;
            const StopRole r = a.stop_role(it);
            // An office right after the comma starts another person (، السفير الإيطالي X).
            if (it.first == p->first) {
                if (const Entry* t = a.entry(it, EntryKind::Title))
                    if (a.lex.titles[t->index].kind == TitleKind::Office) return nullptr;
                continue;
            }
            if ((r != StopRole::Other && r != StopRole::In) || a.is(it, EntryKind::Frame) ||
                a.is(it, EntryKind::DateWord) || a.is(it, EntryKind::Month) ||
                (it.node == 0 && a.token(it).kind == TokenKind::Number))
                return nullptr;
        }
        return p;
    }
    return nullptr;
}

// "الذي يزور المملكة حاليا"، "زيارة عمل لبلادنا": the place visited is the host country, named
// without its name (stopwords.tsv, role home) close after the trigger: the country of a city of
// the sentence, else of whoever received or met the visitor, else the article's country; never
// the visitor's own.
bool home_visited(Analysis& a, const SentenceState& st, const Trigger& tr, std::uint32_t right,
                  std::uint32_t visitor, Participant& out) {
    for (const Item& it : st.items) {
        if (it.first < tr.last || it.first >= right || a.stop_role(it) != StopRole::Home) continue;
        if (content_between(a, st, tr.last, it.first) > 2) return false;
        const std::uint32_t own = a.entities[visitor].country;
        std::uint32_t host = kNone;
        // A city of the sentence (حل وفد … بالمعهد الملكي للشرطة بالقنيطرة في إطار زيارة للمملكة);
        // a country named by its adjective there is the visitors' (وفد أمني إماراتي).
        std::uint32_t visitors = kNone;
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone) continue;
            const Entity& e = a.entities[m.entity];
            if (e.label == Label::City && e.country != kNone && e.country != own && host == kNone)
                host = e.country;
            if (e.label == Label::Country && m.adjective && m.first < tr.first) visitors = e.lex;
        }
        for (std::size_t i = a.facts.size(); i-- > 0 && host == kNone;) {
            const Fact& f = a.facts[i];
            if ((f.relation == "RECEIVED" || f.relation == "MET_WITH") &&
                (f.a == visitor || f.b == visitor)) {
                const std::uint32_t c = a.entities[f.a == visitor ? f.b : f.a].country;
                if (c != kNone && c != own) host = c;
            }
        }
        if (host == kNone && a.main_country != own && a.main_country != visitors)
            host = a.main_country;
        if (host == kNone) return false;
        out.start = a.start_of(it);
        out.end = a.end_of(it);
        out.first = it.first;
        out.last = it.last;
        out.entity = a.country_entity(host, out.start, out.end);
        return true;
    }
    return false;
}

struct Pending {
    std::uint32_t subject = kNone;
    const FrameInfo* frame = nullptr;
    bool planned = false, from_topic = false;
    std::uint32_t trigger_start = 0, trigger_end = 0;
};

void add_fact(Analysis& a, const SentenceState& st, const FrameInfo& frame,
              const std::string& relation, Voice voice, std::uint32_t subject,
              const Participant* subject_p, const Participant& o, std::uint32_t obj,
              std::uint32_t trigger_start, std::uint32_t trigger_end, bool planned, bool from_topic,
              bool countries) {
    Fact f;
    f.relation = relation;
    f.a = subject;
    f.b = obj;
    f.planned = planned;
    f.confidence = frame.confidence * (from_topic ? 0.8 : 1.0) * (countries ? 0.9 : 1.0);
    f.rule = std::string("frame.") +
             (voice == Voice::Active    ? "active"
              : voice == Voice::Passive ? "passive"
                                        : "nominal") +
             (from_topic ? ".topic" : "") + (countries ? ".countries" : "") +
             (o.counterpart ? ".counterpart" : "");
    std::uint32_t qs = trigger_start, qe = trigger_end;
    if (subject_p) qs = std::min(qs, subject_p->start), qe = std::max(qe, subject_p->end);
    f.start = std::min(qs, o.start);
    f.end = std::max(qe, o.end);
    if (st.time) f.time = *st.time;
    a.facts.push_back(f);
}

}  // namespace frames_detail

void find_frames(Analysis& a) {
    std::uint32_t last_subject = kNone;  // the last person named as a subject
    Pending pending;                     // a meeting whose list of countries follows the stop
    for (SentenceState& st : a.sentences) {
        std::vector<Trigger> triggers;
        std::vector<std::uint32_t> taken;  // the objects of the sentence's earlier triggers
        const auto si = static_cast<std::uint32_t>(&st - a.sentences.data());
        for (std::size_t k = 0; k < st.items.size(); ++k)
            if (const Entry* e = a.entry(st.items[k], EntryKind::Frame);
                e && !in_event_name(a, si, st.items[k].first))
                triggers.push_back({k, st.items[k].first, st.items[k].last, &a.lex.frames[e->index],
                                    st.items[k].flags, nullptr});
        std::vector<Participant> ps = participants(a, st);
        // "…مع رؤساء وفود الدول المشاركة. ضمنها قطر، تركيا…": the list after the full stop.
        if (triggers.empty() && pending.frame) {
            std::vector<const Participant*> countries;
            for (const Participant& p : ps)
                if (label_of(a, p) == Label::Country &&
                    content_between(a, st, st.s.first, p.first) <= 2 + countries.size())
                    countries.push_back(&p);
            if (countries.size() >= 2) {
                const std::uint32_t own = a.entities[pending.subject].country;
                for (const Participant* c : countries)
                    if (a.entities[c->entity].lex != own)
                        add_fact(a, st, *pending.frame, pending.frame->relation,
                                 pending.frame->voice, pending.subject, nullptr, *c, c->entity,
                                 a.tokens.tokens[st.s.first].start, c->end, pending.planned,
                                 pending.from_topic, true);
            }
        }
        pending = Pending{};
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
            if (verb->voice != Voice::Nominal && noun->voice == Voice::Nominal &&
                verb->relation.rfind("SIGNED_", 0) == 0 &&
                noun->relation.rfind("SIGNED_", 0) == 0) {
                triggers[t].relation = &noun->relation;
                triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(n));
            }
        }
        // "واستقبل X، في لقاء منفصل، Y"، "التقى، خلال اجتماع عقد بمقر …، Y": a noun of meeting
        // behind a preposition, close after a verb and with no party of its own (مع), says when
        // the verb's fact happened; it does not cut the verb's clause.
        for (std::size_t t = 1; t < triggers.size(); ++t) {
            const Trigger& verb = triggers[t - 1];
            const Trigger& noun = triggers[t];
            if (verb.frame->voice == Voice::Nominal || noun.frame->voice != Voice::Nominal ||
                (noun.frame->relation != "MET_WITH" && noun.frame->relation != "RECEIVED") ||
                content_between(a, st, verb.last, noun.first) > 4)
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
            if (behind && !own_party)
                triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(t--));
        }
        for (std::size_t t = 0; t < triggers.size(); ++t) {
            const Trigger& tr = triggers[t];
            std::string rel = tr.relation ? *tr.relation : tr.frame->relation;
            // "ووقع المذكرة …": a bare verb of signing (under 0.6 in frames.tsv) signs what the
            // article reported signing before.
            // A noun of signing a few words on names its kind (وقعا في ختام المباحثات مذكرة تفاهم).
            bool named = false;
            if (!tr.relation && tr.frame->voice == Voice::Active && tr.frame->confidence < 0.6 &&
                rel.rfind("SIGNED_", 0) == 0)
                for (const Item& it : st.items)
                    if (const Entry* e = a.entry(it, EntryKind::Frame);
                        e && it.first >= tr.last &&
                        content_between(a, st, tr.last, it.first) <= 5 &&
                        a.lex.frames[e->index].voice == Voice::Nominal &&
                        a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0) {
                        rel = a.lex.frames[e->index].relation;
                        named = true;
                        break;
                    }
            if (!tr.relation && !named && tr.frame->voice == Voice::Active &&
                tr.frame->confidence < 0.6 && rel.rfind("SIGNED_", 0) == 0)
                for (std::size_t i = a.facts.size(); i-- > 0;)
                    if (a.facts[i].relation.rfind("SIGNED_", 0) == 0) {
                        rel = a.facts[i].relation;
                        break;
                    }
            // Attending and hosting link events (events.cpp).
            if (rel == "ATTENDED" || rel == "HOSTED" || rel == "REPRESENTS") continue;
            const std::uint32_t left = t == 0 ? st.s.first : triggers[t - 1].last;
            const std::uint32_t right = t + 1 < triggers.size() ? triggers[t + 1].first : st.s.last;
            // Modality before the trigger (من المقرر أن، سيجري) or on the trigger itself
            // (سيلتقي، سيزور) plans or negates the fact; so does a coming day in its clause
            // (يلتقي … غدا، بعد غد، tomorrow).
            bool planned = false, negated = false;
            for (std::size_t k = 0; k <= tr.item; ++k)
                if (const Entry* m = a.entry(st.items[k], EntryKind::Modality)) {
                    // A denial reaches the first trigger after it however far (نفت الوزارة، في
                    // بيان، ما تداولته الصفحات بشأن زيارة مرتقبة); a planned wording stays close.
                    const bool near = st.items[k].last + 8 >= tr.first;
                    const bool first_after = t == 0 || triggers[t - 1].item < k;
                    if (a.lex.modalities[m->index] == Modality::Planned && near) planned = true;
                    if (a.lex.modalities[m->index] == Modality::Negated && (near || first_after))
                        negated = true;
                }
            for (const Item& it : st.items)
                if (it.first >= left && it.first < right)
                    if (const Entry* d = a.entry(it, EntryKind::DateWord)) {
                        const DateWordInfo& w = a.lex.date_words[d->index];
                        if (w.kind == DateWordKind::Relative && w.amount > 0 && w.unit == "day")
                            planned = true;
                    }
            if (negated) continue;
            if (rel.rfind("SIGNED_", 0) == 0) {
                if (sign_for_sides(a, st, *tr.frame, rel, tr, right, planned, ps)) continue;
                const bool dual = sign_dual(a, st, *tr.frame, rel, tr, st.s.first, planned);
                if (sign_between(a, st, *tr.frame, rel, tr, right, planned) || dual) continue;
                if (tr.frame->voice == Voice::Active &&
                    sign_generic(a, st, *tr.frame, rel, tr, st.s.first, right, planned))
                    continue;
                if (tr.frame->voice == Voice::Active &&
                    sign_joined_before(a, st, *tr.frame, rel, tr, left, planned, ps))
                    continue;
            }
            std::vector<const Participant*> before, after;
            for (const Participant& p : ps) {
                if (p.first >= left && p.last <= tr.first) before.push_back(&p);
                if (p.first >= tr.last && p.first < right) after.push_back(&p);
            }
            const bool visit = rel == "VISITED";
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
            std::size_t objects_from = 0;
            bool from_topic = false;
            auto usable_subject = [&](const Participant* p) {
                if (p->counterpart || is_place(a, *p) || (p->flags & kPrep)) return false;
                // The object of an earlier مع or بين is no subject.
                const StopRole r = role_before(a, st, p->first, left);
                return r != StopRole::With && r != StopRole::Between && r != StopRole::To &&
                       r != StopRole::In && r != StopRole::From;
            };
            if (voice == Voice::Passive) {
                if (agent < after.size()) subject_p = after[agent];
                // "من طرف وزير المالية والميزانية السنغالي، الشيخ ديبا": the role is the name after
                // it.
                if (subject_p && !subject_p->counterpart &&
                    a.entities[subject_p->entity].label == Label::Person &&
                    a.entities[subject_p->entity].unnamed)
                    if (const Participant* n = apposed_name(a, st, after, agent, subject_p->first))
                        subject_p = n;
            } else {
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
                    content_between(a, st, left, before.back()->first) <= 1 &&
                    next_to_verb(before.back()))
                    subject_p = before.back();
                // After an active verb, a participant with no preposition is its subject (VSO);
                // not after جمعته (the pronoun is the subject, someone named before).
                // "ومن المرتقب أن يلتقي الوزير غدا رئيس جهاز …": a bare office after the verb
                // is its subject, someone named before; the one after it is the object.
                bool bare_office = false;
                for (const Item& it : st.items)
                    if (!after.empty() && it.first >= tr.last && it.last <= after[0]->first)
                        if (const Entry* ti = a.entry(it, EntryKind::Title))
                            bare_office = bare_office ||
                                          a.lex.titles[ti->index].kind == TitleKind::Office ||
                                          a.lex.titles[ti->index].kind == TitleKind::Role;
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !after.empty() &&
                    !subject_p && !bare_office && usable_subject(after[0]) &&
                    content_between(a, st, tr.last, after[0]->first) <= 1 &&
                    role_before(a, st, after[0]->first, tr.last) == StopRole::Other) {
                    subject_p = after[0];
                    objects_from = 1;
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
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !subject_p &&
                    !after.empty() && usable_subject(after[0]) &&
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
            if (subject_p) {
                subject = subject_p->entity;
            } else {
                subject = last_subject != kNone ? last_subject : a.topic;
                from_topic = true;
            }
            if (subject == kNone) continue;
            // Institutions sign; the person an article is about is no party unless named.
            if (from_topic && rel.rfind("SIGNED_", 0) == 0) continue;
            const std::uint32_t previous_subject = last_subject;
            if (subject_p && a.entities[subject].label == Label::Person) last_subject = subject;
            // Where objects may start: after the trigger (or its subject) and after مع / بين.
            // A noun of meeting or signing takes its party after مع (اتفاقية الأمم المتحدة names
            // a treaty, not a party); a verb takes it right after itself or its subject.
            const std::uint32_t base = subject_p && objects_from ? subject_p->last : tr.last;
            std::vector<std::uint32_t> anchors, markers;
            if (voice != Voice::Nominal || visit) anchors.push_back(base);
            for (const Item& it : st.items)
                if (it.first >= tr.last && it.first < right) {
                    const StopRole r = a.stop_role(it);
                    // إلى / لدى opens a place visited; for a meeting it is an envoy's post or
                    // a greeting's addressee (ممثلة المكتب لدى دول مجلس التعاون).
                    if (r == StopRole::With || r == StopRole::Between ||
                        (r == StopRole::To && visit))
                        markers.push_back(it.last);
                }
            // مع close to the trigger, or to an object already taken (الأولى مع …، والثانية مع …).
            auto open_markers = [&](std::uint32_t from) {
                for (std::uint32_t m : markers)
                    if (m > from && content_between(a, st, from, m) <= 6) anchors.push_back(m);
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
                    pool.push_back(after[i]);
                if (pool.empty() && !before.empty()) pool.push_back(before.back());
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
                    if (!is_place(a, *p) && !located && !(p->flags & (kPrep | kConj)) &&
                        role_before(a, st, p->first, base) == StopRole::Other) {
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
                          role_before(a, st, pool[i]->first, tr.last) == StopRole::To)) &&
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
                    if (voice == Voice::Passive || anchored(p) ||
                        (!objects.empty() && list_glue(a, st, objects.back()->last, p->first)) ||
                        (!objects.empty() &&
                         glue_with_nationality(objects.back()->last, p->first))) {
                        objects.push_back(p);
                        open_markers(p->last);
                    } else if (!objects.empty()) {
                        break;
                    }
                }
                // Meetings with delegations "from" a list of countries: one per country.
                if (objects.empty() && rel == "MET_WITH") {
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
                        const bool introduced = r == StopRole::From || r == StopRole::In ||
                                                r == StopRole::With || anchored(cs[i]);
                        const bool listed = i + 2 < cs.size() && glued(i + 1) && glued(i + 2);
                        ok[i] = introduced || listed || (i > 0 && ok[i - 1] && glued(i));
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
                        (p.flags & kConj) && joined(subject_p->last, p.first)) {
                        objects.push_back(&p);
                        break;
                    }
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
                taken.push_back(o->entity);
            }
        }
    }
}

}  // namespace liaison::extract
