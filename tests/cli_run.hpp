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
    std::string out;  // stdout and stderr together
};

inline Run run_liaison(const std::string& args) {
    const std::string cmd = std::string(LIAISON_BINARY) + " " + args + " 2>&1";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace liaison_test
