#pragma once
/// @file
/// Batch reports: many specs or networks, built in parallel. A failing job never stops the others;
/// results come back in job order, so output is deterministic.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::report {

enum class OutputFormat { Markdown, Html, Json };

// By extension: .md/.markdown, .html/.htm, .json; nullopt otherwise.
std::optional<OutputFormat> output_format_of_path(std::string_view path);
std::optional<OutputFormat> parse_output_format(std::string_view name);  // md, html, json
const char* output_extension(OutputFormat f);                            // "md", "html", "json"

struct Output {
    OutputFormat format = OutputFormat::Html;
    std::string path;
    // Refuse to replace an existing file that holds another report (another title), so two
    // reports named alike in one --out-dir never overwrite each other silently.
    bool same_report_only = false;
};

struct Job {
    std::string name;        // shown in progress and failure messages
    std::string spec_file;   // a spec to read; empty: the default spec of graph_file
    std::string graph_file;  // for the default spec
    std::vector<Output> outputs;
};

struct JobResult {
    bool ok = false;
    std::string error;                 // what went wrong, when not ok
    std::vector<std::string> written;  // files written, in order (Markdown figures included)
};

// The stem outputs of an input are named after: the file name without its extension and
// without a trailing ".report" or ".spec" ("graphs/x.json" → "x", "a.spec.json" → "a").
std::string output_stem(const std::string& input);

// Builds one job's report and writes each output atomically (creating folders; a Markdown
// output also writes its figures beside it). Throws liaison::Error on failure; nothing is
// written unless every format was built.
std::vector<std::string> run_job(const Job& job);

struct Progress {
    std::size_t done = 0;  // jobs finished so far, this one included
    std::size_t total = 0;
    const Job* job = nullptr;
    const JobResult* result = nullptr;
};

struct BatchOptions {
    unsigned processes = 0;  // reports built at once; 0: std::thread::hardware_concurrency()
    // Called once per finished job, never concurrently (e.g. to show progress).
    std::function<void(const Progress&)> on_progress;
};

/// Runs every job, at most `processes` at a time; results in job order. With more than one job,
/// each runs in a child process forked from the caller: Graphviz layouts depend on state a process
/// keeps from earlier layouts (allocations, generators), so a report built after or beside others
/// in one process could differ from the same report built alone. A child starts from the caller's
/// state every time, so a batch writes the same bytes whatever its order or parallelism. Children
/// run OpenMP kernels on one thread (the batch already uses the cores) and must not be forked
/// while the caller runs other threads that hold locks. One job runs in the calling process.
std::vector<JobResult> run_batch(const std::vector<Job>& jobs, const BatchOptions& options = {});

}  // namespace liaison::report
