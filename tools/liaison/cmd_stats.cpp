// liaison stats FILE : counts by label and type, density, components, date range.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/model/summary.hpp"

namespace liaison::cli {

namespace {
struct StatsOptions {
    std::string file;
    OutputFormat format = OutputFormat::Table;
};

std::string json_counts(const std::map<std::string, std::size_t>& counts) {
    std::string out = "{";
    for (const auto& [k, v] : counts)
        out += fmt::format("{}{}: {}", out.size() > 1 ? ", " : "", json_quote(k), v);
    return out + "}";
}

int run_stats(const StatsOptions& o) {
    PropertyGraph g = load_graph(o.file);
    GraphSummary s = summarize(g);
    std::string from = s.earliest ? s.earliest->to_string() : "";
    std::string to = s.latest ? s.latest->to_string() : "";
    if (o.format == OutputFormat::Json) {
        print(fmt::format(
            "{{\"file\": {}, \"nodes\": {}, \"edges\": {}, \"nodes_by_label\": {}, "
            "\"edges_by_type\": {}, \"density\": {}, \"components\": {}, "
            "\"largest_component\": {}, \"earliest\": {}, \"latest\": {}, \"documents\": {}, "
            "\"sources\": {}}}\n",
            json_quote(o.file), s.nodes, s.edges, json_counts(s.nodes_by_label),
            json_counts(s.edges_by_type), s.density, s.components, s.largest_component,
            s.earliest ? json_quote(from) : "null", s.latest ? json_quote(to) : "null", s.documents,
            s.sources));
        return 0;
    }
    Table t({"measure", "value"});
    t.add_row({"nodes", std::to_string(s.nodes)});
    t.add_row({"edges", std::to_string(s.edges)});
    t.add_row({"density", fmt::format("{:.4f}", s.density)});
    t.add_row({"components", std::to_string(s.components)});
    t.add_row({"largest component", std::to_string(s.largest_component)});
    t.add_row({"date range", s.earliest ? from + " .. " + to : "(undated)"});
    t.add_row({"documents", std::to_string(s.documents)});
    t.add_row({"quotes cited", std::to_string(s.sources)});
    for (const auto& [label, n] : s.nodes_by_label)
        t.add_row({"label " + label, std::to_string(n)});
    for (const auto& [type, n] : s.edges_by_type) t.add_row({"type " + type, std::to_string(n)});
    if (o.format == OutputFormat::Table) {
        std::string title = g.graph_label.empty() ? o.file : g.graph_label;
        print(title + "\n\n");
    }
    print(t.render(o.format));
    return 0;
}
}  // namespace

void register_stats(CLI::App& app, Action& run) {
    auto o = std::make_shared<StatsOptions>();
    auto* cmd = app.add_subcommand("stats", "Counts by label and type, density, components, dates");
    cmd->add_option("file", o->file, "Network file")->required();
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_stats(*o); }; });
}

}  // namespace liaison::cli
