#include "cli_common.hpp"

#include <cstdio>
#include <map>

#include "io/native_format.hpp"

namespace liaison::cli {

void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv) {
    std::map<std::string, OutputFormat> choices{{"table", OutputFormat::Table},
                                                {"json", OutputFormat::Json}};
    if (with_csv) choices.emplace("csv", OutputFormat::Csv);
    cmd->add_option("--format", format, "Output: table (for people), json or csv")
        ->transform(CLI::CheckedTransformer(choices, CLI::ignore_case));
}

PropertyGraph load_graph(const std::string& path) { return read_graph_file(path); }

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace liaison::cli
