#pragma once
// Options and the run loop shared by the edit commands (add-node, add-edge, add-document, set,
// remove): each makes its change in one Database::update (on the latest committed state, under
// the writer lock), commits it (durable before the command answers), then, under the same lock,
// folds the journal into the file unless --no-compact, so `git diff` shows the change at once.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_common.hpp"
#include "liaison/store/database.hpp"
#include "liaison/store/edit_syntax.hpp"

namespace liaison::cli {

struct EditOptions {
    std::string file;
    double wait = 0;
    bool no_compact = false;
    std::vector<std::string> documents, quotes;  // --source DOC --quote TEXT, paired in order
    bool no_source = false;
    std::vector<std::string> assignments;  // key=text, key:=JSON
    std::string date, start, end;
    OutputFormat format = OutputFormat::Table;
};

inline void add_common_edit_options(CLI::App* cmd, EditOptions& o) {
    cmd->add_option("--wait", o.wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-compact", o.no_compact,
                  "Leave the change in FILE.journal instead of folding it into FILE");
    add_format_option(cmd, o.format, false);
}

inline void add_source_options(CLI::App* cmd, EditOptions& o) {
    cmd->add_option("--source", o.documents, "Document id supporting the fact (with --quote)");
    cmd->add_option("--quote", o.quotes, "Exact words of that document (one per --source)");
}

inline void add_fact_options(CLI::App* cmd, EditOptions& o) {
    cmd->add_option("--set", o.assignments,
                    "Property: key=text, or key:=JSON for typed values (12, true, "
                    "{\"date\":\"2025-11\"})");
    cmd->add_option("--date", o.date, "When: a date YYYY[-MM[-DD]]");
    cmd->add_option("--start", o.start, "When it began: YYYY[-MM[-DD]]");
    cmd->add_option("--end", o.end, "When it ended: YYYY[-MM[-DD]]");
}

inline Sources sources_of(const EditOptions& o, bool required) {
    if (o.documents.size() != o.quotes.size())
        throw ArgumentError(fmt::format("{} --source but {} --quote; give one quote per source",
                                        o.documents.size(), o.quotes.size()));
    if (required && o.documents.empty() && !o.no_source)
        throw ArgumentError(
            "a fact needs its source: --source DOC --quote \"exact words\" (or --no-source)");
    Sources out;
    for (std::size_t i = 0; i < o.documents.size(); ++i)
        out.push_back({o.documents[i], o.quotes[i]});
    return out;
}

inline std::optional<Date> date_option(const std::string& text, const char* name) {
    if (text.empty()) return std::nullopt;
    auto d = Date::parse(text);
    if (!d)
        throw ArgumentError(fmt::format(
            "--{} '{}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD", name, text));
    return d;
}

// Applies --date/--start/--end (a new --date clears start/end and the reverse) and --set.
inline void apply_fact_options(const EditOptions& o, TimeSpan& time, Properties& props) {
    if (!o.date.empty()) {
        time = {};
        time.date = date_option(o.date, "date");
    }
    if (!o.start.empty() || !o.end.empty()) time.date.reset();
    if (!o.start.empty()) time.start = date_option(o.start, "start");
    if (!o.end.empty()) time.end = date_option(o.end, "end");
    for (const auto& a : o.assignments) {
        auto [key, value] = store::parse_assignment(a);
        props.set(std::move(key), std::move(value));
    }
}

// Opens, then in one Database::update (under the writer lock, on the latest committed state)
// runs `change`, commits and compacts; prints the summary `change` returns (in JSON {"file",
// "change", "operations", "compacted", "nodes", "edges"}, the counts after it). A held lock is
// reported with the way to wait for it. Once committed the command succeeds: a compaction that
// fails is a warning (the change is in the journal), so a retry never repeats the change.
inline int run_edit(const EditOptions& o,
                    const std::function<std::string(WriteTransaction&)>& change) {
    Database db = Database::open(o.file);
    for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
    std::size_t seen = db.warnings().size();
    std::string summary;
    std::size_t nodes = 0, edges = 0;
    UpdateResult r;
    try {
        r = db.update(
            [&](WriteTransaction& tx) {
                summary = change(tx);
                nodes = tx.graph().node_count();
                edges = tx.graph().edge_count();
            },
            {.wait_seconds = o.wait, .compact = !o.no_compact, .compact_later = true});
    } catch (const LockError& e) {
        throw LockError(fmt::format("{} (to wait for it: --wait SECONDS)", e.what()),
                        e.holder_pid());
    }
    for (std::size_t i = seen; i < db.warnings().size(); ++i)
        fmt::print(stderr, "liaison: warning: {}\n", db.warnings()[i]);
    warn_if_deferred(o.file, r);
    if (o.format == OutputFormat::Json)
        print_committed(fmt::format(
            "{{\"file\": {}, \"change\": {}, \"operations\": {}, \"compacted\": {}, "
            "\"nodes\": {}, \"edges\": {}}}\n",
            json_quote(o.file), json_quote(summary), r.operations, r.compacted, nodes, edges));
    else
        print_committed(fmt::format("{}: {}\n", o.file, summary));
    return 0;
}

// A node id, an edge id, or SOURCE:RELATION:TARGET[#N], resolved in g.
struct Target {
    std::optional<NodeIndex> node;
    std::optional<EdgeIndex> edge;
};

inline Target resolve_target(const PropertyGraph& g, const std::string& text) {
    if (auto ref = store::parse_edge_ref(text)) {
        // A symmetric relation is stored once but may be named in either direction.
        try {
            return {std::nullopt, store::resolve(g, *ref)};
        } catch (const LookupError&) {
            auto type = g.relations().find(ref->relation);
            if (!type || !g.relations().get(*type).symmetric) throw;
            std::swap(ref->source, ref->target);
            return {std::nullopt, store::resolve(g, *ref)};
        }
    }
    if (auto n = g.find_id(text)) return {n, std::nullopt};
    std::optional<EdgeIndex> found;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        if (g.edge(e).id != text) continue;
        if (found)
            throw LookupError(fmt::format(
                "edge id '{}' is used by more than one edge; name it as SOURCE:RELATION:TARGET#N",
                text));
        found = e;
    }
    if (!found)
        throw LookupError(
            fmt::format("no node or edge '{}' in the network (an edge can be named "
                        "SOURCE:RELATION:TARGET)",
                        text));
    return {std::nullopt, found};
}

inline std::string describe_edge(const PropertyGraph& g, EdgeIndex e) {
    return store::edge_ref(g, e).to_string();
}

}  // namespace liaison::cli
