// Later mentions of a named person: by surname alone (حموشي، للحموشي), by a run of their name
// (السفيرة عبد الوهاب), by a headline's rank and surname; then descriptions, and the article's
// topic (the person mentioned most).
#include <algorithm>

#include "extract/analysis.hpp"
#include "extract/persons_internal.hpp"

namespace liaison::extract {

using namespace person_detail;

namespace {

// "اللواء عبدالله عرض مع السفير" in a headline, after "اللواء رائد عبدالله" in the body: a rank
// and a named person's surname, then a plain word the lexicons do not know, is that person
// followed by the headline's verb, not a name of two words. Returns, for each such entity, the
// person it is.
std::vector<std::uint32_t> surname_then_verb(Analysis& a) {
    std::vector<std::uint32_t> out(a.entities.size(), kNone);
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() != 2 ||
            e.rule != "person.title-name" || e.words[1].rfind(U"\u0627\u0644", 0) == 0)
            continue;
        // The second word: one plain token, no given name.
        bool plain = false;
        for (const SentenceState& st : a.sentences)
            for (const Mention& m : st.mentions)
                if (m.entity == i)
                    for (const Item& it : st.items)
                        if (it.first + 1 == m.last && it.last == m.last)
                            plain = it.node == 0 && !given_word(a, it);
        if (!plain) continue;
        std::uint32_t found = kNone;
        bool several = false;
        for (std::uint32_t j = 0; j < a.entities.size(); ++j) {
            const Entity& f = a.entities[j];
            if (j == i || f.label != Label::Person || f.unnamed || f.words.size() < 2 ||
                f.words.back() != e.words[0] || f.words[0] == e.words[0])
                continue;
            several = several || (found != kNone && found != j);
            found = j;
        }
        if (found == kNone || several) continue;
        out[i] = found;
        e.weak = true;
    }
    return out;
}

}  // namespace

void find_name_aliases(Analysis& a) {
    find_on_behalf(a);
    find_delegation_heads(a);
    const std::vector<std::uint32_t> verb_after = surname_then_verb(a);
    // A named person's surname alone (حموشي، الحموشي، للحموشي) refers to them in the article.
    std::unordered_map<std::u32string, std::uint32_t> surnames;
    std::vector<std::u32string> ambiguous;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() < 2 || verb_after[i] != kNone)
            continue;
        const std::u32string& last = e.words.back();
        if (last.size() < 3) continue;
        auto [it, added] = surnames.emplace(last, i);
        if (!added && it->second != i) ambiguous.push_back(last);
    }
    for (const auto& w : ambiguous) surnames.erase(w);
    // "الجنرال بونو" is هوبير بونو: a one-word person is the named person of that surname.
    std::vector<std::uint32_t> same = verb_after;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() != 1) continue;
        auto it = surnames.find(e.words[0]);
        if (it == surnames.end() || it->second == i) continue;
        same[i] = it->second;
        e.weak = true;  // not proposed: its mentions are the full name's
    }
    // "السفيرة عبد الوهاب" is منى عبد الوهاب, "الشيخ خليفة بن حمد" is خليفة بن حمد بن خليفة آل
    // ثاني: a name of several words that is a run of the name of exactly one longer named
    // person (a compound surname, a shortened lineage) is that person.
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() < 2 || same[i] != kNone)
            continue;
        std::uint32_t found = kNone;
        bool several = false;
        for (std::uint32_t j = 0; j < a.entities.size(); ++j) {
            const Entity& f = a.entities[j];
            if (j == i || f.label != Label::Person || f.unnamed ||
                f.words.size() <= e.words.size() ||
                std::search(f.words.begin(), f.words.end(), e.words.begin(), e.words.end()) ==
                    f.words.end())
                continue;
            several = several || (found != kNone && found != j);
            found = j;
        }
        if (found == kNone || several) continue;
        same[i] = found;
        e.weak = true;
    }
    for (std::uint32_t& t : same)
        while (t != kNone && same[t] != kNone) t = same[t];
    for (SentenceState& st : a.sentences)
        for (Mention& m : st.mentions)
            if (m.entity != kNone && same[m.entity] != kNone) m.entity = same[m.entity];
    for (Fact& f : a.facts) {
        if (same[f.a] != kNone) f.a = same[f.a];
        if (same[f.b] != kNone) f.b = same[f.b];
    }
    if (!surnames.empty()) {
        for (SentenceState& st : a.sentences) {
            std::vector<Mention> extra;
            for (const Item& it : st.items) {
                if (it.node != 0) continue;
                const Token& t = a.token(it);
                if (t.kind != TokenKind::Word) continue;
                bool inside = false;
                for (const Mention& m : st.mentions)
                    if (it.first >= m.first && it.first < m.last) inside = true;
                if (inside) continue;
                std::uint32_t found = kNone;
                std::uint8_t skip = 0;
                word_variants(t.form(a.text),
                              [&](std::u32string_view w, std::uint8_t s, std::uint8_t) {
                                  if (found != kNone) return;
                                  auto f = surnames.find(strip_article(w));
                                  if (f != surnames.end()) {
                                      found = f->second;
                                      skip = s;
                                  }
                              });
                if (found == kNone) continue;
                Mention m;
                m.entity = found;
                m.first = it.first;
                m.last = it.last;
                m.start = a.text.origin[t.fstart + skip];
                m.end = t.end;
                extra.push_back(m);
            }
            st.mentions.insert(st.mentions.end(), extra.begin(), extra.end());
        }
    }
    resolve_descriptions(a);
    // Mentions in reading order; the person most mentioned is the article's topic.
    std::vector<std::uint32_t> count(a.entities.size(), 0);
    for (SentenceState& st : a.sentences) {
        std::sort(st.mentions.begin(), st.mentions.end(), [](const Mention& x, const Mention& y) {
            return x.first != y.first ? x.first < y.first : x.last > y.last;
        });
        for (const Mention& m : st.mentions)
            if (m.entity != kNone) ++count[m.entity];
    }
    std::uint32_t best = 0;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (e.label == Label::Person && !e.unnamed && count[i] > best) {
            best = count[i];
            a.topic = i;
        }
    }
}

}  // namespace liaison::extract
