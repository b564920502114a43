// The parties of a frame: the mentions a trigger can link (participants), نظيره resolved to the
// counterpart, a title set apart from its name by a comma, the host country written as المملكة,
// the function words around a party (delegations, relatives, reported speech, news agencies),
// the reception of a guest (كان في استقباله), and the fact a frame adds. The clause walking that
// uses them is in frames.cpp.
#include <algorithm>

#include "extract/frames_internal.hpp"

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

bool delegation_word(std::u32string_view w);
void through_heads(const Analysis& a, const SentenceState& st, std::vector<Participant>& out);

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

// A word for a delegation (وفد، الوفود، بوفد، delegation), whose country adjective is the
// party met or received (الوفد الإسباني، the Saudi and Jordanian delegations).
bool delegation_word(std::u32string_view w) {
    if (w == U"delegation" || w == U"delegations") return true;
    // وفد، وفدا، وفود، وفدين، وفدان (the last two before a list of two adjectives)
    for (std::u32string_view n :
         {U"\u0648\u0641\u062F", U"\u0648\u0641\u062F\u0627", U"\u0648\u0641\u0648\u062F",
          U"\u0648\u0641\u062F\u064A\u0646", U"\u0648\u0641\u062F\u0627\u0646"})
        if (w.size() >= n.size() && w.substr(w.size() - n.size()) == n) {
            const std::u32string_view pre = w.substr(0, w.size() - n.size());
            for (std::u32string_view p :
                 {U"", U"\u0627\u0644", U"\u0628", U"\u0628\u0627\u0644", U"\u0648",
                  U"\u0648\u0627\u0644", U"\u0644", U"\u0644\u0644"})  // ال ب بال و وال ل لل
                if (pre == p) return true;
        }
    return false;
}

namespace {

// برئاسة، يقوده، تقوده، يترأسه، يرأسه، بقيادة (folded): the head of a delegation follows.
bool head_marker(std::u32string_view w) {
    if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);  // و
    for (std::u32string_view m :
         {U"\u0628\u0631\u064A\u0627\u0633\u0647", U"\u064A\u0642\u0648\u062F\u0647",
          U"\u062A\u0642\u0648\u062F\u0647", U"\u064A\u062A\u0631\u0627\u0633\u0647",
          U"\u064A\u0631\u0627\u0633\u0647", U"\u0628\u0642\u064A\u0627\u062F\u0647"})
        if (w == m) return true;
    return false;
}

}  // namespace

// A delegation whose head is stated (وفد أمني أردني برئاسة X، وفدا من المديرية …، يقوده X) takes
// part in a frame through its head: the country or body it is named after stands for X. A later
// "الوفد الأردني" is the head of that country's delegation (role.delegation) when the article
// names one; a delegation with no head stated stays its country.
void through_heads(const Analysis& a, const SentenceState& st, std::vector<Participant>& out) {
    for (std::uint32_t k = st.s.first; k < st.s.last; ++k) {
        if (!delegation_word(a.tokens.tokens[k].form(a.text))) continue;
        // The marker a few words on, before any other trigger.
        std::uint32_t marker = kNone;
        for (const Item& it : st.items) {
            if (it.first <= k || it.first > k + 14) continue;
            // برئاسة is a trigger of its own (attending, events.cpp): test it first.
            if (it.last - it.first == 1 && head_marker(a.token(it).form(a.text))) {
                marker = it.first;
                break;
            }
            if (a.is(it, EntryKind::Frame)) break;
        }
        if (marker == kNone) continue;
        Participant head;
        for (const Participant& q : out)
            if (q.first > marker && q.first <= marker + 2 && !q.counterpart &&
                a.entities[q.entity].label == Label::Person) {
                head = q;
                break;
            }
        if (head.entity == kNone) continue;
        bool placed = false;
        for (auto it = out.begin(); it != out.end();) {
            if (it->first > k && it->last <= marker && !it->counterpart) {
                if (placed) {
                    it = out.erase(it);
                    continue;
                }
                it->entity = head.entity;
                it->adjective = false;
                placed = true;
            }
            ++it;
        }
        // "استقبل وفدا برئاسة X": the delegation word itself stands for X.
        if (!placed) {
            head.first = k;
            head.last = k + 1;
            head.start = a.tokens.tokens[k].start;
            head.end = a.tokens.tokens[k].end;
            head.flags = 0;
            for (const Item& it : st.items)
                if (it.first == k) head.flags = it.flags;
            out.push_back(head);
        }
    }
    for (Participant& p : out) {
        if (p.counterpart || !p.adjective || a.entities[p.entity].label != Label::Country ||
            !of_delegation(a, st, p))
            continue;
        std::uint32_t head = kNone;
        bool several = false;
        for (const Fact& f : a.facts)
            if (f.rule == "role.delegation" && f.b == p.entity) {
                several = several || (head != kNone && head != f.a);
                head = f.a;
            }
        if (head != kNone && !several) {
            p.entity = head;
            p.adjective = false;
        }
    }
}

