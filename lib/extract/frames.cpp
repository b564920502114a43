// Interactions from trigger words within a sentence (frames.tsv): who met, received, visited,
// hosted, attended or signed with whom. Arabic puts the verb first (VSO) and often drops the
// subject, so the subject is looked for after an active verb, then before it, then taken from
// the article's topic; objects follow مع / ب / بين / إلى, coordinated lists give one fact each,
// نظيره is the subject's counterpart, and a planned wording marks the fact planned.
#include <algorithm>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

struct Participant {
    std::uint32_t entity = kNone;       // kNone for a counterpart not yet resolved
    std::uint32_t first = 0, last = 0;  // tokens
    std::uint32_t start = 0, end = 0;
    std::uint8_t flags = 0;                     // clitics of the first token
    std::uint32_t counterpart_country = kNone;  // نظيره الإسباني
    bool counterpart = false;
    bool adjective = false;  // a country by its adjective
};

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

struct Trigger {
    std::size_t item;
    std::uint32_t first, last;  // tokens
    const FrameInfo* frame;
    std::uint8_t flags;
    const std::string* relation = nullptr;  // when another trigger of the clause names it
};

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
    std::uint32_t same_title = kNone, any = kNone;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (i == subject || e.label != Label::Person || e.country != c) continue;
        if (any == kNone) any = i;
        if (s.title != kNone && e.title == s.title && same_title == kNone) same_title = i;
    }
    if (same_title != kNone) return same_title;
    if (any != kNone) return any;
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

// "ووقع الوزيران اتفاقا": two officials in the dual sign; they are the two persons of the last
// meeting or reception the article reported.
bool dual_officials(const Analysis& a, const Item& it) {
    // The lexicons may know the word (a title's dual), so the form decides.
    if (it.last - it.first != 1 || a.token(it).kind != TokenKind::Word) return false;
    std::u32string_view w = a.token(it).form(a.text);
    if (w.size() > 5 && (w[0] == U'\u0648' || w[0] == U'\u0641')) w.remove_prefix(1);
    if (w.size() > 5 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    // Folded: وزيران، مسؤولان (ؤ → و)، مديران، قائدان، رئيسان (ئ → ي), nominative and oblique.
    static constexpr std::u32string_view kDuals[] = {U"\u0648\u0632\u064a\u0631\u0627\u0646",
                                                     U"\u0648\u0632\u064a\u0631\u064a\u0646",
                                                     U"\u0645\u0633\u0648\u0648\u0644\u0627\u0646",
                                                     U"\u0645\u0633\u0648\u0648\u0644\u064a\u0646",
                                                     U"\u0645\u062f\u064a\u0631\u0627\u0646",
                                                     U"\u0645\u062f\u064a\u0631\u064a\u0646",
                                                     U"\u0642\u0627\u064a\u062f\u0627\u0646",
                                                     U"\u0642\u0627\u064a\u062f\u064a\u0646",
                                                     U"\u0631\u064a\u064a\u0633\u0627\u0646",
                                                     U"\u0631\u064a\u064a\u0633\u064a\u0646"};
    for (std::u32string_view d : kDuals)
        if (w == d) return true;
    return false;
}

// The dual is the verb's subject: right after the trigger, or before it in its sentence, where
// a noun of meeting may stand between (ووقع المسؤولان، في ختام اللقاء، اتفاقية).
bool sign_dual(Analysis& a, const SentenceState& st, const FrameInfo& frame, const std::string& rel,
               const Trigger& tr, std::uint32_t from, bool planned) {
    std::size_t at = st.items.size();
    if (tr.item + 1 < st.items.size() && dual_officials(a, st.items[tr.item + 1])) at = tr.item + 1;
    for (std::size_t k = 0; k < tr.item && at == st.items.size(); ++k)
        if (st.items[k].first >= from && dual_officials(a, st.items[k])) at = k;
    if (at == st.items.size()) return false;
    // The last 64 facts: a meeting further back is no antecedent, and the work stays bounded on
    // a run-on text full of duals.
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    for (std::size_t i = a.facts.size(); i-- > stop;) {
        const Fact f = a.facts[i];
        if (f.relation != "MET_WITH" && f.relation != "RECEIVED") continue;
        if (a.entities[f.a].label != Label::Person || a.entities[f.b].label != Label::Person)
            continue;
        const Item& d = st.items[at];
        Participant o;
        o.entity = f.b;
        o.first = d.first;
        o.last = d.last;
        o.start = a.start_of(d);
        o.end = a.end_of(d);
        add_fact(a, st, frame, rel, frame.voice, f.a, nullptr, o, f.b,
                 a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
                 false);
        a.facts.back().rule += ".dual";
        return true;
    }
    return false;
}

// "مذكرة تفاهم بين المديرية العامة للأمن الوطني وإدارة الأمن العمومي": a signature names both
// parties after بين, whoever signs for them; countries too (بين حكومتي مصر وإيطاليا), and a
// body written generically (وجهاز أمن الدولة) when the article has placed it in its country.
bool sign_between(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                  const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned) {
    for (const Item& it : st.items) {
        if (it.first < tr.last || it.first >= right || a.stop_role(it) != StopRole::Between)
            continue;
        // The noun and its topic (اتفاقا للتعاون في مجال مكافحة الهجرة) sit before بين.
        if (content_between(a, st, tr.last, it.first) > 10) return false;
        std::vector<Participant> ps;
        std::uint32_t covered = 0;
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone || m.complement || m.first < covered || m.first < it.last ||
                m.first >= right)
                continue;
            ps.push_back(participant_at(m, st));
            covered = m.last;
        }
        if (ps.empty() || content_between(a, st, it.last, ps[0].first) > 1) return false;
        const Participant& x = ps[0];
        // One word may stand before the first party (حكومتي، وزارتي).
        if (label_of(a, x) == Label::City) return false;
        for (std::size_t k = 1; k < ps.size(); ++k) {
            const Participant& p = ps[k];
            if (!(p.flags & kConj) || is_place(a, p) != is_place(a, x) ||
                label_of(a, p) == Label::City || content_between(a, st, x.last, p.first) > 4)
                continue;
            if (p.entity == x.entity) return false;
            add_fact(a, st, frame, rel, frame.voice, x.entity, &x, p, p.entity,
                     a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned,
                     false, false);
            a.facts.back().rule += ".between";
            return true;
        }
        return false;
    }
    return false;
}

}  // namespace

