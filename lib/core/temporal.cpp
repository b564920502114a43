#include "liaison/core/temporal.hpp"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace liaison {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Fraction digits as openCypher prints them: in groups of three, trailing groups of zeros dropped.
std::string fraction_groups(std::int64_t nanos) {
    std::string f = fmt::format("{:09d}", nanos);
    while (f.size() > 3 && f.compare(f.size() - 3, 3, "000") == 0) f.resize(f.size() - 3);
    return f;
}

std::string offset_text(std::int32_t offset) {
    if (offset == 0) return "Z";
    char sign = offset < 0 ? '-' : '+';
    int a = std::abs(offset);
    std::string out = fmt::format("{}{:02d}:{:02d}", sign, a / 3600, a / 60 % 60);
    if (a % 60) out += fmt::format(":{:02d}", a % 60);
    return out;
}

std::string time_text(std::int64_t nanos) {
    std::int64_t s = nanos / kNanosPerSecond, frac = nanos % kNanosPerSecond;
    std::string out = fmt::format("{:02d}:{:02d}", s / 3600, s / 60 % 60);
    if (s % 60 || frac) out += fmt::format(":{:02d}", s % 60);
    if (frac) out += "." + fraction_groups(frac);
    return out;
}

// A cursor over text being parsed.
struct Scan {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return i < s.size() ? s[i] : '\0'; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    std::size_t digits_ahead() const {
        std::size_t n = 0;
        while (i + n < s.size() && std::isdigit(static_cast<unsigned char>(s[i + n]))) ++n;
        return n;
    }
    // Exactly n digits, or -1.
    int number(std::size_t n) {
        if (digits_ahead() < n) return -1;
        int v = 0;
        for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i++] - '0');
        return v;
    }
    // A field of n digits that may be left out: the extended form announces it with `sep`, the
    // basic form by n more digits. `v` keeps its default when the field is absent; false when
    // the field is announced but its digits are not there.
    bool optional_field(bool extended, char sep, std::size_t n, int& v) {
        if (!(extended ? eat(sep) : digits_ahead() >= n)) return true;
        v = number(n);
        return v >= 0;
    }
};

std::optional<std::int64_t> ymd_days(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::optional<std::int64_t> week_days(int y, int w, int dow) {
    if (w < 1 || dow < 1 || dow > 7) return std::nullopt;
    std::int64_t start = iso_week_start(y);
    if (w > 52 && iso_week_start(y + 1) <= start + (w - 1) * 7) return std::nullopt;
    return start + (w - 1) * 7 + dow - 1;
}

std::optional<std::int64_t> ordinal_days(int y, int od) {
    int len = days_in_month(y, 2) == 29 ? 366 : 365;
    if (od < 1 || od > len) return std::nullopt;
    return days_from_civil(y, 1, 1) + od - 1;
}

std::optional<std::int64_t> scan_date(Scan& c) {
    int y = c.number(4);
    if (y < 0) return std::nullopt;
    bool ext = c.eat('-');
    if (c.eat('W')) {
        int w = c.number(2);
        if (w < 0) return std::nullopt;
        int dow = 1;
        if (!c.optional_field(ext, '-', 1, dow)) return std::nullopt;
        return week_days(y, w, dow);
    }
    std::size_t n = c.digits_ahead();
    if (!ext && n == 0) return days_from_civil(y, 1, 1);
    if (n == 3) return ordinal_days(y, c.number(3));
    if (!ext && n == 4) {
        int m = c.number(2), d = c.number(2);
        return ymd_days(y, m, d);
    }
    int m = c.number(2);
    if (m < 0) return std::nullopt;
    int d = 1;
    if (!c.optional_field(ext, '-', 2, d)) return std::nullopt;
    return ymd_days(y, m, d);
}

std::optional<std::int64_t> scan_time(Scan& c) {
    int h = c.number(2);
    if (h < 0 || h > 23) return std::nullopt;
    int m = 0, s = 0;
    std::int64_t frac = 0;
    bool ext = c.eat(':');
    if (ext || c.digits_ahead() >= 2) {
        m = c.number(2);
        if (m < 0 || m > 59) return std::nullopt;
        if (ext ? c.eat(':') : c.digits_ahead() >= 2) {
            s = c.number(2);
            if (s < 0 || s > 59) return std::nullopt;
            if (c.eat('.') || c.eat(',')) {
                std::size_t n = c.digits_ahead();
                if (n == 0 || n > 9) return std::nullopt;
                frac = c.number(n);
                for (std::size_t k = n; k < 9; ++k) frac *= 10;
            }
        }
    }
    return (h * 3600 + m * 60 + s) * kNanosPerSecond + frac;
}

std::optional<std::int32_t> scan_offset(Scan& c) {
    if (c.eat('Z')) return 0;
    int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
    if (!sign) return std::nullopt;
    int h = c.number(2), m = 0, s = 0;
    if (h < 0 || h > 18) return std::nullopt;
    bool ext = c.eat(':');
    if (ext || c.digits_ahead() >= 2) {
        m = c.number(2);
        if (m < 0 || m > 59) return std::nullopt;
        if (!c.optional_field(ext, ':', 2, s) || s > 59) return std::nullopt;
    }
    return sign * (h * 3600 + m * 60 + s);
}

}  // namespace

