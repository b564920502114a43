#include "io/json_strict.hpp"

#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace liaison::detail {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of the "\uXXXX" escape at `at` (text[at] is the backslash), or -1.
long code_unit_at(std::string_view text, std::size_t at) {
    if (at + 6 > text.size() || text[at + 1] != 'u') return -1;
    long unit = 0;
    for (std::size_t k = 2; k < 6; ++k) {
        const int d = hex_digit(text[at + k]);
        if (d < 0) return -1;
        unit = unit * 16 + d;
    }
    return unit;
}

bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::optional<JsonProblem> find_unkept_escape(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const void* hit = std::memchr(text.data() + i, '\\', text.size() - i);
        if (!hit) break;
        i = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        // A run of backslashes: pairs are escaped backslashes, an odd one escapes what follows.
        std::size_t run = 0;
        while (i + run < text.size() && text[i + run] == '\\') ++run;
        i += run - (run % 2);
        if (run % 2 == 0) continue;
        const long unit = code_unit_at(text, i);
        if (unit == 0)
            return JsonProblem{JsonProblem::Kind::Escape, i,
                               "\"\\u0000\" escape (a NUL character); expected text without NUL "
                               "characters"};
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const long low =
                text.size() > i + 6 && text[i + 6] == '\\' ? code_unit_at(text, i + 6) : -1;
            if (low < 0xDC00 || low > 0xDFFF)
                return JsonProblem{JsonProblem::Kind::Escape, i,
                                   fmt::format("lone surrogate escape \"\\u{}\"; expected a "
                                               "character (a high surrogate followed by a low one)",
                                               text.substr(i + 2, 4))};
            i += 12;
            continue;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return JsonProblem{JsonProblem::Kind::Escape, i,
                               fmt::format("lone surrogate escape \"\\u{}\"; expected a "
                                           "character (a high surrogate followed by a low one)",
                                           text.substr(i + 2, 4))};
        i += 2;
    }
    return std::nullopt;
}

std::string number_problem(std::string_view token, double value) {
    const bool integer = token.find_first_of(".eE") == std::string_view::npos;
    if (integer) return kIntegerOutOfRange;
    if (std::isinf(value) || std::isnan(value))
        return "number out of range (overflows a double); expected a magnitude below 1.8e308";
    if (value == 0) {
        // Zero only when the mantissa's digits are all zero.
        const std::size_t mantissa_end = token.find_first_of("eE");
        for (char c : token.substr(0, mantissa_end))
            if (c >= '1' && c <= '9')
                return "number out of range (underflows to 0); expected 0 or a magnitude of at "
                       "least 4.9e-324";
    }
    return {};
}

std::string_view number_at(std::string_view text, std::size_t at, std::size_t& start) {
    if (at > text.size()) at = text.size();
    start = at;
    while (start > 0 && is_number_char(text[start - 1])) --start;
    std::size_t end = start;
    while (end < text.size() && is_number_char(text[end])) ++end;
    return text.substr(start, end - start);
}

}  // namespace liaison::detail
