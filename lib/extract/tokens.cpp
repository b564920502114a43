#include "extract/tokens.hpp"

#include <unicode/uchar.h>

namespace liaison::extract {

namespace {

constexpr std::size_t kLongSentence = 200;

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 0x0620 && c <= 0x064A) return true;
    return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool ends_sentence(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == U'\u061F' || c == '\n' || c == U'\u2026' ||
           c == U'\u06D4';
}

TokenKind punct_kind(char32_t c) {
    switch (c) {
        case U'\u060C':
        case ',':
        case U'\u061B':
        case ';':
            return TokenKind::Comma;
        case '-':
        case U'\u2013':
        case U'\u2014':
            return TokenKind::Dash;
        case '(':
        case '[':
            return TokenKind::Open;
        case ')':
        case ']':
            return TokenKind::Close;
        case ':':
            return TokenKind::Colon;
        case '/':
            return TokenKind::Slash;
        default:
            return TokenKind::Other;
    }
}

// Quotation marks and spaces separate words but are not tokens: the press wraps names in them.
bool is_transparent(char32_t c) {
    switch (c) {
        case '"':
        case '\'':
        case U'\u201C':
        case U'\u201D':
        case U'\u201E':
        case U'\u2018':
        case U'\u2019':
        case U'\u00AB':
        case U'\u00BB':
        case U'\u2033':
        case '#':
        case '*':
            return true;
        default:
            return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
    }
}

// A full stop right after a word the lexicons write with one ("Lt.", "Gen.", "Dr.") abbreviates
// it; the lexicon interns such words with their stop.
bool abbreviation(const std::u32string& f, std::uint32_t i, const Tokens& out,
                  const Interner& words) {
    if (f[i] != '.' || out.tokens.empty()) return false;
    const Token& t = out.tokens.back();
    if (t.kind != TokenKind::Word || t.fend != i || f[i - 1] < 'a' || f[i - 1] > 'z') return false;
    return words.find(std::u32string_view(f).substr(t.fstart, i + 1 - t.fstart)) != kNoWord;
}

}  // namespace

Tokens tokenize(const Text& text, const Interner& words) {
    Tokens out;
    const std::u32string& f = text.folded;
    const auto n = static_cast<std::uint32_t>(f.size());
    out.tokens.reserve(n / 5 + 1);
    std::uint32_t sentence_first = 0;
    bool line_start = true;
    auto close_sentence = [&] {
        const auto count = static_cast<std::uint32_t>(out.tokens.size());
        if (count > sentence_first) out.sentences.push_back({sentence_first, count});
        sentence_first = count;
    };
    for (std::uint32_t i = 0; i < n;) {
        const char32_t c = f[i];
        if (is_word_char(c)) {
            std::uint32_t j = i;
            // Digits stay one number through "2.5" or "1,000"; words through nothing else.
            const bool number = is_digit(c);
            while (j < n && is_word_char(f[j]) && is_digit(f[j]) == number) ++j;
            if (!number && j + 1 < n && f[j] == '-' &&
                latin_article_joins(std::u32string_view(f).substr(i, j - i),
                                    std::u32string_view(f).substr(j + 1)))
                for (++j; j < n && is_word_char(f[j]) && !is_digit(f[j]);) ++j;
            Token t;
            t.fstart = i;
            t.fend = j;
            t.start = text.origin[i];
            t.end = text.origin[j - 1] + 1;
            t.line_start = line_start;
            line_start = false;
            if (number) {
                t.kind = TokenKind::Number;
                std::int64_t v = 0;
                for (std::uint32_t k = i; k < j && v < 100000000; ++k) v = v * 10 + (f[k] - '0');
                t.number = static_cast<std::int32_t>(v);
            }
            word_variants(t.form(text),
                          [&](std::u32string_view w, std::uint8_t skip, std::uint8_t flags) {
                              if (t.nvariants == std::size(t.variants)) return;
                              const std::uint32_t id = words.find(w);
                              if (id == kNoWord) return;
                              for (int k = 0; k < t.nvariants; ++k)
                                  if (t.variants[k].word == id) return;
                              t.variants[t.nvariants++] = {id, skip, flags};
                          });
            out.tokens.push_back(t);
            if (out.tokens.size() - sentence_first >= 2 * kLongSentence) close_sentence();
            i = j;
            continue;
        }
        if (ends_sentence(c)) {
            // A full stop between digits is a decimal point, not the end of a sentence.
            const bool decimal =
                c == '.' && i > 0 && i + 1 < n && is_digit(f[i - 1]) && is_digit(f[i + 1]);
            if (abbreviation(f, i, out, words)) {
                ++i;
                continue;
            }
            if (!decimal) {
                close_sentence();
                if (c == '\n') line_start = true;
                ++i;
                continue;
            }
        }
        if (!is_transparent(c)) {
            Token t;
            t.kind = punct_kind(c);
            // A run-on "sentence" (no full stop for pages) is cut at a comma past 200 tokens,
            // so that the recognisers' work per sentence stays bounded.
            if (t.kind == TokenKind::Comma && out.tokens.size() - sentence_first >= kLongSentence) {
                close_sentence();
                ++i;
                continue;
            }
            t.fstart = i;
            t.fend = i + 1;
            t.start = text.origin[i];
            t.end = t.start + 1;
            t.line_start = line_start;
            line_start = false;
            out.tokens.push_back(t);
        }
        ++i;
    }
    close_sentence();
    return out;
}

}  // namespace liaison::extract
