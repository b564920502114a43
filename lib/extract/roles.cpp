// Which offices make their holder the head of a body (roles.tsv, docs/extract.md): a deputy, an
// assistant or an undersecretary heads no body he is of, only a sector named after his title
// (مساعد وزير الداخلية لقطاع الأمن العام); a former holder (السابق) heads nothing now; a
// secretary general heads an organisation but serves under the minister of a ministry. Run after
// find_officials, on the HEADS facts the titles gave.
#include <algorithm>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

std::uint8_t role_word(const Analysis& a, const Token& t) {
    if (t.kind != TokenKind::Word) return 0;
    for (const auto& [word, kind] : a.lex.role_words)
        if (t.has(word)) return kind;
    return 0;
}

// The sentence holding code point `at`.
const SentenceState* sentence_at(const Analysis& a, std::uint32_t at) {
    auto it = std::upper_bound(
        a.sentences.begin(), a.sentences.end(), at, [&](std::uint32_t x, const SentenceState& st) {
            return st.s.first < st.s.last && x < a.tokens.tokens[st.s.first].start;
        });
    if (it == a.sentences.begin()) return nullptr;
    return &*(it - 1);
}

bool ministry(const Entity& e) {
    static const std::string word = "\u0648\u0632\u0627\u0631\u0629";  // وزارة
    const std::size_t at = e.ar.find(word);
    return at == 0 || (at != std::string::npos && at <= 4) || e.en.rfind("Ministry", 0) == 0;
}

// Whether an agency key is the body a title heads by definition: the same key, or the country's
// own form of a generic one (mar-moi for @moi).
bool same_body(const std::string& key, const std::string& heads) {
    if (key == heads) return true;
    if (heads.empty() || heads[0] != '@') return false;
    const std::string tail = "-" + heads.substr(1);
    return key.size() > tail.size() &&
           key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether the HEADS fact `f`, given by a title, states that its person heads its agency now.
bool heads_now(const Analysis& a, const Fact& f) {
    const SentenceState* st = sentence_at(a, f.start);
    if (!st) return true;
    // The office: the last office or role of the first chain of titles inside the quote.
    std::size_t office = st->items.size(), after = st->items.size();
    for (std::size_t k = 0; k < st->items.size(); ++k) {
        const Item& it = st->items[k];
        if (a.start_of(it) < f.start) continue;
        if (a.end_of(it) > f.end) break;
        const Entry* t = a.entry(it, EntryKind::Title);
        if (!t || a.is(it, EntryKind::Frame)) {
            if (office != st->items.size()) break;
            continue;
        }
        if (office != st->items.size() && (it.flags & kConj)) break;
        const TitleKind kind = a.lex.titles[t->index].kind;
        if (kind == TitleKind::Office || kind == TitleKind::Role) office = k;
        after = k + 1;
    }
    if (office == st->items.size()) return true;
    const TitleInfo& title = a.lex.titles[a.entry(st->items[office], EntryKind::Title)->index];
    const Entity& body = a.entities[f.b];
    std::uint8_t standing = title.standing;
    // Words beside the title: المساعد right after it; السابق after it, its complement or the name.
    if (after < st->items.size())
        standing |= role_word(a, a.token(st->items[after])) & kRoleAssistant;
    const std::uint32_t last = st->s.last;
    for (std::uint32_t t = st->items[after - 1].last; t < last; ++t) {
        const Token& tok = a.tokens.tokens[t];
        standing |= role_word(a, tok) & kRoleFormer;
        if (tok.start >= f.end) break;  // the word right after the quote is the last one read
    }
    if (standing & kRoleFormer) return false;
    if (standing & (kRoleDeputy | kRoleAssistant)) {
        // A sector named after a title that already names its superior's body is his own.
        if (title.heads == UINT32_MAX || body.lex == kNone) return false;
        const std::string& key = a.lex.agencies[body.lex].key;
        return !same_body(key, a.lex.agencies[title.heads].key) && !ministry(body);
    }
    if ((standing & kRoleSecretary) && ministry(body)) return false;
    return true;
}

}  // namespace

void resolve_roles(Analysis& a) {
    std::erase_if(a.facts, [&](const Fact& f) {
        return f.relation == "HEADS" && f.rule == "title.office" && f.b != kNone &&
               !heads_now(a, f);
    });
}

}  // namespace liaison::extract
