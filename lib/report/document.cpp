// Text direction and cell helpers of the report document (document.hpp).
#include "liaison/report/document.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace liaison::report {

namespace {

// Decodes one UTF-8 code point at `i` (advancing i); malformed bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    int extra = c < 0x80           ? 0
                : (c >> 5) == 0x6  ? 1
                : (c >> 4) == 0xE  ? 2
                : (c >> 3) == 0x1E ? 3
                                   : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k)
        cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_arabic(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

// Arabic digits and punctuation are not strong: they take the direction around them.
bool is_arabic_strong(char32_t c) {
    if (!is_arabic(c)) return false;
    if (c >= 0x0660 && c <= 0x066C) return false;  // Arabic-Indic digits and separators
    if (c >= 0x06F0 && c <= 0x06F9) return false;  // extended digits
    if (c == 0x060C || c == 0x061B || c == 0x061F) return false;  // ، ؛ ؟
    if (c >= 0x064B && c <= 0x065F) return false;                 // harakat
    return true;
}

bool is_latin_strong(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

}  // namespace

Dir direction_of(std::string_view text) {
    bool any_latin = false, any_arabic = false;
    std::optional<Dir> first;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (is_arabic_strong(c)) {
            any_arabic = true;
            if (!first) first = Dir::Rtl;
        } else if (is_latin_strong(c)) {
            any_latin = true;
            if (!first) first = Dir::Ltr;
        }
    }
    if (first == Dir::Rtl) return Dir::Rtl;
    if (any_latin && !any_arabic) return Dir::Ltr;
    return Dir::Auto;
}

const char* dir_name(Dir d) {
    switch (d) {
        case Dir::Ltr:
            return "ltr";
        case Dir::Rtl:
            return "rtl";
        case Dir::Auto:
            return "auto";
    }
    return "auto";
}

Cell text_cell(std::string text) {
    Cell c;
    c.dir = direction_of(text);
    c.text = std::move(text);
    return c;
}

Cell link_cell(std::string text, std::string anchor, std::string id) {
    Cell c = text_cell(std::move(text));
    c.link = std::move(anchor);
    c.id = std::move(id);
    return c;
}

Cell number_cell(double value, int decimals) {
    Cell c;
    c.dir = Dir::Ltr;
    if (!std::isfinite(value)) {
        c.text = "–";
        return c;
    }
    // Fixed decimals (never locale-dependent, never "-0.0000") keep reports byte-identical.
    c.text = fmt::format("{:.{}f}", value, decimals);
    if (c.text.find_first_not_of("-0.") == std::string::npos && c.text[0] == '-')
        c.text.erase(0, 1);
    c.number = value;
    return c;
}

std::string anchor_slug(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) {
            if (pending_dash && !out.empty()) out += '-';
            pending_dash = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            pending_dash = true;
        }
    }
    return out.empty() ? "x" : out;
}

}  // namespace liaison::report