int compare_at_shared_precision(const Date& a, const Date& b) {
    if (a.last_day() < b.first_day()) return -1;
    if (a.first_day() > b.last_day()) return 1;
    return 0;
}

bool date_within(const Date& a, const Date& b) {
    return a.first_day() >= b.first_day() && a.last_day() <= b.last_day();
}

const char* precision_name(Date::Precision p) {
    switch (p) {
        case Date::Precision::Year:
            return "year";
        case Date::Precision::Month:
            return "month";
        case Date::Precision::Day:
            break;
    }
    return "day";
}

Wide128 Temporal::instant() const {
    return static_cast<Wide128>(days) * kNanosPerDay + nanos -
           static_cast<Wide128>(offset) * kNanosPerSecond;
}

const char* temporal_type_name(Temporal::Type t) {
    switch (t) {
        case Temporal::Type::LocalTime:
            return "LOCAL TIME";
        case Temporal::Type::Time:
            return "ZONED TIME";
        case Temporal::Type::LocalDateTime:
            return "LOCAL DATETIME";
        case Temporal::Type::DateTime:
            return "ZONED DATETIME";
    }
    return "?";
}

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    std::int64_t era = floor_div(z, 146097);
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int iso_weekday(std::int64_t days) { return static_cast<int>((days % 7 + 7 + 3) % 7) + 1; }

std::int64_t iso_week_start(int week_year) {
    std::int64_t jan4 = days_from_civil(week_year, 1, 4);
    return jan4 - (iso_weekday(jan4) - 1);
}

std::optional<Date> date_from_days(std::int64_t days) {
    Civil c = civil_from_days(days);
    if (c.year < 1 || c.year > 9999) return std::nullopt;
    Date d;
    d.year = static_cast<std::int16_t>(c.year);
    d.month = static_cast<std::int8_t>(c.month);
    d.day = static_cast<std::int8_t>(c.day);
    return d;
}

std::string format_full_date(std::int64_t days) {
    Civil c = civil_from_days(days);
    if (c.year > 9999) return fmt::format("+{}-{:02d}-{:02d}", c.year, c.month, c.day);
    if (c.year < 0) return fmt::format("-{:04d}-{:02d}-{:02d}", -c.year, c.month, c.day);
    return fmt::format("{:04d}-{:02d}-{:02d}", c.year, c.month, c.day);
}

std::string to_string(const Temporal& t) {
    std::string out;
    if (t.has_date()) out = format_full_date(t.days) + "T";
    out += time_text(t.nanos);
    if (t.has_offset()) out += offset_text(t.offset);
    if (t.zone) out += "[" + zone_name(t.zone) + "]";
    return out;
}

