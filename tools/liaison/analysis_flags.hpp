#pragma once
// Flags shared by the analysis subcommands (rank, communities, path, ego, diff): what part of the
// graph an algorithm sees, turned into analysis::ProjectionOptions. Header-only so the CLI's
// build list stays one file per subcommand.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <array>
#include <string>
#include <vector>

#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/projection_request.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/analysis/time_slices.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/model/lookup.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::cli {

// The projection as flags name it; the analysis request layer checks and resolves it.
using ProjectionFlags = analysis::ProjectionRequest;

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
        cmd->add_option(
            "--from", f.from,
            "Window start (inclusive): a date (2023, 2023-11, 2023-11-28), a range (its "
            "start) or a dated entity (its start)");
        cmd->add_option("--to", f.to,
                        "Window end (inclusive): a date, a range or a dated entity (its end)");
        cmd->add_flag_callback(
            "--drop-undated", [&f] { f.keep_undated = false; },
            "With a window, leave out undated edges (kept by default)");
    }
    cmd->add_option("--direction", f.direction, "directed, reversed or undirected (default)")
        ->check(CLI::IsMember(analysis::direction_names()));
    cmd->add_option("--weight", f.weight,
                    "Edge weight: 'count' (parallel edges) or a numeric edge property; path "
                    "measures read it as a length");
    cmd->add_option("--fold", f.fold,
                    "Fold through nodes of this label: e.g. --fold Event --types ATTENDED links "
                    "those attending the same event, weighted by shared events");
}

// `projection_options(g, flags)` (analysis::projection_options, found by argument-dependent
// lookup) checks the flags and resolves the window against the network.

// Algorithm options as flags give them: (option, text, flag) in the order given. They go to
// the registry, which knows each algorithm's options, types and defaults.
struct OptionFlags {
    std::vector<std::array<std::string, 3>> given;
};

// Adds the option flags of rank and communities: the common ones by name, and --option
// NAME=VALUE for any option of the algorithm.
inline void add_option_flags(CLI::App* cmd, OptionFlags& f, bool communities = false) {
    auto named = [&](const char* flag, const char* option, const char* help) {
        cmd->add_option_function<std::string>(
            flag,
            [&f, flag, option](const std::string& v) {
                f.given.push_back({option, v, flag});
            },
            help);
    };
    if (communities) {
        named("--resolution", "resolution",
              "Modularity resolution: above 1 smaller groups, below 1 larger (default 1)");
        named("--seed", "seed", "Random seed (same seed, same groups; default 0)");
    } else {
        named("--mode", "mode", "Degree on a directed projection: in, out or total");
        cmd->add_flag_callback(
            "--normalized",
            [&f] {
                f.given.push_back({"normalized", "true", "--normalized"});
            },
            "Degree and harmonic: divide by n - 1");
        named("--samples", "samples", "Betweenness: estimate from K random sources");
        named("--seed", "seed", "Seed for --samples");
        named("--damping", "damping", "PageRank damping factor (default 0.85)");
        named("--alpha", "alpha", "Katz attenuation factor (default 0.1)");
    }
    cmd->add_option_function<std::vector<std::string>>(
        "--option",
        [&f](const std::vector<std::string>& items) {
            for (const std::string& item : items) {
                const auto eq = item.find('=');
                if (eq == std::string::npos || eq == 0)
                    throw CLI::ValidationError("--option", "'" + item + "' is not NAME=VALUE");
                f.given.push_back({item.substr(0, eq), item.substr(eq + 1), "--option"});
            }
        },
        "Any option of the algorithm as NAME=VALUE (repeatable; docs/algorithms.md lists them)");
}

// The given flags as the algorithm's typed options; ArgumentError naming the flag when the
// algorithm has no such option or the value is not of its type.
inline analysis::OptionValues given_options(const analysis::AlgorithmInfo& info,
                                            const OptionFlags& f) {
    analysis::OptionValues out;
    for (const auto& [option, text, flag] : f.given)
        out.emplace_back(option, analysis::parse_option_text(info, option, text, flag));
    return out;
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
