// Temporal arithmetic: temporal ± duration, duration ± duration, duration * or / number, and
// the duration between two temporal values.
#include <cmath>

#include <fmt/format.h>

#include "query/executor/temporal_functions.hpp"
#include "query/executor/temporal_support.hpp"

namespace liaison::query {

using K = Value::Kind;
using Type = Temporal::Type;

Wide128 total_nanos(const Duration& d) {
    return static_cast<Wide128>(d.seconds) * kNanosPerSecond + d.nanos;
}

std::int64_t add_months(std::int64_t days, std::int64_t months) {
    if (months == 0) return days;
    Civil c = civil_from_days(days);
    std::int64_t m0 = static_cast<std::int64_t>(c.year) * 12 + (c.month - 1) + months;
    int y = static_cast<int>(m0 >= 0 ? m0 / 12 : (m0 - 11) / 12);
    int mo = static_cast<int>(m0 - static_cast<std::int64_t>(y) * 12) + 1;
    int d = std::min(c.day, days_in_month(y, mo));
    return days_from_civil(y, mo, d);
}

namespace {

// A partial date moved by whole months stays the same kind of period ("2025-11" + P1M is
// "2025-12"; "2025" + P1Y is "2026"); any other move would need the day the source left out, so
// the result is null.
Value shift_partial(const Date& date, std::int64_t months, const Duration& d) {
    bool year_only = date.precision() == Date::Precision::Year;
    if (d.days != 0 || d.seconds != 0 || d.nanos != 0 || (year_only && months % 12 != 0)) return {};
    std::int64_t m0 = std::int64_t{date.year} * 12 + (year_only ? 0 : date.month - 1) + months;
    std::int64_t year = m0 / 12;  // m0 is positive whenever the year stays in range
    if (m0 < 12 || year > 9999)
        invalid_temporal(
            fmt::format("{} moves {} beyond the years 1 to 9999", to_string(d), date.to_string()));
    Date out;
    out.year = static_cast<std::int16_t>(year);
    if (!year_only) out.month = static_cast<std::int8_t>(m0 % 12 + 1);
    return out;
}

// A temporal value moved by a duration (sign -1 subtracts it).
Value shift(const Value& v, const Duration& d, int sign) {
    // Beyond these no result is a date of years 1..9999: refused before any arithmetic.
    bool dated = v.kind() == K::Date || v.as_temporal().has_date();
    if (dated && (std::abs(d.months) > 240'000 || std::abs(d.days) > 8'000'000 ||
                  std::abs(d.seconds) > 8'000'000LL * 86'400))
        invalid_temporal(fmt::format("{} moves a date beyond the years 1 to 9999", to_string(d)));
    std::int64_t months = sign * d.months, days = sign * d.days;
    Wide128 nanos = sign * total_nanos(d);
    if (v.kind() == K::Date && v.as_date().precision() != Date::Precision::Day)
        return shift_partial(v.as_date(), months, d);
    if (v.kind() == K::Date) {
        // A date moves by whole days only; the time part counts in whole days.
        std::int64_t base = full_days(v.as_date());
        return make_date(add_months(base, months) + days +
                         static_cast<std::int64_t>(nanos / kNanosPerDay));
    }
    Temporal t = v.as_temporal();
    if (!t.has_date()) {
        Wide128 n = (t.nanos + nanos % kNanosPerDay) % kNanosPerDay;
        if (n < 0) n += kNanosPerDay;
        t.nanos = static_cast<std::int64_t>(n);
        return t;
    }
    t.days = add_months(t.days, months) + days;
    if (t.type == Type::DateTime && t.zone)
        t.offset = zone_offset_at_local(t.zone, t.days, t.nanos);
    if (t.type == Type::DateTime) return datetime_at(t.instant() + nanos, t.zone, t.offset);
    Wide128 local = static_cast<Wide128>(t.days) * kNanosPerDay + t.nanos + nanos;
    Wide128 dd = local / kNanosPerDay, n = local % kNanosPerDay;
    if (n < 0) n += kNanosPerDay, --dd;
    t.days = static_cast<std::int64_t>(dd);
    t.nanos = static_cast<std::int64_t>(n);
    return t;
}

Value scale(const Duration& d, double factor) {
    DurationBuilder b;
    b.add('M', static_cast<double>(d.months) * factor);
    b.add('D', static_cast<double>(d.days) * factor);
    long double n = static_cast<long double>(total_nanos(d)) * factor;
    if (!(std::abs(n) < 1e36L))
        runtime_error("ArithmeticError", "IntegerOverflow", "a duration out of range");
    b.nanos += static_cast<Wide128>(n);
    return b.result();
}

// One side of duration.between placed in the other's time zone when it has none: local date
// (when it has one) and time there, and the instant.
struct Placed {
    std::optional<std::int64_t> days;
    std::int64_t nanos = 0;
};

Wide128 local_of(const Placed& p) {
    return static_cast<Wide128>(p.days.value_or(0)) * kNanosPerDay + p.nanos;
}

// The date a value stands for (a dated temporal value's local day); nullopt without a date.
std::optional<Date> date_of(const Value& v) {
    if (v.kind() == K::Date) return v.as_date();
    if (v.kind() == K::Temporal && v.as_temporal().has_date())
        return date_from_days(v.as_temporal().days);
    if (v.kind() != K::Temporal) type_error("duration.between() expects two temporal values");
    return std::nullopt;
}

// duration.between with a partial date: whole months between the two, read at the precision
// they share (whole years when one is a year). Days and seconds would need the day the source
// left out: inDays and inSeconds are null, and so is anything against a time without a date.
Value between_partial(const Value& a, const Value& b, std::string_view unit) {
    auto x = date_of(a), y = date_of(b);
    if (!x || !y || unit == "days" || unit == "seconds") return {};
    bool years = x->precision() == Date::Precision::Year || y->precision() == Date::Precision::Year;
    std::int64_t months =
        years ? 12 * (std::int64_t{y->year} - x->year)
              : (std::int64_t{y->year} * 12 + y->month) - (std::int64_t{x->year} * 12 + x->month);
    return Duration{months, 0, 0, 0};
}

}  // namespace

// The difference b - a: whole months, then whole days, then the time left (what `unit` asks:
// 'all', 'months', 'days' or 'seconds').
Value duration_between(const Value& a, const Value& b, std::string_view unit) {
    if (a.is_null() || b.is_null()) return {};
    auto partial = [](const Value& v) {
        return v.kind() == K::Date && v.as_date().precision() != Date::Precision::Day;
    };
    if (partial(a) || partial(b)) return between_partial(a, b, unit);
    auto pa = parts_of(a), pb = parts_of(b);
    if (!pa || !pb) type_error("duration.between() expects two temporal values");
    // The frame: a's zone, else b's, else none (local values compare as they read).
    const Parts& zoned = pa->offset ? *pa : *pb;
    bool framed = zoned.offset.has_value();
    auto offset_at = [&](const Placed& p) -> std::int32_t {
        if (!framed) return 0;
        return zoned.zone ? zone_offset_at_local(zoned.zone, p.days.value_or(0), p.nanos)
                          : *zoned.offset;
    };
    auto place = [&](const Parts& p) {
        Placed out{p.days, p.nanos.value_or(0)};
        if (framed && p.offset && &p != &zoned) {
            // Another zone: the same instant seen in the frame.
            Wide128 instant = static_cast<Wide128>(p.days.value_or(0)) * kNanosPerDay + out.nanos -
                              static_cast<Wide128>(*p.offset) * kNanosPerSecond;
            Temporal t = datetime_at(instant, zoned.zone, zoned.zone ? 0 : *zoned.offset);
            out.days = p.days ? std::optional<std::int64_t>(t.days) : std::nullopt;
            out.nanos = t.nanos;
        }
        return out;
    };
    Placed x = place(*pa), y = place(*pb);
    bool dated = x.days && y.days;
    if (!x.days) x.days = y.days;
    if (!y.days) y.days = x.days;
    auto instant = [&](const Placed& p) {
        return local_of(p) - static_cast<Wide128>(offset_at(p)) * kNanosPerSecond;
    };
    Duration d;
    if (dated && unit != "seconds") {
        Civil cx = civil_from_days(*x.days), cy = civil_from_days(*y.days);
        std::int64_t months = (static_cast<std::int64_t>(cy.year) * 12 + cy.month) -
                              (static_cast<std::int64_t>(cx.year) * 12 + cx.month);
        auto later = std::make_pair(cy.day, y.nanos) > std::make_pair(cx.day, x.nanos);
        auto earlier = std::make_pair(cy.day, y.nanos) < std::make_pair(cx.day, x.nanos);
        if (months > 0 && earlier) --months;
        if (months < 0 && later) ++months;
        if (unit == "months") return Duration{months, 0, 0, 0};
        Placed mid{add_months(*x.days, unit == "days" ? 0 : months), x.nanos};
        auto days = static_cast<std::int64_t>((local_of(y) - local_of(mid)) / kNanosPerDay);
        if (unit == "days") return Duration{0, days, 0, 0};
        mid.days = *mid.days + days;
        d.months = months, d.days = days;
        x = mid;
    } else if (unit == "months" || unit == "days") {
        return Duration{};
    }
    Wide128 n = instant(y) - instant(x);
    Wide128 secs = n / kNanosPerSecond, rest = n % kNanosPerSecond;
    if (rest < 0) rest += kNanosPerSecond, --secs;
    d.seconds = static_cast<std::int64_t>(secs);
    d.nanos = static_cast<std::int32_t>(rest);
    return d;
}

std::optional<Value> temporal_arithmetic(ast::Op op, const Value& a, const Value& b) {
    bool ta = a.kind() == K::Date || a.kind() == K::Temporal;
    bool tb = b.kind() == K::Date || b.kind() == K::Temporal;
    bool da = a.kind() == K::Duration, db = b.kind() == K::Duration;
    if (!ta && !tb && !da && !db) return std::nullopt;
    if (op == ast::Op::Add && ta && db) return shift(a, b.as_duration(), 1);
    if (op == ast::Op::Add && da && tb) return shift(b, a.as_duration(), 1);
    if (op == ast::Op::Sub && ta && db) return shift(a, b.as_duration(), -1);
    if (da && db && (op == ast::Op::Add || op == ast::Op::Sub)) {
        const Duration& x = a.as_duration();
        const Duration& y = b.as_duration();
        int s = op == ast::Op::Add ? 1 : -1;
        DurationBuilder r;
        r.months = static_cast<Wide128>(x.months) + s * static_cast<Wide128>(y.months);
        r.days = static_cast<Wide128>(x.days) + s * static_cast<Wide128>(y.days);
        r.nanos = total_nanos(x) + s * total_nanos(y);
        return r.result();
    }
    if (da && b.is_number() && (op == ast::Op::Mul || op == ast::Op::Div)) {
        if (op == ast::Op::Div && b.to_double() == 0)
            runtime_error("ArithmeticError", "DivisionByZero", "division of a duration by zero");
        return scale(a.as_duration(), op == ast::Op::Mul ? b.to_double() : 1.0 / b.to_double());
    }
    if (db && a.is_number() && op == ast::Op::Mul) return scale(b.as_duration(), a.to_double());
    return std::nullopt;
}

}  // namespace liaison::query
