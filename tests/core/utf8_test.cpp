#include <doctest/doctest.h>

#include "liaison/core/utf8.hpp"

using liaison::find_invalid_utf8;

TEST_CASE("UTF-8 validation finds the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("plain ascii"));
    CHECK_FALSE(find_invalid_utf8("حموشي Hammouchi"));
    CHECK_FALSE(find_invalid_utf8("\xF0\x9F\x98\x80"));  // emoji
    CHECK(find_invalid_utf8("ab\xFF") == 2u);
    CHECK(find_invalid_utf8("ab\xC3") == 2u);            // truncated at the end
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);          // overlong
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);     // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // beyond U+10FFFF
    CHECK(find_invalid_utf8("\xE2\x82") == 0u);
}

TEST_CASE("line and column count code points") {
    auto lc = liaison::line_column_at("ab\nحمx", 7);  // after "حم" (4 bytes)
    CHECK(lc.line == 2);
    CHECK(lc.column == 3);
}
