#pragma once
// Partial calendar dates as the articles give them: a year, a month, or a day.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liaison {

struct Date {
    // Compact (4 bytes): edges carry up to three dates and graphs carry millions of edges.
    std::int16_t year = 0;  // 1..9999
    std::int8_t month = 0;  // 0 when only the year is known
    std::int8_t day = 0;    // 0 when only the year (and month) is known

    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt if malformed or impossible (2023-02-30).
    static std::optional<Date> parse(std::string_view text);
    std::string to_string() const;

    enum class Precision { Year, Month, Day };
    Precision precision() const;

    // Days since 1970-01-01 of the first and last day the date covers ("2025-11" → Nov 1 .. Nov
    // 30).
    std::int64_t first_day() const;
    std::int64_t last_day() const;

    // Orders by first day, then by precision (a year sorts before its months).
    std::strong_ordering operator<=>(const Date& other) const;
    bool operator==(const Date& other) const = default;
};

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day);
int days_in_month(int year, int month);

// An inclusive window of time; either end may be open. Partial dates are understood: a window
// "from 2025" starts on 2025-01-01, "to 2023-12" ends on 2023-12-31.
struct TimeWindow {
    std::optional<Date> from;
    std::optional<Date> to;
    bool contains_span(std::int64_t first_day, std::int64_t last_day) const;  // overlaps
    bool unbounded() const { return !from && !to; }
    std::string to_string() const;
};

}  // namespace liaison
