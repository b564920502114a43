// The parties of a frame: the mentions a trigger can link (participants), نظيره resolved to the
// counterpart, a title set apart from its name by a comma, the host country written as المملكة,
// the function words around a party (relatives, reported speech, news agencies), the reception
// of a guest (كان في استقباله), and the fact a frame adds; delegations are in
// frames_delegations.cpp. The clause walking that
// uses them is in frames.cpp.
#include <algorithm>

#include "extract/frames_internal.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract::frames_detail {

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
        covered = m.last;
        // A news agency reports the facts of its sentence ((كونا)، حسبما أفادت به وكالة …); it
        // takes part in none of them.
        if (news_agency(a, p)) continue;
        out.push_back(p);
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
    // "قائد قوة الأمن الداخلي (لخويا)": a name in brackets right after another names it again
    // (a gloss), it is no party of its own.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Participant& q) {
                                 if (q.counterpart || q.first < st.s.first + 2 ||
                                     q.last >= st.s.last ||
                                     a.tokens.tokens[q.first - 1].kind != TokenKind::Open ||
                                     a.tokens.tokens[q.last].kind != TokenKind::Close)
                                     return false;
                                 for (const Mention& m : st.mentions)
                                     if (m.entity != kNone && m.last == q.first - 1) return true;
                                 return false;
                             }),
              out.end());
    // "من جانبها، أكدت رئيسة البعثة …": an office alone that names the unnamed head of a
    // delegation met earlier (frames_delegations.cpp) is that person again.
    for (const Item& it : st.items) {
        if (!a.is(it, EntryKind::Title)) continue;
        bool inside = false;
        for (const Participant& q : out)
            inside = inside || (q.first <= it.first && it.first < q.last);
        if (inside) continue;
        const std::string written = fold_name(a.slice(a.start_of(it), a.end_of(it)));
        for (std::uint32_t e = 0; e < a.entities.size(); ++e)
            if (a.entities[e].unnamed && a.entities[e].key.rfind("head:", 0) == 0 &&
                fold_name(a.entities[e].ar) == written) {
                Participant p;
                p.entity = e;
                p.first = it.first;
                p.last = it.last;
                p.start = a.start_of(it);
                p.end = a.end_of(it);
                p.flags = it.flags;
                out.push_back(p);
                break;
            }
    }
    through_heads(a, st, out);
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
        // An unnamed role (السفير الإيراني) is nobody's peer but another ambassador's.
        const bool role = e.title != kNone && a.lex.titles[e.title].kind == TitleKind::Role;
        if (any[u] == kNone && !(u == 1 && role)) any[u] = i;
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
        e.aliases.push_back(a.slice(p.start, p.end));  // نظيره الإيراني, as written
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
        // "أهمية العلاقات مع إيران": مع after a noun of relations is its complement, no party's.
        if (a.stop_role(it) == StopRole::With && k > 0 &&
            a.stop_role(st.items[k - 1]) == StopRole::Noun)
            return StopRole::Other;
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

