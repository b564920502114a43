#pragma once
// Flags shared by the analysis subcommands (rank, communities, path, ego, diff): what part of the
// graph an algorithm sees, turned into analysis::ProjectionOptions. Header-only so the CLI's
// build list stays one file per subcommand.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "analysis/projection.hpp"
#include "analysis/time_slices.hpp"
#include "core/error.hpp"
#include "model/lookup.hpp"
#include "model/property_graph.hpp"

namespace liaison::cli {

struct ProjectionFlags {
    std::vector<std::string> labels;
    std::vector<std::string> types;
    std::string from;
    std::string to;
    std::string direction = "undirected";
    std::string weight;
    std::string fold;
    bool drop_undated = false;
};

// Whether tables show names whole (--wide). Process-wide, like a terminal setting: one run
// prints one command's tables.
inline bool& wide_tables() {
    static bool wide = false;
    return wide;
}

inline void add_wide_flag(CLI::App* cmd) {
    cmd->add_flag_callback(
        "--wide", [] { wide_tables() = true; }, "Tables: show names whole, never cut with …");
}

// Adds --labels, --types, --direction, --weight, --fold, --wide and (with_window) --from, --to,
// --drop-undated.
inline void add_projection_flags(CLI::App* cmd, ProjectionFlags& f, bool with_window = true) {
    add_wide_flag(cmd);
    cmd->add_option("--labels", f.labels, "Only nodes with these labels (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--types", f.types, "Only edges of these types (comma-separated)")
        ->delimiter(',');
    if (with_window) {
        cmd->add_option("--from", f.from,
                        "Window start (inclusive): a date (2023, 2023-11, 2023-11-28) or a dated "
                        "entity (its start)");
        cmd->add_option("--to", f.to, "Window end (inclusive): a date or a dated entity (its end)");
        cmd->add_flag("--drop-undated", f.drop_undated,
                      "With a window, leave out undated edges (kept by default)");
    }
    cmd->add_option("--direction", f.direction, "directed, reversed or undirected (default)")
        ->check(CLI::IsMember({"directed", "reversed", "undirected"}));
    cmd->add_option("--weight", f.weight,
                    "Edge weight: 'count' (parallel edges) or a numeric edge property; path "
                    "measures read it as a length");
    cmd->add_option("--fold", f.fold,
                    "Fold through nodes of this label: e.g. --fold Event --types ATTENDED links "
                    "those attending the same event, weighted by shared events");
}

// One end of a window: a (partial) date, or the start/end of a dated entity.
inline std::optional<Date> window_bound(const PropertyGraph& g, const std::string& text,
                                        bool start) {
    if (text.empty()) return std::nullopt;
    if (auto d = Date::parse(text)) return d;
    const Node& n = g.node(resolve(g, text));
    const TimeSpan& t = n.time;
    std::optional<Date> d = t.date ? t.date : start ? t.start : t.end;
    if (!d)
        throw ArgumentError(
            fmt::format("'{}' is neither a date (YYYY[-MM[-DD]]) nor a dated "
                        "entity ({} has no {})",
                        text, n.id, start ? "start" : "end"));
    return d;
}

// A whole window: "2023", "2023-11..2025", or a dated entity (an event's start..end).
inline TimeWindow parse_window_arg(const PropertyGraph& g, const std::string& text) {
    if (auto w = analysis::parse_window(text)) return *w;
    const Node& n = g.node(resolve(g, text));
    if (n.time.empty())
        throw ArgumentError(
            fmt::format("'{}' is neither a window (2023, 2023-11, 2023..2025) nor "
                        "a dated entity ({} has no date)",
                        text, n.id));
    return TimeWindow{n.time.date ? n.time.date : n.time.start,
                      n.time.date ? n.time.date : n.time.end};
}

inline analysis::ProjectionOptions projection_options(const PropertyGraph& g,
                                                      const ProjectionFlags& f) {
    analysis::ProjectionOptions o;
    o.labels = f.labels;
    o.edge_types = f.types;
    o.window.from = window_bound(g, f.from, true);
    o.window.to = window_bound(g, f.to, false);
    o.keep_undated = !f.drop_undated;
    o.direction = f.direction == "directed"   ? analysis::ProjectionDirection::Directed
                  : f.direction == "reversed" ? analysis::ProjectionDirection::Reversed
                                              : analysis::ProjectionDirection::Undirected;
    o.fold_via = f.fold;
    if (f.weight == "count") {
        o.weight = analysis::WeightMode::Count;
    } else if (!f.weight.empty()) {
        o.weight = analysis::WeightMode::Property;
        o.weight_property = f.weight;
    } else if (!f.fold.empty()) {
        o.weight = analysis::WeightMode::Count;  // a fold is naturally weighted by shared nodes
    }
    return o;
}

// A name cut to at most `max` code points ("…" marks the cut), so tables stay readable; whole
// with --wide.
inline std::string shorten(const std::string& text, std::size_t max = 60) {
    if (wide_tables()) return text;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation
        if (++points > max) return text.substr(0, i) + "…";
    }
    return text;
}

// Scores for people (6 significant digits) or machines (shortest exact form).
inline std::string format_score(double x, bool exact) {
    return exact ? fmt::format("{}", x) : fmt::format("{:.6g}", x);
}

}  // namespace liaison::cli
