// Delegations in frames (docs/extract.md, § Pipeline 7): a delegation whose head is stated
// (وفد أمني أردني برئاسة X، وفدا من بعثة … برئاسة رئيسة البعثة) takes part through its head,
// who represents the body or country it is of; a delegation's or peers' country adjective.
#include <algorithm>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

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

// A folded word without its article.
std::u32string_view without_article(std::u32string_view w) {
    if (w.size() > 4 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    return w;
}

// المرافق، المرافقة (with or without the article): the delegation that goes with someone.
bool accompanying(std::u32string_view w) {
    w = without_article(w);
    return w == U"\u0645\u0631\u0627\u0641\u0642" || w == U"\u0645\u0631\u0627\u0641\u0642\u0647";
}

// A person's country: their own, else that of the body their office heads.
std::uint32_t nationality(const Analysis& a, const Entity& person) {
    return person.country != kNone  ? person.country
           : person.agency != kNone ? a.entities[person.agency].country
                                    : kNone;
}

// "وفدا من بعثة الاتحاد الأوروبي … برئاسة رئيسة البعثة": a head named by an office alone
// (with unknown words of its own: رئيس قسم التعاون) is that office's holder in the body the
// delegation comes from, kept as a role person; it represents that body, and heads it when the
// office names it by its head noun (البعثة for بعثة …). An empty participant when the words
// after the marker are no such office.
Participant unnamed_head(Analysis& a, const SentenceState& st, const std::vector<Participant>& out,
                         std::uint32_t k, std::uint32_t marker) {
    Participant head;
    std::size_t oi = st.items.size();
    for (std::size_t i = 0; i < st.items.size(); ++i)
        if (st.items[i].first == marker + 1) oi = i;
    if (oi == st.items.size()) return head;
    const Item& office = st.items[oi];
    const Entry* t = a.entry(office, EntryKind::Title);
    if (!t || a.lex.titles[t->index].kind != TitleKind::Office) return head;
    // Its own complement: up to three words with the article that the lexicons do not know.
    std::uint32_t last = office.last;
    for (std::size_t i = oi + 1; i < st.items.size() && last < office.last + 3; ++i) {
        const Item& it = st.items[i];
        if (it.first != last || it.node != 0 || a.token(it).kind != TokenKind::Word) break;
        const std::u32string_view w = a.token(it).form(a.text);
        if (without_article(w).size() == w.size()) break;
        last = it.last;
    }
    const Participant* body = nullptr;
    for (const Participant& q : out)
        if (q.first > k && q.last <= marker && !q.counterpart &&
            (a.entities[q.entity].label == Label::Agency ||
             a.entities[q.entity].label == Label::Organization)) {
            body = &q;
            break;
        }
    if (!body) return head;
    const std::uint32_t b = body->entity;
    const bool heads =
        last == office.last && without_article(a.tokens.tokens[office.last - 1].form(a.text)) ==
                                   without_article(a.tokens.tokens[body->first].form(a.text));
    Entity e;
    e.label = Label::Person;
    e.unnamed = true;
    e.start = a.start_of(office);
    e.end = a.tokens.tokens[last - 1].end;
    e.ar = a.slice(e.start, e.end);
    e.en = a.lex.titles[t->index].en + " of " + a.entities[b].en + " (unnamed)";
    e.title = t->index;
    e.title_text = a.slice(e.start, a.end_of(office));
    e.country = a.entities[b].country;
    e.agency = heads ? b : kNone;
    e.confidence = 0.6;
    e.rule = "person.role";
    const std::uint32_t id =
        a.add_entity(std::move(e), "head:" + a.entities[b].key + ":" +
                                       a.slice(a.start_of(office), a.tokens.tokens[last - 1].end));
    auto relate = [&](const char* relation, const char* rule) {
        for (const Fact& f : a.facts)
            if (f.relation == relation && f.a == id && f.b == b) return;
        Fact f;
        f.relation = relation;
        f.a = id;
        f.b = b;
        f.confidence = 0.6;
        f.rule = rule;
        f.start = a.tokens.tokens[k].start;
        f.end = a.tokens.tokens[last - 1].end;
        a.facts.push_back(f);
    };
    relate("REPRESENTS", "role.delegation");
    if (heads) relate("HEADS", "title.office");
    head.entity = id;
    head.first = office.first;
    head.last = last;
    head.start = a.start_of(office);
    head.end = a.tokens.tokens[last - 1].end;
    return head;
}

}  // namespace

