// liaison show FILE ENTITY : an entity found by id or any name, with its relations, dates and
// quoted sources.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/model/lookup.hpp"

namespace liaison::cli {

namespace {
struct ShowOptions {
    std::string file;
    std::string entity;
    OutputFormat format = OutputFormat::Table;
};

// A property value for people: ids of nodes (e.g. "event": "interpol-ga-93") become names.
std::string shown(const PropertyGraph& g, const Value& v) {
    if (v.kind() == Value::Kind::String)
        if (auto n = g.find_id(v.as_string())) return g.node(*n).display_name();
    return v.to_display();
}

std::string json_sources(const Sources& sources) {
    std::string out = "[";
    for (const Source& s : sources)
        out += fmt::format("{}{{\"document\": {}, \"quote\": {}}}", out.size() > 1 ? ", " : "",
                           json_quote(s.document), json_quote(s.quote));
    return out + "]";
}

std::string json_properties(const Properties& props) {
    std::string out = "{";
    for (const auto& [k, v] : props)
        out += fmt::format("{}{}: {}", out.size() > 1 ? ", " : "", json_quote(k), value_json(v));
    return out + "}";
}

std::string json_strings(const std::vector<std::string>& list) {
    std::string out = "[";
    for (const auto& s : list) out += (out.size() > 1 ? ", " : "") + json_quote(s);
    return out + "]";
}

std::string show_json(const PropertyGraph& g, NodeIndex n) {
    const Node& node = g.node(n);
    std::string rel = "[";
    g.for_each_incident(n, Direction::Both, [&](EdgeIndex ei, NodeIndex other) {
        const Edge& e = g.edge(ei);
        const char* dir = g.is_symmetric(e) ? "both" : e.source == n ? "out" : "in";
        rel += fmt::format(
            "{}\n  {{\"type\": {}, \"direction\": {}, \"other\": {}, \"other_name\": {}, "
            "\"time\": {}, \"properties\": {}, \"sources\": {}}}",
            rel.size() > 1 ? "," : "", json_quote(g.type_name(e)), json_quote(dir),
            json_quote(g.node(other).id), names_json(g.node(other).names), time_json(e.time),
            json_properties(e.properties), json_sources(e.sources));
    });
    rel += rel.size() > 1 ? "\n ]" : "]";
    return fmt::format(
        "{{\"id\": {}, \"labels\": {}, \"names\": {}, \"aliases\": {}, "
        "\"time\": {}, \"properties\": {}, \"sources\": {},\n \"relations\": {}}}\n",
        json_quote(node.id), json_strings(node.labels), names_json(node.names),
        json_strings(node.names.aliases), time_json(node.time), json_properties(node.properties),
        json_sources(node.sources), rel);
}

std::string show_text(const PropertyGraph& g, NodeIndex n) {
    const Node& node = g.node(n);
    std::string out;
    if (!node.names.en.empty()) out += node.names.en + "\n";
    if (!node.names.ar.empty()) out += node.names.ar + "\n";
    std::string labels;
    for (const auto& l : node.labels) labels += (labels.empty() ? "" : ", ") + l;
    out += fmt::format("  id: {}\n  labels: {}\n", node.id, labels);
    if (!node.names.aliases.empty()) {
        std::string a;
        for (const auto& s : node.names.aliases) a += (a.empty() ? "" : " · ") + s;
        out += "  aliases: " + a + "\n";
    }
    if (!node.time.empty()) out += "  time: " + node.time.to_string() + "\n";
    for (const auto& [k, v] : node.properties) out += fmt::format("  {}: {}\n", k, shown(g, v));
    for (const Source& s : node.sources)
        out += fmt::format("  source {}: «{}»\n", s.document, s.quote);

    std::size_t count = 0;
    std::string rel;
    g.for_each_incident(n, Direction::Both, [&](EdgeIndex ei, NodeIndex other) {
        const Edge& e = g.edge(ei);
        ++count;
        const char* arrow = g.is_symmetric(e) ? "—" : e.source == n ? "→" : "←";
        rel += fmt::format("\n{} {} {} ({})", arrow, g.type_name(e), g.node(other).display_name(),
                           g.node(other).id);
        if (!e.time.empty()) rel += "  [" + e.time.to_string() + "]";
        rel += "\n";
        for (const auto& [k, v] : e.properties) rel += fmt::format("    {}: {}\n", k, shown(g, v));
        for (const Source& s : e.sources)
            rel += fmt::format("    «{}» ({})\n", s.quote, s.document);
    });
    out += fmt::format("\nRelations ({}):\n", count) + rel;
    return out;
}

int run_show(const ShowOptions& o) {
    PropertyGraph g = load_graph(o.file);
    NodeIndex n = resolve(g, o.entity);
    print(o.format == OutputFormat::Json ? show_json(g, n) : show_text(g, n));
    return 0;
}
}  // namespace

void register_show(CLI::App& app, Action& run) {
    auto o = std::make_shared<ShowOptions>();
    auto* cmd = app.add_subcommand("show", "An entity (by id or any name) with its relations");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("entity", o->entity, "Id or any name, Arabic or English")->required();
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] { run = [o] { return run_show(*o); }; });
}

}  // namespace liaison::cli
