#pragma once
// What `liaison project` writes: a projection's CSR as a Matrix Market coordinate file (the
// input of liaison-dist, which every MPI rank reads in byte ranges) and the vertex → node id
// map beside it (FILE.ids, line i naming vertex i), each replaced atomically.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::cli {

// A file written through a large buffer into a temporary beside `path`, then put in place by
// rename: readers see the old file or the whole new one, never a part. The temporary is removed
// on every way out but publish().
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::string path);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(std::string_view text);
    void write(char c);
    void write_uint(std::uint64_t n);
    void write_double(double x);  // 17 significant digits: the exact double back

    // Writes what is buffered, fsyncs and closes (SystemError naming the file on failure).
    void finish();
    // Renames the finished temporary over `path` and makes the rename durable.
    void publish();

private:
    void flush();
    std::string path_;
    std::string temp_;
    int fd_ = -1;
    bool published_ = false;
    std::vector<char> buffer_;
    std::size_t used_ = 0;
};

struct MatrixMarketInfo {
    bool weighted = false;              // real values (the projection's weights), else pattern
    std::vector<std::string> comments;  // %-lines after the banner, saying what was projected
};

struct MatrixMarketSummary {
    std::string banner;       // "%%MatrixMarket matrix coordinate pattern symmetric"
    std::size_t entries = 0;  // coordinate lines written
    std::size_t isolated = 0;
};

// Writes `g` to `path` (undirected: `symmetric`, each edge once as row >= column; directed:
// `general`, one line per arc; 1-based) and ids[v] to `path`.ids, line v + 1. Both files are
// finished before either replaces an old one. ArgumentError when an id holds a tab or a line
// break (the map is one id a line, results files are tab-separated).
MatrixMarketSummary write_matrix_market(const std::string& path, const analysis::Csr& g,
                                        std::span<const std::string> ids,
                                        const MatrixMarketInfo& info);

}  // namespace liaison::cli
