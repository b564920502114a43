#pragma once
// Reading and writing liaison's native format (docs/format.md): JSON Graph Format v2 with the
// liaison profile, validated against graphs/liaison.schema.json plus semantic checks.
#include <string>
#include <string_view>

#include "liaison/model/property_graph.hpp"

namespace liaison {

// Parses and validates a network. Throws InputError naming "file:line:column: what was expected"
// (file is `name`). Nothing is partially returned.
PropertyGraph parse_graph_json(std::string_view text, const std::string& name);
// Reads a file and parses it; I/O failures throw SystemError.
PropertyGraph read_graph_file(const std::string& path);  // a NAME.liaison base image too

// The canonical text of a graph: sorted keys, nodes by id, edges by (source, target, relation,
// time, id), one node / edge / document per line, UTF-8 unescaped, trailing newline.
std::string write_graph_json(const PropertyGraph& g);
// Writes the canonical text atomically (see write_file_atomic).
void save_graph_file(const PropertyGraph& g, const std::string& path);

// Replaces `path` with `content` so that a crash leaves either the old or the new file: writes a
// temporary file beside it, fsyncs it, renames it over `path`, fsyncs the folder. Throws
// SystemError (e.g. "disk full") and leaves `path` untouched on failure.
void write_file_atomic(const std::string& path, std::string_view content);
// Reads a whole file; throws SystemError naming the path.
std::string read_file(const std::string& path);

}  // namespace liaison
