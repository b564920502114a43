// Runs the openCypher TCK feature files against liaison's query engine and compares with a
// baseline of scenarios known to pass. Prints passed / failed / skipped per feature file and in
// total (Tier 1 and all). Exits 1 when a baseline scenario fails (a regression), or when a
// scenario crashes the engine with an unexpected exception type.
//
//   tck_runner --features DIR [--baseline FILE] [--write-baseline FILE] [--filter TEXT]
//              [--verbose] [--tier1]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "gherkin.hpp"
#include "scenario.hpp"

namespace fs = std::filesystem;
using namespace liaison::tck;

namespace {

// Tier 1 of ../shared/tck/README.md.
bool is_tier1(const std::string& rel) {
    static const char* kDirs[] = {
        "clauses/match-where/",       "clauses/return/",   "clauses/return-orderby/",
        "clauses/return-skip-limit/", "clauses/with/",     "clauses/with-where/",
        "clauses/with-skip-limit/",   "clauses/create/",   "clauses/unwind/",
        "expressions/aggregation/",   "expressions/null/", "expressions/comparison/",
        "expressions/conditional/",   "expressions/path/", "useCases/"};
    for (const char* d : kDirs)
        if (rel.rfind(d, 0) == 0) return true;
    static const char* kMatch[] = {"Match1.", "Match2.", "Match3.", "Match4.",
                                   "Match5.", "Match7.", "Match8."};
    if (rel.rfind("clauses/match/", 0) == 0)
        for (const char* m : kMatch)
            if (rel.find(m) != std::string::npos) return true;
    return false;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Counts {
    int passed = 0, failed = 0, skipped = 0;
    void add(const Counts& o) { passed += o.passed, failed += o.failed, skipped += o.skipped; }
    int total() const { return passed + failed + skipped; }
};

}  // namespace

int main(int argc, char** argv) {
    std::string features, baseline, write_baseline, filter;
    bool verbose = false, tier1_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--features")
            features = value();
        else if (a == "--baseline")
            baseline = value();
        else if (a == "--write-baseline")
            write_baseline = value();
        else if (a == "--filter")
            filter = value();
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--tier1")
            tier1_only = true;
        else {
            fmt::print(stderr, "unknown argument {}\n", a);
            return 2;
        }
    }
    if (features.empty()) {
        fmt::print(stderr, "usage: tck_runner --features DIR [--baseline FILE] ...\n");
        return 2;
    }
    std::set<std::string> expected_pass;
    if (!baseline.empty()) {
        std::ifstream in(baseline);
        for (std::string l; std::getline(in, l);)
            if (!l.empty() && l[0] != '#') expected_pass.insert(l);
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(features))
        if (e.path().extension() == ".feature") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    Counts all, tier1;
    std::vector<std::string> passed_ids, regressions;
    fs::path graphs = fs::path(features).parent_path() / "graphs";
    for (const auto& file : files) {
        std::string rel = fs::relative(file, features).generic_string();
        bool t1 = is_tier1(rel);
        if (tier1_only && !t1) continue;
        Feature f;
        try {
            f = parse_feature(read_text(file));
        } catch (const std::exception& e) {
            fmt::print("{}: cannot parse: {}\n", rel, e.what());
            continue;
        }
        Counts c;
        for (const auto& s : f.scenarios) {
            std::string id = rel + ": " + s.name;
            if (!filter.empty() && id.find(filter) == std::string::npos) continue;
            auto t0 = std::chrono::steady_clock::now();
            Outcome o = run_scenario(s, graphs.string());
            double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (o.status == Outcome::Status::Passed && secs > 1.0) {
                o.status = Outcome::Status::Failed;
                o.message = fmt::format("took {:.2f} s (over 1 s)", secs);
            }
            switch (o.status) {
                case Outcome::Status::Passed:
                    ++c.passed;
                    passed_ids.push_back(id);
                    break;
                case Outcome::Status::Failed:
                    ++c.failed;
                    if (expected_pass.count(id)) regressions.push_back(id + ": " + o.message);
                    if (verbose) fmt::print("FAIL {}\n     {}\n", id, o.message);
                    break;
                case Outcome::Status::Skipped:
                    ++c.skipped;
                    if (verbose) fmt::print("SKIP {}: {}\n", id, o.message);
                    break;
            }
        }
        fmt::print("{:<60} {:>4} passed {:>4} failed {:>4} skipped{}\n", rel, c.passed, c.failed,
                   c.skipped, t1 ? "  (tier 1)" : "");
        all.add(c);
        if (t1) tier1.add(c);
    }
    fmt::print("\nTier 1: {} of {} scenarios passed ({} failed, {} skipped)\n", tier1.passed,
               tier1.total(), tier1.failed, tier1.skipped);
    fmt::print("All:    {} of {} scenarios passed ({} failed, {} skipped)\n", all.passed,
               all.total(), all.failed, all.skipped);
    if (!write_baseline.empty()) {
        std::ofstream out(write_baseline);
        out << "# openCypher TCK scenarios that pass (tests/tck/tck_runner --write-baseline).\n";
        out << "# The query/tck test fails when one of them stops passing.\n";
        for (const auto& id : passed_ids) out << id << "\n";
    }
    if (!regressions.empty()) {
        fmt::print("\n{} regression(s): scenarios of the baseline that no longer pass:\n",
                   regressions.size());
        for (const auto& r : regressions) fmt::print("  {}\n", r);
        return 1;
    }
    return 0;
}