std::uint32_t accompanied_of(const Analysis& a, std::uint32_t country, bool& several);
std::uint32_t sole_national(const Analysis& a, std::uint32_t country);

// A delegation whose head is stated (وفد أمني أردني برئاسة X، وفدا من المديرية …، يقوده X) takes
// part in a frame through its head: the country or body it is named after stands for X. A later
// "الوفد الأردني" is the head of that country's delegation (role.delegation) when the article
// names one; a delegation with no head stated stays its country.
void through_heads(Analysis& a, const SentenceState& st, std::vector<Participant>& out) {
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
        // "برئاسة مساعد الأمين العام للمنظمة ماركوس فالنتين": the name after the head's office,
        // with no comma or trigger between.
        for (const Participant& q : out) {
            if (head.entity != kNone || q.first <= marker + 2 || q.first > marker + 9) continue;
            if (q.counterpart || a.entities[q.entity].label != Label::Person ||
                a.entities[q.entity].unnamed)
                continue;
            bool apart = false;
            for (std::uint32_t t = marker + 1; t < q.first && !apart; ++t)
                apart = a.tokens.tokens[t].kind == TokenKind::Comma;
            for (const Item& it : st.items)
                apart = apart || (it.first > marker && it.first < q.first &&
                                  a.is(it, EntryKind::Frame) && !a.is(it, EntryKind::Title));
            if (!apart) head = q;
            break;
        }
        if (head.entity == kNone) head = unnamed_head(a, st, out, k, marker);
        if (head.entity == kNone) continue;
        bool placed = false;
        for (auto it = out.begin(); it != out.end();) {
            if (it->first > k && it->last <= marker && !it->counterpart) {
                if (placed) {
                    it = out.erase(it);
                    continue;
                }
                // "وفد هيئة الزكاة … برئاسة X": X represents the body the delegation is of.
                const Label body = a.entities[it->entity].label;
                if ((body == Label::Agency || body == Label::Organization) &&
                    !a.entities[it->entity].weak) {
                    bool known = false;
                    for (const Fact& f : a.facts)
                        known = known || (f.relation == "REPRESENTS" && f.a == head.entity &&
                                          f.b == it->entity);
                    if (!known) {
                        Fact f;
                        f.relation = "REPRESENTS";
                        f.a = head.entity;
                        f.b = it->entity;
                        f.confidence = 0.6;
                        f.rule = "role.delegation";
                        f.start = a.tokens.tokens[k].start;
                        f.end = std::max(head.end, it->end);
                        a.facts.push_back(f);
                    }
                }
                it->entity = head.entity;
                it->adjective = false;
                placed = true;
                // "وفدا من بعثة …": the delegation stands where its word stands, so that من
                // before the body opens no place of origin.
                if (head.first > marker) {
                    it->first = k;
                    it->start = a.tokens.tokens[k].start;
                    it->last = std::max(it->last, head.last);
                    it->end = std::max(it->end, head.end);
                    for (const Item& i : st.items)
                        if (i.first == k) it->flags = i.flags;
                }
            }
            ++it;
        }
        // "حل وفد …، يقوده X، … بمدينة لاهاي": X stands where the delegation stands; his own
        // mention after the marker is no second party of the frame.
        if (head.first > marker)
            out.erase(std::remove_if(out.begin(), out.end(),
                                     [&](const Participant& q) {
                                         return q.entity == head.entity && q.first == head.first &&
                                                !q.counterpart;
                                     }),
                      out.end());
        // "استقبل وفدا برئاسة X": the delegation word itself stands for X.
        if (!placed) {
            // Up to the head's name when it follows (وفد يقوده X): what comes next is the
            // frame's, as after any party.
            const bool named_after = head.first > marker;
            head.first = k;
            if (!named_after) {
                head.last = k + 1;
                head.end = a.tokens.tokens[k].end;
            }
            head.start = a.tokens.tokens[k].start;
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
        // (The head of a body's delegation is that body's country's: وفد الشرطة الفيدرالية
        // الإثيوبية برئاسة X … الوفد الإثيوبي.)
        const std::uint32_t country = a.entities[p.entity].lex;
        for (const Fact& f : a.facts)
            if (f.rule == "role.delegation" &&
                (f.b == p.entity || (a.entities[f.b].label != Label::Country &&
                                     a.entities[f.b].country == country && country != kNone))) {
                several = several || (head != kNone && head != f.a);
                head = f.a;
            }
        if (head == kNone) head = accompanied_of(a, country, several);
        if (head == kNone && !several) head = sole_national(a, country);
        if (head != kNone && !several) {
            p.entity = head;
            p.adjective = false;
        }
    }
}

