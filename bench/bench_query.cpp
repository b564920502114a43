// The query workload (bench_query.hpp).
#include "bench_query.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "bench_util.hpp"
#include "liaison/io/native_format.hpp"

#ifdef LIAISON_BENCH_HAS_QUERY
#include "liaison/query/query.hpp"
#endif

namespace liaison::bench {
namespace {

// A form that needs longer than this for its whole sample is reported as failing, so that one
// pathological plan cannot stall the benchmark.
constexpr double kFormBudgetSeconds = 120;

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    // Nearest rank, as numpy's "lower" interpolation would pick for our small samples.
    std::size_t i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

ResultLine base(const std::string& graph, const std::string& kernel, int threads) {
    ResultLine r;
    r.text("tool", "liaison").text("graph", graph).text("kernel", kernel);
    r.number("threads", threads);
    return r;
}

}  // namespace

#ifndef LIAISON_BENCH_HAS_QUERY
bool run_queries(const std::string&, const std::string& graph, int threads) {
    base(graph, "query", threads).text("missing", "built without lib/query").print();
    return true;
}
#else
bool run_queries(const std::string& data, const std::string& graph, int threads) {
    const double base_mib = rss_mib();
    const double t0 = now_seconds();
    PropertyGraph g = read_graph_file(data + "/" + graph + ".json");
    base(graph, "query_load", threads)
        .number("seconds", now_seconds() - t0)
        .number("mem_mib", rss_mib() - base_mib)
        .print();

    rapidjson::Document w;
    std::string text = read_file(data + "/" + graph + ".workload.json");
    w.Parse(text.c_str());
    std::vector<std::string> starts;
    for (const auto& s : w["starts"].GetArray()) starts.emplace_back(s.GetString());
    std::vector<std::pair<std::string, std::string> > pairs;
    for (const auto& p : w["pairs"].GetArray())
        pairs.emplace_back(p[0].GetString(), p[1].GetString());

    // The same question in equivalent forms must cost the same (the planner picks the start).
    struct Form {
        std::string kernel;
        std::string text;
        bool pair;
    };
    const std::vector<Form> forms = {
        {"q_1hop", "MATCH (a:Person {id: $id})--(b) RETURN count(*) AS n", false},
        {"q_2hop", "MATCH (a:Person {id: $id})--()--(c) RETURN count(DISTINCT c) AS n", false},
        {"q_2hop_where",
         "MATCH (a:Person)--(b)--(c) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false},
        {"q_2hop_reversed",
         "MATCH (c)--(b)--(a:Person) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false},
        {"q_2hop_with",
         "MATCH (a:Person)--()--(c) WHERE a.id = $id WITH DISTINCT c RETURN count(c) AS n", false},
        {"q_2hop_directed", "MATCH (a:Person {id: $id})-->()-->(c) RETURN count(DISTINCT c) AS n",
         false},
        {"q_2hop_directed_where",
         "MATCH (c)<--(b)<--(a:Person) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false},
        {"q_allshortest",
         "MATCH p = allShortestPaths((a:Person {id: $a})-[*..30]-(b:Person {id: $b})) "
         "RETURN count(p) AS n",
         true},
        {"q_shortest",
         "MATCH p = shortestPath((a:Person {id: $a})-[*..30]-(b:Person {id: $b})) "
         "RETURN length(p) AS n",
         true},
    };
    // For quick runs while tuning: LIAISON_BENCH_FORMS=q_1hop,q_shortest picks forms, and
    // LIAISON_BENCH_SAMPLE=N takes the first N starts or pairs.
    const char* only = std::getenv("LIAISON_BENCH_FORMS");
    const char* sample = std::getenv("LIAISON_BENCH_SAMPLE");
    const std::string wanted = only ? "," + std::string(only) + "," : "";
    bool ok = true;
    for (const Form& f : forms) {
        if (only && wanted.find("," + f.kernel + ",") == std::string::npos) continue;
        std::vector<double> times;
        double checksum = 0;
        std::size_t count = f.pair ? pairs.size() : starts.size();
        if (sample) count = std::min(count, static_cast<std::size_t>(std::atol(sample)));
        std::string error;
        const double form_start = now_seconds();
        for (std::size_t i = 0; i < count && error.empty(); ++i) {
            if (now_seconds() - form_start > kFormBudgetSeconds) {
                error = "budget exceeded: " + std::to_string(i) + " queries in " +
                        std::to_string(static_cast<int>(kFormBudgetSeconds)) + " s";
                break;
            }
            query::ValueMap params;
            if (f.pair) {
                params.emplace_back("a", pairs[i].first);
                params.emplace_back("b", pairs[i].second);
            } else {
                params.emplace_back("id", starts[i]);
            }
            const double t = now_seconds();
            try {
                query::QueryResult r = query::execute(g, f.text, params);
                times.push_back(now_seconds() - t);
                if (!r.rows.empty() && r.rows[0][0].kind() == query::Value::Kind::Int)
                    checksum += static_cast<double>(r.rows[0][0].as_int());
            } catch (const std::exception& e) {
                error = e.what();
            }
        }
        ResultLine r = base(graph, f.kernel, threads);
        if (!error.empty()) {
            r.text("error", error);
            ok = false;
        } else {
            r.number("seconds", percentile(times, 0.5))
                .number("p90", percentile(times, 0.9))
                .number("queries", static_cast<double>(times.size()))
                .number("checksum", checksum)
                .number("mem_mib", rss_mib() - base_mib);
        }
        r.text("query", f.text).print();
    }
    return ok;
}
#endif

}  // namespace liaison::bench
