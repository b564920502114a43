#pragma once
// How far apart two spellings are: for "did you mean" suggestions and duplicate detection.
#include <cstddef>
#include <string>
#include <string_view>

namespace liaison {

// The code points of UTF-8 text (the text is assumed valid; a truncated tail is read leniently).
std::u32string code_points(std::string_view utf8);

// Levenshtein distance over code points, stopping early: any result above `limit` is limit + 1.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit);

// The same over UTF-8 text.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace liaison
