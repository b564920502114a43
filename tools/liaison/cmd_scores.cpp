// liaison scores FILE RESULTS [--by COLUMN] [--top N] [--write [--prefix P]]: the per-node
// results of liaison-dist (docs/scale.md), printed as `rank` prints, or stored in the database
// as node properties in one transaction.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "cmd_scores_reader.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/ranking.hpp"
#include "liaison/store/database.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct ScoresOptions {
    std::string file;
    std::string results;
    std::string by;
    std::vector<std::string> columns;
    std::size_t top = 20;
    bool write = false;
    std::string prefix = "dist_";
    double wait = 0;
    bool no_compact = false;
    OutputFormat format = OutputFormat::Table;
};

// The columns asked for (--columns, else all), as indices into the table's.
std::vector<std::size_t> chosen_columns(const ScoresOptions& o, const ResultsTable& t) {
    auto index_of = [&](const std::string& name, const char* flag) {
        auto it = std::find(t.columns.begin(), t.columns.end(), name);
        if (it == t.columns.end())
            throw ArgumentError(fmt::format("{} {}: {} has no such column (it has {})", flag, name,
                                            o.results, fmt::join(t.columns, ", ")));
        return static_cast<std::size_t>(it - t.columns.begin());
    };
    std::vector<std::size_t> out;
    for (const std::string& c : o.columns) out.push_back(index_of(c, "--columns"));
    if (out.empty())
        for (std::size_t c = 0; c < t.columns.size(); ++c) out.push_back(c);
    if (!o.by.empty() && std::find(out.begin(), out.end(), index_of(o.by, "--by")) == out.end())
        throw ArgumentError(fmt::format("--by {}: not among --columns", o.by));
    return out;
}

// An id the database lacks, or one given twice, is bad input at its line.
void check_ids(const ScoresOptions& o, const ResultsTable& t, const PropertyGraph& g) {
    std::vector<std::size_t> line_of(g.node_count(), 0);
    for (std::size_t r = 0; r < t.ids.size(); ++r) {
        auto at = g.find_id(t.ids[r]);
        if (!at)
            throw InputError({o.results, t.lines[r], 1},
                             fmt::format("node '{}' is not in {}; expected the ids of the "
                                         "projection exported from it (FILE.mtx.ids)",
                                         t.ids[r], o.file));
        if (line_of[*at] != 0)
            throw InputError({o.results, t.lines[r], 1},
                             fmt::format("node '{}' again (first on line {}); expected each node "
                                         "once",
                                         t.ids[r], line_of[*at]));
        line_of[*at] = t.lines[r];
    }
}

Cell value_cell(double x, bool integer, bool exact) {
    if (integer && std::isfinite(x)) return Cell(static_cast<std::int64_t>(x));
    return Cell::number(x, format_score(x, exact));
}

// Whether a value stands for no result: not finite, or a BFS level of -1 (not reached).
bool no_value(const std::string& column, double x) {
    return !std::isfinite(x) || (column == "bfs" && x < 0);
}

// One transaction: every chosen column on every row's node (a missing value removes the
// property, so no stale value of an earlier run stays). Nothing is stored when a node has gone
// since the check (another writer removed it).
UpdateResult store_columns(Database& db, const ScoresOptions& o, const ResultsTable& t,
                           const std::vector<std::size_t>& columns) {
    std::vector<std::string> keys;
    std::vector<bool> integer;
    for (std::size_t c : columns) {
        keys.push_back(o.prefix + t.columns[c]);
        integer.push_back(integer_column(t, c));
    }
    try {
        return db.update(
            [&](WriteTransaction& tx) {
                for (std::size_t r = 0; r < t.ids.size(); ++r) {
                    auto at = tx.graph().find_id(t.ids[r]);
                    if (!at)
                        throw InputError({o.results, t.lines[r], 1},
                                         fmt::format("node '{}' was removed from {} by another "
                                                     "writer; nothing was stored",
                                                     t.ids[r], o.file));
                    Node n = tx.graph().node(*at);
                    const Properties before = n.properties;
                    for (std::size_t k = 0; k < columns.size(); ++k) {
                        const double x = t.values[columns[k]][r];
                        if (no_value(t.columns[columns[k]], x))
                            n.properties.erase(keys[k]);
                        else if (integer[k])
                            n.properties.set(keys[k], Value(static_cast<std::int64_t>(x)));
                        else
                            n.properties.set(keys[k], Value(x));
                    }
                    if (!(n.properties == before)) tx.update_node(std::move(n));
                }
            },
            {.wait_seconds = o.wait, .compact = !o.no_compact, .compact_later = true});
    } catch (const LockError& e) {
        throw LockError(fmt::format("{} (to wait for it: --wait SECONDS)", e.what()),
                        e.holder_pid());
    }
}