std::string to_string(const Duration& d) {
    std::string out = "P";
    if (std::int64_t y = d.months / 12) out += fmt::format("{}Y", y);
    if (std::int64_t m = d.months % 12) out += fmt::format("{}M", m);
    if (d.days) out += fmt::format("{}D", d.days);
    Wide128 total = static_cast<Wide128>(d.seconds) * kNanosPerSecond + d.nanos;
    if (total != 0) {
        out += "T";
        bool neg = total < 0;
        Wide128 a = neg ? -total : total;
        const char* sign = neg ? "-" : "";
        auto h = static_cast<std::int64_t>(a / (Wide128{3600} * kNanosPerSecond));
        auto m = static_cast<std::int64_t>(a / (Wide128{60} * kNanosPerSecond) % 60);
        auto s = static_cast<std::int64_t>(a % (Wide128{60} * kNanosPerSecond));
        if (h) out += fmt::format("{}{}H", sign, h);
        if (m) out += fmt::format("{}{}M", sign, m);
        if (s) {
            out += fmt::format("{}{}", sign, s / kNanosPerSecond);
            if (std::int64_t f = s % kNanosPerSecond) {
                std::string digits = fmt::format("{:09d}", f);
                while (digits.back() == '0') digits.pop_back();
                out += "." + digits;
            }
            out += "S";
        }
    }
    return out == "P" ? "PT0S" : out;
}

std::optional<std::int64_t> parse_date_days(std::string_view s) {
    Scan c{s};
    auto d = scan_date(c);
    return d && c.done() ? d : std::nullopt;
}

std::optional<std::int64_t> parse_time_nanos(std::string_view s) {
    Scan c{s};
    auto t = scan_time(c);
    return t && c.done() ? t : std::nullopt;
}

std::optional<std::int32_t> parse_offset(std::string_view s) {
    Scan c{s};
    auto o = scan_offset(c);
    return o && c.done() ? o : std::nullopt;
}

std::optional<Temporal> parse_temporal(Temporal::Type type, std::string_view s) {
    Temporal t;
    t.type = type;
    Scan c{s};
    if (t.has_date()) {
        auto d = scan_date(c);
        if (!d) return std::nullopt;
        t.days = *d;
        if (!c.eat('T')) {
            if (!c.done()) return std::nullopt;
            return t;
        }
    }
    auto n = scan_time(c);
    if (!n) return std::nullopt;
    t.nanos = *n;
    if (!t.has_offset()) return c.done() ? std::optional<Temporal>(t) : std::nullopt;
    std::optional<std::int32_t> offset;
    if (c.peek() == 'Z' || c.peek() == '+' || c.peek() == '-') {
        offset = scan_offset(c);
        if (!offset) return std::nullopt;
    }
    if (c.eat('[')) {
        std::size_t end = s.find(']', c.i);
        if (end == std::string_view::npos || end + 1 != s.size() ||
            type != Temporal::Type::DateTime)
            return std::nullopt;
        auto z = zone_id(s.substr(c.i, end - c.i));
        if (!z) return std::nullopt;
        std::int32_t off = zone_offset_at_local(*z, t.days, t.nanos);
        // An offset the zone has at that wall time (the later one of an overlap) is kept.
        if (offset) {
            Wide128 at = t.instant() - static_cast<Wide128>(*offset) * kNanosPerSecond;
            auto secs = static_cast<std::int64_t>(at / kNanosPerSecond);
            if (zone_offset_at_instant(*z, secs) == *offset) off = *offset;
        }
        return datetime_at(t.instant() - static_cast<Wide128>(off) * kNanosPerSecond, *z, 0);
    }
    if (!c.done()) return std::nullopt;
    t.offset = offset.value_or(0);
    return t;
}

