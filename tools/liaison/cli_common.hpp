#pragma once
// Helpers shared by subcommands.
#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/store/database.hpp"
#include "output.hpp"

namespace liaison::cli {

// Values of --format that once named a written file's format (render's svg, png, …): still
// accepted for one release, with a deprecation line, and passed on to `sink`.
struct LegacyFileFormats {
    std::vector<std::string> values;
    std::vector<std::string>* sink = nullptr;
};
// Adds --format table|json|csv (what is printed) to a subcommand.
void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv = true,
                       LegacyFileFormats legacy = {});
// Adds `old_name` as a hidden, deprecated spelling of `new_name`: its values go to `target` and
// using it prints one deprecation line on stderr.
void add_deprecated_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                          std::string& target);
void add_deprecated_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                          std::vector<std::string>& target);
// Prints "liaison: warning: OLD is deprecated; use NEW" on stderr.
void warn_deprecated(const std::string& old_spelling, const std::string& new_spelling);
// For -o of a database (import, merge): "-" names no file there, so it is refused rather than
// written as a file called "-".
CLI::Validator database_file();
// Loads a network from a file (the native format), throwing InputError on bad input.
PropertyGraph load_graph(const std::string& path);
// Sets `property` on each node (by id) in one transaction of the database at `path`, then
// compacts, like the edit commands: the --write of rank and communities. Nodes removed by
// another writer since the caller loaded are skipped. Returns how many nodes were written.
std::size_t write_node_property(const std::string& path, const std::string& property,
                                const std::vector<std::pair<std::string, Value>>& values);
// After a committed update that asked for compaction: warns when the compaction was deferred.
// The change stands (it is in FILE.journal), so the command still succeeds.
void warn_if_deferred(const std::string& path, const UpdateResult& r);
// Prints to stdout; SystemError when it cannot be written.
void print(const std::string& text);
// Prints the summary of a change already committed: a failure to write it is a warning, never
// an error, since a command that reports a committed change as failed invites a repeat.
void print_committed(const std::string& text);

}  // namespace liaison::cli
