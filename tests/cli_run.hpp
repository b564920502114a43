#pragma once
// Runs the liaison binary of this build (LIAISON_BINARY, set by the test's CMakeLists) through
// the shell, for the end-to-end tests of the CLI.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

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

}  // namespace liaison_test