void find_frames(Analysis& a) {
    std::uint32_t last_subject = kNone;  // the last person named as a subject
    Pending pending;                     // a meeting whose list of countries follows the stop
    for (SentenceState& st : a.sentences) {
        std::vector<Trigger> triggers;
        for (std::size_t k = 0; k < st.items.size(); ++k)
            if (const Entry* e = a.entry(st.items[k], EntryKind::Frame))
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
            const FrameInfo* noun = triggers[t + 1].frame;
            if (verb->voice != Voice::Nominal && noun->voice == Voice::Nominal &&
                verb->relation.rfind("SIGNED_", 0) == 0 &&
                noun->relation.rfind("SIGNED_", 0) == 0) {
                triggers[t].relation = &noun->relation;
                triggers.erase(triggers.begin() + static_cast<std::ptrdiff_t>(t) + 1);
            }
        }
        for (std::size_t t = 0; t < triggers.size(); ++t) {
            const Trigger& tr = triggers[t];
            const std::string& rel = tr.relation ? *tr.relation : tr.frame->relation;
            // Events are not recognised yet: attending and hosting have no object to link.
            if (rel == "ATTENDED" || rel == "HOSTED" || rel == "REPRESENTS") continue;
            const std::uint32_t left = t == 0 ? st.s.first : triggers[t - 1].last;
            const std::uint32_t right = t + 1 < triggers.size() ? triggers[t + 1].first : st.s.last;
            // Modality before the trigger (من المقرر أن، سيجري) or on the trigger itself
            // (سيلتقي، سيزور) plans or negates the fact; so does a coming day in its clause
            // (يلتقي … غدا، بعد غد، tomorrow).
            bool planned = false, negated = false;
            for (std::size_t k = 0; k <= tr.item; ++k)
                if (const Entry* m = a.entry(st.items[k], EntryKind::Modality)) {
                    if (st.items[k].last + 8 < tr.first) continue;
                    if (a.lex.modalities[m->index] == Modality::Planned) planned = true;
                    if (a.lex.modalities[m->index] == Modality::Negated) negated = true;
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
                const bool dual = sign_dual(a, st, *tr.frame, rel, tr, st.s.first, planned);
                if (sign_between(a, st, *tr.frame, rel, tr, right, planned) || dual) continue;
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
            } else {
                // After an active verb, a participant with no preposition is its subject (VSO);
                // not after جمعته (the pronoun is the subject, someone named before).
                if (voice == Voice::Active && !(tr.flags & kSuffix) && !after.empty() &&
                    usable_subject(after[0]) &&
                    content_between(a, st, tr.last, after[0]->first) <= 1 &&
                    role_before(a, st, after[0]->first, tr.last) == StopRole::Other) {
                    subject_p = after[0];
                    objects_from = 1;
                }
                if (!subject_p)
                    for (std::size_t i = before.size(); i-- > 0;)
                        if (usable_subject(before[i])) {
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
                    if (r == StopRole::With || r == StopRole::Between || r == StopRole::To)
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
                    if (an <= p->first && content_between(a, st, an, p->first) <= 3) return true;
                // "جمعه بفيصل شهكار": ب attached to the object, close to the trigger (not a
                // genitive ل far after it).
                if (!(p->flags & kPrep) || p->first < tr.last) return false;
                const Token& word = a.tokens.tokens[p->first];
                const char32_t prep = a.text.folded[word.fstart + ((p->flags & kConj) ? 1 : 0)];
                return prep == U'\u0628' && content_between(a, st, base, p->first) <= 3;
            };
            std::vector<const Participant*> pool;
            if (voice == Voice::Passive) {
                for (std::size_t i = 0; i < agent && i < after.size(); ++i)
                    pool.push_back(after[i]);
                if (pool.empty() && !before.empty()) pool.push_back(before.back());
            } else {
                for (std::size_t i = objects_from; i < after.size(); ++i) pool.push_back(after[i]);
            }
            std::vector<const Participant*> objects;
            bool countries = false;
            // "استقبل X، في مكتبه بالرياض اليوم، Y": after a verb and its subject, the next
            // person or body with no preposition is the object, however far in the clause.
            if (voice == Voice::Active && objects_from == 1 && !visit)
                for (const Participant* p : pool) {
                    // Not past مع: then the objects are مع's (ناقش X مع Y وZ).
                    bool marker = false;
                    for (std::uint32_t m : markers) marker = marker || (m > base && m <= p->first);
                    if (marker) break;
                    if (!is_place(a, *p) && !(p->flags & (kPrep | kConj)) &&
                        role_before(a, st, p->first, base) == StopRole::Other) {
                        objects.push_back(p);
                        open_markers(p->last);
                        break;
                    }
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
                               content_between(a, st, pool[j]->last, pool[j + 1]->first) <= 1)
                            ++j;
                        objects.push_back(pool[j]);
                        break;
                    }
            } else {
                // Persons and bodies: the first where an object may start, then those joined to
                // it by commas and و, or introduced by their own مع.
                for (const Participant* p : pool) {
                    if (is_place(a, *p)) continue;
                    if (!objects.empty() && p->first <= objects.back()->first) continue;
                    if (voice == Voice::Passive || anchored(p) ||
                        (!objects.empty() && list_glue(a, st, objects.back()->last, p->first))) {
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
            if (objects.empty() && subject_p && rel != "VISITED" && rel != "RECEIVED")
                for (const Participant& p : ps)
                    if (p.first >= subject_p->last && p.first < right && !is_place(a, p) &&
                        (p.flags & kConj) && list_glue(a, st, subject_p->last, p.first)) {
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
            }
        }
    }
}

}  // namespace liaison::extract
