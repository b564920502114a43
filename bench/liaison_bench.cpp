// liaison's side of the benchmark (bench/README.md): loads one workload, times the kernels asked
// for at a given OpenMP thread count, and prints one JSON line per measurement. bench/run.py
// runs it interleaved with the peers (bench/peers.py) and compares the medians.
//
//   liaison_bench --data bench/data --graph K18 --threads 1 --kernels load_edges,bfs,pagerank
//   liaison_bench --data bench/data --graph QUERY --kernels query
//   liaison_bench --data bench/data --graph LFR --kernels leiden --seed 1 --seeds 4
//
// Kernels run on the Csr built from NAME.edges (undirected, unweighted). load_json reads
// NAME.json with read_graph_file and projects it (timed separately as "projection").
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "bench_query.hpp"
#include "bench_util.hpp"
#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/paths.hpp"
#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/structure.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::bench {
namespace {

using analysis::Csr;

struct Options {
    std::string data = "bench/data";
    std::string graph = "K14";
    int threads = 1;
    double mem_limit_gib = 0;  // address-space limit, so a runaway query fails with bad_alloc
    int seed = 1;              // community kernels run seeds seed .. seed + seeds - 1
    int seeds = 1;
    std::vector<std::string> kernels;
};

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c == ',') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    return out;
}

ResultLine base(const Options& o, const std::string& kernel) {
    ResultLine r;
    r.text("tool", "liaison").text("graph", o.graph).text("kernel", kernel);
    r.number("threads", o.threads);
    return r;
}

// Bytes of the Csr's arrays, and of a plain CSR with 32-bit indices holding the same entries.
std::pair<double, double> csr_bytes(const Csr& g) {
    auto side = [](const analysis::Adjacency& a) {
        return 4.0 * a.offsets.size() + 4.0 * a.targets.size() + 8.0 * a.weights.size() +
               4.0 * a.multiplicity.size();
    };
    double bytes = side(g.out()) + (g.directed() ? side(g.in()) : 0.0) + 4.0 * g.origins().size();
    double plain = 4.0 * (g.node_count() + 1.0) + 4.0 * g.out().targets.size();
    return {bytes, plain};
}

Csr load_edges(const Options& o, analysis::Vertex& source) {
    const double base_mib = rss_mib();
    const double t0 = now_seconds(), c0 = cpu_seconds();
    analysis::Vertex n = 0;
    Csr g;
    {
        std::vector<analysis::WeightedEdge> edges =
            parse_edge_list(read_file(o.data + "/" + o.graph + ".edges"), n);
        source = edges.empty() ? 0 : edges.front().source;
        const double t1 = now_seconds();
        g = Csr::from_edges(n, edges, {.directed = false, .weighted = false});
        const double t2 = now_seconds();
        base(o, "load_edges_parse").number("seconds", t1 - t0).print();
        base(o, "csr_build").number("seconds", t2 - t1).print();
    }
    const double seconds = now_seconds() - t0;
    auto [bytes, plain] = csr_bytes(g);
    base(o, "load_edges")
        .number("seconds", seconds)
        .number("cpu", cpu_seconds() - c0)
        .number("nodes", g.node_count())
        .number("edges", static_cast<double>(g.edge_count()))
        .number("mem_mib", rss_mib() - base_mib)
        .number("peak_mib", peak_rss_mib() - base_mib)
        .number("csr_bytes", bytes)
        .number("csr_plain_bytes", plain)
        .print();
    return g;
}

