#include "cli_common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "io/native_format.hpp"
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
    auto tx = db.begin();
    std::size_t written = 0;
    for (const auto& [id, value] : values) {
        auto at = tx.graph().find_id(id);
        if (!at) continue;
        Node n = tx.graph().node(*at);
        n.properties.set(property, value);
        tx.update_node(std::move(n));
        ++written;
    }
    tx.commit();
    db.compact();
    return written;
}

void write_database(const std::string& path, const PropertyGraph& g, bool replace) {
    if (!replace || !std::filesystem::exists(path)) {
        Database::create(path, g);
        return;
    }
    auto held = store::WriterLock::acquire(lock_path(path), path, 0);
    std::string text = write_graph_json(g);
    parse_graph_json(text, path);  // the file must read back before it replaces anything
    if (::unlink(journal_path(path).c_str()) != 0 && errno != ENOENT)
        throw SystemError(
            fmt::format("{}: cannot remove: {}", journal_path(path), std::strerror(errno)));
    write_file_atomic(path, text);
}

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace liaison::cli
