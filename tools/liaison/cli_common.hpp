#pragma once
// Helpers shared by subcommands.
#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

#include "model/property_graph.hpp"
#include "output.hpp"

namespace liaison::cli {

// Adds --format table|json|csv to a subcommand.
void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv = true);
// Loads a network from a file (the native format), throwing InputError on bad input.
PropertyGraph load_graph(const std::string& path);
// Sets `property` on each node (by id) in one transaction of the database at `path`, then
// compacts, like the edit commands: the --write of rank and communities. Nodes removed by
// another writer since the caller loaded are skipped. Returns how many nodes were written.
std::size_t write_node_property(const std::string& path, const std::string& property,
                                const std::vector<std::pair<std::string, Value>>& values);
// Writes `g` as the database at `path` (import -o, merge -o): a new database through the store,
// or with `replace` an existing one replaced under its writer lock, its journal dropped, so a
// concurrent writer is refused instead of losing its commits behind our back.
void write_database(const std::string& path, const PropertyGraph& g, bool replace);
// Prints to stdout.
void print(const std::string& text);

}  // namespace liaison::cli
