#pragma once
// What the temporal functions (temporal_functions.cpp) and the temporal arithmetic
// (temporal_arithmetic.cpp) share: the parts of a value, calendar steps, duration building.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "liaison/query/value.hpp"
#include "query/executor/graph_access.hpp"

namespace liaison::query {

inline constexpr std::int64_t kSecondsPerMonth = 2'629'746;  // 30.436875 days, ISO's average month

// An ArgumentError (InvalidArgumentValue) with the message.
[[noreturn]] void invalid_temporal(const std::string& message);

// The parts of a temporal value a constructor can take from another one.
struct Parts {
    std::optional<std::int64_t> days;
    std::optional<std::int64_t> nanos;
    std::optional<std::int32_t> offset;
    std::uint16_t zone = 0;
};

// Days since 1970 of a date (a partial date's first day).
std::int64_t full_days(const Date& d);
// The parts of a date or temporal value; nullopt for other values.
std::optional<Parts> parts_of(const Value& v);
// A date value, or an error outside the years 1..9999.
Value make_date(std::int64_t days);
// Months later (earlier when negative), the day clamped to the month's length.
std::int64_t add_months(std::int64_t days, std::int64_t months);
Wide128 total_nanos(const Duration& d);
// duration.between (unit "all") and duration.inMonths/inDays/inSeconds ("months", ...).
Value duration_between(const Value& a, const Value& b, std::string_view unit);

// A duration from components that may carry fractions: each fraction flows into the smaller
// units (half a month is 15.2184375 days, which is 15 days and 5h14m33s).
struct DurationBuilder {
    Wide128 months = 0, days = 0, nanos = 0;
    static constexpr Wide128 B = kNanosPerSecond;
    void month_fraction(Wide128 f) {  // f in billionths of a month
        Wide128 ns = f * kSecondsPerMonth;
        days += ns / (Wide128{86400} * B);
        nanos += ns % (Wide128{86400} * B);
    }
    // v = whole + frac / 1e9 of a unit
    void add(char unit, Wide128 whole, Wide128 frac) {
        switch (unit) {
            case 'Y':
                months += whole * 12 + frac * 12 / B;
                month_fraction(frac * 12 % B);
                break;
            case 'Q':
                months += whole * 3 + frac * 3 / B;
                month_fraction(frac * 3 % B);
                break;
            case 'M':
                months += whole;
                month_fraction(frac);
                break;
            case 'W':
                days += whole * 7 + frac * 7 / B;
                nanos += frac * 7 % B * 86400;
                break;
            case 'D':
                days += whole;
                nanos += frac * 86400;
                break;
            case 'h':
                nanos += whole * 3600 * B + frac * 3600;
                break;
            case 'm':
                nanos += whole * 60 * B + frac * 60;
                break;
            case 's':
                nanos += whole * B + frac;
                break;
            default:
                break;
        }
    }
    void add(char unit, double v) {
        if (!(std::abs(v) < 1e15))
            invalid_temporal(fmt::format("a duration component of {} is out of range", v));
        double whole = std::trunc(v);
        add(unit, static_cast<Wide128>(whole),
            static_cast<Wide128>(std::llround((v - whole) * 1e9)));
    }
    Duration result() const {
        Wide128 secs = nanos / B, rest = nanos % B;
        if (rest < 0) rest += B, --secs;
        constexpr Wide128 kMax = INT64_MAX;
        if (months > kMax || months < -kMax || days > kMax || days < -kMax || secs > kMax ||
            secs < -kMax)
            runtime_error("ArithmeticError", "IntegerOverflow", "a duration out of range");
        return Duration{static_cast<std::int64_t>(months), static_cast<std::int64_t>(days),
                        static_cast<std::int64_t>(secs), static_cast<std::int32_t>(rest)};
    }
};

}  // namespace liaison::query
