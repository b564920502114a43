#include "cli_common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/files.hpp"
#include "store/database.hpp"

namespace liaison::cli {

void add_format_option(CLI::App* cmd, OutputFormat& format, bool with_csv) {
    std::map<std::string, OutputFormat> choices{{"table", OutputFormat::Table},
                                                {"json", OutputFormat::Json}};
    if (with_csv) choices.emplace("csv", OutputFormat::Csv);
    cmd->add_option("--format", format, "Output: table (for people), json or csv")
        ->transform(CLI::CheckedTransformer(choices, CLI::ignore_case));
}

// Through the store, so committed transactions still in FILE.journal are seen.
PropertyGraph load_graph(const std::string& path) {
    Database db = Database::open(path);
    for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
    return db.take_graph();
}

std::size_t write_node_property(const std::string& path, const std::string& property,
                                const std::vector<std::pair<std::string, Value>>& values) {
    Database db = Database::open(path);
    std::size_t written = 0;
    UpdateResult r = db.update(
        [&](WriteTransaction& tx) {
            for (const auto& [id, value] : values) {
                auto at = tx.graph().find_id(id);
                if (!at) continue;
                Node n = tx.graph().node(*at);
                n.properties.set(property, value);
                tx.update_node(std::move(n));
                ++written;
            }
        },
        {.compact = true});
    warn_if_deferred(path, r);
    return written;
}

void warn_if_deferred(const std::string& path, const UpdateResult& r) {
    if (r.compaction_deferred.empty()) return;
    fmt::print(stderr,
               "liaison: warning: the change is committed (in {}) but was not folded into {}: "
               "{}; run `liaison compact {}` once that is fixed\n",
               journal_path(path), path, r.compaction_deferred, path);
}

void print(const std::string& text) {
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
