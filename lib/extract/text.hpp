#pragma once
// An article's text as code points, with a folded copy for matching and a map from every folded
// position back to the original, so that quotes are always cut from the original, verbatim.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::extract {

// Articles are news stories; anything larger is refused with a clear error rather than processed
// for seconds (docs/extract.md).
inline constexpr std::size_t kMaxArticleBytes = std::size_t{2} << 20;

struct Text {
    std::u32string original;
    std::u32string folded;
    // origin[i] is the original offset of folded[i]; origin[folded.size()] == original.size().
    std::vector<std::uint32_t> origin;
    // The original text of [start, end) (code points) as UTF-8.
    std::string slice(std::uint32_t start, std::uint32_t end) const;
};

// Checks `utf8` (InputError "name:line:column: invalid UTF-8", or too long) and folds it.
Text make_text(std::string_view utf8, const std::string& name);

// The folded form of one code point, or 0 when folding drops it: Arabic diacritics, tatweel and
// format characters dropped; أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; Arabic-Indic digits → ASCII;
// letters lower-cased. Mirrors fold_name (lib/model/names.cpp) letter by letter.
char32_t fold_char(char32_t c);

// Decodes UTF-8 that is known to be valid (lexicons, checked text); invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);
// decode_utf8 then fold_char over every code point.
std::u32string fold_string(std::string_view utf8);

inline bool is_arabic_letter(char32_t c) { return c >= 0x0620 && c <= 0x064A; }

// The Latin transcription of the article is one word with its name (al-Shatri, el-Kebir): a
// hyphen after a folded "al" or "el" joins when a Latin letter follows.
inline bool latin_article_joins(std::u32string_view word, std::u32string_view rest) {
    return (word == U"al" || word == U"el") && !rest.empty() && rest[0] >= 'a' && rest[0] <= 'z';
}

}  // namespace liaison::extract
