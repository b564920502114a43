// The temporal constructors, truncation and component access of the query language.
#include "query/executor/temporal_functions.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "query/binder/catalog.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/temporal_support.hpp"

namespace liaison::query {

using K = Value::Kind;
using Type = Temporal::Type;

void invalid_temporal(const std::string& message) {
    runtime_error("ArgumentError", "InvalidArgumentValue", message);
}

std::int64_t full_days(const Date& d) {
    return days_from_civil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

std::optional<Parts> parts_of(const Value& v) {
    Parts p;
    if (v.kind() == K::Date) {
        p.days = full_days(v.as_date());
        return p;
    }
    if (v.kind() != K::Temporal) return std::nullopt;
    const Temporal& t = v.as_temporal();
    if (t.has_date()) p.days = t.days;
    p.nanos = t.nanos;
    if (t.has_offset()) p.offset = t.offset, p.zone = t.zone;
    return p;
}

Value make_date(std::int64_t days) {
    auto d = date_from_days(days);
    if (!d) invalid_temporal("a date outside the years 1 to 9999");
    return *d;
}

namespace {

using Target = TemporalTarget;

// The constructor's name, for messages.
const char* target_name(Target target) {
    switch (target) {
        case Target::Date:
            return "date";
        case Target::LocalTime:
            return "localtime";
        case Target::Time:
            return "time";
        case Target::LocalDateTime:
            return "localdatetime";
        case Target::DateTime:
            break;
    }
    return "datetime";
}

// Builds the target from parts, with UTC where no offset is given.
Value build(Target target, const Parts& p) {
    Temporal t;
    t.nanos = p.nanos.value_or(0);
    switch (target) {
        case Target::Date:
            return make_date(*p.days);
        case Target::LocalTime:
            t.type = Type::LocalTime;
            return t;
        case Target::Time:
            t.type = Type::Time;
            t.offset = p.offset.value_or(0);
            return t;
        case Target::LocalDateTime:
            t.type = Type::LocalDateTime;
            t.days = *p.days;
            return t;
        case Target::DateTime:
            t.type = Type::DateTime;
            t.days = *p.days;
            if (p.zone) {
                std::int32_t off = zone_offset_at_local(p.zone, t.days, t.nanos);
                return datetime_at(t.instant() - static_cast<Wide128>(off) * kNanosPerSecond,
                                   p.zone, 0);
            }
            t.offset = p.offset.value_or(0);
            return t;
    }
    return {};
}

bool needs_date(Target t) {
    return t == Target::Date || t == Target::LocalDateTime || t == Target::DateTime;
}
bool needs_time(Target t) { return t != Target::Date; }

// A time zone given as text: an offset or an IANA name.
void apply_zone(Parts& p, const Value& z) {
    if (z.kind() != K::String) type_error("timezone must be a string");
    if (auto off = parse_offset(z.as_string())) {
        p.offset = *off, p.zone = 0;
        return;
    }
    auto id = zone_id(z.as_string());
    if (!id) invalid_temporal(fmt::format("'{}' is not a time zone", z.as_string()));
    p.zone = *id;
    p.offset.reset();
}

std::optional<std::int64_t> int_field(const ValueMap& m, std::string_view key) {
    const Value* v = map_get(m, key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->kind() == K::Int) return v->as_int();
    if (v->kind() == K::Float) {
        if (!(std::abs(v->as_float()) < 9e18))
            invalid_temporal(fmt::format("'{}' is out of range", key));
        return static_cast<std::int64_t>(v->as_float());
    }
    type_error(fmt::format("'{}' must be a number", key));
}

void check_range(std::string_view what, std::int64_t v, std::int64_t lo, std::int64_t hi) {
    if (v < lo || v > hi) invalid_temporal(fmt::format("{} {} is not in {}..{}", what, v, lo, hi));
}

bool has_any(const ValueMap& m, std::initializer_list<std::string_view> keys) {
    for (auto k : keys)
        if (map_get(m, k)) return true;
    return false;
}

std::int64_t date_from_fields(const ValueMap& m, std::optional<std::int64_t> base) {
    auto year = int_field(m, "year");
    if (!year && !base) invalid_temporal("a date needs a year");
    Civil bc = base ? civil_from_days(*base) : Civil{static_cast<int>(*year), 1, 1};
    auto y = year.value_or(bc.year);
    check_range("year", y, 1, 9999);
    int iy = static_cast<int>(y);
    if (has_any(m, {"week", "dayOfWeek"})) {
        // Without a year, the base date's week-based year.
        int wy = iy;
        int dow = 1;
        if (base) {
            std::int64_t b = *base;
            int by = civil_from_days(b).year;
            wy = b >= iso_week_start(by + 1) ? by + 1 : b < iso_week_start(by) ? by - 1 : by;
            if (year) wy = iy;
            dow = iso_weekday(b);
        }
        dow = static_cast<int>(int_field(m, "dayOfWeek").value_or(dow));
        check_range("dayOfWeek", dow, 1, 7);
        std::int64_t start = iso_week_start(wy);
        std::int64_t weeks = (iso_week_start(wy + 1) - start) / 7;
        auto week = int_field(m, "week").value_or(base ? (*base - start) / 7 + 1 : 1);
        check_range("week", week, 1, weeks);
        return start + (week - 1) * 7 + dow - 1;
    }
    if (auto od = int_field(m, "ordinalDay")) {
        int len = days_in_month(iy, 2) == 29 ? 366 : 365;
        check_range("ordinalDay", *od, 1, len);
        return days_from_civil(iy, 1, 1) + *od - 1;
    }
    if (auto q = int_field(m, "quarter")) {
        check_range("quarter", *q, 1, 4);
        int first_month = static_cast<int>(*q) * 3 - 2;
        std::int64_t start = days_from_civil(iy, first_month, 1);
        std::int64_t len = days_from_civil(first_month == 10 ? iy + 1 : iy,
                                           first_month == 10 ? 1 : first_month + 3, 1) -
                           start;
        std::int64_t base_dq = 1;
        if (base) {
            int bq = (bc.month - 1) / 3 + 1;
            base_dq = *base - days_from_civil(bc.year, bq * 3 - 2, 1) + 1;
        }
        auto dq = int_field(m, "dayOfQuarter").value_or(base_dq);
        check_range("dayOfQuarter", dq, 1, len);
        return start + dq - 1;
    }
    auto month = int_field(m, "month").value_or(base ? bc.month : 1);
    check_range("month", month, 1, 12);
    auto day = int_field(m, "day").value_or(base ? bc.day : 1);
    check_range("day", day, 1, days_in_month(iy, static_cast<int>(month)));
    return days_from_civil(iy, static_cast<int>(month), static_cast<int>(day));
}

std::int64_t time_from_fields(const ValueMap& m, std::int64_t base) {
    std::int64_t s = base / kNanosPerSecond, sub = base % kNanosPerSecond;
    auto h = int_field(m, "hour").value_or(s / 3600);
    auto mi = int_field(m, "minute").value_or(s / 60 % 60);
    auto se = int_field(m, "second").value_or(s % 60);
    check_range("hour", h, 0, 23);
    check_range("minute", mi, 0, 59);
    check_range("second", se, 0, 59);
    auto ms = int_field(m, "millisecond"), us = int_field(m, "microsecond"),
         ns = int_field(m, "nanosecond");
    if (ms || us || ns) {
        if (ms) check_range("millisecond", *ms, 0, 999);
        if (us) check_range("microsecond", *us, 0, ms ? 999 : 999'999);
        if (ns) check_range("nanosecond", *ns, 0, us ? 999 : ms ? 999'999 : 999'999'999);
        if (!ms && !us && *ns < 1'000)
            sub = sub / 1'000 * 1'000 + *ns;  // below the base's microsecond (truncate's)
        else
            sub = ms.value_or(0) * 1'000'000 + us.value_or(0) * 1'000 + ns.value_or(0);
    }
    return (h * 3600 + mi * 60 + se) * kNanosPerSecond + sub;
}

// `p`: the parts the map starts from (truncate's); `zoned_base`: whether a timezone in the map
// converts the value (same instant) rather than replaces its zone.
Value from_map(Target target, const ValueMap& m, Parts p = {}, bool zoned_base = false) {
    for (std::string_view key : {"datetime", "date", "time"}) {
        const Value* v = map_get(m, key);
        if (!v || v->is_null()) continue;
        auto q = parts_of(*v);
        if (!q) type_error(fmt::format("'{}' must be a temporal value", key));
        if (key != "time" && q->days) p.days = q->days;
        if (key != "date" && q->nanos) {
            p.nanos = q->nanos;
            if (q->offset) p.offset = q->offset, p.zone = q->zone, zoned_base = true;
        }
    }
    if (target == Target::DateTime && has_any(m, {"epochSeconds", "epochMillis"})) {
        Wide128 instant =
            static_cast<Wide128>(int_field(m, "epochSeconds").value_or(0)) * kNanosPerSecond +
            static_cast<Wide128>(int_field(m, "epochMillis").value_or(0)) * 1'000'000 +
            int_field(m, "nanosecond").value_or(0);
        Parts z;
        if (const Value* tz = map_get(m, "timezone")) apply_zone(z, *tz);
        return datetime_at(instant, z.zone, z.offset.value_or(0));
    }
    if (needs_date(target) && (!p.days || has_any(m, {"year", "month", "day", "week", "dayOfWeek",
                                                      "ordinalDay", "quarter", "dayOfQuarter"})))
        p.days = date_from_fields(m, p.days);
    if (needs_time(target)) p.nanos = time_from_fields(m, p.nanos.value_or(0));
    if (const Value* tz = map_get(m, "timezone"); tz && !tz->is_null()) {
        if (zoned_base && (target == Target::Time || target == Target::DateTime)) {
            // A value with an offset moves to the new zone: same instant, other wall time.
            Temporal t;
            t.type = Type::DateTime;
            t.days = p.days.value_or(0);
            t.nanos = *p.nanos;
            t.offset = p.zone ? zone_offset_at_local(p.zone, t.days, t.nanos) : *p.offset;
            Parts z;
            apply_zone(z, *tz);
            Temporal moved = datetime_at(t.instant(), z.zone, z.offset.value_or(0));
            if (target == Target::DateTime) return moved;
            p.nanos = moved.nanos, p.offset = moved.offset, p.zone = 0;
            return build(target, p);
        }
        apply_zone(p, *tz);
    }
    if (target == Target::Time && p.zone) {
        // A time has an offset, not a zone: the zone's offset on the date given, or today.
        p.offset = zone_offset_at_local(p.zone, p.days.value_or(0), *p.nanos);
        p.zone = 0;
    }
    return build(target, p);
}

Value from_string(Target target, const std::string& s) {
    if (target == Target::Date) {
        // liaison's partial dates ("2023", "2023-11") stay partial; other ISO forms are full.
        if (auto d = Date::parse(s)) return *d;
        auto days = parse_date_days(s);
        if (!days) invalid_temporal(fmt::format("'{}' is not a date", s));
        return make_date(*days);
    }
    static constexpr Type kTypes[] = {Type::LocalTime, Type::Time, Type::LocalDateTime,
                                      Type::DateTime};
    auto t = parse_temporal(kTypes[static_cast<int>(target) - 1], s);
    if (!t)
        invalid_temporal(fmt::format("'{}' is not a {}", s,
                                     temporal_type_name(kTypes[static_cast<int>(target) - 1])));
    return *t;
}

Value now(Target target, ExecContext& ctx, const Value* zone) {
    auto since =
        std::chrono::duration_cast<std::chrono::nanoseconds>(ctx.gov.started().time_since_epoch())
            .count();
    Parts z;
    if (zone && !zone->is_null()) apply_zone(z, *zone);
    Temporal dt = datetime_at(static_cast<Wide128>(since), z.zone, z.offset.value_or(0));
    Parts p{dt.days, dt.nanos, dt.offset, 0};
    if (target == Target::DateTime) return dt;
    return build(target, p);
}

Value duration_from_map(const ValueMap& m) {
    DurationBuilder b;
    static constexpr std::pair<const char*, char> kUnits[] = {
        {"years", 'Y'}, {"quarters", 'Q'}, {"months", 'M'},  {"weeks", 'W'},
        {"days", 'D'},  {"hours", 'h'},    {"minutes", 'm'}, {"seconds", 's'}};
    for (const auto& [k, v] : m) {
        if (v.is_null()) continue;
        if (!v.is_number()) type_error(fmt::format("duration field '{}' must be a number", k));
        bool known = false;
        for (const auto& [name, unit] : kUnits)
            if (k == name) b.add(unit, v.to_double()), known = true;
        if (k == "milliseconds")
            b.nanos += static_cast<Wide128>(std::llround(v.to_double() * 1e6)), known = true;
        if (k == "microseconds")
            b.nanos += static_cast<Wide128>(std::llround(v.to_double() * 1e3)), known = true;
        if (k == "nanoseconds")
            b.nanos += static_cast<Wide128>(std::llround(v.to_double())), known = true;
        if (!known) invalid_temporal(fmt::format("'{}' is not a duration field", k));
    }
    return b.result();
}

Value construct(Target target, const Value& x) {
    const char* f = target_name(target);
    if (x.is_null()) return {};
    switch (x.kind()) {
        case K::String:
            return from_string(target, x.as_string());
        case K::Map:
            return from_map(target, x.as_map());
        case K::Date:
        case K::Temporal: {
            Parts p = *parts_of(x);
            if (needs_date(target) && !p.days)
                type_error(fmt::format("{}() needs a value with a date", f));
            if (target == Target::Date && x.kind() == K::Date) return x;
            return build(target, p);
        }
        default:
            type_error(fmt::format("{}() cannot take a {}", f, Value::kind_name(x.kind())));
    }
}

// date.truncate('month', d, {day: 2}) and the like: the value cut down to the unit, then the
// map's fields set on it.
Value truncate(Target target, std::span<const Value> a) {
    if (a[1].is_null()) return {};
    if (a[0].kind() != K::String) type_error("truncate() expects a unit name");
    auto parts = parts_of(a[1]);
    if (!parts) type_error("truncate() expects a temporal value");
    Parts p = *parts;
    std::string unit = lower(a[0].as_string());
    static constexpr std::pair<const char*, std::int64_t> kTimeUnits[] = {
        {"day", kNanosPerDay},
        {"hour", 3600 * kNanosPerSecond},
        {"minute", 60 * kNanosPerSecond},
        {"second", kNanosPerSecond},
        {"millisecond", 1'000'000},
        {"microsecond", 1'000}};
    bool done = false;
    for (const auto& [u, size] : kTimeUnits)
        if (unit == u) {
            if (p.nanos) p.nanos = *p.nanos / size * size;
            if (unit == "day") p.nanos = 0;
            done = true;
        }
    if (!done) {
        if (!p.days) invalid_temporal(fmt::format("cannot truncate a time to a {}", unit));
        Civil c = civil_from_days(*p.days);
        int y = c.year;
        if (unit == "millennium")
            p.days = days_from_civil(y / 1000 * 1000, 1, 1);
        else if (unit == "century")
            p.days = days_from_civil(y / 100 * 100, 1, 1);
        else if (unit == "decade")
            p.days = days_from_civil(y / 10 * 10, 1, 1);
        else if (unit == "year")
            p.days = days_from_civil(y, 1, 1);
        else if (unit == "weekyear") {
            int wy = *p.days >= iso_week_start(y + 1) ? y + 1
                     : *p.days < iso_week_start(y)    ? y - 1
                                                      : y;
            p.days = iso_week_start(wy);
        } else if (unit == "quarter")
            p.days = days_from_civil(y, (c.month - 1) / 3 * 3 + 1, 1);
        else if (unit == "month")
            p.days = days_from_civil(y, c.month, 1);
        else if (unit == "week")
            p.days = *p.days - (iso_weekday(*p.days) - 1);
        else
            invalid_temporal(fmt::format("'{}' is not a unit to truncate to", a[0].as_string()));
        p.nanos = 0;
    }
    if (needs_date(target) && !p.days) type_error("truncate() needs a value with a date");
    ValueMap m;
    if (a.size() > 2 && !a[2].is_null()) {
        if (a[2].kind() != K::Map) type_error("truncate() expects a map of fields");
        m = a[2].as_map();
    }
    return from_map(target, m, p, false);
}

}  // namespace

Value temporal_construct(TemporalTarget target, std::span<const Value> a, ExecContext& ctx) {
    if (a.empty() ||
        (a[0].kind() == K::Map && map_get(a[0].as_map(), "timezone") && a[0].as_map().size() == 1))
        return now(target, ctx, a.empty() ? nullptr : map_get(a[0].as_map(), "timezone"));
    return construct(target, a[0]);
}

Value temporal_now(TemporalTarget target, std::span<const Value> a, ExecContext& ctx) {
    if (!a.empty() && a[0].is_null()) return Value();  // a null zone: null, as for any argument
    return now(target, ctx, a.empty() ? nullptr : &a[0]);
}

Value temporal_truncate(TemporalTarget target, std::span<const Value> a) {
    return truncate(target, a);
}

Value duration_construct(const Value& x) {
    if (x.is_null()) return Value();
    if (x.kind() == K::String) {
        auto d = parse_duration(x.as_string());
        if (!d) invalid_temporal(fmt::format("'{}' is not a duration", x.as_string()));
        return Value(*d);
    }
    if (x.kind() == K::Map) return duration_from_map(x.as_map());
    type_error(fmt::format("duration() cannot take a {}", Value::kind_name(x.kind())));
}

Value datetime_from_epoch(const Value& seconds, const Value& nanos) {
    if (seconds.is_null() || nanos.is_null()) return Value();
    if (seconds.kind() != K::Int || nanos.kind() != K::Int)
        type_error("datetime.fromepoch() expects integer seconds and nanoseconds");
    Wide128 instant = static_cast<Wide128>(seconds.as_int()) * kNanosPerSecond + nanos.as_int();
    return Value(datetime_at(instant, 0, 0));
}

Value datetime_from_epoch_millis(const Value& millis) {
    if (millis.is_null()) return Value();
    if (millis.kind() != K::Int)
        type_error("datetime.fromepochmillis() expects integer milliseconds");
    return Value(datetime_at(static_cast<Wide128>(millis.as_int()) * 1'000'000, 0, 0));
}

Value in_period(const Value& x, const Date& period) {
    if (x.is_null()) return {};
    std::optional<Date> d;
    if (x.kind() == K::Date) d = x.as_date();
    if (x.kind() == K::String) d = Date::parse(x.as_string());
    if (x.kind() == K::Temporal && x.as_temporal().has_date())
        d = date_from_days(x.as_temporal().days);
    if (!d)
        type_error(fmt::format("IN {} expects a date on its left, not {}",
                               to_debug_string(Value(period)), to_debug_string(x)));
    return date_within(*d, period);
}

Value temporal_property(const Value& v, const std::string& name) {
    std::string key = lower(name);
    if (v.kind() == K::Duration) {
        const Duration& d = v.as_duration();
        Wide128 n = total_nanos(d);
        // Whole units toward zero, the way the components of a duration read.
        auto in = [&](Wide128 unit) { return static_cast<std::int64_t>(n / unit); };
        const Wide128 B = kNanosPerSecond;
        if (key == "years") return d.months / 12;
        if (key == "quarters") return d.months / 3;
        if (key == "months") return d.months;
        if (key == "weeks") return d.days / 7;
        if (key == "days") return d.days;
        if (key == "hours") return in(3600 * B);
        if (key == "minutes") return in(60 * B);
        if (key == "seconds") return d.seconds;  // the whole seconds below the nanoseconds
        if (key == "milliseconds") return in(1'000'000);
        if (key == "microseconds") return in(1'000);
        if (key == "nanoseconds") return in(1);
        if (key == "quartersofyear") return d.months / 3 % 4;
        if (key == "monthsofquarter") return d.months % 3;
        if (key == "monthsofyear") return d.months % 12;
        if (key == "daysofweek") return d.days % 7;
        if (key == "minutesofhour") return in(60 * B) % 60;
        if (key == "secondsofminute") return in(B) % 60;
        if (key == "millisecondsofsecond") return std::int64_t{d.nanos / 1'000'000};
        if (key == "microsecondsofsecond") return std::int64_t{d.nanos / 1'000};
        if (key == "nanosecondsofsecond") return std::int64_t{d.nanos};
        return {};
    }
    std::optional<std::int64_t> days, nanos;
    const Temporal* t = nullptr;
    if (v.kind() == K::Date) {
        const Date& d = v.as_date();
        // A date is the period it covers: its ends and precision read on any date.
        if (key == "start") return make_date(d.first_day());
        if (key == "end") return make_date(d.last_day());
        if (key == "precision") return precision_name(d.precision());
        if (key == "ispartial") return d.precision() != Date::Precision::Day;
        if (d.precision() != Date::Precision::Day) {
            // Only what the source stated: a year's month is unknown (null), not January.
            if (key == "year") return std::int64_t{d.year};
            if (d.month && key == "month") return std::int64_t{d.month};
            if (d.month && key == "quarter") return std::int64_t{(d.month - 1) / 3 + 1};
            return {};
        }
        days = full_days(d);
    } else {
        t = &v.as_temporal();
        if (t->has_date()) days = t->days;
        nanos = t->nanos;
    }
    if (days) {
        Civil c = civil_from_days(*days);
        std::int64_t ordinal = *days - days_from_civil(c.year, 1, 1) + 1;
        int quarter = (c.month - 1) / 3 + 1;
        if (key == "year") return std::int64_t{c.year};
        if (key == "quarter") return std::int64_t{quarter};
        if (key == "month") return std::int64_t{c.month};
        if (key == "day") return std::int64_t{c.day};
        if (key == "ordinalday") return ordinal;
        if (key == "dayofquarter") return *days - days_from_civil(c.year, quarter * 3 - 2, 1) + 1;
        if (key == "weekday" || key == "dayofweek") return std::int64_t{iso_weekday(*days)};
        if (key == "week" || key == "weekyear") {
            int wy = *days >= iso_week_start(c.year + 1) ? c.year + 1
                     : *days < iso_week_start(c.year)    ? c.year - 1
                                                         : c.year;
            if (key == "weekyear") return std::int64_t{wy};
            return (*days - iso_week_start(wy)) / 7 + 1;
        }
    }
    if (nanos) {
        std::int64_t s = *nanos / kNanosPerSecond, sub = *nanos % kNanosPerSecond;
        if (key == "hour") return s / 3600;
        if (key == "minute") return s / 60 % 60;
        if (key == "second") return s % 60;
        if (key == "millisecond") return sub / 1'000'000;
        if (key == "microsecond") return sub / 1'000;
        if (key == "nanosecond") return sub;
    }
    if (t && t->has_offset()) {
        if (key == "timezone") {
            if (t->zone) return zone_name(t->zone);
            Temporal z;
            z.type = Type::Time;
            z.offset = t->offset;
            std::string text = to_string(z);
            return text.substr(text.find_first_of("Z+-"));
        }
        if (key == "offset") {
            Temporal z;
            z.type = Type::Time;
            z.offset = t->offset;
            std::string text = to_string(z);
            text = text.substr(text.find_first_of("Z+-"));
            return text == "Z" ? "+00:00" : text;
        }
        if (key == "offsetminutes") return std::int64_t{t->offset / 60};
        if (key == "offsetseconds") return std::int64_t{t->offset};
    }
    if (t && t->type == Type::DateTime) {
        Wide128 i = t->instant();
        Wide128 secs = i / kNanosPerSecond;
        if (i % kNanosPerSecond < 0) --secs;
        if (key == "epochseconds") return static_cast<std::int64_t>(secs);
        if (key == "epochmillis") {
            Wide128 ms = i / 1'000'000;
            if (i % 1'000'000 < 0) --ms;
            return static_cast<std::int64_t>(ms);
        }
    }
    return {};
}

}  // namespace liaison::query
