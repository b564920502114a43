// Named time zones through ICU's copy of the IANA database: the table maps a small index (what
// a Temporal holds) to the zone's name and its ICU rules.
#include <memory>
#include <mutex>
#include <vector>

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "liaison/core/temporal.hpp"

namespace liaison {

namespace {

struct Zones {
    std::mutex mutex;
    std::vector<std::string> names;
    std::vector<std::unique_ptr<icu::TimeZone>> rules;
};

Zones& zones() {
    static Zones z;
    return z;
}

const icu::TimeZone& rules_of(std::uint16_t zone) {
    Zones& z = zones();
    std::lock_guard lock(z.mutex);
    return *z.rules.at(zone - 1);
}

}  // namespace

std::optional<std::uint16_t> zone_id(std::string_view name) {
    Zones& z = zones();
    std::lock_guard lock(z.mutex);
    for (std::size_t i = 0; i < z.names.size(); ++i)
        if (z.names[i] == name) return static_cast<std::uint16_t>(i + 1);
    if (z.names.size() >= 65535 || name.empty()) return std::nullopt;
    icu::UnicodeString id = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(id));
    icu::UnicodeString got;
    tz->getID(got);
    if (got == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return std::nullopt;
    z.names.emplace_back(name);
    z.rules.push_back(std::move(tz));
    return static_cast<std::uint16_t>(z.names.size());
}

const std::string& zone_name(std::uint16_t zone) {
    Zones& z = zones();
    std::lock_guard lock(z.mutex);
    return z.names.at(zone - 1);
}

std::int32_t zone_offset_at_instant(std::uint16_t zone, std::int64_t epoch_seconds) {
    std::int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    rules_of(zone).getOffset(static_cast<UDate>(epoch_seconds) * 1000.0, false, raw, dst, status);
    return U_FAILURE(status) ? 0 : (raw + dst) / 1000;
}

std::int32_t zone_offset_at_local(std::uint16_t zone, std::int64_t days, std::int64_t nanos) {
    const icu::TimeZone& tz = rules_of(zone);
    auto local_ms = static_cast<UDate>(days) * 86'400'000.0 + static_cast<UDate>(nanos / 1'000'000);
    std::int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    // A local time in a gap reads with the offset before it (so it moves forward); one that
    // occurs twice takes the earlier offset.
    if (const auto* basic = dynamic_cast<const icu::BasicTimeZone*>(&tz))
        basic->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst,
                                  status);
    else
        tz.getOffset(local_ms, true, raw, dst, status);
    return U_FAILURE(status) ? 0 : (raw + dst) / 1000;
}

}  // namespace liaison
