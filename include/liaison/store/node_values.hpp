#pragma once
/// @file
/// Writing computed values back: one property on many nodes, in one transaction of a database
/// (the `--write` of `rank` and `communities`).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "liaison/core/value.hpp"
#include "liaison/store/database.hpp"

namespace liaison {

struct NodeValuesResult {
    std::size_t written = 0;  ///< nodes set; a node another writer removed meanwhile is skipped
    UpdateResult update;      ///< the commit, and whether compaction was deferred
};

/// Sets `property` on each node (by id) of the database at `path` in one Database::update
/// (under the writer lock, on the latest committed state), compacting when `options` asks.
NodeValuesResult write_node_values(const std::string& path, const std::string& property,
                                   const std::vector<std::pair<std::string, Value>>& values,
                                   const UpdateOptions& options = {.compact = true});

}  // namespace liaison
