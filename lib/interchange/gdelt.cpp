// GDELT 2.0 event exports (the ".export.CSV" files, tab-separated, no header): the 61 columns
// of the GDELT Event Codebook 2.0, read straight into a graph (docs/interchange.md).
#include <charconv>
#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "interchange/events.hpp"
#include "interchange/formats.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

constexpr std::size_t kColumns = 61;
// Columns (0-based) the importer reads.
enum : std::size_t {
    kEventId = 0,
    kSqlDate = 1,
    kActor1 = 5,  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
                  // Religion2Code, Type1Code, Type2Code, Type3Code
    kActor2 = 15,
    kEventCode = 26,
    kGoldstein = 30,
    kNumMentions = 31,
    kAvgTone = 34,
    kSourceUrl = 60,
};
constexpr const char* kNames[kColumns] = {"GLOBALEVENTID",
                                          "SQLDATE",
                                          "MonthYear",
                                          "Year",
                                          "FractionDate",
                                          "Actor1Code",
                                          "Actor1Name",
                                          "Actor1CountryCode",
                                          "Actor1KnownGroupCode",
                                          "Actor1EthnicCode",
                                          "Actor1Religion1Code",
                                          "Actor1Religion2Code",
                                          "Actor1Type1Code",
                                          "Actor1Type2Code",
                                          "Actor1Type3Code",
                                          "Actor2Code",
                                          "Actor2Name",
                                          "Actor2CountryCode",
                                          "Actor2KnownGroupCode",
                                          "Actor2EthnicCode",
                                          "Actor2Religion1Code",
                                          "Actor2Religion2Code",
                                          "Actor2Type1Code",
                                          "Actor2Type2Code",
                                          "Actor2Type3Code",
                                          "IsRootEvent",
                                          "EventCode",
                                          "EventBaseCode",
                                          "EventRootCode",
                                          "QuadClass",
                                          "GoldsteinScale",
                                          "NumMentions",
                                          "NumSources",
                                          "NumArticles",
                                          "AvgTone",
                                          "Actor1Geo_Type",
                                          "Actor1Geo_FullName",
                                          "Actor1Geo_CountryCode",
                                          "Actor1Geo_ADM1Code",
                                          "Actor1Geo_ADM2Code",
                                          "Actor1Geo_Lat",
                                          "Actor1Geo_Long",
                                          "Actor1Geo_FeatureID",
                                          "Actor2Geo_Type",
                                          "Actor2Geo_FullName",
                                          "Actor2Geo_CountryCode",
                                          "Actor2Geo_ADM1Code",
                                          "Actor2Geo_ADM2Code",
                                          "Actor2Geo_Lat",
                                          "Actor2Geo_Long",
                                          "Actor2Geo_FeatureID",
                                          "ActionGeo_Type",
                                          "ActionGeo_FullName",
                                          "ActionGeo_CountryCode",
                                          "ActionGeo_ADM1Code",
                                          "ActionGeo_ADM2Code",
                                          "ActionGeo_Lat",
                                          "ActionGeo_Long",
                                          "ActionGeo_FeatureID",
                                          "DATEADDED",
                                          "SOURCEURL"};

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// YYYYMMDD, a real day.
std::optional<Date> sql_date(std::string_view s) {
    if (s.size() != 8 || !digits(s)) return std::nullopt;
    int y = number(s.substr(0, 4)), m = number(s.substr(4, 2)), d = number(s.substr(6, 2));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date{static_cast<std::int16_t>(y), static_cast<std::int8_t>(m),
                static_cast<std::int8_t>(d)};
}

template <class T>
std::optional<T> parse_number(std::string_view s) {
    T v{};
    if (s.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>)
        if (!std::isfinite(v)) return std::nullopt;  // "nan", "inf": no JSON number
    return v;
}

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

class GdeltReader {
public:
    GdeltReader(const std::string& name, EventGraphBuilder& out) : name_(name), out_(out) {}

