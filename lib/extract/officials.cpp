// Unnamed officials whose body is written by its head noun alone (docs/extract.md, "Officials and
// persons"): رئيس الجامعة، آمر الأكاديمية، الأمين العام للمنظمة name the university, the academy
// or the organisation the article named before in full.
// Also two helpers of the persons recogniser: the nisba agreeing with an office's body, and places
// read inside a name.
#include <fmt/format.h>

#include <algorithm>

#include "extract/analysis.hpp"
#include "extract/persons_internal.hpp"

namespace liaison::extract::person_detail {

namespace {

// The word without its clitics and article, when it is written definite (الجامعة، للمنظمة).
std::u32string definite_noun(const Analysis& a, const Token& t) {
    std::u32string noun;
    word_variants(t.form(a.text), [&](std::u32string_view w, std::uint8_t, std::uint8_t flags) {
        if (noun.empty() && (flags & kArticle) && !(flags & kSuffix) && !(flags & kConj))
            noun = std::u32string(w);
    });
    return noun;
}

// The first word of a body's name, folded, without its article.
std::u32string head_noun(const Entity& e) {
    const std::u32string folded = fold_string(e.ar);
    const std::u32string first = folded.substr(0, folded.find(U' '));
    return strip_article(first);
}

}  // namespace

bool definite_title(const Analysis&, const Item& title) {
    return title.node != 0 && (title.flags & kArticle) && !(title.flags & kPrep);
}

std::uint32_t anaphoric_body(Analysis& a, SentenceState& st, std::size_t j, std::size_t& next) {
    if (j >= st.items.size()) return kNone;
    const Item& it = st.items[j];
    const Token& t = a.token(it);
    if (it.last - it.first != 1 || t.kind != TokenKind::Word) return kNone;
    // A word the lexicons know as something else (a country, a title) is not a body's noun.
    if (it.node != 0 && !a.is(it, EntryKind::Agency)) return kNone;
    for (const Mention& m : st.mentions)
        if (m.first <= it.first && it.first < m.last) return kNone;
    const std::u32string noun = definite_noun(a, t);
    if (noun.size() < 3) return kNone;
    // "رئيس الجامعة الأمريكية" names another university.
    if (j + 1 < st.items.size() && a.is(st.items[j + 1], EntryKind::Country)) return kNone;
    // The body named last before it whose name opens with the noun.
    std::uint32_t best = kNone;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if ((e.label != Label::Agency && e.label != Label::Organization) || e.weak ||
            e.start >= t.start || e.ar.empty())
            continue;
        if (head_noun(e) != noun) continue;
        if (best == kNone || e.start > a.entities[best].start) best = i;
    }
    if (best == kNone) return kNone;
    Mention m;
    m.entity = best;
    m.first = it.first;
    m.last = it.last;
    m.start = a.start_of(it);
    m.end = a.end_of(it);
    m.complement = true;
    st.mentions.push_back(m);
    next = j + 1;
    return best;
}

