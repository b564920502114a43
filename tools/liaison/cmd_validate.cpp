// liaison validate FILE… : checks each network against the schema and the semantic rules, and
// (with --documents DIR) that every quote stands verbatim in its article. A JSON Schema among the
// files (graphs/*.json takes the network format's own) is skipped with a note, not failed.
#include <fmt/format.h>
#include <rapidjson/document.h>

#include <memory>
#include <optional>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/io/provenance.hpp"

namespace liaison::cli {

namespace {
struct ValidateOptions {
    std::vector<std::string> files;
    std::string documents;
    bool require_sources = false;
    OutputFormat format = OutputFormat::Table;
};

// Whether `path` holds a JSON Schema (a top-level "$schema" naming json-schema.org) rather than
// a network. Asked only of files that failed to load, so networks are read once.
bool is_json_schema(const std::string& path) {
    try {
        rapidjson::Document d;
        d.Parse(read_file(path).c_str());
        if (d.HasParseError() || !d.IsObject()) return false;
        auto it = d.FindMember("$schema");
        return it != d.MemberEnd() && it->value.IsString() &&
               std::string_view(it->value.GetString()).find("json-schema.org") !=
                   std::string_view::npos;
    } catch (const Error&) {
        return false;
    }
}

// One file's outcome; in JSON {"file", "status": ok|invalid|skipped, "nodes", "edges",
// "problems", "note"}.
struct Outcome {
    std::string file, status, note;
    std::optional<std::size_t> nodes, edges;
    std::vector<std::string> problems;
};

std::string outcome_json(const Outcome& r) {
    auto count = [](const std::optional<std::size_t>& n) {
        return n ? std::to_string(*n) : std::string("null");
    };
    return fmt::format(
        "{{\"file\": {}, \"status\": \"{}\", \"nodes\": {}, \"edges\": {}, \"problems\": {}, "
        "\"note\": {}}}",
        json_quote(r.file), r.status, count(r.nodes), count(r.edges),
        Cell::list(r.problems, "").json, r.note.empty() ? "null" : json_quote(r.note));
}

Outcome check(const ValidateOptions& o, const std::string& file) {
    Outcome r;
    r.file = file;
    r.status = "ok";
    try {
        PropertyGraph g = load_graph(file);
        r.nodes = g.node_count();
        r.edges = g.edge_count();
        if (!o.documents.empty()) r.problems = check_provenance(g, o.documents, o.require_sources);
        for (auto& p : r.problems) p = file + ": " + p;
    } catch (const Error& e) {
        if (is_json_schema(file)) {
            r.status = "skipped";
            r.note = "a JSON Schema, not a network";
            return r;
        }
        r.problems.push_back(e.what());
    }
    if (!r.problems.empty()) r.status = "invalid";
    return r;
}

int run_validate(const ValidateOptions& o) {
    int status = 0;
    JsonArray json;
    for (const auto& file : o.files) {
        const Outcome r = check(o, file);
        if (r.status == "invalid") status = 1;
        if (o.format == OutputFormat::Json) {
            json.add(outcome_json(r));
        } else if (r.status == "skipped") {
            print(fmt::format("{}: skipped ({})\n", file, r.note));
        } else if (r.status == "ok") {
            print(fmt::format("{}: ok ({} nodes, {} edges)\n", file, *r.nodes, *r.edges));
        } else {
            for (const auto& p : r.problems) fmt::print(stderr, "{}\n", p);
        }
    }
    if (o.format == OutputFormat::Json) print(json.render());
    return status;
}
}  // namespace

void register_validate(CLI::App& app, Action& run) {
    auto o = std::make_shared<ValidateOptions>();
    auto* cmd = app.add_subcommand("validate", "Check networks against the schema and rules");
    cmd->add_option("files", o->files, "Network files (.json)")->required();
    auto* documents =
        cmd->add_option("--documents", o->documents,
                        "Folder of the source articles: check every quote stands in its article");
    // Without the articles there is nothing to check sources against: a usage error, not a no-op.
    cmd->add_flag("--require-sources", o->require_sources,
                  "With --documents: every node and edge must cite a source")
        ->needs(documents);
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] { run = [o] { return run_validate(*o); }; });
}

}  // namespace liaison::cli
