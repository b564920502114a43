// liaison shell FILE : an interactive query shell with history (~/.liaison_history) and
// multi-line input: a statement ends with ';' (or an empty line). Commands: :help, :quit,
// :format table|json|csv, :param NAME=VALUE, :params.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/query/store_query.hpp"
#include "query_limits.hpp"
#include "query_print.hpp"

namespace liaison::cli {

namespace {

struct ShellOptions {
    std::string file;
    OutputFormat format = OutputFormat::Table;
    LimitOptions limits;  // for each statement
};

std::string history_file() {
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/.liaison_history" : "";
}

std::string trim(const std::string& s) {
    auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// Reads one line; with a terminal through readline (editing, history), else from stdin.
bool read_line(const char* prompt, bool interactive, std::string& line) {
    if (interactive) {
        char* raw = readline(prompt);
        if (!raw) return false;
        line = raw;
        std::free(raw);
        return true;
    }
    char buf[4096];
    line.clear();
    while (std::fgets(buf, sizeof buf, stdin)) {
        line += buf;
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
            return true;
        }
    }
    return !line.empty();
}

int run_shell(ShellOptions& o) {
    Database db = Database::open(o.file);
    bool interactive = isatty(0);
    std::string hist = history_file();
    if (interactive && !hist.empty()) read_history(hist.c_str());
    if (interactive)
        print(
            fmt::format("liaison shell on {} ({} nodes, {} edges). End statements with ';'. "
                        ":help for help.\n",
                        o.file, db.graph().node_count(), db.graph().edge_count()));
    query::ValueMap params;
    std::string buffer, line;
    while (read_line(buffer.empty() ? "liaison> " : "      -> ", interactive, line)) {
        std::string t = trim(line);
        if (buffer.empty() && !t.empty() && t[0] == ':') {
            if (interactive) add_history(t.c_str());
            if (t == ":quit" || t == ":q" || t == ":exit") break;
            if (t == ":help") {
                print(
                    ":quit  :format table|json|csv  :param NAME=VALUE  :params\n"
                    "Queries may span lines and end with ';'. EXPLAIN / PROFILE show plans.\n");
            } else if (t.rfind(":format ", 0) == 0) {
                std::string f = trim(t.substr(8));
                o.format = f == "json"  ? OutputFormat::Json
                           : f == "csv" ? OutputFormat::Csv
                                        : OutputFormat::Table;
            } else if (t.rfind(":param ", 0) == 0) {
                std::string p = trim(t.substr(7));
                auto eq = p.find('=');
                if (eq == std::string::npos)
                    fmt::print(stderr, "usage: :param NAME=VALUE\n");
                else
                    query::map_set(params, trim(p.substr(0, eq)),
                                   query::parse_parameter(trim(p.substr(eq + 1))));
            } else if (t == ":params") {
                for (const auto& [k, v] : params)
                    print(fmt::format("${} = {}\n", k, query::to_debug_string(v)));
            } else {
                fmt::print(stderr, "unknown command {} (:help)\n", t);
            }
            continue;
        }
        if (t.empty() && buffer.empty()) continue;
        buffer += (buffer.empty() ? "" : "\n") + line;
        bool complete = t.empty() || t.back() == ';';
        if (!complete) continue;
        std::string statement = trim(buffer);
        buffer.clear();
        if (statement.empty()) continue;
        if (interactive) add_history(statement.c_str());
        try {
            query::QueryResult r = query::execute(db, statement, params, o.limits.limits());
            print(render_query_result(r, o.format));
        } catch (const Error& e) {
            fmt::print(stderr, "{}\n", e.what());
        }
        std::fflush(stdout);
    }
    if (interactive && !hist.empty()) write_history(hist.c_str());
    return 0;
}

}  // namespace

void register_shell(CLI::App& app, Action& run) {
    auto o = std::make_shared<ShellOptions>();
    auto* cmd = app.add_subcommand("shell", "An interactive query shell on a network");
    cmd->add_option("file", o->file, "Network file")->required();
    add_format_option(cmd, o->format);
    add_limit_options(cmd, o->limits);
    cmd->callback([o, &run] { run = [o] { return run_shell(*o); }; });
}

}  // namespace liaison::cli
