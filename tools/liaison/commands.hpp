#pragma once
// Registration of every subcommand. Each cmd_NAME.cpp defines register_NAME, which adds its
// subcommand to the app and sets `run` to the action when that subcommand is chosen.
#include <CLI/CLI.hpp>
#include <functional>

namespace liaison::cli {

using Action = std::function<int()>;

void register_validate(CLI::App& app, Action& run);
void register_stats(CLI::App& app, Action& run);
void register_show(CLI::App& app, Action& run);
void register_render(CLI::App& app, Action& run);
void register_format(CLI::App& app, Action& run);
void register_import(CLI::App& app, Action& run);
void register_export(CLI::App& app, Action& run);
void register_merge(CLI::App& app, Action& run);
void register_dedupe(CLI::App& app, Action& run);
void register_rank(CLI::App& app, Action& run);
void register_communities(CLI::App& app, Action& run);
void register_path(CLI::App& app, Action& run);
void register_ego(CLI::App& app, Action& run);
void register_diff(CLI::App& app, Action& run);
void register_report(CLI::App& app, Action& run);
void register_compact(CLI::App& app, Action& run);
void register_check(CLI::App& app, Action& run);
void register_add_node(CLI::App& app, Action& run);
void register_add_edge(CLI::App& app, Action& run);
void register_add_document(CLI::App& app, Action& run);
void register_set(CLI::App& app, Action& run);
void register_remove(CLI::App& app, Action& run);
void register_query(CLI::App& app, Action& run);
void register_shell(CLI::App& app, Action& run);
void register_extract(CLI::App& app, Action& run);
void register_review(CLI::App& app, Action& run);
void register_accept(CLI::App& app, Action& run);
void register_help(CLI::App& app, Action& run);
void register_completion(CLI::App& app, Action& run);
void register_manpage(CLI::App& app, Action& run);
void register_project(CLI::App& app, Action& run);
void register_scores(CLI::App& app, Action& run);
// New subcommands: declare here, call in main.cpp's kCommands.

}  // namespace liaison::cli
