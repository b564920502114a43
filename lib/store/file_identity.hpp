#pragma once
// Reading a store's files together with their identity (device, inode, size, modification
// time), which is how a Database tells that another process replaced or appended to them.
#include <sys/stat.h>

#include <cstdint>
#include <optional>
#include <string>

namespace liaison::store {

struct FileText {
    std::string text;
    std::uint64_t dev = 0, ino = 0, size = 0;
    std::int64_t mtime_ns = 0;
};

void fill_id(const struct stat& st, FileText& f);
// Reads a whole file with its identity; nullopt when it does not exist and `optional`.
std::optional<FileText> read_identified(const std::string& path, bool optional);
// Makes a rename or unlink in the folder of `path` durable.
void fsync_folder_of(const std::string& path);

struct Fd {
    int fd = -1;
    Fd() = default;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();
};

}  // namespace liaison::store
