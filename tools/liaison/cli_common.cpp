#include "cli_common.hpp"
#include "progress.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/core/error.hpp"
#include "liaison/io/files.hpp"
#include "liaison/store/database.hpp"
#include "liaison/store/node_values.hpp"

namespace liaison::cli {

void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv,
                       LegacyFileFormats legacy) {
    const std::string choices = with_csv ? "table|json|csv" : "table|json";
    // A plain validator (no CLI11 transformer), so --help shows the choices and nothing else.
    auto check = [with_csv, choices, legacy](std::string& value) -> std::string {
        std::string v = value;
        std::transform(v.begin(), v.end(), v.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (v == "table" || v == "json" || (v == "csv" && with_csv)) {
            value = std::to_string(static_cast<int>(v == "table"  ? OutputFormat::Table
                                                    : v == "json" ? OutputFormat::Json
                                                                  : OutputFormat::Csv));
            return "";
        }
        std::vector<std::string> parts = CLI::detail::split(v, ',');
        const bool all_legacy =
            legacy.sink && std::all_of(parts.begin(), parts.end(), [&](auto& p) {
                return std::find(legacy.values.begin(), legacy.values.end(), p) !=
                       legacy.values.end();
            });
        if (!all_legacy) {
            std::string known =
                fmt::format("{}", fmt::join(CLI::detail::split(choices, '|'), ", "));
            return fmt::format("'{}' is not one of {}", value, known);
        }
        warn_deprecated("--format " + value, "--output-format " + value);
        legacy.sink->insert(legacy.sink->end(), parts.begin(), parts.end());
        value = std::to_string(static_cast<int>(OutputFormat::Table));
        return "";
    };
    cmd->add_option("--format", format,
                    with_csv ? "What is printed: table (for people), json or csv"
                             : "What is printed: table (for people) or json")
        ->transform(CLI::Validator(check, ""))
        ->type_name(choices)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

void warn_deprecated(const std::string& old_spelling, const std::string& new_spelling) {
    fmt::print(stderr, "liaison: warning: {} is deprecated; use {}\n", old_spelling, new_spelling);
}

void add_deprecated_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                          std::string& target) {
    cmd->add_option_function<std::string>(
           old_name,
           [&target, old_name, new_name](const std::string& v) {
               warn_deprecated(old_name + " " + v, new_name + " " + v);
               target = v;
           },
           "Deprecated spelling of " + new_name)
        ->group("");
}

void add_deprecated_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                          std::vector<std::string>& target) {
    cmd->add_option_function<std::vector<std::string>>(
           old_name,
           [&target, old_name, new_name](const std::vector<std::string>& v) {
               const std::string joined = fmt::format("{}", fmt::join(v, ","));
               warn_deprecated(old_name + " " + joined, new_name + " " + joined);
               target.insert(target.end(), v.begin(), v.end());
           },
           "Deprecated spelling of " + new_name)
        ->delimiter(',')
        ->group("");
}

CLI::Validator database_file() {
    return CLI::Validator(
        [](const std::string& v) {
            return v == "-" ? std::string(
                                  "a database is a file; -o - (the standard output) does "
                                  "not apply here: name a .json file")
                            : std::string();
        },
        "");
}

// Through the store, so committed transactions still in FILE.journal are seen.
PropertyGraph load_graph(const std::string& path) {
    Database db = Database::open(path);
    for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
    return db.take_graph();
}

std::size_t write_node_property(const std::string& path, const std::string& property,
                                const std::vector<std::pair<std::string, Value>>& values) {
    NodeValuesResult r = write_node_values(path, property, values);
    warn_if_deferred(path, r.update);
    return r.written;
}

namespace {

// `liaison compact --background PATH`, detached (its own session, no terminal, output
// discarded): the command that committed returns at once and later commands keep working on
// the base and its journal while the new base is built (docs/storage-engine.md §8).
void start_background_compaction(const std::string& path) {
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }  // earlier ones that ended (a `shell` session edits many times)
    posix_spawn_file_actions_t files;
    posix_spawnattr_t attr;
    if (posix_spawn_file_actions_init(&files) != 0) return;
    if (posix_spawnattr_init(&attr) != 0) {
        posix_spawn_file_actions_destroy(&files);
        return;
    }
    for (int fd : {0, 1, 2})
        posix_spawn_file_actions_addopen(&files, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
    std::string exe = "/proc/self/exe", name = "liaison", command = "compact",
                flag = "--background", wait = "--wait", seconds = "60", file = path;
    char* argv[] = {name.data(),    command.data(), flag.data(), wait.data(),
                    seconds.data(), file.data(),    nullptr};
    pid_t pid = 0;
    // Failing to start it loses nothing: the next edit past the threshold tries again, and
    // `liaison compact` folds the journal by hand.
    if (posix_spawn(&pid, exe.c_str(), &files, &attr, argv, environ) != 0)
        fmt::print(stderr,
                   "liaison: warning: could not start `liaison compact {}` in the "
                   "background; run it when convenient\n",
                   path);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&files);
}

}  // namespace

void warn_if_deferred(const std::string& path, const UpdateResult& r) {
    if (r.compaction_due) start_background_compaction(path);
    if (r.compaction_deferred.empty()) return;
    fmt::print(stderr,
               "liaison: warning: the change is committed (in {}) but was not folded into {}: "
               "{}; run `liaison compact {}` once that is fixed\n",
               journal_path(path), path, r.compaction_deferred, path);
}

void print(const std::string& text) {
    Progress::clear_line();
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
        throw SystemError(
            fmt::format("cannot write the standard output: {}", io_failure_reason(errno)));
}

void print_committed(const std::string& text) {
    std::fflush(stdout);
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            fmt::print(stderr,
                       "liaison: warning: cannot write the standard output: {}; the change "
                       "itself is committed\n",
                       io_failure_reason(errno));
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace liaison::cli
