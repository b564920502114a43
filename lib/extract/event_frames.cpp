// Who hosted and who attended an event (docs/extract.md, "Events"): hosting and attending
// triggers of frames.tsv link countries, bodies and persons to the events events.cpp named; a
// meeting on the sidelines of an event makes its named subject attend it.
#include <algorithm>

#include "extract/analysis.hpp"
#include "extract/event_words.hpp"

namespace liaison::extract {

namespace {

using namespace events_detail;

// A person, body or country that can host or attend: not an official's agency, not a generic
// word, not a city, not inside an event's name.
struct Party {
    std::uint32_t entity = kNone;
    std::uint32_t first = 0, last = 0;
    std::uint32_t start = 0, end = 0;
    bool prep = false;  // carries ب ل ك
    bool adjective = false;
};

std::vector<Party> parties(const Analysis& a, const SentenceState& st, std::uint32_t si) {
    std::vector<Party> out;
    std::uint32_t covered = 0;
    for (const Mention& m : st.mentions) {
        if (m.entity == kNone || m.first < covered || m.complement ||
            m.kind == MentionKind::Generic)
            continue;
        const Label l = a.entities[m.entity].label;
        if (l == Label::City || l == Label::Event || a.entities[m.entity].weak) continue;
        if (in_event_name(a, si, m.first)) continue;
        Party p;
        p.entity = m.entity;
        p.first = m.first;
        p.last = m.last;
        p.start = m.start;
        p.end = m.end;
        p.adjective = m.adjective;
        if (const Item* it = item_at(st, m.first)) p.prep = it->flags & kPrep;
        out.push_back(p);
        covered = m.last;
    }
    return out;
}

// Words between two tokens that are not punctuation.
std::uint32_t words_between(const Analysis& a, std::uint32_t from, std::uint32_t to) {
    std::uint32_t n = 0;
    for (std::uint32_t i = from; i < to; ++i)
        if (a.tokens.tokens[i].kind == TokenKind::Word ||
            a.tokens.tokens[i].kind == TokenKind::Number)
            ++n;
    return n;
}

// "في تنظيمها"، "في احتضانه": the verb of taking part governs organising or hosting.
bool co_hosting(const Analysis& a, std::uint32_t from, std::uint32_t to) {
    static constexpr std::u32string_view kNouns[] = {
        U"\u062a\u0646\u0638\u064a\u0645",               // تنظيم
        U"\u0627\u062d\u062a\u0636\u0627\u0646",         // احتضان
        U"\u0627\u0633\u062a\u0636\u0627\u0641\u0647"};  // استضافه
    for (std::uint32_t i = from; i < to && i < from + 4; ++i) {
        const std::u32string_view w = form_of(a, i);
        for (std::u32string_view n : kNouns)
            if (w.find(n) != std::u32string_view::npos) return true;
    }
    return false;
}

// A dateline's close or dash (… (و م ع) – شارك) between a subject and its verb.
bool punctuated(const Analysis& a, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t i = from; i < to; ++i) {
        const TokenKind k = a.tokens.tokens[i].kind;
        if (k == TokenKind::Close || k == TokenKind::Dash || k == TokenKind::Colon) return true;
    }
    return false;
}

// The stopword right before token i (مع، بين، من …), if any.
StopRole role_before(const Analysis& a, const SentenceState& st, std::uint32_t i) {
    // English puts an article between the preposition and the name (in the UAE).
    if (i > st.s.first && form_of(a, i - 1) == U"the") --i;
    for (std::size_t k = st.items.size(); k-- > 0;) {
        const Item& it = st.items[k];
        if (it.last > i) continue;
        if (it.last < i) return StopRole::Other;
        return a.stop_role(it);
    }
    return StopRole::Other;
}

// "وفد لبنان"، "وفود من": a country named as a delegation's.
bool after_delegation(const Analysis& a, std::uint32_t i, std::uint32_t from) {
    for (std::uint32_t k = i; k-- > from && k + 3 > i;) {
        std::u32string_view w = form_of(a, k);
        if (w.size() > 3 && w[0] == kWaw) w.remove_prefix(1);
        if (w.size() > 2 && w[0] == kAlef && w[1] == kLam) w.remove_prefix(2);
        if (w == U"\u0648\u0641\u062f" || w == U"\u0648\u0641\u0648\u062f" || w == U"delegation" ||
            w == U"delegations")
            return true;
    }
    return false;
}

void add_event_fact(Analysis& a, const SentenceState& st, const char* relation, std::uint32_t who,
                    std::uint32_t event, const Party& p, const Item& trigger, double confidence,
                    bool planned, const char* rule) {
    if (who == kNone || event == kNone || who == event) return;
    Fact f;
    f.relation = relation;
    f.a = who;
    f.b = event;
    f.confidence = confidence;
    f.rule = rule;
    f.planned = planned;
    f.start = std::min(p.start, a.start_of(trigger));
    f.end = std::max(p.end, a.end_of(trigger));
    date_fact(a, st, f);
    a.facts.push_back(f);
}

// Whether every trigger after trigger t and before token `to` attends or hosts.
bool attending_between(const Analysis& a, const SentenceState& st,
                       const std::vector<std::size_t>& triggers, std::size_t t, std::uint32_t to) {
    for (std::size_t k = t + 1; k < triggers.size() && st.items[triggers[k]].first < to; ++k) {
        const std::string& r =
            a.lex.frames[a.entry(st.items[triggers[k]], EntryKind::Frame)->index].relation;
        if (r != "ATTENDED" && r != "HOSTED") return false;
    }
    return true;
}

// The country a homeland word stands for (lexicon index), or kNone.
std::uint32_t homeland(const Analysis& a, const SentenceState& st, const WordAt& w,
                       std::uint32_t at) {
    if (w.info->en == "article") {
        // "افتتحت بالرباط … الذي تستضيفه المملكة": the city where the sentence places it names the
        // country before the article's most named one does.
        for (const Mention& m : st.mentions)
            if (m.entity != kNone && m.last <= at && a.entities[m.entity].label == Label::City &&
                a.entities[m.entity].country != kNone)
                return a.entities[m.entity].country;
        return a.main_country;
    }
    // The official named last before it, in its sentence.
    std::uint32_t country = kNone;
    for (const Mention& m : st.mentions)
        if (m.entity != kNone && m.last <= at && a.entities[m.entity].label == Label::Person)
            country = a.entities[m.entity].country;
    return country;
}

bool is_sidelines(const Analysis& a, const Item& it) {
    for (std::uint32_t i = it.first; i < it.last; ++i) {
        const std::u32string_view w = form_of(a, i);
        if (w.find(U"\u0647\u0627\u0645\u0634") != std::u32string_view::npos || w == U"sidelines")
            return true;
    }
    return false;
}

}  // namespace

