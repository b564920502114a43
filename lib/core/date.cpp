#include "liaison/core/date.hpp"

#include <fmt/format.h>

namespace liaison {

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static std::optional<int> digits(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<Date> Date::parse(std::string_view text) {
    Date d;
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    auto y = digits(text.substr(0, 4));
    if (!y || *y < 1 || *y > 9999) return std::nullopt;
    d.year = static_cast<std::int16_t>(*y);
    if (text.size() >= 7) {
        if (text[4] != '-') return std::nullopt;
        auto m = digits(text.substr(5, 2));
        if (!m || *m < 1 || *m > 12) return std::nullopt;
        d.month = static_cast<std::int8_t>(*m);
    }
    if (text.size() == 10) {
        if (text[7] != '-') return std::nullopt;
        auto dd = digits(text.substr(8, 2));
        if (!dd || *dd < 1 || *dd > days_in_month(d.year, d.month)) return std::nullopt;
        d.day = static_cast<std::int8_t>(*dd);
    }
    return d;
}

std::string Date::to_string() const {
    if (month == 0) return fmt::format("{:04}", year);
    if (day == 0) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Date::Precision Date::precision() const {
    return month == 0 ? Precision::Year : day == 0 ? Precision::Month : Precision::Day;
}

std::int64_t Date::first_day() const {
    return days_from_civil(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
}

std::int64_t Date::last_day() const {
    if (month == 0) return days_from_civil(year, 12, 31);
    if (day == 0) return days_from_civil(year, month, days_in_month(year, month));
    return days_from_civil(year, month, day);
}

std::strong_ordering Date::operator<=>(const Date& other) const {
    if (auto c = first_day() <=> other.first_day(); c != 0) return c;
    return precision() <=> other.precision();
}

bool TimeWindow::contains_span(std::int64_t first, std::int64_t last) const {
    if (from && last < from->first_day()) return false;
    if (to && first > to->last_day()) return false;
    return true;
}

std::string TimeWindow::to_string() const {
    if (unbounded()) return "all time";
    return fmt::format("{} .. {}", from ? from->to_string() : "", to ? to->to_string() : "");
}

}  // namespace liaison
