#include "extract/gazetteer.hpp"

namespace liaison::extract {

namespace {

// Depth-first over the variants of each token; the words of a multi-word entry follow each other
// with nothing between them but quotation marks (not tokens) or a dash.
void walk(const Lexicon& lex, const std::vector<Token>& tokens, std::uint32_t i, std::uint32_t end,
          std::uint32_t node, Hit& best, std::uint8_t skip, std::uint8_t flags) {
    if (i >= end) return;
    const Token& t = tokens[i];
    if (t.kind == TokenKind::Dash && node != 0) {
        walk(lex, tokens, i + 1, end, node, best, skip, flags);
        return;
    }
    for (int v = 0; v < t.nvariants; ++v) {
        const Variant& var = t.variants[v];
        // Inside an entry a preposition or the article may be attached, not a conjunction.
        if (node != 0 && (var.flags & kConj)) continue;
        const std::uint32_t next = lex.child(node, var.word);
        if (next == 0) continue;
        const std::uint8_t s = node == 0 ? var.skip : skip;
        const std::uint8_t f = node == 0 ? var.flags : flags;
        if (var.flags & kSuffix) {
            // A pronoun ends a trigger word (جمعته، لقاءاته); ة folds to ه, so a name or a title
            // must not be cut there.
            bool frame = false;
            for (const Entry& e : lex.entries(next)) frame = frame || e.kind == EntryKind::Frame;
            if (frame && i + 1 > best.last) {
                best.last = i + 1;
                best.node = next;
                best.skip = s;
                best.flags = static_cast<std::uint8_t>(f | kSuffix);
            }
            continue;
        }
        if (!lex.entries(next).empty() && i + 1 > best.last) {
            best.last = i + 1;
            best.node = next;
            best.skip = s;
            best.flags = f;
        }
        if (lex.has_children(next)) walk(lex, tokens, i + 1, end, next, best, s, f);
    }
}

}  // namespace

Hit longest_hit(const Lexicon& lex, const std::vector<Token>& tokens, std::uint32_t i,
                std::uint32_t end) {
    Hit best;
    best.first = i;
    best.last = i;
    walk(lex, tokens, i, end, 0, best, 0, 0);
    return best;
}

namespace {

bool has_kind(const Lexicon& lex, const Hit& h, EntryKind kind) {
    for (const Entry& e : lex.entries(h.node))
        if (e.kind == kind) return true;
    return false;
}

// "مفوض الشرطة الفيدرالية الأسترالية"، "رئيس جهاز الاستخبارات الوطنية التركي": a title whose last
// words open a longer known agency yields them to it, when its first words are a title of their
// own (مفوض، رئيس): the body is kept whole and the office still names it.
Hit yield_to_agency(const Lexicon& lex, const std::vector<Token>& tokens, const Hit& h,
                    std::uint32_t end) {
    if (!has_kind(lex, h, EntryKind::Title) || has_kind(lex, h, EntryKind::Agency)) return h;
    for (std::uint32_t k = h.first + 1; k < h.last; ++k) {
        const Hit body = longest_hit(lex, tokens, k, end);
        if (body.last <= h.last || !has_kind(lex, body, EntryKind::Agency)) continue;
        const Hit title = longest_hit(lex, tokens, h.first, k);
        if (title.last == k && has_kind(lex, title, EntryKind::Title)) return title;
    }
    return h;
}

}  // namespace

std::vector<Hit> find_hits(const Lexicon& lex, const Tokens& tokens, Sentence s) {
    std::vector<Hit> hits;
    for (std::uint32_t i = s.first; i < s.last;) {
        Hit h =
            yield_to_agency(lex, tokens.tokens, longest_hit(lex, tokens.tokens, i, s.last), s.last);
        if (h.last > h.first) {
            hits.push_back(h);
            i = h.last;
        } else {
            ++i;
        }
    }
    return hits;
}

}  // namespace liaison::extract