bool in_event_name(const Analysis& a, std::uint32_t sentence, std::uint32_t token) {
    const auto [from, to] = sentence_events(a, sentence);
    for (auto it = from; it != to; ++it)
        if (token >= it->first && token < it->last) return true;
    return false;
}

void find_event_frames(Analysis& a) {
    std::uint32_t last_event = kNone, last_event_sentence = 0;
    for (std::uint32_t si = 0; si < a.sentences.size(); ++si) {
        const SentenceState& st = a.sentences[si];
        std::vector<const EventMention*> events;
        for (auto [it, to] = sentence_events(a, si); it != to; ++it) events.push_back(&*it);
        std::vector<std::size_t> triggers;
        for (std::size_t k = 0; k < st.items.size(); ++k)
            if (a.is(st.items[k], EntryKind::Frame) && !in_event_name(a, si, st.items[k].first))
                triggers.push_back(k);
        const std::vector<Party> ps = parties(a, st, si);
        const std::size_t facts_before = a.facts.size();
        for (std::size_t t = 0; t < triggers.size(); ++t) {
            const Item& tr = st.items[triggers[t]];
            const FrameInfo& frame = a.lex.frames[a.entry(tr, EntryKind::Frame)->index];
            const bool hosted = frame.relation == "HOSTED";
            if (!hosted && frame.relation != "ATTENDED") continue;
            const std::uint32_t right =
                t + 1 < triggers.size() ? st.items[triggers[t + 1]].first : st.s.last;
            const std::uint32_t left = t > 0 ? st.items[triggers[t - 1]].last : st.s.first;
            // The event: named after the trigger (or inside it: شارك في المؤتمر …), else before
            // it in the sentence; attendance may refer to the event the article is reporting.
            std::uint32_t event = kNone;
            const EventMention* em = nullptr;
            for (const EventMention* m : events)
                // Other attending words may stand between (في كلمة خلال افتتاح أشغال الدورة).
                if (m->first >= tr.first && words_between(a, tr.last, m->first) <= 8 &&
                    (m->first < right || attending_between(a, st, triggers, t, m->first))) {
                    em = m;
                    break;
                }
            if (!em)
                for (const EventMention* m : events)
                    if (m->last <= tr.first) em = m;
            if (em) event = em->entity;
            // Attendance in the next sentences refers to the event just reported, when the
            // trigger is explicit (not حضور alone).
            if (event == kNone && !hosted && last_event != kNone && si <= last_event_sentence + 2 &&
                frame.confidence >= 0.5)
                event = last_event;
            if (!hosted && frame.voice == Voice::Nominal && frame.confidence < 0.5 &&
                !is_sidelines(a, tr))
                continue;
            if (event == kNone) continue;
            // Modality before the trigger or on it.
            bool planned = false, negated = false;
            for (std::size_t k = 0; k <= triggers[t]; ++k)
                if (const Entry* m = a.entry(st.items[k], EntryKind::Modality)) {
                    if (st.items[k].last + 8 < tr.first) continue;
                    if (a.lex.modalities[m->index] == Modality::Planned) planned = true;
                    if (a.lex.modalities[m->index] == Modality::Negated) negated = true;
                }
            if (negated) continue;
            // Subjects after the verb stand before the event's name.
            const std::uint32_t ev_first = em && em->first >= tr.first ? em->first : st.s.last;
            if (hosted) {
                // انعقدت بمراكش names a place, not a host; بمبادرة، بدعوة name an initiator.
                if (frame.voice == Voice::Passive || frame.confidence < 0.6) continue;
                const Party* host = nullptr;
                for (const Party& p : ps)
                    if (p.first >= tr.last && p.first < right && !p.prep &&
                        a.entities[p.entity].label != Label::Person &&
                        words_between(a, tr.last, p.first) <= 2) {
                        host = &p;
                        break;
                    }
                if (!host)
                    for (const Party& p : ps)
                        if (p.last <= tr.first && p.first >= left && !p.adjective &&
                            a.entities[p.entity].label != Label::Person &&
                            words_between(a, p.last, tr.first) <= 4 &&
                            role_before(a, st, p.first) == StopRole::Other)
                            host = &p;
                if (host) {
                    add_event_fact(a, st, "HOSTED", host->entity, event, *host, tr,
                                   frame.confidence, planned, "event.hosted");
                } else if (frame.voice == Voice::Active) {
                    // "الذي تستضيفه المملكة"، "تستضيف بلاده": a country the article implies.
                    const std::uint32_t at = tr.last;
                    const WordAt w = at < right ? event_word(a, at, right) : WordAt{};
                    if (is_kind(w, EventWordKind::Homeland)) {
                        Party p;
                        p.start = a.tokens.tokens[at].start;
                        p.end = a.tokens.tokens[w.last - 1].end;
                        const std::uint32_t c = homeland(a, st, w, at);
                        if (c != kNone)
                            add_event_fact(a, st, "HOSTED", a.country_entity(c, p.start, p.end),
                                           event, p, tr, frame.confidence * 0.8, planned,
                                           "event.hosted.implied");
                    }
                }
                continue;
            }
            if (is_sidelines(a, tr)) continue;  // read from the meetings below
            std::vector<const Party*> who;
            if (frame.voice == Voice::Nominal) {
                // بمشاركة وفود من الأردن والعراق …، بحضور X: everyone listed after it.
                // The list ends where a clause starts (حيث أكد …، أن الجزائر).
                for (const Party& p : ps)
                    if (p.first >= tr.last && p.first < right &&
                        words_between(a, who.empty() ? tr.last : who.back()->last, p.first) <=
                            (who.empty() ? 8u : 3u))
                        who.push_back(&p);
                if (who.empty() && (tr.flags & kSuffix) && a.topic != kNone) {
                    Party p;
                    p.entity = a.topic;
                    p.start = a.start_of(tr);
                    p.end = a.end_of(tr);
                    add_event_fact(a, st, "ATTENDED", a.topic, event, p, tr, frame.confidence * 0.8,
                                   planned, "event.attended.topic");
                }
            } else {
                // The subject: after the verb (VSO), else before it.
                const Party* subject = nullptr;
                for (const Party& p : ps)
                    if (p.first >= tr.last && p.first < std::min(right, ev_first) && !p.prep &&
                        words_between(a, tr.last, p.first) <=
                            (a.entities[p.entity].label == Label::Person ? 3u : 1u) &&
                        role_before(a, st, p.first) == StopRole::Other) {
                        subject = &p;
                        break;
                    }
                // "وترأست أعمال المؤتمر السفيرة منى عبد الوهاب": after the event's name.
                if (!subject && em && em->first >= tr.first)
                    for (const Party& p : ps)
                        if (p.first >= em->last && p.first < right && !p.prep &&
                            words_between(a, em->last, p.first) <= 1 &&
                            a.entities[p.entity].label == Label::Person) {
                            subject = &p;
                            break;
                        }
                if (!subject)
                    for (const Party& p : ps)
                        if (p.last <= tr.first && p.first >= left && !p.prep &&
                            !punctuated(a, p.last, tr.first) &&
                            words_between(a, p.last, tr.first) <=
                                (a.entities[p.entity].label == Label::Person ? 6u : 4u) &&
                            role_before(a, st, p.first) == StopRole::Other)
                            subject = &p;
                if (subject) who.push_back(subject);
                // "ترأس … وفد لبنان إلى المؤتمر"، "من تونس والجزائر وليبيا": delegations'
                // countries.
                for (const Party& p : ps)
                    if (&p != subject && p.first >= tr.last && p.first < right &&
                        a.entities[p.entity].label == Label::Country &&
                        (after_delegation(a, p.first, tr.last) ||
                         role_before(a, st, p.first) == StopRole::From))
                        who.push_back(&p);
                // "العميد حسين الغربي، والممثلة الإقليمية …": persons joined to the subject.
                if (subject && subject->first >= tr.last &&
                    a.entities[subject->entity].label == Label::Person)
                    for (const Party& p : ps)
                        if (p.first >= who.back()->last && p.first < right && &p != subject &&
                            a.entities[p.entity].label == Label::Person && conj_at(a, p.first) &&
                            words_between(a, who.back()->last, p.first) <= 6)
                            who.push_back(&p);
                // A list after من: its other countries follow through و and commas.
                for (const Party& p : ps)
                    if (!who.empty() && who.size() > (subject ? 1u : 0u) &&
                        p.first >= who.back()->last && p.first < right &&
                        a.entities[p.entity].label == Label::Country &&
                        words_between(a, who.back()->last, p.first) == 0)
                        who.push_back(&p);
            }
            // "التي يشارك المغرب في تنظيمها إلى جانب إسبانيا والبرتغال": taking part in
            // organising or hosting is hosting, with the countries beside the subject.
            if (frame.voice == Voice::Active && co_hosting(a, tr.last, right)) {
                for (const Party* p : who)
                    add_event_fact(a, st, "HOSTED", p->entity, event, *p, tr, frame.confidence,
                                   planned, "event.hosted.joint");
                for (const Party& p : ps)
                    if (p.first >= tr.last && p.first < right &&
                        a.entities[p.entity].label == Label::Country &&
                        std::find(who.begin(), who.end(), &p) == who.end())
                        add_event_fact(a, st, "HOSTED", p.entity, event, p, tr, frame.confidence,
                                       planned, "event.hosted.joint");
                continue;
            }
            for (const Party* p : who)
                add_event_fact(a, st, "ATTENDED", p->entity, event, *p, tr,
                               frame.confidence * (who.size() > 2 ? 0.9 : 1.0), planned,
                               who.size() > 2 ? "event.attended.list" : "event.attended");
        }
        // "على هامش أشغال الجمعية العامة، التقى X …": whoever meets on the sidelines attends.
        for (std::size_t k : triggers) {
            const Item& tr = st.items[k];
            if (!is_sidelines(a, tr)) continue;
            std::uint32_t event = kNone;
            for (const EventMention* m : events)
                if (m->first >= tr.first && event == kNone) event = m->entity;
            if (event == kNone) break;
            const std::uint32_t s0 = a.tokens.tokens[st.s.first].start;
            const std::uint32_t s1 = a.tokens.tokens[st.s.last - 1].end;
            std::vector<std::uint32_t> subjects;
            for (std::size_t f = 0; f < facts_before; ++f) {
                const Fact& fact = a.facts[f];
                // A named subject of a meeting or reception; not one taken from the topic.
                if (fact.start < s0 || fact.end > s1 ||
                    (fact.relation != "MET_WITH" && fact.relation != "RECEIVED") ||
                    fact.rule.find(".topic") != std::string::npos ||
                    a.entities[fact.a].label != Label::Person)
                    continue;
                if (std::find(subjects.begin(), subjects.end(), fact.a) == subjects.end())
                    subjects.push_back(fact.a);
            }
            for (std::uint32_t who : subjects) {
                Party p;
                p.start = a.start_of(tr);
                p.end = a.end_of(tr);
                add_event_fact(a, st, "ATTENDED", who, event, p, tr, 0.6, false, "event.sidelines");
            }
            break;
        }
        if (!events.empty()) {
            last_event = events.back()->entity;
            last_event_sentence = si;
        }
    }
}

}  // namespace liaison::extract
