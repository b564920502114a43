// ICEWS event files: tab-separated with a header row naming the columns (Event ID, Event Date,
// Source Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name,
// Target Sectors, Target Country, Story ID, Sentence Number, Publisher, City, District,
// Province, Country, Latitude, Longitude), found by name (docs/interchange.md).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "interchange/events.hpp"
#include "interchange/formats.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

enum Column : std::size_t {
    kEventId,
    kEventDate,
    kSourceName,
    kSourceSectors,
    kSourceCountry,
    kCameoCode,
    kIntensity,
    kTargetName,
    kTargetSectors,
    kTargetCountry,
    kStoryId,
    kPublisher,
    kColumnCount
};
constexpr const char* kHeader[kColumnCount] = {
    "Event ID",  "Event Date",  "Source Name",    "Source Sectors", "Source Country", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",       "Publisher"};
constexpr std::size_t kRequired = kStoryId;  // Story ID and Publisher may be missing

// A field as written; a quoted one ("…") without its quotes.
std::string_view unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
    return s;
}

// "2025-03-14" (or "20250314"), a real day.
std::optional<Date> event_date(std::string_view s) {
    if (s.size() == 8 &&
        std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::string iso = fmt::format("{}-{}-{}", s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
        return event_date(iso);
    }
    std::optional<Date> d = s.size() == 10 ? Date::parse(s) : std::nullopt;
    if (d && d->precision() != Date::Precision::Day) return std::nullopt;
    return d;
}

// A CAMEO code as ICEWS files write it; files that went through a spreadsheet lose the
// leading zero ("42" for 042, "211" for 0211): the root code (01–20) tells.
std::string cameo_code(std::string_view s) {
    std::string c(s);
    if (c.size() == 2 && c > "20") c = "0" + c;
    if (c.size() == 3 && c.substr(0, 2) > "20") c = "0" + c;
    return c;
}

class IcewsReader {
public:
    IcewsReader(const std::string& name, EventGraphBuilder& out) : name_(name), out_(out) {
        at_.fill(SIZE_MAX);
    }

    void row(const TabRow& r) {
        if (!header_done_) return header(r);
        const auto& f = r.fields;
        std::size_t need = 0;
        for (std::size_t c = 0; c < kColumnCount; ++c)
            if (at_[c] != SIZE_MAX) need = std::max(need, at_[c] + 1);
        if (f.size() < need) {
            out_.bad_row(r.number, r.column(f.size()),
                         fmt::format("expected {} tab-separated fields (as the header), found {}",
                                     columns_, f.size()));
            return;
        }
        auto get = [&](Column c) {
            return at_[c] == SIZE_MAX ? std::string_view() : unquote(f[at_[c]]);
        };
        std::string_view id = get(kEventId);
        if (id.empty()) return field(r, kEventId, "an event id");
        std::string code = cameo_code(get(kCameoCode));
        if (!is_cameo_code(code)) return field(r, kCameoCode, "a CAMEO code (2 to 4 digits)");
        std::optional<Date> date = event_date(get(kEventDate));
        if (!date) return field(r, kEventDate, "a date YYYY-MM-DD");
        EventFields e;
        e.id = id;
        e.date = *date;
        double intensity = 0;
        std::string_view in = get(kIntensity);
        auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), intensity);
        if (in.empty() || ec != std::errc() || end != in.data() + in.size() ||
            !std::isfinite(intensity))
            return field(r, kIntensity, "a number (intensity)");
        e.intensity = intensity;
        for (Column c : {kSourceName, kSourceSectors, kSourceCountry, kTargetName, kTargetSectors,
                         kTargetCountry, kPublisher})
            if (find_invalid_utf8(get(c))) return field(r, c, "UTF-8 text");
        if (!out_.wanted(code)) return;
        if (get(kSourceName).empty() || get(kTargetName).empty()) return out_.one_sided();
        e.source = actor(get(kSourceName), get(kSourceSectors), get(kSourceCountry));
        e.target = actor(get(kTargetName), get(kTargetSectors), get(kTargetCountry));
        if (e.source == kNoIndex || e.target == kNoIndex) return out_.one_sided();
        e.cameo = code;
        e.document = out_.document_for_story(get(kStoryId), get(kPublisher));
        out_.add_event(e);
    }

    bool saw_header() const { return header_done_; }

private:
    void header(const TabRow& r) {
        header_done_ = true;
        columns_ = r.fields.size();
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            std::string_view h = unquote(r.fields[i]);
            if (i == 0 && h.starts_with("\xEF\xBB\xBF")) h.remove_prefix(3);
            for (std::size_t c = 0; c < kColumnCount; ++c)
                if (h == kHeader[c]) at_[c] = i;
        }
        // A header without a column the import needs is an error even with --skip-bad-rows.
        std::vector<InputError> missing;
        for (std::size_t c = 0; c < kRequired; ++c)
            if (at_[c] == SIZE_MAX)
                missing.emplace_back(
                    TextPosition{name_, r.number, 1},
                    fmt::format("expected an ICEWS header with the column '{}'", kHeader[c]));
        if (!missing.empty()) throw ImportError(std::move(missing));
    }

    void field(const TabRow& r, Column c, std::string_view expected) {
        std::string_view found = r.fields[at_[c]].substr(0, 40);
        out_.bad_row(r.number, r.column(at_[c]),
                     fmt::format("field {} ({}): expected {}, found '{}'", at_[c] + 1, kHeader[c],
                                 expected, found));
    }

    NodeIndex actor(std::string_view name, std::string_view sectors, std::string_view country) {
        if (name.empty()) return kNoIndex;
        key_.assign(name);
        key_ += '\t';
        key_ += country;
        if (auto it = names_.find(key_); it != names_.end()) return it->second;
        NodeIndex n = resolve(name, sectors, country);
        names_.emplace(key_, n);
        return n;
    }

    NodeIndex resolve(std::string_view name, std::string_view sectors, std::string_view country) {
        const CameoTables& t = out_.tables();
        const CountryEntry* c = country.empty() ? nullptr : t.country_named(country);
        if (c && (ascii_lower(name) == ascii_lower(country) || name == c->en))
            return out_.country_node(*c);
        if (!c && !country.empty() && ascii_lower(name) == ascii_lower(country))
            if (const CountryEntry* named = t.country_named(name)) return out_.country_node(*named);
        const ActorKind* kind = sectors.empty() ? nullptr : t.sector(sectors);
        // ICEWS names a generic actor with its country in parentheses: "Police (India)".
        if (name.back() == ')' && name.find('(') != name.npos)
            return out_.generic_node(name, kind ? kind->role_label : "Group", c, sectors);
        std::string label = kind ? kind->named_label : "Person";
        NodeIndex n = out_.named_node(name, label, c, "sectors", sectors);
        return n;
    }

    const std::string& name_;
    EventGraphBuilder& out_;
    std::array<std::size_t, kColumnCount> at_{};
    std::size_t columns_ = 0;
    bool header_done_ = false;
    std::string key_;
    std::unordered_map<std::string, NodeIndex> names_;
};

}  // namespace

ImportResult read_icews(const std::string& name, std::string_view text,
                        const ImportOptions& options) {
    ProblemLog log(options.strict);
    EventGraphBuilder out(name, options, log);
    IcewsReader reader(name, out);
    for_each_tab_row(text, options, [&](const TabRow& r) { reader.row(r); });
    if (!reader.saw_header())
        throw ImportError({InputError({name, 1, 1}, "empty file; expected an ICEWS header row")});
    return out.finish("ICEWS");
}

}  // namespace liaison::detail
