// liaison: a graph database and network-analysis tool for security-cooperation networks.
// Exit codes: 0 ok, 1 bad input (or a failed check), 2 usage.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli_reference.hpp"
#include "commands.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/files.hpp"

namespace {

using Register = void (*)(CLI::App&, liaison::cli::Action&);
constexpr Register kCommands[] = {
    liaison::cli::register_validate,    liaison::cli::register_stats,
    liaison::cli::register_show,        liaison::cli::register_render,
    liaison::cli::register_format,      liaison::cli::register_import,
    liaison::cli::register_export,      liaison::cli::register_merge,
    liaison::cli::register_dedupe,      liaison::cli::register_rank,
    liaison::cli::register_communities, liaison::cli::register_path,
    liaison::cli::register_ego,         liaison::cli::register_diff,
    liaison::cli::register_project,     liaison::cli::register_scores,
    liaison::cli::register_report,      liaison::cli::register_compact,
    liaison::cli::register_check,       liaison::cli::register_add_node,
    liaison::cli::register_add_edge,    liaison::cli::register_add_document,
    liaison::cli::register_set,         liaison::cli::register_remove,
    liaison::cli::register_query,       liaison::cli::register_shell,
    liaison::cli::register_extract,     liaison::cli::register_review,
    liaison::cli::register_accept,      liaison::cli::register_help,
    liaison::cli::register_completion,  liaison::cli::register_manpage,
};

// Output buffered on stdout that cannot be written (a full disk, `ulimit -f`) is an error, not a
// silently truncated result.
int flush_stdout(int code) {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return code;
    fmt::print(stderr, "liaison: cannot write the standard output: {}\n",
               errno ? liaison::io_failure_reason(errno) : "write error");
    return code == 0 ? 1 : code;
}

}  // namespace

int main(int argc, char** argv) {
    // A file size limit must fail the write with EFBIG, reported like a full disk with the
    // file's name, instead of killing the process with SIGXFSZ midway through a save.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"liaison: a graph database and network-analysis tool", "liaison"};
    app.require_subcommand(1);
    app.set_version_flag("--version", liaison::cli::kVersion);
    liaison::cli::Action run;
    for (Register add : kCommands) add(app, run);
    // A mistyped command gets a suggestion, not CLI11's "A subcommand is required".
    if (argc > 1 && argv[1][0] != '-' &&
        app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argv[1]; })
            .empty()) {
        fmt::print(stderr, "liaison: {}\n", liaison::cli::unknown_command_message(app, argv[1]));
        return 2;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        return flush_stdout(run ? run() : 2);
    } catch (const liaison::Error& e) {
        fmt::print(stderr, "liaison: {}\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "liaison: internal error: {}\n", e.what());
        return 3;
    }
}
