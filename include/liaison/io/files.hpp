#pragma once
// Saving files safely: the atomic replacement every writer of liaison goes through, keeping the
// replaced file's permissions and owner, and the wording of I/O failures.
#include <string>
#include <string_view>

namespace liaison {

// Like write_file_atomic(path, content) (io/native_format.hpp), but the new file takes the mode
// (and, when run as root, the owner and group) of `mode_of` instead of the file it replaces:
// how the store creates a database's journal with the database's permissions.
void write_file_atomic(const std::string& path, std::string_view content,
                       const std::string& mode_of);

// Gives a file just created by this process the mode (and, as root, the owner and group) of
// the existing file `mode_of`; nothing when `mode_of` does not exist. Errors are ignored: the
// caller's write goes on with the default mode.
void copy_file_mode(int fd, const std::string& mode_of) noexcept;

// Why a write failed, in words: "disk full (no space left on device)", "file too large (a file
// size limit was reached)", "disk quota exceeded", else strerror.
std::string io_failure_reason(int err);

}  // namespace liaison