void load_json(const Options& o) {
    const double base_mib = rss_mib();
    const double t0 = now_seconds(), c0 = cpu_seconds();
    PropertyGraph pg = read_graph_file(o.data + "/" + o.graph + ".json");
    const double t1 = now_seconds(), c1 = cpu_seconds();
    const double graph_mib = rss_mib() - base_mib;
    base(o, "load_json")
        .number("seconds", t1 - t0)
        .number("cpu", c1 - c0)
        .number("nodes", static_cast<double>(pg.node_count()))
        .number("edges", static_cast<double>(pg.edge_count()))
        .number("mem_mib", graph_mib)
        .number("bytes_per_edge", graph_mib * 1048576.0 / std::max<double>(1, pg.edge_count()))
        .print();
    const double t2 = now_seconds(), c2 = cpu_seconds();
    analysis::Projection p = analysis::project(pg, {});
    const double t3 = now_seconds(), c3 = cpu_seconds();
    auto [bytes, plain] = csr_bytes(p.graph);
    base(o, "projection")
        .number("seconds", t3 - t2)
        .number("cpu", c3 - c2)
        .number("edges", static_cast<double>(p.graph.edge_count()))
        .number("csr_bytes", bytes)
        .number("csr_plain_bytes", plain)
        .number("peak_mib", peak_rss_mib() - base_mib)
        .print();
}

std::vector<std::uint32_t> read_membership(const std::string& path) {
    std::vector<std::uint32_t> out;  // one label per line
    std::string text = read_file(path);
    std::uint32_t value = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        auto r = std::from_chars(p, end, value);
        if (r.ec != std::errc()) {
            ++p;
            continue;
        }
        out.push_back(value);
        p = r.ptr;
    }
    return out;
}

// STREAM triad a = b + s c over arrays far larger than the caches: the memory bandwidth the
// kernels' edges-per-second are compared with. Best of 5, as STREAM reports.
void stream_triad(const Options& o) {
    const std::size_t n = std::size_t{1} << 25;  // 256 MiB per array
    std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
    double best = 1e300;
    for (int trial = 0; trial < 5; ++trial) {
        const double t0 = now_seconds();
        const std::int64_t count = static_cast<std::int64_t>(n);
#pragma omp parallel for schedule(static)
        for (std::int64_t i = 0; i < count; ++i) a[i] = b[i] + 3.0 * c[i];
        best = std::min(best, now_seconds() - t0);
    }
    base(o, "stream_triad")
        .number("seconds", best)
        .number("gb_per_s", 3.0 * 8.0 * static_cast<double>(n) / best / 1e9)
        .number("check", a[n / 2])
        .print();
}

template <class F>
void timed(const Options& o, const std::string& kernel, F&& run) {
    ResultLine r = base(o, kernel);
    const double t0 = now_seconds(), c0 = cpu_seconds();
    run(r);
    const double t1 = now_seconds(), c1 = cpu_seconds();
    r.number("seconds", t1 - t0).number("cpu", c1 - c0).number("peak_mib", peak_rss_mib()).print();
}

