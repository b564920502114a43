// Batch reports in a pool of forked child processes (batch.hpp says why processes, not threads).
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/format.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "liaison/report/batch.hpp"

namespace liaison::report {
namespace {

JobResult run_caught(const Job& job) {
    JobResult r;
    try {
        r.written = run_job(job);
        r.ok = true;
    } catch (const std::exception& e) {
        // A batch reports every failure at the end instead of stopping at the first.
        r.error = e.what();
    } catch (...) {
        r.error = "unexpected internal error";
    }
    return r;
}

// A child's result on its pipe: '1' (ok) or '0', then the error and each written path, each
// ended by a NUL (paths and messages never hold one).
std::string encode(const JobResult& r) {
    std::string out(1, r.ok ? '1' : '0');
    out += r.error;
    out += '\0';
    for (const std::string& path : r.written) {
        out += path;
        out += '\0';
    }
    return out;
}

JobResult decode(const std::string& data) {
    JobResult r;
    if (data.empty()) return r;
    r.ok = data[0] == '1';
    std::size_t at = 1;
    bool first = true;
    while (at < data.size()) {
        std::size_t end = data.find('\0', at);
        if (end == std::string::npos) end = data.size();
        std::string field = data.substr(at, end - at);
        if (first)
            r.error = std::move(field);
        else
            r.written.push_back(std::move(field));
        first = false;
        at = end + 1;
    }
    return r;
}

[[noreturn]] void child_main(const Job& job, int fd) {
#ifdef _OPENMP
    omp_set_num_threads(1);
#endif
    const std::string message = encode(run_caught(job));
    std::size_t sent = 0;
    while (sent < message.size()) {
        ssize_t n = ::write(fd, message.data() + sent, message.size() - sent);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    // _exit: the child must not run the parent's atexit handlers or flush its copied buffers.
    ::_exit(0);
}

struct Child {
    pid_t pid = -1;
    int fd = -1;
    std::size_t job = 0;
    std::string data;
};

// What the parent knows once a child has closed its pipe and exited.
JobResult finish(const Child& c) {
    int status = 0;
    while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    JobResult r = decode(c.data);
    if (WIFSIGNALED(status))
        r = {false,
             fmt::format("the report process was stopped by signal {} ({})", WTERMSIG(status),
                         strsignal(WTERMSIG(status))),
             {}};
    else if (c.data.empty())
        r = {false, "the report process ended without a result", {}};
    return r;
}

}  // namespace

std::vector<JobResult> run_batch(const std::vector<Job>& jobs, const BatchOptions& options) {
    std::vector<JobResult> results(jobs.size());
    std::size_t done = 0;
    auto report_done = [&](std::size_t i) {
        ++done;
        if (options.on_progress) options.on_progress({done, jobs.size(), &jobs[i], &results[i]});
    };
    if (jobs.size() == 1) {
        results[0] = run_caught(jobs[0]);
        report_done(0);
        return results;
    }
    unsigned processes =
        options.processes ? options.processes : std::thread::hardware_concurrency();
    processes = std::max(1u, std::min<unsigned>(processes, static_cast<unsigned>(jobs.size())));

    std::vector<Child> running;
    std::size_t next = 0;
    while (next < jobs.size() || !running.empty()) {
        while (running.size() < processes && next < jobs.size()) {
            const std::size_t i = next++;
            int fds[2];
            pid_t pid = -1;
            if (::pipe2(fds, O_CLOEXEC) == 0) {
                pid = ::fork();
                if (pid == 0) {
                    ::close(fds[0]);
                    child_main(jobs[i], fds[1]);
                }
                ::close(fds[1]);
                if (pid < 0) ::close(fds[0]);
            }
            if (pid < 0) {
                // No process to spare (a limit, say): build it here rather than fail the job.
                results[i] = run_caught(jobs[i]);
                report_done(i);
                continue;
            }
            running.push_back({pid, fds[0], i, {}});
        }
        if (running.empty()) continue;
        std::vector<pollfd> polled;
        for (const Child& c : running) polled.push_back({c.fd, POLLIN, 0});
        if (::poll(polled.data(), polled.size(), -1) < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "poll");
        }
        for (std::size_t k = polled.size(); k-- > 0;) {
            if (!polled[k].revents) continue;
            Child& c = running[k];
            char buffer[4096];
            ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n > 0) {
                c.data.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            ::close(c.fd);
            results[c.job] = finish(c);
            report_done(c.job);
            running.erase(running.begin() + static_cast<std::ptrdiff_t>(k));
        }
    }
    return results;
}

}  // namespace liaison::report
