#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/native_format.hpp"

namespace liaison {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

// Closes a descriptor on every path out of write_file_atomic.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_file(const std::string& path) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) throw SystemError(fmt::format("{}: cannot open: {}", path, errno_text(errno)));
    struct stat st {};
    if (::fstat(f.fd, &st) == 0 && S_ISDIR(st.st_mode))
        throw SystemError(fmt::format("{}: is a folder, not a file", path));
    std::string out;
    // One allocation of the final size (plus room for a parser's padding) instead of doubling
    // through half a gigabyte of copies; reading stays chunked for pipes and growing files.
    if (::fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode))
        out.reserve(static_cast<std::size_t>(st.st_size) + 16);
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw SystemError(fmt::format("{}: cannot read: {}", path, errno_text(errno)));
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

void write_file_atomic(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmp =
        (dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid())).string();

    Fd f;
    f.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f.fd < 0)
        throw SystemError(fmt::format("{}: cannot create a temporary file beside it: {}", path,
                                      errno_text(errno)));
    auto fail = [&](const char* what) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw SystemError(fmt::format("{}: {}: {}; the file was left as it was", path, what,
                                      err == ENOSPC ? "disk full" : errno_text(err)));
    };
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(f.fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(f.fd) != 0) fail("cannot flush to disk");
    if (::close(f.fd) != 0) {
        f.fd = -1;
        fail("cannot close");
    }
    f.fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) fail("cannot replace");
    // Make the rename itself durable.
    Fd d;
    d.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d.fd >= 0) ::fsync(d.fd);
}

}  // namespace liaison
