#include "interchange/cameo.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison::detail {

extern const char* const kCameoRelationsTsv;
extern const char* const kCameoActorsTsv;
extern const char* const kCameoRegionsTsv;

namespace {

// The rows of a TSV text: blank lines and "#" comments skipped, fields split at tabs.
std::vector<std::vector<std::string>> tsv_rows(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == text.npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        for (std::size_t start = 0;;) {
            std::size_t tab = line.find('\t', start);
            fields.emplace_back(line.substr(start, tab == line.npos ? tab : tab - start));
            if (tab == line.npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::vector<std::string> split_commas(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t comma = s.find(',', start);
        if (comma == s.npos) comma = s.size();
        if (comma > start) out.emplace_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// A country's node id as extract makes it: the English name in ASCII, runs of anything but
// letters and digits as one "-" ("Côte d’Ivoire" → "cote-d-ivoire").
std::string country_slug(const icu::UnicodeString& name, icu::Transliterator* to_ascii) {
    icu::UnicodeString u = name;
    if (to_ascii) to_ascii->transliterate(u);
    std::string utf8, out;
    u.toUTF8String(utf8);
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

const CameoTables& CameoTables::builtin() {
    static const CameoTables tables;
    return tables;
}

CameoTables::CameoTables() {
    for (auto& r : tsv_rows(kCameoRelationsTsv)) {
        if (r.size() < 5) throw Error("cameo/relations.tsv: a row has fewer than 5 fields");
        by_prefix_.emplace(r[0], relations_.size());
        relations_.push_back({r[0], r[1], r[2] == "yes", r[3], r[4]});
    }
    if (!by_prefix_.count("*")) throw Error("cameo/relations.tsv: no \"*\" row");
    for (auto& r : tsv_rows(kCameoActorsTsv)) {
        if (r.size() < 6) throw Error("cameo/actors.tsv: a row has fewer than 6 fields");
        ActorKind k{r[1], r[2], r[3],
                    r[4], r[5], r.size() > 6 ? split_commas(r[6]) : std::vector<std::string>{}};
        (r[0] == "type" ? types_ : sectors_).push_back(std::move(k));
    }

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_ascii(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) to_ascii.reset();
    const icu::Locale ar("ar"), en("en");
    for (const char* const* cc = icu::Locale::getISOCountries(); *cc; ++cc) {
        const icu::Locale region("", *cc);
        std::string iso3 = region.getISO3Country();
        if (iso3.size() != 3 || by_code_.count(iso3)) continue;
        icu::UnicodeString name_ar, name_en;
        region.getDisplayCountry(ar, name_ar);
        region.getDisplayCountry(en, name_en);
        CountryEntry c;
        c.iso3 = iso3;
        name_en.toUTF8String(c.en);
        name_ar.toUTF8String(c.ar);
        c.id = country_slug(name_en, to_ascii.get());
        if (c.id.empty()) c.id = ascii_lower(iso3);
        by_code_.emplace(iso3, countries_.size());
        by_name_.emplace(ascii_lower(c.en), countries_.size());
        countries_.push_back(std::move(c));
    }
    for (auto& r : tsv_rows(kCameoRegionsTsv)) {
        if (r.size() < 3) throw Error("cameo/regions.tsv: a row has fewer than 3 fields");
        if (r[0] == "region") {
            if (by_code_.count(r[1])) continue;
            CountryEntry c{r[1], "", r[2], r.size() > 3 ? r[3] : r[2], true};
            c.id = country_slug(icu::UnicodeString::fromUTF8(r[2]), to_ascii.get());
            by_code_.emplace(c.iso3, countries_.size());
            by_name_.emplace(ascii_lower(c.en), countries_.size());
            countries_.push_back(std::move(c));
        } else if (auto it = by_code_.find(r[2]); it != by_code_.end()) {
            by_name_.emplace(ascii_lower(r[1]), it->second);
        }
    }
}

const CameoRelation& CameoTables::relation_for(std::string_view code) const {
    for (std::size_t n = code.size(); n > 0; --n)
        if (auto it = by_prefix_.find(std::string(code.substr(0, n))); it != by_prefix_.end())
            return relations_[it->second];
    return relations_[by_prefix_.at("*")];
}

const ActorKind* CameoTables::actor_type(std::string_view code) const {
    for (const ActorKind& k : types_)
        if (k.key == code) return &k;
    return nullptr;
}

const ActorKind* CameoTables::sector(std::string_view sectors) const {
    std::string lower = ascii_lower(sectors);
    for (const ActorKind& k : sectors_)
        if (lower.find(k.key) != lower.npos) return &k;
    return nullptr;
}

const CountryEntry* CameoTables::country(std::string_view code) const {
    auto it = by_code_.find(std::string(code));
    return it == by_code_.end() ? nullptr : &countries_[it->second];
}

const CountryEntry* CameoTables::country_named(std::string_view name) const {
    auto it = by_name_.find(ascii_lower(name));
    return it == by_name_.end() ? nullptr : &countries_[it->second];
}

}  // namespace liaison::detail
