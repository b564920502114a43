// The one value type: its size, which values can be properties, and the typed text that stores
// dates, temporal values and durations ({"datetime": "…"} in JSON) reading back exactly.
#include <doctest/doctest.h>

#include "liaison/core/value.hpp"

using namespace liaison;

namespace {

Value typed(const char* key, const char* text) {
    std::string error;
    auto v = parse_typed(key, text, error);
    INFO(key, " ", text, ": ", error);
    REQUIRE(v);
    return *v;
}

// The text written for a value, read back through its key.
Value round_trip(const Value& v) {
    std::string error;
    auto back = parse_typed(typed_key(v), v.to_display(), error);
    INFO(v.to_display(), ": ", error);
    REQUIRE(back);
    return *back;
}

}  // namespace

TEST_CASE("a value stays as small as a string plus its tag") {
    // Executor rows and property lists are vectors of values: paths are held by pointer so the
    // largest member is the string (or a duration), never two vectors.
    CHECK(sizeof(Value) <= sizeof(std::string) + 8);
    CHECK(sizeof(Temporal) <= 24);
    CHECK(sizeof(Duration) <= 32);
}

TEST_CASE("paths are values with structural equality, copied cheaply") {
    GraphPath p{{1, 2, 3}, {7, 8}};
    Value a(p), b(GraphPath{{1, 2, 3}, {7, 8}}), c(GraphPath{{1, 2}, {7}});
    CHECK(a.kind() == Value::Kind::Path);
    CHECK(a == b);
    CHECK_FALSE(a == c);
    Value copy = a;
    CHECK(&copy.as_path() == &a.as_path());  // shared, not copied
    CHECK(copy.as_path().rels == std::vector<std::uint32_t>{7, 8});
}

TEST_CASE("typed text reads back to the same value, whatever the type") {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"date", "2015"},
        {"date", "2015-07"},
        {"date", "2015-07-21"},
        {"localtime", "21:40:32.142"},
        {"localtime", "00:00"},
        {"localtime", "23:59:59.999999999"},
        {"time", "21:40:32.142+01:00"},
        {"time", "21:40Z"},
        {"time", "10:00-05:30:15"},
        {"localdatetime", "2015-07-21T21:40:32.142"},
        {"localdatetime", "0001-01-01T00:00"},
        {"datetime", "2015-07-21T21:40:32.142Z"},
        {"datetime", "2015-07-21T21:40-08:00"},
        {"datetime", "2015-07-21T21:40+02:00[Europe/Stockholm]"},
        // The hour that occurs twice when summer time ends: each offset reads back as itself.
        {"datetime", "2021-10-31T02:30+02:00[Europe/Berlin]"},
        {"datetime", "2021-10-31T02:30+01:00[Europe/Berlin]"},
        {"datetime", "9999-12-31T23:59:59.999999999Z"},
        {"duration", "P1Y2M3DT4H5M6.5S"},
        {"duration", "PT0S"},
        {"duration", "P-1Y-2M"},
        {"duration", "P1M-14DT-1.5S"},
        {"duration", "PT0.000000001S"},
    };
    for (const auto& [key, text] : cases) {
        Value v = typed(key, text);
        CHECK(std::string(typed_key(v)) == key);
        CHECK(v.to_display() == text);  // the canonical text is what these are
        CHECK(round_trip(v) == v);
        CHECK_FALSE(why_not_storable(v));
    }
    // Other ISO spellings read too and are written canonically.
    CHECK(typed("datetime", "2015-07-21T21:40:00.000+00:00").to_display() == "2015-07-21T21:40Z");
    CHECK(typed("localtime", "214032").to_display() == "21:40:32");
    CHECK(typed("duration", "PT90M").to_display() == "PT1H30M");
}

TEST_CASE("a partial date and a day are dates; date() text reads as liaison's Date") {
    CHECK(typed("date", "2023-11").as_date().precision() == Date::Precision::Month);
    CHECK(typed("date", "2023-11-28") == Value(*Date::parse("2023-11-28")));
    CHECK(std::string(typed_key(Value(*Date::parse("1966")))) == "date");
    CHECK(typed_key(Value("2015-07-21")) == nullptr);  // a string stays a string
    CHECK(typed_key(Value(std::int64_t{3})) == nullptr);
}

TEST_CASE("typed text that does not read says what was expected") {
    std::string error;
    CHECK_FALSE(parse_typed("datetime", "2015-13-01T00:00Z", error));
    CHECK(error.find("'2015-13-01T00:00Z' is not a datetime; expected ISO 8601") == 0);
    CHECK_FALSE(parse_typed("datetime", "2015-07-21T21:40+02:00[Mars/Olympus]", error));
    CHECK(error.find("unknown time zone 'Mars/Olympus'") != std::string::npos);
    CHECK_FALSE(parse_typed("time", "25:00", error));
    CHECK(error.find("is not a time") != std::string::npos);
    CHECK_FALSE(parse_typed("duration", "P1Q", error));
    CHECK(error.find("'P1Q' is not a duration") == 0);
    CHECK_FALSE(parse_typed("date", "2023-02-30", error));
    CHECK(error.find("is not a date") != std::string::npos);
    CHECK_FALSE(parse_typed("dateTime", "2015-07-21T21:40Z", error));
    CHECK(error.find("expected one of date, localtime, time, localdatetime, datetime, duration") !=
          std::string::npos);
    CHECK_FALSE(is_typed_key("dateTime"));
    CHECK(is_typed_key("localdatetime"));
}

TEST_CASE("maps, graph references, nested lists and unreadable years are not properties") {
    CHECK(*why_not_storable(Value(ValueMap{{"a", Value(1)}})) ==
          "a MAP cannot be stored as a property");
    CHECK(*why_not_storable(Value(NodeRef{1})) == "a NODE cannot be stored as a property");
    CHECK(*why_not_storable(Value(RelRef{1})) == "a RELATIONSHIP cannot be stored as a property");
    CHECK(*why_not_storable(Value(GraphPath{{1}, {}})) == "a PATH cannot be stored as a property");
    CHECK(*why_not_storable(Value(ValueList{Value(ValueList{})})) ==
          "a property list can only hold simple values");
    CHECK_FALSE(why_not_storable(Value(
        ValueList{Value(1), typed("datetime", "2015-07-21T21:40Z"), typed("duration", "P1D")})));
    Temporal far;
    far.type = Temporal::Type::LocalDateTime;
    far.days = days_from_civil(10000, 1, 1);
    auto why = why_not_storable(Value(far));
    REQUIRE(why);
    CHECK(*why ==
          "localdatetime('+10000-01-01T00:00') cannot be stored as a property: only years "
          "0 to 9999 can");
    CHECK(why_not_storable(Value(ValueList{Value(far)})));
}

TEST_CASE("display text: ISO forms for typed values, readable forms for the rest") {
    CHECK(Value(ValueList{Value(1), Value("a"), typed("time", "21:40Z")}).to_display() ==
          "[1, a, 21:40Z]");
    CHECK(Value(ValueMap{{"a", Value(1)}, {"b", Value(true)}}).to_display() == "{a: 1, b: true}");
    CHECK(Value(NodeRef{3}).to_display() == "Node(3)");
    CHECK(Value::kind_name(Value::Kind::Temporal) == std::string("TEMPORAL"));
}
