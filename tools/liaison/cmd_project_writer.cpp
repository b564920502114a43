#include "cmd_project_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/io/files.hpp"

namespace liaison::cli {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
    namespace fs = std::filesystem;
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    temp_ = (dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid())).string();
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd_ < 0)
        throw SystemError(fmt::format("{}: cannot create a temporary file beside it: {}", path_,
                                      io_failure_reason(errno)));
    copy_file_mode(fd_, path_);  // a replaced file keeps its mode, before any byte is written
    buffer_.resize(kBufferBytes);
}

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!published_) ::unlink(temp_.c_str());
}

void AtomicFileWriter::flush() {
    std::size_t done = 0;
    while (done < used_) {
        ssize_t n = ::write(fd_, buffer_.data() + done, used_ - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw SystemError(fmt::format("{}: cannot write: {}; the file was left as it was",
                                          path_, io_failure_reason(errno)));
        done += static_cast<std::size_t>(n);
    }
    used_ = 0;
}

void AtomicFileWriter::write(std::string_view text) {
    while (!text.empty()) {
        if (used_ == buffer_.size()) flush();
        const std::size_t n = std::min(text.size(), buffer_.size() - used_);
        std::memcpy(buffer_.data() + used_, text.data(), n);
        used_ += n;
        text.remove_prefix(n);
    }
}

void AtomicFileWriter::write(char c) {
    if (used_ == buffer_.size()) flush();
    buffer_[used_++] = c;
}

void AtomicFileWriter::write_uint(std::uint64_t n) {
    if (buffer_.size() - used_ < 32) flush();
    char* at = buffer_.data() + used_;
    used_ += static_cast<std::size_t>(std::to_chars(at, at + 32, n).ptr - at);
}

void AtomicFileWriter::write_double(double x) {
    if (buffer_.size() - used_ < 32) flush();
    char* at = buffer_.data() + used_;
    used_ += static_cast<std::size_t>(
        std::to_chars(at, at + 32, x, std::chars_format::general, 17).ptr - at);
}

void AtomicFileWriter::finish() {
    flush();
    if (::fsync(fd_) != 0)
        throw SystemError(fmt::format("{}: cannot flush to disk: {}; the file was left as it was",
                                      path_, io_failure_reason(errno)));
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0)
        throw SystemError(fmt::format("{}: cannot close: {}; the file was left as it was", path_,
                                      io_failure_reason(errno)));
}

void AtomicFileWriter::publish() {
    if (::rename(temp_.c_str(), path_.c_str()) != 0)
        throw SystemError(fmt::format("{}: cannot replace: {}; the file was left as it was", path_,
                                      io_failure_reason(errno)));
    published_ = true;
    const std::filesystem::path dir = std::filesystem::path(path_).parent_path();
    const int d = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d >= 0) {
        ::fsync(d);
        ::close(d);
    }
}

MatrixMarketSummary write_matrix_market(const std::string& path, const analysis::Csr& g,
                                        std::span<const std::string> ids,
                                        const MatrixMarketInfo& info) {
    const analysis::Vertex n = g.node_count();
    for (analysis::Vertex v = 0; v < n; ++v)
        if (ids[v].find_first_of("\t\r\n") != std::string::npos)
            throw ArgumentError(fmt::format(
                "node id '{}' holds a tab or a line break; {}.ids holds one id a line and "
                "liaison-dist's results are tab-separated, so this projection cannot be exported",
                ids[v], path));
    const analysis::Adjacency rows = g.out();
    const bool symmetric = !g.directed();
    MatrixMarketSummary summary;
    summary.banner =
        fmt::format("%%MatrixMarket matrix coordinate {} {}", info.weighted ? "real" : "pattern",
                    symmetric ? "symmetric" : "general");
    // An undirected row u holds its neighbours in ascending order: those up to u are the lower
    // triangle, each edge once (a self-loop on the diagonal).
    for (analysis::Vertex u = 0; u < n; ++u) {
        const auto row = rows.neighbors(u);
        summary.entries += symmetric
                               ? static_cast<std::size_t>(
                                     std::upper_bound(row.begin(), row.end(), u) - row.begin())
                               : row.size();
        if (rows.degree(u) == 0 && (symmetric || g.in().degree(u) == 0)) ++summary.isolated;
    }

    AtomicFileWriter mtx(path);
    mtx.write(summary.banner);
    mtx.write('\n');
    for (const std::string& c : info.comments) {
        mtx.write("% ");
        for (char ch : c) mtx.write(ch == '\n' || ch == '\r' ? ' ' : ch);
        mtx.write('\n');
    }
    mtx.write_uint(n);
    mtx.write(' ');
    mtx.write_uint(n);
    mtx.write(' ');
    mtx.write_uint(summary.entries);
    mtx.write('\n');
    for (analysis::Vertex u = 0; u < n; ++u) {
        for (std::uint32_t slot = rows.begin(u); slot < rows.end(u); ++slot) {
            const analysis::Vertex v = rows.targets[slot];
            if (symmetric && v > u) break;
            mtx.write_uint(std::uint64_t{u} + 1);
            mtx.write(' ');
            mtx.write_uint(std::uint64_t{v} + 1);
            if (info.weighted) {
                mtx.write(' ');
                mtx.write_double(rows.weight(slot));
            }
            mtx.write('\n');
        }
    }
    AtomicFileWriter map(path + ".ids");
    for (analysis::Vertex v = 0; v < n; ++v) {
        map.write(ids[v]);
        map.write('\n');
    }
    // Both whole on disk before either replaces an old file, so a failure leaves the old pair.
    mtx.finish();
    map.finish();
    map.publish();
    mtx.publish();
    return summary;
}

}  // namespace liaison::cli
