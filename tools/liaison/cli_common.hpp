#pragma once
// Helpers shared by subcommands.
#include <CLI/CLI.hpp>
#include <string>

#include "model/property_graph.hpp"
#include "output.hpp"

namespace liaison::cli {

// Adds --format table|json|csv to a subcommand.
void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv = true);
// Loads a network from a file (the native format), throwing InputError on bad input.
PropertyGraph load_graph(const std::string& path);
// Prints to stdout.
void print(const std::string& text);

}  // namespace liaison::cli
