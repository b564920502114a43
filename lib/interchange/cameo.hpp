#pragma once
// The tables behind the GDELT and ICEWS importers (docs/interchange.md): CAMEO event codes →
// relation types, actor type codes and ICEWS sectors → labels, and countries by ISO 3166-1
// alpha-3 code or by name. The relation and actor tables are the TSV files of cameo/, compiled
// in; country names come from ICU.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace liaison::detail {

struct CameoRelation {
    std::string prefix;  // "042", "06", or "*" for every other code
    std::string relation;
    bool symmetric = false;
    std::string en, ar;
};

struct ActorKind {
    std::string key;  // a type code ("GOV") or a sector word ("police")
    std::string named_label, role_label;
    std::string en, ar;              // what the role is called ("police")
    std::vector<std::string> words;  // names that name the role itself ("POLICE")
};

struct CountryEntry {
    std::string iso3;  // or a CAMEO region code ("MEA")
    std::string id;    // the node id: the English name as a slug, as extract ids countries
    std::string en, ar;
    bool region = false;
};

class CameoTables {
public:
    static const CameoTables& builtin();

    // The row of the longest prefix of `code` (digits), or the "*" row.
    const CameoRelation& relation_for(std::string_view code) const;
    const std::vector<CameoRelation>& relations() const { return relations_; }
    // A GDELT type code's row, or nullptr.
    const ActorKind* actor_type(std::string_view code) const;
    // The first sector row whose key one of the comma-separated sectors contains, or nullptr.
    const ActorKind* sector(std::string_view sectors) const;
    // By ISO alpha-3 or CAMEO region code; nullptr when unknown.
    const CountryEntry* country(std::string_view code) const;
    // By an English name (ICU's, or an alias of regions.tsv), compared case-insensitively.
    const CountryEntry* country_named(std::string_view name) const;

private:
    CameoTables();
    std::vector<CameoRelation> relations_;
    std::unordered_map<std::string, std::size_t> by_prefix_;
    std::vector<ActorKind> types_, sectors_;
    std::vector<CountryEntry> countries_;
    std::unordered_map<std::string, std::size_t> by_code_, by_name_;
};

// Lower-case ASCII letters; other bytes unchanged.
std::string ascii_lower(std::string_view s);

}  // namespace liaison::detail