std::optional<Duration> parse_duration(std::string_view s) {
    Scan c{s};
    if (!c.eat('P')) return std::nullopt;
    Wide128 months = 0, days = 0, nanos = 0;
    // The alternative form P2012-02-02T14:37:21.545.
    if (c.digits_ahead() == 4 && s.size() > 5 && s[5] == '-') {
        int y = c.number(4);
        c.eat('-');
        int m = c.number(2);
        c.eat('-');
        int d = c.number(2);
        if (m < 0 || d < 0 || !c.eat('T')) return std::nullopt;
        auto t = scan_time(c);
        if (!t || !c.done()) return std::nullopt;
        return Duration{y * 12 + m, d, *t / kNanosPerSecond,
                        static_cast<std::int32_t>(*t % kNanosPerSecond)};
    }
    bool in_time = false, any = false;
    while (!c.done()) {
        if (c.eat('T')) {
            if (in_time) return std::nullopt;
            in_time = true;
            continue;
        }
        bool neg = c.eat('-');
        std::size_t n = c.digits_ahead();
        if (n == 0 || n > 18) return std::nullopt;
        Wide128 whole = 0, frac = 0;  // frac in billionths
        for (std::size_t k = 0; k < n; ++k) whole = whole * 10 + (s[c.i++] - '0');
        if (c.eat('.') || c.eat(',')) {
            std::size_t f = c.digits_ahead();
            if (f == 0 || f > 9) return std::nullopt;
            for (std::size_t k = 0; k < f; ++k) frac = frac * 10 + (s[c.i++] - '0');
            for (std::size_t k = f; k < 9; ++k) frac *= 10;
        }
        if (neg) whole = -whole, frac = -frac;
        char unit = c.peek();
        ++c.i;
        const Wide128 B = kNanosPerSecond;
        // A fraction of a month is 30.436875 days (2,629,746 s), as the ISO calendar averages it.
        auto month_fraction = [&](Wide128 f) {
            Wide128 ns = f * 2629746;
            days += ns / (Wide128{86400} * B);
            nanos += ns % (Wide128{86400} * B);
        };
        if (!in_time && unit == 'Y') {
            months += whole * 12 + frac * 12 / B;
            month_fraction(frac * 12 % B);
        } else if (!in_time && unit == 'M') {
            months += whole;
            month_fraction(frac);
        } else if (!in_time && unit == 'W') {
            days += whole * 7 + frac * 7 / B;
            nanos += frac * 7 % B * 86400;
        } else if (!in_time && unit == 'D') {
            days += whole;
            nanos += frac * 86400;
        } else if (in_time && unit == 'H') {
            nanos += whole * 3600 * B + frac * 3600;
        } else if (in_time && unit == 'M') {
            nanos += whole * 60 * B + frac * 60;
        } else if (in_time && unit == 'S') {
            nanos += whole * B + frac;
        } else {
            return std::nullopt;
        }
        any = true;
    }
    if (!any) return std::nullopt;
    Wide128 secs = nanos / kNanosPerSecond, rest = nanos % kNanosPerSecond;
    if (rest < 0) rest += kNanosPerSecond, --secs;
    constexpr Wide128 kMax = INT64_MAX;
    if (months > kMax || months < -kMax || days > kMax || days < -kMax || secs > kMax ||
        secs < -kMax)
        return std::nullopt;
    return Duration{static_cast<std::int64_t>(months), static_cast<std::int64_t>(days),
                    static_cast<std::int64_t>(secs), static_cast<std::int32_t>(rest)};
}

Temporal datetime_at(Wide128 instant, std::uint16_t zone, std::int32_t offset) {
    Temporal t;
    t.type = Temporal::Type::DateTime;
    t.zone = zone;
    Wide128 secs = instant / kNanosPerSecond;
    if (instant % kNanosPerSecond < 0) --secs;
    t.offset = zone ? zone_offset_at_instant(zone, static_cast<std::int64_t>(secs)) : offset;
    Wide128 local = instant + static_cast<Wide128>(t.offset) * kNanosPerSecond;
    Wide128 d = local / kNanosPerDay, n = local % kNanosPerDay;
    if (n < 0) n += kNanosPerDay, --d;
    t.days = static_cast<std::int64_t>(d);
    t.nanos = static_cast<std::int64_t>(n);
    return t;
}

}  // namespace liaison