// The same, without the numbers of a date the sentence states (يوم الأحد الموافق 16 نوفمبر
// 2025): how far a party is from what introduces it.
std::size_t undated_between(const Analysis& a, const SentenceState& st, std::uint32_t from,
                            std::uint32_t to) {
    std::size_t n = content_between(a, st, from, to);
    for (const Item& it : st.items) {
        if (it.first < from || it.first >= to || a.token(it).kind != TokenKind::Number) continue;
        for (const SentenceState::Stated& d : st.times)
            if (a.token(it).start >= d.start && a.token(it).start < d.end && n > 0) {
                --n;
                break;
            }
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
    date_fact(a, st, f);
    a.facts.push_back(f);
}

// الذي، التي، الذين: a relative pronoun.
bool relative(const Analysis& a, std::uint32_t token) {
    const std::u32string_view w = a.tokens.tokens[token].form(a.text);
    return w == U"\u0627\u0644\u0630\u064A" || w == U"\u0627\u0644\u062A\u064A" ||
           w == U"\u0627\u0644\u0630\u064A\u0646";
}

// "وفد أمني في لاهاي لبحث تعزيز التعاون مع يوروبول": a verb or verbal noun behind the ل of
// purpose says what a trip is for, not what happened.
bool purpose(const Analysis& a, const Item& it, const FrameInfo& frame) {
    if (!(it.flags & kPrep)) return false;
    const Token& w = a.tokens.tokens[it.first];
    if (a.text.folded[w.fstart + ((it.flags & kConj) ? 1 : 0)] != U'\u0644') return false;
    if (frame.voice == Voice::Active) return true;
    // "تلقى دعوة رسمية لزيارة موريتانيا"، "تلبية لدعوة نظيره لزيارة": a noun behind the ل after
    // an invitation is what the guest is invited to, not yet a fact.
    if (frame.voice != Voice::Nominal) return false;
    for (std::uint32_t k = it.first, seen = 0; k-- > 0 && seen < 3;) {
        const Token& t = a.tokens.tokens[k];
        if (t.kind != TokenKind::Word) return false;
        ++seen;
        std::u32string_view f = t.form(a.text);
        if (!f.empty() && (f[0] == U'\u0648' || f[0] == U'\u0641')) f.remove_prefix(1);
        if (!f.empty() && (f[0] == U'\u0628' || f[0] == U'\u0644')) f.remove_prefix(1);
        if (f.size() > 2 && f[0] == U'\u0627' && f[1] == U'\u0644') f.remove_prefix(2);
        if (f.size() >= 4 && f.size() <= 6 && f.substr(0, 3) == U"\u062F\u0639\u0648") return true;
    }
    return false;
}

// A news agency of the credit line ((كونا) -- استقبل …) reports the fact; it takes no part in it.
bool news_agency(const Analysis& a, const Participant& p) {
    if (p.counterpart) return false;
    const Entity& e = a.entities[p.entity];
    if (e.label != Label::Organization || e.lex == kNone) return false;
    const std::string& en = a.lex.agencies[e.lex].en;
    return en.find("News Agency") != std::string::npos || en.find("Press") != std::string::npos;
}

// أن or إن between two tokens: what follows is reported, not a party.
bool said_before(const Analysis& a, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t k = from; k < to; ++k) {
        std::u32string_view w = a.tokens.tokens[k].form(a.text);
        if (w.size() == 3 && (w[0] == U'\u0648' || w[0] == U'\u0628')) w.remove_prefix(1);
        if (w == U"\u0627\u0646") return true;  // أن، إن (folded)
    }
    return false;
}

// An English trigger (received, held talks): the subject comes first.
bool latin(const Analysis& a, const Trigger& tr) {
    const std::u32string_view w = a.tokens.tokens[tr.first].form(a.text);
    return !w.empty() && w[0] < 0x80;
}

namespace {

// "وكان في استقبال الوزير حيدان": the bare noun of reception behind في, the guest named right
// after it (a title at most before the name); nullptr when it is not so written.
const Participant* guest_after(const Analysis& a, const SentenceState& st, const Trigger& tr,
                               const std::vector<const Participant*>& after) {
    constexpr std::u32string_view kReception =
        U"\u0627\u0633\u062A\u0642\u0628\u0627\u0644";  // استقبال
    if (a.tokens.tokens[tr.last - 1].form(a.text) != kReception || after.empty()) return nullptr;
    const Participant* g = after[0];
    if (g->counterpart || label_of(a, *g) != Label::Person || (g->flags & kPrep) ||
        content_between(a, st, tr.last, g->first) > 1)
        return nullptr;
    return g;
}

// A person named right after a word for a facility (مطار الملك خالد الدولي، قاعة الشيخ …)
// names the place, not someone there.
bool facility_name(const Analysis& a, const SentenceState& st, const Participant& p) {
    static constexpr std::u32string_view kFacilities[] = {
        U"\u0645\u0637\u0627\u0631",              // مطار
        U"\u0645\u064A\u0646\u0627\u0621",        // ميناء
        U"\u0642\u0627\u0639\u0647",              // قاعة (folded)
        U"\u0642\u0635\u0631",                    // قصر
        U"\u0645\u0633\u062A\u0634\u0641\u064A",  // مستشفى (folded)
        U"\u0641\u0646\u062F\u0642",              // فندق
        U"\u0634\u0627\u0631\u0639"};             // شارع
    auto facility = [&](std::uint32_t k) {
        std::u32string_view w = a.tokens.tokens[k].form(a.text);
        if (w.size() > 4 && (w[0] == U'\u0628' || w[0] == U'\u0648')) w.remove_prefix(1);
        for (std::u32string_view f : kFacilities)
            if (w == f) return true;
        return false;
    };
    if (p.first <= st.s.first) return false;
    if (facility(p.first - 1)) return true;
    // Through a title the name kept apart (مطار الملك خالد).
    bool titled = false;
    for (const Item& it : st.items)
        titled =
            titled || (it.last == p.first && it.first + 1 == it.last && a.is(it, EntryKind::Title));
    return titled && p.first - 1 > st.s.first && facility(p.first - 2);
}

}  // namespace

