// The temporal values' parsing, text forms, calendar arithmetic and time zones
// (liaison/core/temporal.hpp).
#include <doctest/doctest.h>

#include "liaison/core/temporal.hpp"
#include "liaison/query/value.hpp"

using namespace liaison;
using namespace liaison::query;
using Type = Temporal::Type;

namespace {

std::string text(Type type, const char* s) {
    auto t = parse_temporal(type, s);
    return t ? to_string(*t) : "(none)";
}

std::string duration_text(const char* s) {
    auto d = parse_duration(s);
    return d ? to_string(*d) : "(none)";
}

}  // namespace

TEST_CASE("dates parse in the ISO forms: calendar, week, ordinal, compact") {
    CHECK(format_full_date(*parse_date_days("2015-07-21")) == "2015-07-21");
    CHECK(format_full_date(*parse_date_days("2015W302")) == "2015-07-21");
    CHECK(format_full_date(*parse_date_days("2015-W30")) == "2015-07-20");
    CHECK(format_full_date(*parse_date_days("2015202")) == "2015-07-21");
    CHECK(format_full_date(*parse_date_days("2015")) == "2015-01-01");
    CHECK(format_full_date(*parse_date_days("2020-W53-7")) == "2021-01-03");
    CHECK_FALSE(parse_date_days("2015-02-29"));
    CHECK(parse_date_days("2015-W53"));  // 2015 has 53 weeks, 2014 does not
    CHECK_FALSE(parse_date_days("2014-W53"));
    CHECK_FALSE(parse_date_days("2015-366"));
    CHECK_FALSE(parse_date_days("2015-07-21x"));
}

TEST_CASE("optional fields: announced by a separator (extended) or by more digits (basic)") {
    CHECK(format_full_date(*parse_date_days("2015-07")) == "2015-07-01");
    CHECK(format_full_date(*parse_date_days("201507")) == "2015-07-01");
    CHECK(format_full_date(*parse_date_days("2015W30")) == "2015-07-20");
    CHECK(format_full_date(*parse_date_days("2015W307")) == "2015-07-26");
    CHECK_FALSE(parse_date_days("2015-07-"));   // announced, then no day
    CHECK_FALSE(parse_date_days("2015-W30-"));  // announced, then no weekday
    CHECK_FALSE(parse_date_days("2015-07-2"));  // one digit of two
    CHECK(parse_offset("+01:30:15") == 5415);
    CHECK(parse_offset("+013015") == 5415);
    CHECK(parse_offset("+0130") == 5400);
    CHECK(parse_offset("-01") == -3600);
    CHECK_FALSE(parse_offset("+01:30:"));
    CHECK_FALSE(parse_offset("+01:30:60"));
}

TEST_CASE("partial dates compare at the precision they share") {
    auto d = [](const char* s) { return *Date::parse(s); };
    CHECK(compare_at_shared_precision(d("2023-11-28"), d("2023-11")) == 0);
    CHECK(compare_at_shared_precision(d("2023"), d("2023-11-28")) == 0);
    CHECK(compare_at_shared_precision(d("2023-11"), d("2023-12-01")) == -1);
    CHECK(compare_at_shared_precision(d("2024"), d("2023-12-31")) == 1);
    CHECK(compare_at_shared_precision(d("2023-11-28"), d("2023-11-29")) == -1);
    CHECK(date_within(d("2023-11-28"), d("2023-11")));
    CHECK(date_within(d("2023-11"), d("2023-11")));
    CHECK_FALSE(date_within(d("2023"), d("2023-11")));
    CHECK_FALSE(date_within(d("2023-12-01"), d("2023-11")));
    CHECK(std::string(precision_name(d("2023").precision())) == "year");
    CHECK(std::string(precision_name(d("2023-11").precision())) == "month");
    CHECK(std::string(precision_name(d("2023-11-28").precision())) == "day");
}

TEST_CASE("times print seconds only when set, fractions in groups of three, offsets as Z") {
    CHECK(text(Type::LocalTime, "21") == "21:00");
    CHECK(text(Type::LocalTime, "214032.1") == "21:40:32.100");
    CHECK(text(Type::LocalTime, "21:40:32.000001") == "21:40:32.000001");
    CHECK(text(Type::Time, "2140-00:00") == "21:40Z");
    CHECK(text(Type::Time, "21:40:32+01:30:15") == "21:40:32+01:30:15");
    CHECK(text(Type::LocalDateTime, "2015-W30T2140") == "2015-07-20T21:40");
    CHECK(text(Type::LocalTime, "24:00") == "(none)");
    CHECK(text(Type::Time, "12:00+19:00") == "(none)");
    CHECK(text(Type::LocalTime, "12:00Z") == "(none)");  // a local time has no offset
}

TEST_CASE("named zones: daylight saving gaps move forward, overlaps take the earlier offset") {
    CHECK(text(Type::DateTime, "2017-03-26T02:30[Europe/Stockholm]") ==
          "2017-03-26T03:30+02:00[Europe/Stockholm]");
    CHECK(text(Type::DateTime, "2017-10-29T02:30[Europe/Stockholm]") ==
          "2017-10-29T02:30+02:00[Europe/Stockholm]");
    CHECK(text(Type::DateTime, "2017-10-29T02:30+01:00[Europe/Stockholm]") ==
          "2017-10-29T02:30+01:00[Europe/Stockholm]");
    CHECK(text(Type::DateTime, "2015-07-21T10:00[Nowhere/Atlantis]") == "(none)");
    CHECK(zone_id("Africa/Casablanca") == zone_id("Africa/Casablanca"));  // one entry per name
}

TEST_CASE("durations: fractions flow into smaller units, signs stay per component") {
    CHECK(duration_text("P0.75M") == "P22DT19H51M49.5S");
    CHECK(duration_text("P2.5W") == "P17DT12H");
    CHECK(duration_text("PT-1.5S") == "PT-1.5S");
    CHECK(duration_text("P1M-14D") == "P1M-14D");
    CHECK(duration_text("P2012-02-02T14:37:21.545") == "P2012Y2M2DT14H37M21.545S");
    CHECK(duration_text("PT0S") == "PT0S");
    CHECK(duration_text("P") == "(none)");
    CHECK(duration_text("P1H") == "(none)");  // hours need the T
    auto d = parse_duration("PT-1.5S");
    CHECK(d->seconds == -2);
    CHECK(d->nanos == 500'000'000);
}

TEST_CASE("temporal values stay small and order within their type") {
    CHECK(sizeof(Temporal) <= 24);
    CHECK(sizeof(Value) <= 56);
    Value a = *parse_temporal(Type::Time, "12:00+01:00");
    Value b = *parse_temporal(Type::Time, "11:30Z");
    CHECK(compare(a, b) == -1);  // 11:00Z before 11:30Z
    CHECK(compare(a, Value(*parse_temporal(Type::LocalTime, "12:00"))) == std::nullopt);
    CHECK(order(Value(*parse_duration("P1D")), Value("text")) < 0);
}
