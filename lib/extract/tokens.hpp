#pragma once
// Sentences and tokens over the folded text. A token keeps its original span and the forms of
// its word without the clitics و ف ب ل ك and the article ال / لل, each interned when the
// lexicons know it.
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/interner.hpp"
#include "extract/text.hpp"

namespace liaison::extract {

enum class TokenKind : std::uint8_t {
    Word,
    Number,
    Comma,  // ، , ؛ ;
    Dash,   // - – —
    Open,   // ( [
    Close,  // ) ]
    Colon,  // :
    Slash,  // /
    Other,  // any other punctuation
};

// Clitics dropped to reach a variant.
enum VariantFlags : std::uint8_t {
    kConj = 1,     // و or ف
    kPrep = 2,     // ب ل ك
    kArticle = 4,  // ال (or the ل of لل)
    kSuffix = 8,   // an attached pronoun ه ها هم هما (جمعته، لقاءاته)
};

struct Variant {
    std::uint32_t word = kNoWord;  // interned form
    std::uint8_t skip = 0;         // folded code points dropped at the front
    std::uint8_t flags = 0;
};

struct Token {
    std::uint32_t start = 0, end = 0;    // original code points, end exclusive
    std::uint32_t fstart = 0, fend = 0;  // folded code points
    TokenKind kind = TokenKind::Word;
    std::uint8_t nvariants = 0;
    bool line_start = false;   // first token of a line
    std::int32_t number = -1;  // value of a Number token (clamped)
    Variant variants[8];
    // The word as folded, clitics included.
    std::u32string_view form(const Text& t) const {
        return std::u32string_view(t.folded).substr(fstart, fend - fstart);
    }
    // True when some variant is `word`.
    bool has(std::uint32_t word) const {
        for (int i = 0; i < nvariants; ++i)
            if (variants[i].word == word) return true;
        return false;
    }
    const Variant* variant(std::uint32_t word) const {
        for (int i = 0; i < nvariants; ++i)
            if (variants[i].word == word) return &variants[i];
        return nullptr;
    }
};

struct Sentence {
    std::uint32_t first = 0, last = 0;  // token indices, last exclusive
};

struct Tokens {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
};

// Splits the folded text into tokens and sentences (ending at . ! ? ؟ and line breaks; ؛ is a
// clause break inside a sentence). Variants are interned against `words` (lookup only).
Tokens tokenize(const Text& text, const Interner& words);

// The variants of one folded word: itself, then without و/ف, ب/ل/ك, ال/لل in the order the press
// attaches them; only forms of at least two letters. Calls visit(form, skip, flags).
template <typename Visit>
void word_variants(std::u32string_view w, Visit&& visit) {
    visit(w, 0, 0);
    auto strip_article = [&](std::u32string_view s, std::uint8_t skip, std::uint8_t flags) {
        if (s.size() >= 4 && s[0] == U'\u0627' && s[1] == U'\u0644')
            visit(s.substr(2), static_cast<std::uint8_t>(skip + 2),
                  static_cast<std::uint8_t>(flags | kArticle));
    };
    auto after_conj = [&](std::u32string_view s, std::uint8_t skip, std::uint8_t flags) {
        strip_article(s, skip, flags);
        if (s.size() >= 3) {
            const char32_t c = s[0];
            if (c == U'\u0628' || c == U'\u0644' || c == U'\u0643') {
                std::u32string_view rest = s.substr(1);
                const auto f = static_cast<std::uint8_t>(flags | kPrep);
                visit(rest, static_cast<std::uint8_t>(skip + 1), f);
                strip_article(rest, static_cast<std::uint8_t>(skip + 1), f);
                // لل: the preposition swallows the article's alef.
                if (c == U'\u0644' && rest.size() >= 3 && rest[0] == U'\u0644')
                    visit(rest.substr(1), static_cast<std::uint8_t>(skip + 2),
                          static_cast<std::uint8_t>(f | kArticle));
            }
        }
    };
    after_conj(w, 0, 0);
    const bool conj = w.size() >= 3 && (w[0] == U'\u0648' || w[0] == U'\u0641');
    if (conj) {
        visit(w.substr(1), 1, kConj);
        after_conj(w.substr(1), 1, kConj);
    }
    // An attached pronoun after a verb or a noun of four letters or more.
    auto without_pronoun = [&](std::u32string_view s, std::uint8_t skip, std::uint8_t flags) {
        for (std::u32string_view p :
             {std::u32string_view(U"\u0647\u0645\u0627"), std::u32string_view(U"\u0647\u0645"),
              std::u32string_view(U"\u0647\u0627"), std::u32string_view(U"\u0647")})
            if (s.size() >= p.size() + 3 && s.substr(s.size() - p.size()) == p) {
                visit(s.substr(0, s.size() - p.size()), skip,
                      static_cast<std::uint8_t>(flags | kSuffix));
                return;
            }
    };
    without_pronoun(w, 0, 0);
    if (conj) without_pronoun(w.substr(1), 1, kConj);
}

}  // namespace liaison::extract
