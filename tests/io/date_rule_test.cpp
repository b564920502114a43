// The rule that a stored date must read back as itself is decided without formatting it; this
// compares that decision with the round trip it replaces over every year, month and day shape.
#include <doctest/doctest.h>

#include "io/graph_rules.hpp"
#include "liaison/core/date.hpp"

using liaison::Date;

TEST_CASE("a date is writable exactly when it reads back as itself") {
    int writable = 0;
    for (int year : {-9999, -1, 0, 1, 4, 100, 1900, 2000, 2023, 2024, 9999, 10000, 32767}) {
        for (int month = -2; month <= 14; ++month) {
            for (int day = -2; day <= 33; ++day) {
                Date d;
                d.year = static_cast<std::int16_t>(year);
                d.month = static_cast<std::int8_t>(month);
                d.day = static_cast<std::int8_t>(day);
                auto back = Date::parse(d.to_string());
                const bool round_trip = back && *back == d;
                CAPTURE(year);
                CAPTURE(month);
                CAPTURE(day);
                CHECK(liaison::detail::is_writable_date(d) == round_trip);
                writable += round_trip;
            }
        }
    }
    // 8 years in range, each as the year alone, 12 months and 365 days; 4, 2000 and 2024 are
    // leap years (100 and 1900 are not).
    CHECK(writable == 8 * (1 + 12 + 365) + 3);
}
