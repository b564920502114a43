#pragma once
// Matrix Market input: the header read by every rank, the entries by every rank in its own byte
// range of the file, checked line by line and sent to the ranks that own them in the 2D grid.
#include <cstdint>
#include <memory>
#include <string>

#include "dist_graph.hpp"

namespace liaison::dist {

struct MtxHeader {
    bool pattern = true;     // no values (otherwise real or integer weights)
    bool symmetric = true;   // undirected: each edge once, either triangle
    Index n = 0;             // vertices (rows = columns)
    Index entries = 0;       // entry lines announced by the size line
    std::int64_t lines = 0;  // lines before the first entry line
    std::uint64_t body = 0;  // byte offset of the first entry line
};

// Reads and checks the banner and the size line. Throws InputError naming file, line and column.
MtxHeader read_mtx_header(const std::string& path);

// Collective over `grid`: the whole graph. `unweighted` reads every entry as 1. Bad input is
// reported once and raises Reported on every rank.
Graph load_mtx(std::shared_ptr<combblas::CommGrid> grid, const std::string& path, bool unweighted);

}  // namespace liaison::dist
