// Runs the query tests kept as data in tests/queries/**/*.test.
//
// A file is a sequence of blocks separated by blank lines; '#' starts a comment line.
//   graph seed            run on graphs/morocco-interpol.json (default: an empty graph)
//   statement ok          the query must succeed
//   statement error       the query must fail; after ----, the exact error message
//   query [ordered]       after ----, the columns then one row per line, cells joined by " | "
//                         and written as literals ('text', 1, 2.5, [1, 2], (:Label {k: 'v'}));
//                         rows compare in any order unless `ordered`
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "liaison/io/native_format.hpp"
#include "liaison/query/query.hpp"
#include "liaison/store/database.hpp"
#include "store_name.hpp"

namespace fs = std::filesystem;
using namespace liaison;

namespace {

struct Block {
    std::string kind;  // statement ok | statement error | query | query ordered
    std::string text;
    std::vector<std::string> expected;
    int line = 0;
};

std::vector<std::string> lines_of(const fs::path& p) {
    std::ifstream in(p);
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

// The seed network as the store under test holds it: on the binary store, its `.liaison` image
// (made once), opened as every command opens it, lazily loaded over the mapped base.
PropertyGraph seed_graph() {
    const std::string seed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
    if (!store_test::binary_store()) return read_graph_file(seed);
    struct Image {
        fs::path dir =
            fs::temp_directory_path() / ("liaison-query-files-" + std::to_string(::getpid()));
        Image() {
            fs::create_directories(dir);
            Database::create(
                (dir / "seed.liaison").string(),
                read_graph_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json"));
        }
        ~Image() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    };
    static const Image image;
    return Database::open((image.dir / "seed.liaison").string()).take_graph();
}

void run_file(const fs::path& file) {
    auto lines = lines_of(file);
    PropertyGraph g;
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        if (l.empty() || l[0] == '#') continue;
        if (l == "graph seed") {
            g = seed_graph();
            continue;
        }
        Block b;
        b.kind = l;
        b.line = static_cast<int>(i) + 1;
        std::vector<std::string> body;
        for (++i; i < lines.size() && !lines[i].empty() && lines[i] != "----"; ++i)
            body.push_back(lines[i]);
        b.text = join(body, "\n");
        if (i < lines.size() && lines[i] == "----")
            for (++i; i < lines.size() && !lines[i].empty(); ++i) b.expected.push_back(lines[i]);
        blocks.push_back(std::move(b));
    }
    for (const Block& b : blocks) {
        std::string where = file.filename().string() + ":" + std::to_string(b.line);
        CAPTURE(where);
        CAPTURE(b.text);
        if (b.kind == "statement ok") {
            CHECK_NOTHROW(query::execute(g, b.text));
        } else if (b.kind == "statement error") {
            std::string message;
            try {
                query::execute(g, b.text);
            } catch (const Error& e) {
                message = e.what();
            }
            CHECK(message == join(b.expected, "\n"));
        } else if (b.kind == "query" || b.kind == "query ordered") {
            query::QueryResult r;
            try {
                r = query::execute(g, b.text);
            } catch (const Error& e) {
                FAIL_CHECK(e.what());
                continue;
            }
            std::vector<std::string> got;
            for (const auto& row : r.rows) {
                std::vector<std::string> cells;
                for (const auto& v : row) cells.push_back(r.text(v));
                got.push_back(join(cells, " | "));
            }
            REQUIRE(!b.expected.empty());
            CHECK(join(r.columns, " | ") == b.expected[0]);
            std::vector<std::string> want(b.expected.begin() + 1, b.expected.end());
            if (b.kind == "query") {
                std::sort(got.begin(), got.end());
                std::sort(want.begin(), want.end());
            }
            CHECK(join(got, "\n") == join(want, "\n"));
        } else {
            FAIL_CHECK("unknown block kind: " << b.kind);
        }
    }
}

}  // namespace

TEST_CASE("query tests in tests/queries") {
    fs::path root = fs::path(LIAISON_SOURCE_DIR) / "tests" / "queries";
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".test") files.push_back(e.path());
    // On the binary store only the files that run on the seed network: the others start empty.
    if (store_test::binary_store())
        std::erase_if(files, [](const fs::path& f) {
            return read_file(f.string()).find("\ngraph seed\n") == std::string::npos;
        });
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 2);
    for (const auto& f : files) {
        CAPTURE(f.string());
        run_file(f);
    }
}