void run_kernel(const Options& o, const std::string& k, const Csr& g, analysis::Vertex source) {
    namespace a = analysis;
    if (k == "bfs") {
        timed(o, k, [&](ResultLine& r) {
            auto d = a::shortest_path_lengths(g, source);
            double reached = 0;
            for (double x : d) reached += std::isfinite(x) ? 1 : 0;
            r.number("reached", reached).number("source", source);
        });
    } else if (k == "cc") {
        timed(o, k, [&](ResultLine& r) { r.number("count", a::weak_components(g).count); });
    } else if (k == "pagerank") {
        timed(o, k, [&](ResultLine& r) {
            // The smallest tolerance never stops early, so exactly max_iterations rounds run.
            auto s = a::page_rank(g, {.tolerance = std::numeric_limits<double>::min(),
                                      .max_iterations = 20,
                                      .weighted = false});
            r.number("iterations", s.iterations);
        });
    } else if (k == "betweenness") {
        timed(o, k, [&](ResultLine& r) {
            auto s = a::betweenness(g, {.weighted = false, .normalized = true});
            r.number("max", *std::max_element(s.value.begin(), s.value.end()));
        });
    } else if (k == "closeness") {
        timed(o, k, [&](ResultLine& r) {
            auto s = a::closeness(g, {.weighted = false});
            r.number("max", *std::max_element(s.value.begin(), s.value.end()));
        });
    } else if (k == "kcore") {
        timed(o, k, [&](ResultLine& r) {
            auto c = a::core_numbers(g);
            r.number("max", *std::max_element(c.begin(), c.end()));
        });
    } else if (k == "clustering") {
        timed(o, k, [&](ResultLine& r) {
            auto c = a::clustering(g);
            double sum = 0;
            for (double x : c) sum += x;
            r.number("average", c.empty() ? 0 : sum / static_cast<double>(c.size()));
        });
    } else if (k == "triangles") {
        timed(o, k, [&](ResultLine& r) { r.number("transitivity", a::transitivity(g)); });
    } else if (k == "louvain" || k == "leiden") {
        const std::string truth = o.data + "/" + o.graph + ".communities";
        auto planted =
            std::ifstream(truth).good() ? read_membership(truth) : std::vector<std::uint32_t>{};
        // Both methods are randomised: means over several seeds compare the methods, not one
        // lucky draw (igraph runs the same seeds in peers.py). Seconds are per run.
        double seconds = 0, cpu = 0, q = 0, count = 0, agreement = 0;
        for (int seed = o.seed; seed < o.seed + o.seeds; ++seed) {
            const double t0 = now_seconds(), c0 = cpu_seconds();
            const auto u = static_cast<std::uint64_t>(seed);
            a::Partition p = k == "louvain" ? a::louvain(g, {.seed = u, .weighted = false})
                                            : a::leiden(g, {.seed = u, .weighted = false});
            seconds += now_seconds() - t0;
            cpu += cpu_seconds() - c0;
            q += p.modularity;
            count += p.count;
            if (planted.size() == p.membership.size()) agreement += nmi(p.membership, planted);
        }
        const double runs = o.seeds;
        ResultLine r = base(o, k);
        r.number("modularity", q / runs).number("communities", count / runs);
        if (!planted.empty()) r.number("nmi", agreement / runs);
        r.number("seeds", runs).number("seconds", seconds / runs).number("cpu", cpu / runs);
        r.number("peak_mib", peak_rss_mib()).print();
    } else {
        base(o, k).text("missing", "no such kernel in liaison_bench").print();
    }
}

int run(const Options& o) {
#ifdef _OPENMP
    omp_set_num_threads(o.threads);
#endif
    if (o.mem_limit_gib > 0) {
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(o.mem_limit_gib * 1073741824.0);
        setrlimit(RLIMIT_AS, &limit);
    }
    std::set<std::string> wanted(o.kernels.begin(), o.kernels.end());
    if (wanted.count("query")) return run_queries(o.data, o.graph, o.threads) ? 0 : 1;
    if (wanted.count("stream")) stream_triad(o);
    wanted.erase("stream");
    if (wanted.count("load_json")) load_json(o);
    wanted.erase("load_json");
    wanted.erase("projection");
    if (wanted.empty()) return 0;
    analysis::Vertex source = 0;
    Csr g = load_edges(o, source);
    for (const std::string& k : o.kernels) {
        if (k == "load_edges" || k == "load_json" || k == "projection" || k == "stream") continue;
        try {
            run_kernel(o, k, g, source);
        } catch (const std::exception& e) {
            base(o, k).text("error", e.what()).print();
        }
    }
    return 0;
}

}  // namespace
}  // namespace liaison::bench

int main(int argc, char** argv) {
    liaison::bench::Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string key = argv[i], value = argv[i + 1];
        if (key == "--data")
            o.data = value;
        else if (key == "--graph")
            o.graph = value;
        else if (key == "--threads")
            o.threads = std::atoi(value.c_str());
        else if (key == "--kernels")
            o.kernels = liaison::bench::split(value);
        else if (key == "--mem-limit-gib")
            o.mem_limit_gib = std::atof(value.c_str());
        else if (key == "--seed")
            o.seed = std::atoi(value.c_str());
        else if (key == "--seeds")
            o.seeds = std::max(1, std::atoi(value.c_str()));
        else {
            std::cerr << "liaison_bench: unknown option " << key << "\n";
            return 2;
        }
    }
    if (argc % 2 == 0 || o.kernels.empty()) {
        std::cerr << "usage: liaison_bench --data DIR --graph NAME --threads N --kernels a,b,...\n";
        return 2;
    }
    try {
        return liaison::bench::run(o);
    } catch (const std::exception& e) {
        std::cerr << "liaison_bench: " << e.what() << "\n";
        return 1;
    }
}