// A country written as the adjective of a delegation: a delegation word up to two words before
// it (الوفد الأمني الإسباني) or a word for peers right before it (نظيريه الأردني), or in English
// a delegation word up to three after (the Saudi and Jordanian delegations).
bool of_delegation(const Analysis& a, const SentenceState& st, const Participant& p) {
    for (std::uint32_t k = p.first; k-- > st.s.first && k + 3 >= p.first;)
        if (delegation_word(a.tokens.tokens[k].form(a.text))) return true;
    // "نظيريه الأردني والعراقي"، "نظرائه الأوروبيين": the peers' countries, like a delegation's.
    for (const Item& it : st.items)
        if (it.last <= p.first && it.last + 1 >= p.first && a.is(it, EntryKind::Counterpart))
            return true;
    for (std::uint32_t k = p.last; k < st.s.last && k < p.last + 3; ++k)
        if (delegation_word(a.tokens.tokens[k].form(a.text))) return true;
    return false;
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
    if (frame.voice != Voice::Active || !(it.flags & kPrep)) return false;
    const Token& w = a.tokens.tokens[it.first];
    return a.text.folded[w.fstart + ((it.flags & kConj) ? 1 : 0)] == U'\u0644';
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

// "حيث كان في استقباله X"، "وكان في استقبالها": the noun of reception behind في, with the guest
// as its attached pronoun.
bool welcome_of_guest(const Analysis& a, const SentenceState& st, const Trigger& tr) {
    constexpr std::u32string_view kIn = U"\u0641\u064A";  // في
    constexpr std::u32string_view kReception =
        U"\u0627\u0633\u062A\u0642\u0628\u0627\u0644";  // استقبال
    bool in = tr.first > st.s.first && a.tokens.tokens[tr.first - 1].form(a.text) == kIn;
    for (std::uint32_t k = tr.first; k < tr.last; ++k)
        in = in || a.tokens.tokens[k].form(a.text) == kIn;
    const std::u32string_view w = a.tokens.tokens[tr.last - 1].form(a.text);
    return in && w.size() > kReception.size() && w.substr(0, kReception.size()) == kReception;
}

// The one named right after the phrase received the guest: the last person the sentence named
// before it (وكان السيد النوري قد حل بالمطار، حيث كان في استقباله …), else `followed`.
void reception_of_guest(Analysis& a, const SentenceState& st, const Trigger& tr,
                        const std::vector<const Participant*>& before,
                        const std::vector<const Participant*>& after, bool planned,
                        std::uint32_t followed) {
    const Participant* host = nullptr;
    for (const Participant* p : after)
        if (!is_place(a, *p) && !p->counterpart && !(p->flags & kPrep) &&
            content_between(a, st, tr.last, p->first) <= 2) {
            host = p;
            break;
        }
    if (!host) return;
    const Participant* guest = nullptr;
    for (std::size_t i = before.size(); i-- > 0 && !guest;)
        if (!before[i]->counterpart && label_of(a, *before[i]) == Label::Person &&
            !(before[i]->flags & kPrep))
            guest = before[i];
    const std::uint32_t g = guest ? guest->entity : followed;
    if (g == kNone || g == host->entity) return;
    add_fact(a, st, *tr.frame, "RECEIVED", Voice::Active, host->entity, host,
             guest ? *guest : *host, g, a.tokens.tokens[tr.first].start,
             a.tokens.tokens[tr.last - 1].end, planned, !guest, false);
}

}  // namespace liaison::extract::frames_detail