// "رئيس الشرطة الفلسطينية اللواء X والوفد المرافق له": X heads the delegation that accompanies
// him, so a later "الوفد الفلسطيني" is X when X is an official of that country. kNone when no
// such person is named; `several` when more than one of that country is.
std::uint32_t accompanied_of(const Analysis& a, std::uint32_t country, bool& several) {
    std::uint32_t found = kNone;
    if (country == kNone) return found;
    for (const SentenceState& st : a.sentences)
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone || a.entities[m.entity].label != Label::Person) continue;
            const Entity& person = a.entities[m.entity];
            if (nationality(a, person) != country) continue;
            std::uint32_t k = m.last;
            if (k < st.s.last && a.tokens.tokens[k].kind == TokenKind::Comma) ++k;
            if (k >= st.s.last || !delegation_word(a.tokens.tokens[k].form(a.text))) continue;
            // وفد [أمني] المرافق / المرافقة له / لها
            bool along = false;
            for (std::uint32_t j = k + 1; j < st.s.last && j <= k + 3 && !along; ++j) {
                along = accompanying(a.tokens.tokens[j].form(a.text));
            }
            if (!along) continue;
            several = several || (found != kNone && found != m.entity);
            found = m.entity;
        }
    return found;
}

// "كما استقبل وزير المالية الوفد التونسي": with no head stated, a delegation of a country the
// article names one official of (by name) is led by that official. kNone otherwise.
std::uint32_t sole_national(const Analysis& a, std::uint32_t country) {
    std::uint32_t found = kNone;
    if (country == kNone || country == a.main_country) return found;
    for (std::uint32_t e = 0; e < a.entities.size(); ++e) {
        const Entity& person = a.entities[e];
        if (person.label != Label::Person || person.unnamed) continue;
        if (nationality(a, person) != country) continue;
        if (found != kNone) return kNone;
        found = e;
    }
    return found;
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

bool led_delegation_before(const Analysis& a, const SentenceState& st, const Trigger& tr,
                           const std::vector<const Participant*>& before) {
    if (before.empty() || label_of(a, *before.back()) != Label::Person) return false;
    bool along = false, delegation = false;
    for (std::uint32_t k = before.back()->last; k < tr.first; ++k) {
        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
        delegation = delegation || (!w.empty() && w[0] == U'\u0648' && delegation_word(w));
        along = along || accompanying(w);
    }
    return delegation && along && content_between(a, st, before.back()->last, tr.first) <= 5;
}

}  // namespace liaison::extract::frames_detail