// "حيث كان في استقباله X"، "وكان في استقبالها": the noun of reception behind في, with the guest
// as its attached pronoun, or bare with the guest named after it (وكان في استقبال الوزير X …).
bool welcome_of_guest(const Analysis& a, const SentenceState& st, const Trigger& tr,
                      const std::vector<const Participant*>& after) {
    constexpr std::u32string_view kIn = U"\u0641\u064A";  // في
    constexpr std::u32string_view kReception =
        U"\u0627\u0633\u062A\u0642\u0628\u0627\u0644";  // استقبال
    bool in = tr.first > st.s.first && a.tokens.tokens[tr.first - 1].form(a.text) == kIn;
    for (std::uint32_t k = tr.first; k < tr.last; ++k)
        in = in || a.tokens.tokens[k].form(a.text) == kIn;
    const std::u32string_view w = a.tokens.tokens[tr.last - 1].form(a.text);
    if (!in) return false;
    if (w.size() > kReception.size() && w.substr(0, kReception.size()) == kReception) return true;
    return guest_after(a, st, tr, after) != nullptr;
}

// The welcomers named after the phrase received the guest: the first person or body with no
// preposition in the clause (past the place of arrival: لدى وصوله مطار …، بمطار الرباط سلا),
// then those listed after it (A، وB), named or kept as roles. The guest is the one named after a
// bare استقبال, else the last person the sentence named before it (وكان السيد النوري قد حل
// بالمطار، حيث كان في استقباله …), else `followed`.
void reception_of_guest(Analysis& a, const SentenceState& st, const Trigger& tr,
                        const std::vector<const Participant*>& before,
                        const std::vector<const Participant*>& after, bool planned,
                        std::uint32_t followed) {
    const Participant* guest = guest_after(a, st, tr, after);
    const std::uint32_t from = guest ? guest->last : tr.last;
    std::vector<const Participant*> hosts;
    for (const Participant* p : after) {
        if (p->first < from || is_place(a, *p) || p->counterpart ||
            (guest && p->entity == guest->entity))
            continue;
        if (hosts.empty()) {
            // No comma before the first welcomer: a comma closes the place of arrival's clause.
            bool comma = false;
            for (std::uint32_t k = from; k < p->first; ++k)
                comma = comma || a.tokens.tokens[k].kind == TokenKind::Comma;
            if (comma || content_between(a, st, from, p->first) > 8) break;
            if ((p->flags & kPrep) || facility_name(a, st, *p)) continue;
            hosts.push_back(p);
        } else if (label_of(a, *p) == Label::Person &&
                   (list_glue(a, st, hosts.back()->last, p->first) ||
                    listed_next(a, st, *hosts.back(), *p))) {
            hosts.push_back(p);
        } else {
            break;
        }
    }
    if (hosts.empty()) return;
    // "زار الوزير، يرافقه رئيس الأمن العام، الأكاديمية، حيث كان في استقباله …": a companion
    // (يرافقه، برفقة) is not the guest; the one he accompanies is.
    auto companion = [&](const Participant& p) {
        if (p.first == 0 || p.first <= st.s.first) return false;
        std::u32string_view w = a.tokens.tokens[p.first - 1].form(a.text);
        if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);  // و
        for (std::u32string_view c :
             {U"\u064A\u0631\u0627\u0641\u0642\u0647", U"\u062A\u0631\u0627\u0641\u0642\u0647",
              U"\u064A\u0631\u0627\u0641\u0642\u0647\u0627",
              U"\u064A\u0631\u0627\u0641\u0642\u0647\u0645", U"\u0628\u0631\u0641\u0642\u0647",
              U"\u0631\u0641\u0642\u0647"})  // يرافقه ترافقه يرافقها يرافقهم برفقة رفقة
            if (w == c) return true;
        return false;
    };
    for (std::size_t i = before.size(); i-- > 0 && !guest;)
        if (!before[i]->counterpart && label_of(a, *before[i]) == Label::Person &&
            !(before[i]->flags & kPrep) && !companion(*before[i]))
            guest = before[i];
    const std::uint32_t g = guest ? guest->entity : followed;
    if (g == kNone) return;
    for (const Participant* host : hosts)
        if (g != host->entity)
            add_fact(a, st, *tr.frame, "RECEIVED", Voice::Active, host->entity, host,
                     guest ? *guest : *host, g, a.tokens.tokens[tr.first].start,
                     a.tokens.tokens[tr.last - 1].end, planned, !guest, false);
}

}  // namespace liaison::extract::frames_detail
