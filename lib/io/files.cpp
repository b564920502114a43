#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/io/files.hpp"
#include "liaison/io/native_format.hpp"

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

// Removes the temporary file on every way out of write_file_atomic but the rename, so no
// ".NAME.tmp-PID" is left behind by a full disk, a size limit or an exception.
struct TempFile {
    std::string path;
    bool armed = false;
    ~TempFile() {
        if (armed) ::unlink(path.c_str());
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

void copy_file_mode(int fd, const std::string& mode_of) noexcept {
    struct stat want {};
    if (::stat(mode_of.c_str(), &want) != 0 || !S_ISREG(want.st_mode)) return;
    struct stat have {};
    if (::fstat(fd, &have) != 0) return;
    // Owner before mode: changing the owner may clear set-id bits.
    if (::geteuid() == 0 && (have.st_uid != want.st_uid || have.st_gid != want.st_gid))
        (void)!::fchown(fd, want.st_uid, want.st_gid);
    else if (have.st_gid != want.st_gid)
        (void)!::fchown(fd, static_cast<uid_t>(-1), want.st_gid);  // allowed for own groups
    (void)!::fchmod(fd, want.st_mode & 07777);
}

std::string io_failure_reason(int err) {
    switch (err) {
        case ENOSPC:
            return "disk full (no space left on device)";
        case EFBIG:
            return "file too large (a file size limit was reached)";
        case EDQUOT:
            return "disk quota exceeded";
        default:
            return errno_text(err);
    }
}

void write_file_atomic(const std::string& path, std::string_view content) {
    write_file_atomic(path, content, path);
}

void write_file_atomic(const std::string& path, std::string_view content,
                       const std::string& mode_of) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    TempFile tmp;
    tmp.path = (dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid())).string();

    Fd f;
    // 0666 less the umask, like any new file; a replaced file's mode is copied below.
    f.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (f.fd < 0)
        throw SystemError(fmt::format("{}: cannot create a temporary file beside it: {}", path,
                                      io_failure_reason(errno)));
    tmp.armed = true;
    auto fail = [&](const char* what) {
        throw SystemError(fmt::format("{}: {}: {}; the file was left as it was", path, what,
                                      io_failure_reason(errno)));
    };
    // Before any byte is written, so the content is never readable under wider permissions.
    copy_file_mode(f.fd, mode_of);
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
    int fd = std::exchange(f.fd, -1);
    if (::close(fd) != 0) fail("cannot close");
    if (::rename(tmp.path.c_str(), path.c_str()) != 0) fail("cannot replace");
    tmp.armed = false;
    // Make the rename itself durable.
    Fd d;
    d.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d.fd >= 0) ::fsync(d.fd);
}

}  // namespace liaison
