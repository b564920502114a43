// liaison query FILE 'MATCH ...' | -f query.cyp [--param k=v]... [--format table|json|csv]
//               [--timeout SECONDS] [--max-memory SIZE]
// Runs a query (docs/query.md). Reads see the committed database; a query that writes commits
// one transaction to FILE's journal.
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/query/store_query.hpp"
#include "query_limits.hpp"
#include "query_print.hpp"

namespace liaison::cli {

namespace {

struct QueryOptions {
    std::string file;
    std::string text;
    std::string query_file;
    std::vector<std::string> params;
    OutputFormat format = OutputFormat::Table;
    LimitOptions limits;
};

query::ValueMap parse_params(const std::vector<std::string>& params) {
    query::ValueMap out;
    for (const auto& p : params) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw ArgumentError(fmt::format("--param expects NAME=VALUE, got '{}'", p));
        query::map_set(out, p.substr(0, eq), query::parse_parameter(p.substr(eq + 1)));
    }
    return out;
}

int run_query_command(const QueryOptions& o) {
    std::string text = o.text;
    if (!o.query_file.empty()) {
        std::ifstream in(o.query_file);
        if (!in) throw SystemError(fmt::format("cannot read {}", o.query_file));
        std::stringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    if (text.empty()) throw ArgumentError("give a query, or -f FILE with one");
    Database db = Database::open(o.file);
    for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
    query::QueryResult r = query::execute(db, text, parse_params(o.params), o.limits.limits());
    print(render_query_result(r, o.format));
    return 0;
}

}  // namespace

void register_query(CLI::App& app, Action& run) {
    auto o = std::make_shared<QueryOptions>();
    auto* cmd = app.add_subcommand("query", "Run a query (a subset of openCypher) on a network");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("query", o->text, "The query text");
    cmd->add_option("-f,--file-query", o->query_file, "Read the query from a file (.cyp)");
    cmd->add_option("--param", o->params,
                    "A parameter NAME=VALUE (VALUE as a literal: 42, 'x', [1])");
    add_format_option(cmd, o->format);
    add_limit_options(cmd, o->limits);
    cmd->callback([o, &run] { run = [o] { return run_query_command(*o); }; });
}

}  // namespace liaison::cli
