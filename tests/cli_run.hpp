#pragma once
// Runs the liaison binary of this build (LIAISON_BINARY, set by the test's CMakeLists) through
// the shell, for the end-to-end tests of the CLI.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "store_name.hpp"

namespace liaison_test {

struct Run {
    int code = -1;    // exit status, -1 when killed by a signal
    std::string out;  // what it wrote on stdout (run_liaison: with stderr)
};

// Runs a shell command line; `out` is what it writes on stdout (redirect stderr in `cmd`).
inline Run run_command(const std::string& cmd) {
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline Run run_liaison(const std::string& args) {
    return run_command(std::string(LIAISON_BINARY) + " " + args + " 2>&1");
}

// Writes the JSON network `json` to `target` as a database of the store under test
// (tests/store_name.hpp): a copy on the JSON store, `liaison import` on the binary one.
inline void copy_to_store(const std::string& json, const std::string& target) {
    if (!store_test::binary_store()) {
        std::filesystem::copy_file(json, target, std::filesystem::copy_options::overwrite_existing);
        return;
    }
    std::filesystem::remove(target);
    Run r = run_liaison("import '" + json + "' -o '" + target + "'");
    REQUIRE_MESSAGE(r.code == 0, r.out);
}

// The JSON network `json` as the store under test holds it, for commands that only read: the
// file itself on the JSON store; on the binary one its `.liaison` image, made once per process
// in a temporary folder removed at exit.
inline std::string in_store(const std::string& json) {
    if (!store_test::binary_store()) return json;
    struct Folder {
        std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("liaison-test-stores-" + std::to_string(::getpid()));
        ~Folder() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Folder folder;
    std::filesystem::create_directories(folder.path);
    const std::filesystem::path image =
        folder.path / (std::filesystem::path(json).stem().string() + ".liaison");
    if (!std::filesystem::exists(image)) copy_to_store(json, image.string());
    return image.string();
}

}  // namespace liaison_test
