#include "store/file_identity.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison::store {

Fd::~Fd() {
    if (fd >= 0) ::close(fd);
}

void fsync_folder_of(const std::string& path) {
    std::filesystem::path p(path);
    std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
    Fd d;
    d.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d.fd >= 0) ::fsync(d.fd);
}

void fill_id(const struct stat& st, FileText& f) {
    f.dev = st.st_dev;
    f.ino = st.st_ino;
    f.size = static_cast<std::uint64_t>(st.st_size);
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::optional<FileText> read_identified(const std::string& path, bool optional) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) {
        if (optional && errno == ENOENT) return std::nullopt;
        throw SystemError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0)
        throw SystemError(fmt::format("{}: cannot stat: {}", path, std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) throw SystemError(fmt::format("{}: not a regular file", path));
    FileText out;
    fill_id(st, out);
    out.text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    for (;;) {
        if (done == out.text.size()) out.text.resize(done + 65536);
        ssize_t n = ::read(f.fd, out.text.data() + done, out.text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw SystemError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.text.resize(done);
    return out;
}

}  // namespace liaison::store
