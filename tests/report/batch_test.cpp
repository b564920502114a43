// Batch runs: one broken input among good ones, atomic outputs, results in job order.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/report/batch.hpp"
#include "report_fixtures.hpp"

using namespace liaison;
using namespace liaison::report;
using namespace report_fixtures;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const char* name) {
    fs::path d = fs::temp_directory_path() /
                 fmt::format("liaison_report_{}_{}", name, static_cast<long>(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("output names and formats") {
    CHECK(output_stem("graphs/morocco-interpol.json") == "morocco-interpol");
    CHECK(output_stem("specs/weekly.spec.json") == "weekly");
    CHECK(output_stem("a.report.json") == "a");
    CHECK(output_format_of_path("x/r.HTML") == OutputFormat::Html);
    CHECK(output_format_of_path("r.md") == OutputFormat::Markdown);
    CHECK(output_format_of_path("r.json") == OutputFormat::Json);
    CHECK_FALSE(output_format_of_path("r.txt").has_value());
    CHECK(parse_output_format("md") == OutputFormat::Markdown);
}

TEST_CASE("batch: a broken input fails alone, the good reports are written") {
    fs::path out = temp_dir("batch");
    std::vector<Job> jobs;
    jobs.push_back({"small.spec.json",
                    kData + "/small.spec.json",
                    "",
                    {{OutputFormat::Html, (out / "small.html").string()},
                     {OutputFormat::Json, (out / "small.json").string()}}});
    jobs.push_back({"broken.json",
                    "",
                    kData + "/broken.json",
                    {{OutputFormat::Html, (out / "broken.html").string()}}});
    jobs.push_back({"bad-section.spec.json",
                    kData + "/bad-section.spec.json",
                    "",
                    {{OutputFormat::Html, (out / "bad.html").string()}}});
    jobs.push_back({"small.json",
                    "",
                    kData + "/small.json",
                    {{OutputFormat::Markdown, (out / "md" / "small.md").string()}}});

    std::size_t calls = 0, last_done = 0;
    BatchOptions options;
    options.processes = 3;
    options.on_progress = [&](const Progress& p) {
        ++calls;
        CHECK(p.total == 4);
        CHECK(p.done == last_done + 1);
        last_done = p.done;
    };
    std::vector<JobResult> results = run_batch(jobs, options);
    CHECK(calls == 4);
    REQUIRE(results.size() == 4);
    CHECK(results[0].ok);
    CHECK(results[0].written.size() == 2);
    CHECK_FALSE(results[1].ok);
    CHECK(results[1].error.find("broken.json:5:1: invalid JSON") != std::string::npos);
    CHECK_FALSE(results[2].ok);
    INFO(results[2].error);
    CHECK(results[2].error.find("bad-section.spec.json:5:5: section 2 (profiles): ") !=
          std::string::npos);
    CHECK(results[2].error.find("nobody-at-all") != std::string::npos);
    CHECK(results[3].ok);
    CHECK(fs::exists(out / "small.html"));
    CHECK(fs::exists(out / "small.json"));
    CHECK(fs::exists(out / "md" / "small.md"));
    CHECK_FALSE(fs::exists(out / "broken.html"));
    CHECK_FALSE(fs::exists(out / "bad.html"));
    // The default report of a network without events says so instead of failing.
    std::string md = read_file((out / "md" / "small.md").string());
    CHECK(md.find("The network records no events") != std::string::npos);
    CHECK(md.find("![") != std::string::npos);
    CHECK(fs::exists(out / "md" / "small-figure-1.svg"));
    fs::remove_all(out);
}

TEST_CASE("batch: the same jobs give byte-identical files, whatever the order or parallelism") {
    // Diagrams included: each job runs in its own process, so a Graphviz layout cannot depend on
    // what was drawn before it or beside it.
    fs::path out = temp_dir("rerun");
    fs::path spec = out / "seed.spec.json";
    std::string text = read_file(kData + "/seed.spec.json");
    REQUIRE(text.find("\"type\": \"diagram\"") != std::string::npos);
    text.replace(text.find("../../../graphs"), 15, std::string(LIAISON_SOURCE_DIR) + "/graphs");
    liaison::write_file_atomic(spec.string(), text);
    auto jobs_into = [&](const fs::path& dir) {
        return std::vector<Job>{{"seed",
                                 spec.string(),
                                 "",
                                 {{OutputFormat::Html, (dir / "seed.html").string()},
                                  {OutputFormat::Json, (dir / "seed.json").string()},
                                  {OutputFormat::Markdown, (dir / "seed.md").string()}}},
                                {"small",
                                 kData + "/small.spec.json",
                                 "",
                                 {{OutputFormat::Html, (dir / "small.html").string()}}},
                                {"default",
                                 "",
                                 std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json",
                                 {{OutputFormat::Html, (dir / "default.html").string()}}}};
    };
    BatchOptions one, two;
    one.processes = 1;
    two.processes = 2;
    auto r1 = run_batch(jobs_into(out / "a"), one);
    auto reversed = jobs_into(out / "b");
    std::reverse(reversed.begin(), reversed.end());
    auto r2 = run_batch(reversed, two);
    for (const auto& r : {r1, r2})
        for (const JobResult& j : r) REQUIRE_MESSAGE(j.ok, j.error);
    CHECK(r1[0].written.size() == 3 + 1);  // three formats and the Markdown's figure file
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(out / "a")) {
        std::string name = entry.path().filename().string();
        CHECK_MESSAGE(
            read_file((out / "a" / name).string()) == read_file((out / "b" / name).string()), name);
        ++compared;
    }
    CHECK(compared >= 6);
    CHECK(read_file((out / "a" / "seed.html").string()).find("<svg") != std::string::npos);
    CHECK(read_file((out / "a" / "seed.html").string()).find("Hammouchi") != std::string::npos);
    fs::remove_all(out);
}

TEST_CASE("batch: an output may not replace its input") {
    fs::path out = temp_dir("clobber");
    fs::copy_file(kData + "/small.json", out / "net.json");
    Job job{"net",
            "",
            (out / "net.json").string(),
            {{OutputFormat::Json, (out / "net.json").string()}}};
    CHECK_THROWS_WITH_AS(run_job(job), doctest::Contains("would overwrite the input"),
                         ArgumentError);
    fs::remove_all(out);
}
