#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace liaison {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlongs,
// surrogates and truncated sequences included), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// Appends code point `cp` (a scalar value: callers refuse surrogates) encoded as UTF-8.
void append_utf8(std::string& out, char32_t cp);

}  // namespace liaison
