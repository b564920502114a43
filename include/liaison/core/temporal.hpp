#pragma once
// openCypher's temporal values other than the date: localtime, time, localdatetime, datetime, and
// duration. Small PODs (no strings): a named time zone is an index into a process-wide table.
// Both queries and stored properties hold them (liaison/core/value.hpp). Dates are liaison's own
// Date (liaison/core/date.hpp); a full date converts to days since 1970.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "liaison/core/date.hpp"

namespace liaison {

// 128-bit integers (a GCC and Clang extension) hold instants in nanoseconds without overflow.
__extension__ typedef __int128 Wide128;

inline constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr std::int64_t kNanosPerDay = 86'400 * kNanosPerSecond;

struct Temporal {
    enum class Type : std::uint8_t { LocalTime, Time, LocalDateTime, DateTime };
    Type type = Type::LocalTime;
    std::uint16_t zone = 0;   // DateTime: 1 + index of a named zone, 0 when only an offset
    std::int32_t offset = 0;  // Time, DateTime: seconds east of UTC
    std::int64_t days = 0;    // LocalDateTime, DateTime: local date, days since 1970-01-01
    std::int64_t nanos = 0;   // local time of day, 0 .. kNanosPerDay - 1
    bool has_date() const { return type == Type::LocalDateTime || type == Type::DateTime; }
    bool has_offset() const { return type == Type::Time || type == Type::DateTime; }
    // Nanoseconds since 1970-01-01T00:00Z (the date counts as 0 for times).
    Wide128 instant() const;
    bool operator==(const Temporal&) const = default;
};

// months, days and seconds keep their signs apart (P1M-3D); nanos is 0 .. 999'999'999 and adds to
// seconds (-1.5 s is seconds -2, nanos 500'000'000).
struct Duration {
    std::int64_t months = 0;
    std::int64_t days = 0;
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    bool operator==(const Duration&) const = default;
};

const char* temporal_type_name(Temporal::Type t);  // "LOCAL TIME", ...

// Text forms as openCypher prints them: 21:40:32.142, 21:40Z, 2015-07-21T21:40+01:00[Europe/Paris],
// P1Y2M3DT4H5M6.5S.
std::string to_string(const Temporal& t);
std::string to_string(const Duration& d);
std::string format_full_date(std::int64_t days);

// Civil calendar helpers on days since 1970-01-01.
struct Civil {
    int year, month, day;
};
Civil civil_from_days(std::int64_t days);
int iso_weekday(std::int64_t days);          // 1 = Monday .. 7 = Sunday
std::int64_t iso_week_start(int week_year);  // Monday of week 1
// A full date as liaison's Date; nullopt outside years 1..9999.
std::optional<Date> date_from_days(std::int64_t days);

// Partial dates in queries are the days they cover (docs/query.md, "Partial dates"). Calendar
// periods are either nested or apart, so two dates read at the precision they share
// ("2023-11-28" and "2023-11" as months) compare as: -1 when a ends before b starts, 1 when a
// starts after b ends, 0 when one holds the other.
int compare_at_shared_precision(const Date& a, const Date& b);
// Whether a lies wholly within b ("2023-11-28" within "2023-11"; "2023" is not within "2023-11").
bool date_within(const Date& a, const Date& b);
// "year", "month" or "day".
const char* precision_name(Date::Precision p);

// Time zones: an IANA name (through ICU) or a fixed offset.
// The zone index for a name, or nullopt when ICU does not know it.
std::optional<std::uint16_t> zone_id(std::string_view name);
const std::string& zone_name(std::uint16_t zone);
// The offset in seconds of a zone at an instant (seconds since 1970, UTC).
std::int32_t zone_offset_at_instant(std::uint16_t zone, std::int64_t epoch_seconds);
// The offset in seconds of a zone at a local date and time (a gap moves forward, an overlap
// takes the earlier offset).
std::int32_t zone_offset_at_local(std::uint16_t zone, std::int64_t days, std::int64_t nanos);
// A DateTime at an instant in a zone (zone 0: the offset given).
Temporal datetime_at(Wide128 instant_nanos, std::uint16_t zone, std::int32_t offset);

// Parsing the ISO 8601 forms openCypher accepts; nullopt when the text is not one.
std::optional<std::int64_t> parse_date_days(std::string_view s);   // 2015-07-21, 2015W302, ...
std::optional<std::int64_t> parse_time_nanos(std::string_view s);  // 21:40:32.142, 2140, ...
// "+01:00", "-0130", "Z", "+05"; nullopt when not an offset.
std::optional<std::int32_t> parse_offset(std::string_view s);
std::optional<Temporal> parse_temporal(Temporal::Type type, std::string_view s);
std::optional<Duration> parse_duration(std::string_view s);

}  // namespace liaison