int run_scores(const ScoresOptions& o) {
    Progress bar("scores", 3);  // reading, loading and checking, storing
    bar.step(fmt::format("reading {}", o.results));
    ResultsTable t = read_results(o.results);
    const std::vector<std::size_t> columns = chosen_columns(o, t);
    bar.step(fmt::format("loading {}", o.file));
    Database db = Database::open(o.file);
    for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
    check_ids(o, t, db.graph());
    UpdateResult stored;
    if (o.write) {
        bar.step(fmt::format("storing in {}", o.file));
        stored = store_columns(db, o, t, columns);
        warn_if_deferred(o.file, stored);
    }
    bar.finish();

    const std::size_t by =
        o.by.empty() ? columns.front()
                     : static_cast<std::size_t>(
                           std::find(t.columns.begin(), t.columns.end(), o.by) - t.columns.begin());
    const bool exact = o.format != OutputFormat::Table;
    std::vector<std::string> headers{"rank", "id", "name"};
    std::vector<bool> integer;
    for (std::size_t c : columns) {
        headers.push_back(t.columns[c]);
        integer.push_back(integer_column(t, c));
    }
    Table table(headers);
    const PropertyGraph& g = db.graph();
    std::vector<std::string> ids(t.ids.begin(), t.ids.end());
    std::size_t rank = 0;
    for (analysis::Vertex r : analysis::ranking(t.values[by], ids, o.top)) {
        const Node& n = g.node(*g.find_id(ids[r]));
        std::vector<Cell> row{++rank, n.id,
                              names_cell(n, exact ? n.display_name() : shorten(n.display_name()))};
        for (std::size_t k = 0; k < columns.size(); ++k)
            row.push_back(value_cell(t.values[columns[k]][r], integer[k], exact));
        table.add_row(std::move(row));
    }
    std::string text;
    if (o.format == OutputFormat::Table)
        text = fmt::format("{} by {} ({} nodes in {})\n\n",
                           g.graph_label.empty() ? o.file : g.graph_label, t.columns[by],
                           t.ids.size(), o.results);
    text += table.render(o.format);
    if (!o.write) {
        print(text);
        return 0;
    }
    // The change is committed: a failure to print it must not read as a failed store.
    print_committed(text);
    std::vector<std::string> keys;
    for (std::size_t c : columns) keys.push_back(o.prefix + t.columns[c]);
    fmt::print(stderr, "liaison: wrote {} on {} nodes of {} ({} changed)\n", fmt::join(keys, ", "),
               t.ids.size(), o.file, stored.operations);
    return 0;
}

}  // namespace

void register_scores(CLI::App& app, Action& run) {
    auto o = std::make_shared<ScoresOptions>();
    auto* cmd = app.add_subcommand(
        "scores", "Show or store per-node results computed elsewhere (liaison-dist's -o file)");
    cmd->add_option("file", o->file, "Network file the results were projected from")->required();
    cmd->add_option("results", o->results,
                    "Results file: a header id<TAB>algorithm…, then one line per node")
        ->required();
    cmd->add_option("--by", o->by, "Sort by this column (default: the first)");
    cmd->add_option("--columns", o->columns, "Only these columns (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--top", o->top, "Show the first N (0: all; default 20)");
    cmd->add_flag("--write", o->write,
                  "Store each column as a node property, all in one transaction");
    cmd->add_option("--prefix", o->prefix,
                    "Property name before the column's for --write (default dist_)");
    cmd->add_option("--wait", o->wait, "With --write: wait up to SECONDS for another writer")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-compact", o->no_compact,
                  "With --write: leave the change in FILE.journal instead of folding it into "
                  "FILE");
    add_wide_flag(cmd);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_scores(*o); }; });
}

}  // namespace liaison::cli
