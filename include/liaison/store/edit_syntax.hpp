#pragma once
// The small text syntax of the edit commands (liaison set, remove, add-node …), kept in the
// library so it is tested once and every front end reads it the same way.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "liaison/core/value.hpp"
#include "liaison/store/ops.hpp"

namespace liaison::store {

// "key=text" sets the string `text`; "key:=JSON" sets a typed value written as in the native
// format: 12, 1.5, true, null, ["a", 2], {"date": "2025-11"}. Throws ArgumentError.
std::pair<std::string, Value> parse_assignment(std::string_view text);

// "SOURCE:RELATION:TARGET" names an edge, "SOURCE:RELATION:TARGET#N" the N-th (from 1) of
// parallel ones. nullopt when `text` holds no ':' (it is then a node or edge id); throws
// ArgumentError when it is malformed.
std::optional<EdgeRef> parse_edge_ref(std::string_view text);

}  // namespace liaison::store
