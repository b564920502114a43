#pragma once
// Relation types: their direction (symmetric or not) and bilingual labels.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

using RelationId = std::uint16_t;

struct RelationType {
    std::string name;        // UPPER_SNAKE_CASE
    bool symmetric = false;  // stored once, read in both directions (MET_WITH, SIGNED_MOU)
    std::string ar;          // Arabic label, e.g. "التقى"
    std::string en;          // English label, e.g. "met with"
    bool builtin = false;    // known to liaison; not written to a file's metadata
};

// Interns relation types to small integers so edges carry 2 bytes instead of a string.
class RelationRegistry {
public:
    RelationRegistry();  // with the built-in types of docs/model.md
    std::optional<RelationId> find(std::string_view name) const;
    const RelationType& get(RelationId id) const { return types_[id]; }
    // Declares a type (or redeclares one with the same direction); throws ArgumentError when the
    // name is malformed or the direction contradicts an earlier declaration.
    RelationId declare(RelationType type);
    std::size_t size() const { return types_.size(); }
    const std::vector<RelationType>& all() const { return types_; }

private:
    std::vector<RelationType> types_;
};

bool is_relation_name(std::string_view name);  // ^[A-Z][A-Z0-9_]*$

}  // namespace liaison