    void row(const TabRow& r) {
        const auto& f = r.fields;
        if (r.number == 1 && r.line.starts_with("GLOBALEVENTID"))
            return;  // a header, as
                     // BigQuery writes
        if (f.size() != kColumns) {
            std::string hint = f.size() == 57 || f.size() == 58
                                   ? " (GDELT 1.0 files have 57 or 58; this reads GDELT 2.0)"
                                   : "";
            out_.bad_row(r.number, r.column(std::min(f.size(), kColumns)),
                         fmt::format("expected {} tab-separated fields (a GDELT 2.0 event), "
                                     "found {}{}",
                                     kColumns, f.size(), hint));
            return;
        }
        if (!digits(f[kEventId])) return field(r, kEventId, "an event id (digits)");
        std::string_view code = f[kEventCode];
        if (!is_cameo_code(code)) return field(r, kEventCode, "a CAMEO code (2 to 4 digits)");
        std::optional<Date> date = sql_date(f[kSqlDate]);
        if (!date) return field(r, kSqlDate, "a date YYYYMMDD");
        EventFields e;
        e.id = f[kEventId];
        e.date = *date;
        e.cameo = code;
        e.goldstein = parse_number<double>(f[kGoldstein]);
        if (!e.goldstein && !f[kGoldstein].empty())
            return field(r, kGoldstein, "a number (Goldstein scale)");
        e.mentions = parse_number<std::int64_t>(f[kNumMentions]);
        if (!e.mentions && !f[kNumMentions].empty())
            return field(r, kNumMentions, "a whole number");
        e.tone = parse_number<double>(f[kAvgTone]);
        if (!e.tone && !f[kAvgTone].empty()) return field(r, kAvgTone, "a number (tone)");
        for (std::size_t c :
             {std::size_t{kActor1 + 1}, std::size_t{kActor2 + 1}, std::size_t{kSourceUrl}})
            if (find_invalid_utf8(f[c])) return field(r, c, "UTF-8 text");
        if (!out_.wanted(code)) return;
        // An event of one actor is no edge: its actor gets no node of its own from it.
        if (f[kActor1].empty() || f[kActor2].empty()) return out_.one_sided();
        e.source = actor(r, kActor1);
        e.target = actor(r, kActor2);
        if (e.source == kNoIndex || e.target == kNoIndex) return out_.one_sided();
        e.document = out_.document_for_url(f[kSourceUrl]);
        out_.add_event(e);
    }

private:
    void field(const TabRow& r, std::size_t c, std::string_view expected) {
        std::string_view found = r.fields[c].substr(0, 40);
        out_.bad_row(r.number, r.column(c),
                     fmt::format("field {} ({}): expected {}, found '{}'", c + 1, kNames[c],
                                 expected, found));
    }

    // The node of the actor whose ten columns start at `at`; kNoIndex when there is none.
    NodeIndex actor(const TabRow& r, std::size_t at) {
        const auto& f = r.fields;
        std::string_view code = f[at], name = f[at + 1], country = f[at + 2];
        if (code.empty()) return kNoIndex;
        // Code and name are neighbours in the row: one view names the actor for the cache.
        std::string_view key(code.data(),
                             static_cast<std::size_t>(name.data() + name.size() - code.data()));
        auto& cache = out_.actor_cache();
        if (auto it = cache.find(key); it != cache.end()) return it->second;
        NodeIndex n = resolve(code, name, country, f[at + 3], f[at + 7], f[at + 8], f[at + 9]);
        cache.emplace(key, n);
        return n;
    }

    NodeIndex resolve(std::string_view code, std::string_view name, std::string_view country,
                      std::string_view known_group, std::string_view t1, std::string_view t2,
                      std::string_view t3) {
        const CameoTables& t = out_.tables();
        const CountryEntry* c = country.empty() ? nullptr : t.country(country);
        std::string_view type = !t1.empty() ? t1 : !t2.empty() ? t2 : t3;
        const ActorKind* kind = type.empty() ? nullptr : t.actor_type(type);
        if (!c && code.size() >= 3) c = t.country(code.substr(0, 3));
        if (!kind && code.size() == 3) kind = t.actor_type(code);  // a bare role code: "COP"
        // The country itself: its bare code ("MAR"), whatever place name GDELT gave.
        if (c && code == c->iso3 && !kind) return out_.country_node(*c);
        bool role_name = name.empty() || (c && (iequal(name, c->en) || name == c->iso3));
        if (kind)
            for (const std::string& w : kind->words) role_name = role_name || iequal(name, w);
        if (role_name && kind) return out_.role_node(c, *kind);
        if (role_name && c) return out_.country_node(*c);
        std::string label = kind                   ? kind->named_label
                            : !known_group.empty() ? std::string("Organization")
                                                   : std::string("Entity");
        return out_.named_node(name.empty() ? code : name, label, c, "cameo_code", code);
    }

    const std::string& name_;
    EventGraphBuilder& out_;
};

}  // namespace

ImportResult read_gdelt(const std::string& name, std::string_view text,
                        const ImportOptions& options) {
    if (name.ends_with(".zip") || name.ends_with(".ZIP") || text.starts_with("PK\x03\x04"))
        throw ImportError({InputError(
            {name, 1, 1},
            "a zip archive; expected the uncompressed .export.CSV (unzip it first: the GDELT "
            "importer reads tab-separated text only)")});
    ProblemLog log(options.strict);
    EventGraphBuilder out(name, options, log);
    GdeltReader reader(name, out);
    for_each_tab_row(text, options, [&](const TabRow& r) { reader.row(r); });
    return out.finish("GDELT");
}

}  // namespace liaison::detail
