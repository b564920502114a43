#pragma once
// The two ways the native reader can go (parse_graph_json tries the first, then the second).
// Exposed so that tests can prove them equivalent on every file they hold.
#include <optional>
#include <string>
#include <string_view>

#include "model/property_graph.hpp"

namespace liaison::detail {

// The optimistic path: an in-situ parse without the schema validator and a converter that checks
// every rule of the schema and every semantic check itself. Returns nullopt on anything it does
// not fully accept (including anything valid but unusual), never a different graph.
std::optional<PropertyGraph> parse_graph_json_fast(std::string_view text);
// The same on text the caller owns, parsed in place: `buffer` holds `size` bytes of text followed
// by at least 8 NULs, and is overwritten whatever the outcome.
std::optional<PropertyGraph> parse_graph_json_fast_in_place(std::string& buffer, std::size_t size);

// The validated path alone: schema validator, then the converter; the reference for every
// accepted graph and the only source of error messages ("file:line:column: ...").
PropertyGraph parse_graph_json_validated(std::string_view text, const std::string& name);

}  // namespace liaison::detail
