#include <doctest/doctest.h>

#include "liaison/core/date.hpp"

using liaison::Date;

TEST_CASE("dates parse at year, month and day precision") {
    CHECK(Date::parse("2025")->to_string() == "2025");
    CHECK(Date::parse("2025-11")->to_string() == "2025-11");
    CHECK(Date::parse("2025-11-24")->to_string() == "2025-11-24");
    CHECK(Date::parse("2024-02-29"));
    SUBCASE("impossible or malformed dates are rejected") {
        CHECK_FALSE(Date::parse("2023-02-29"));
        CHECK_FALSE(Date::parse("2023-02-30"));
        CHECK_FALSE(Date::parse("2023-13"));
        CHECK_FALSE(Date::parse("2023-00"));
        CHECK_FALSE(Date::parse("23-01-01"));
        CHECK_FALSE(Date::parse("2023/01/01"));
        CHECK_FALSE(Date::parse(""));
        CHECK_FALSE(Date::parse("0000"));
        CHECK_FALSE(Date::parse("2023-1-01"));
    }
}

TEST_CASE("partial dates cover their whole period") {
    auto nov = *Date::parse("2025-11");
    CHECK(nov.first_day() == Date::parse("2025-11-01")->first_day());
    CHECK(nov.last_day() == Date::parse("2025-11-30")->last_day());
    auto y = *Date::parse("2024");
    CHECK(y.last_day() - y.first_day() == 365);  // leap year
    CHECK(liaison::days_from_civil(1970, 1, 1) == 0);
    CHECK(liaison::days_from_civil(2000, 3, 1) == 11017);
}

TEST_CASE("dates order by first day, then precision") {
    CHECK(*Date::parse("2023-11-28") < *Date::parse("2023-12-01"));
    CHECK(*Date::parse("2025") < *Date::parse("2025-01"));
    CHECK(*Date::parse("2025-01") < *Date::parse("2025-01-01"));
    CHECK(*Date::parse("2025-01-02") > *Date::parse("2025-01"));
}

TEST_CASE("time windows include partial ends") {
    liaison::TimeWindow w{Date::parse("2025"), Date::parse("2025-11")};
    auto day = [](const char* s) { return Date::parse(s)->first_day(); };
    CHECK(w.contains_span(day("2025-11-30"), day("2025-11-30")));
    CHECK_FALSE(w.contains_span(day("2025-12-01"), day("2025-12-01")));
    CHECK(w.contains_span(day("2024-12-01"), day("2025-01-01")));  // overlaps
    CHECK_FALSE(w.contains_span(day("2024-01-01"), day("2024-12-31")));
}
