// liaison report FILE... [--spec S]... : Markdown, HTML and JSON reports over networks (the
// default spec) and report specs, built in parallel; one bad input never stops the others.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <set>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/core/error.hpp"
#include "liaison/report/batch.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

namespace fs = std::filesystem;

struct ReportCliOptions {
    std::vector<std::string> inputs;  // network files or folders of them
    std::vector<std::string> specs;
    std::vector<std::string> outputs;
    std::string out_dir;
    std::vector<std::string> formats;
    unsigned jobs = 0;
};

// Network files named on the command line, a folder standing for its *.json files (sorted).
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const std::string& in : inputs) {
        if (!fs::is_directory(in)) {
            files.push_back(in);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(in)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && entry.path().extension() == ".json" &&
                name.find(".schema.") == std::string::npos)
                found.push_back(entry.path().string());
        }
        std::sort(found.begin(), found.end());
        if (found.empty())
            throw ArgumentError(fmt::format("{}: no .json networks in the folder", in));
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::vector<report::Job> plan_jobs(const ReportCliOptions& o) {
    std::vector<report::Job> jobs;
    for (const std::string& spec : o.specs) jobs.push_back({spec, spec, "", {}});
    for (const std::string& file : expand_inputs(o.inputs)) jobs.push_back({file, "", file, {}});
    if (jobs.empty()) throw ArgumentError("report: give a network file, a folder or --spec");

    std::vector<report::OutputFormat> formats;
    for (const std::string& f : o.formats) {
        auto format = report::parse_output_format(f);
        if (!format)
            throw ArgumentError(
                fmt::format("--output-format: unknown format '{}' (html, md, json)", f));
        formats.push_back(*format);
    }
    if (formats.empty()) formats.push_back(report::OutputFormat::Html);

    if (!o.outputs.empty()) {
        if (jobs.size() != 1)
            throw ArgumentError("-o names the output of one report; for several use --out-dir");
        for (const std::string& path : o.outputs) {
            // Reports are written by worker processes, and Markdown's figures sit beside it:
            // refused, so no file named "-" appears.
            if (path == "-")
                throw ArgumentError(
                    "-o -: report writes files, not the standard output; name one (-o "
                    "report.html)");
            auto f = report::output_format_of_path(path);
            if (!f && o.formats.size() == 1) f = formats.front();
            if (!f)
                throw ArgumentError(fmt::format(
                    "-o {}: cannot tell the format from the extension (.html, .md, .json)", path));
            jobs.front().outputs.push_back({*f, path});
        }
        return jobs;
    }
    fs::path dir = o.out_dir.empty() ? "." : o.out_dir;
    std::set<std::string> taken;
    for (report::Job& job : jobs) {
        std::string stem = report::output_stem(job.name);
        if (!taken.insert(stem).second)
            throw ArgumentError(fmt::format(
                "two inputs would write reports named {}.report.*; run them separately", stem));
        for (report::OutputFormat f : formats)
            job.outputs.push_back(
                {f, (dir / (stem + ".report." + report::output_extension(f))).string(), true});
    }
    return jobs;
}

int run_report(const ReportCliOptions& o) {
    std::vector<report::Job> jobs = plan_jobs(o);
    report::BatchOptions options;
    options.processes = o.jobs;
    std::vector<report::JobResult> results;
    {
        // The shared bar, drawn only when stderr is a terminal; cleared before the results.
        Progress bar("report", jobs.size());
        if (jobs.size() > 1)
            options.on_progress = [&bar](const report::Progress& p) {
                bar.update(p.done,
                           fmt::format("{} {}", p.result->ok ? "done" : "FAILED", p.job->name));
            };
        results = report::run_batch(jobs, options);
    }
    std::size_t failed = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        for (const std::string& path : results[i].written) print(fmt::format("wrote {}\n", path));
        if (!results[i].ok) ++failed;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i].ok)
            fmt::print(stderr, "liaison: report {} failed: {}\n", jobs[i].name, results[i].error);
    }
    if (failed && jobs.size() > 1)
        fmt::print(stderr, "liaison: {} of {} reports failed\n", failed, jobs.size());
    return failed ? 1 : 0;
}

}  // namespace

void register_report(CLI::App& app, Action& run) {
    auto o = std::make_shared<ReportCliOptions>();
    auto* cmd = app.add_subcommand(
        "report", "Reports (HTML, Markdown, JSON) over networks and report specs, in parallel");
    cmd->add_option("inputs", o->inputs,
                    "Network files or folders of them (each gets the default report)");
    // One value per flag, so `--spec a.json net.json` leaves net.json to the inputs.
    cmd->add_option("--spec", o->specs, "A report spec (JSON; repeatable; see docs/report.md)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    cmd->add_option("-o,--output", o->outputs,
                    "Output file of a single report; the extension chooses the format (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--out-dir", o->out_dir,
                    "Folder for outputs named <input>.report.<format> (default: current folder)");
    cmd->add_option("--output-format", o->formats,
                    "File formats when no -o: html (default), md, json")
        ->type_name("html|md|json")
        ->delimiter(',')
        ->allow_extra_args(false);
    add_deprecated_alias(cmd, "--format", "--output-format", o->formats);
    cmd->add_option("-j,--jobs", o->jobs,
                    "Reports built at once, each in its own process (default: hardware threads)")
        ->check(CLI::Range(1u, 256u));
    cmd->callback([o, &run] {
        if (o->inputs.empty() && o->specs.empty())
            throw CLI::ValidationError("report", "give a network file, a folder or --spec");
        run = [o] { return run_report(*o); };
    });
}

}  // namespace liaison::cli
