#pragma once
// Shared helpers of the store tests: a scratch folder and small nodes and edges.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "liaison/io/native_format.hpp"
#include "liaison/store/database.hpp"
#include "store_name.hpp"

namespace store_test {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct ScratchDir {
    std::filesystem::path path;
    explicit ScratchDir(const std::string& tag) {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("liaison-store-" + tag + "-" + std::to_string(::getpid()) + "-" +
                std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

inline liaison::Node person(const std::string& id, const std::string& en = "") {
    liaison::Node n;
    n.id = id;
    n.labels = {"Person"};
    n.names.en = en.empty() ? id : en;
    return n;
}

inline liaison::store::EdgeData met(const std::string& a, const std::string& b,
                                    const std::string& date = "") {
    liaison::store::EdgeData e;
    e.source = a;
    e.relation = "MET_WITH";
    e.target = b;
    if (!date.empty()) e.time.date = liaison::Date::parse(date);
    return e;
}

// A database holding a document "doc-1" and no nodes.
inline liaison::Database new_database(const std::string& path) {
    liaison::PropertyGraph g;
    g.graph_id = "test";
    liaison::Document d;
    d.id = "doc-1";
    d.title = "An article";
    g.documents().emplace(d.id, d);
    return liaison::Database::create(path, g);
}

inline std::string slurp(const std::string& path) { return liaison::read_file(path); }

// The bytes of a database file of the store under test holding `g`: what compaction writes.
inline std::string snapshot_bytes(const liaison::PropertyGraph& g) {
    ScratchDir dir("bytes");
    const std::string path = dir.file(database_name("snapshot"));
    liaison::Database::create(path, g);
    return slurp(path);
}

// The canonical JSON text of what the database FILE alone holds, without its journal: the file
// itself on the JSON store, its export on the binary one.
inline std::string file_content(const std::string& path) {
    return binary_store() ? liaison::write_graph_json(liaison::read_graph_file(path)) : slurp(path);
}

inline void spit(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace store_test