void find_pronoun_officials(Analysis& a) {
    for (SentenceState& st : a.sentences) {
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            if (it.node != 0 || it.last - it.first != 1) continue;
            const Token& t = a.token(it);
            if (t.kind != TokenKind::Word) continue;
            bool inside = false;
            for (const Mention& m : st.mentions)
                inside = inside || (m.first <= it.first && it.first < m.last);
            if (inside) continue;
            // رئيسها: an office's one word with an attached pronoun.
            std::uint32_t title = kNone;
            word_variants(t.form(a.text),
                          [&](std::u32string_view w, std::uint8_t, std::uint8_t flags) {
                              if (title != kNone || !(flags & kSuffix) || (flags & kPrep)) return;
                              const std::uint32_t id = a.lex.words.find(w);
                              const std::uint32_t node = id == kNoWord ? 0 : a.lex.child(0, id);
                              if (node == 0) return;
                              for (const Entry& e : a.lex.entries(node))
                                  if (e.kind == EntryKind::Title &&
                                      a.lex.titles[e.index].kind == TitleKind::Office)
                                      title = e.index;
                          });
            if (title == kNone) continue;
            // The body just named: a mention, or a body's noun (وعن الجامعة معالي رئيسها), with
            // at most a few words between.
            std::uint32_t body = kNone;
            for (std::size_t j = k; j-- > 0 && j + 4 >= k && body == kNone;) {
                for (const Mention& m : st.mentions)
                    if (m.entity != kNone && m.first == st.items[j].first &&
                        (a.entities[m.entity].label == Label::Agency ||
                         a.entities[m.entity].label == Label::Organization))
                        body = m.entity;
                std::size_t next = j;
                if (body == kNone && (body = anaphoric_body(a, st, j, next)) != kNone)
                    st.mentions.back().complement = false;
            }
            if (body == kNone) continue;
            const TitleInfo& info = a.lex.titles[title];
            const std::string key = fmt::format("role:{}:{}", info.en, body);
            std::uint32_t id = kNone;
            if (auto found = a.entity_keys.find(key); found != a.entity_keys.end()) {
                id = found->second;
            } else {
                Entity e;
                e.label = Label::Person;
                e.unnamed = true;
                e.start = a.start_of(it);
                e.end = a.end_of(it);
                e.ar = a.slice(e.start, e.end);
                e.en = info.en + " of " + a.entities[body].en + " (unnamed)";
                e.title = title;
                e.title_text = e.ar;
                e.country = a.entities[body].country;
                e.agency = body;
                e.confidence = 0.6;
                e.rule = "person.role";
                id = a.add_entity(std::move(e), key);
                Fact f;
                f.relation = "HEADS";
                f.a = id;
                f.b = body;
                f.confidence = 0.7;
                f.rule = "title.office";
                f.start = a.start_of(it);
                f.end = a.end_of(it);
                a.facts.push_back(f);
            }
            Mention m;
            m.entity = id;
            m.first = it.first;
            m.last = it.last;
            m.start = a.start_of(it);
            m.end = a.end_of(it);
            st.mentions.push_back(m);
        }
    }
}

// The nisba written after a title agreeing with the body it implies, as the press names that
// body: وزير الداخلية التركي → وزارة الداخلية التركية, مدير الأمن العام اللبنانية → الأمن العام
// اللبناني. A body is feminine when its first word ends in ة or is a broken plural of a thing
// (الجمارك، القوات، المصالح، الأجهزة).
std::string agreeing(const std::string& body, std::string adjective) {
    static const std::string ya = "\u064A", ta = "\u0629";
    auto ends = [](const std::string& w, const std::string& e) {
        return w.size() >= e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
    };
    const std::string head = body.substr(0, body.find(' '));
    bool female = ends(head, ta);
    for (const char* plural :
         {"\u0627\u0644\u062C\u0645\u0627\u0631\u0643", "\u0627\u0644\u0642\u0648\u0627\u062A",
          "\u0627\u0644\u0645\u0635\u0627\u0644\u062D",
          "\u0627\u0644\u0623\u062C\u0647\u0632\u0629"})
        female = female || head == plural;
    if (female && ends(adjective, ya)) adjective += ta;
    if (!female && ends(adjective, ya + ta)) adjective.resize(adjective.size() - ta.size());
    return body + " " + adjective;
}

// "جورجيا ميلوني": a place's name read as a given name is no mention of the place; the place is
// not proposed when the article names it nowhere else.
void drop_places_inside(Analysis& a, SentenceState& st, std::uint32_t first, std::uint32_t last) {
    std::vector<std::uint32_t> dropped;
    auto inside = [&](const Mention& m) {
        if (m.entity == kNone || m.first < first || m.last > last) return false;
        const Label l = a.entities[m.entity].label;
        if (l != Label::Country && l != Label::City) return false;
        dropped.push_back(m.entity);
        return true;
    };
    st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(), inside),
                      st.mentions.end());
    for (std::uint32_t e : dropped) {
        bool named = false;
        for (const SentenceState& s : a.sentences)
            for (const Mention& m : s.mentions) named = named || m.entity == e;
        if (!named) a.entities[e].weak = true;
    }
}

}  // namespace liaison::extract::person_detail
