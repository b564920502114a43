#include "extract/text.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::extract {

char32_t fold_char(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x064B && c <= 0x065F) return 0;  // harakat, shadda, sukun, hamza marks
    switch (c) {
        case 0x0670:  // superscript alef
        case 0x0640:  // tatweel
        case 0x0621:  // a lone hamza carries no letter
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0x200E:
        case 0x200F:
        case 0x061C:
        case 0xFEFF:
        case 0x00AD:
            return 0;
        case 0x0622:
        case 0x0623:
        case 0x0625:
        case 0x0671:
            return 0x0627;
        case 0x0649:
        case 0x06CC:
        case 0x0626:
            return 0x064A;
        case 0x0629:
            return 0x0647;
        case 0x0624:
            return 0x0648;
        case 0x06A9:
            return 0x0643;
        case 0x00A0:
            return ' ';
        default:
            break;
    }
    if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
    if (c >= 0x0600 && c <= 0x06FF) return c;
    const int8_t type = u_charType(static_cast<UChar32>(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c >= 0x80 && (c < 0xC2 || c > 0xF4 || i + len > n)) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

std::u32string fold_string(std::string_view utf8) {
    std::u32string out;
    for (char32_t c : decode_utf8(utf8))
        if (char32_t f = fold_char(c)) out.push_back(f);
    return out;
}

std::string Text::slice(std::uint32_t start, std::uint32_t end) const {
    if (end > original.size()) end = static_cast<std::uint32_t>(original.size());
    if (start > end) start = end;
    return encode_utf8(std::u32string_view(original).substr(start, end - start));
}

Text make_text(std::string_view utf8, const std::string& name) {
    if (utf8.size() > kMaxArticleBytes)
        throw InputError({name, 0, 0}, fmt::format("article is too long ({} bytes; at most {})",
                                                   utf8.size(), kMaxArticleBytes));
    if (auto bad = find_invalid_utf8(utf8)) {
        LineColumn lc = line_column_at(utf8, *bad);
        throw InputError({name, lc.line, lc.column}, "invalid UTF-8");
    }
    // A quote or title holding a NUL byte could not be stored (found by fuzzing).
    if (auto nul = utf8.find('\0'); nul != std::string_view::npos) {
        LineColumn lc = line_column_at(utf8, nul);
        throw InputError({name, lc.line, lc.column},
                         "NUL byte; expected text without NUL characters");
    }
    Text t;
    t.original = decode_utf8(utf8);
    t.folded.reserve(t.original.size());
    t.origin.reserve(t.original.size() + 1);
    for (std::size_t i = 0; i < t.original.size(); ++i) {
        char32_t c = t.original[i];
        if (c == 0) c = ' ';
        if (char32_t f = fold_char(c)) {
            t.folded.push_back(f);
            t.origin.push_back(static_cast<std::uint32_t>(i));
        }
    }
    t.origin.push_back(static_cast<std::uint32_t>(t.original.size()));
    return t;
}

}  // namespace liaison::extract
