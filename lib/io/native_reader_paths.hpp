#pragma once
// The two ways the native reader can go (parse_graph_json tries the first, then the second).
// Exposed so that tests can prove them equivalent on every file they hold.
#include <optional>
#include <string>
#include <string_view>

#include "liaison/model/property_graph.hpp"

namespace liaison::detail {

// The optimistic path: one SAX pass without the schema validator that checks every rule of the
// schema and every semantic check itself. Returns nullopt on anything it does not fully accept
// (including anything valid but unusual), never a different graph.
std::optional<PropertyGraph> parse_graph_json_fast(std::string_view text);
// The same on a file, mapped and never held whole; nullopt when it cannot be mapped too.
std::optional<PropertyGraph> read_graph_file_fast(const std::string& path);

// The validated path alone: schema validator, then the converter; the reference for every
// accepted graph and the only source of error messages ("file:line:column: ...").
PropertyGraph parse_graph_json_validated(std::string_view text, const std::string& name);

}  // namespace liaison::detail
