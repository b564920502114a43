// liaison-dist: liaison's heavy graph kernels over MPI on CombBLAS (docs/scale.md).
//   mpirun -np N liaison-dist ALGO... --input graph.mtx [--ids graph.mtx.ids] -o results.tsv
// Every rank parses the options and reads its share of the file; rank 0 writes the results.
// CombBLAS needs a square process grid: with N ranks the largest square q*q <= N computes and
// the rest wait.
#include <mpi.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "collective.hpp"
#include "kernels.hpp"
#include "mtx_reader.hpp"
#include "results.hpp"

namespace liaison::dist {

namespace {

struct Options {
    std::vector<std::string> algorithms;
    std::string input;
    std::string ids;
    std::string output;
    std::string source;
    std::string mode = "total";
    PageRankOptions pagerank;
    BetweennessOptions betweenness;
    bool unweighted = false;
    bool timings = false;
};

const std::vector<std::string> kAlgorithms{"pagerank",    "components", "bfs",
                                           "betweenness", "degree",     "kcore"};

void add_options(CLI::App& app, Options& o) {
    app.add_option("algorithms", o.algorithms,
                   "What to compute: pagerank, components, bfs, "
                   "betweenness, degree, kcore (one column each)")
        ->required()
        ->check(CLI::IsMember(kAlgorithms));
    app.add_option("--input", o.input, "Matrix Market file of the graph (liaison project -o)")
        ->required();
    app.add_option("--ids", o.ids, "Vertex ids, one per line (default: INPUT.ids if present)");
    app.add_option("-o,--output", o.output, "Results as TSV ('-': standard output)")->required();
    app.add_option("--damping", o.pagerank.damping, "PageRank damping factor (default 0.85)")
        ->check(CLI::Range(0.0, 0.999999999999));
    app.add_option("--tolerance", o.pagerank.tolerance,
                   "PageRank: stop when the L1 change < n * tolerance (default 1e-12)")
        ->check(CLI::PositiveNumber);
    app.add_option("--max-iterations", o.pagerank.max_iterations,
                   "PageRank: at most this many rounds (default 10000)")
        ->check(CLI::Range(1, 1 << 30));
    app.add_option("--source", o.source, "BFS: the start vertex (an id, or a number without ids)");
    app.add_option("--samples", o.betweenness.samples,
                   "Betweenness: estimate from K sampled sources (default: exact)");
    app.add_option("--seed", o.betweenness.seed, "Betweenness: seed of the sample");
    app.add_option("--mode", o.mode, "Degree of a directed graph: in, out or total")
        ->check(CLI::IsMember({"in", "out", "total"}));
    app.add_flag("--unweighted", o.unweighted, "Read every entry as 1 (ignore the values)");
    app.add_flag("--timings", o.timings, "Print the time of each step on stderr");
}

int square_side(int ranks) {
    int q = static_cast<int>(std::sqrt(static_cast<double>(ranks)));
    while ((q + 1) * (q + 1) <= ranks) ++q;
    while (q * q > ranks) --q;
    return q;
}

// CombBLAS's local products use OpenMP threads. Ranks sharing a host would otherwise each start
// one thread per core and spin against each other (a 6-vertex BFS took a second at 4 ranks on 2
// cores): unless OMP_NUM_THREADS says otherwise, the host's cores are shared among its ranks.
void share_cores() {
#ifdef _OPENMP
    if (std::getenv("OMP_NUM_THREADS")) return;
    MPI_Comm host = MPI_COMM_NULL;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &host);
    int local = 1;
    MPI_Comm_size(host, &local);
    MPI_Comm_free(&host);
    omp_set_num_threads(std::max(1, omp_get_num_procs() / local));
#endif
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run(MPI_Comm comm, int side, const Options& o) {
    auto grid = std::make_shared<combblas::CommGrid>(comm, side, side);
    int rank = 0;
    MPI_Comm_rank(comm, &rank);
    auto clock = std::chrono::steady_clock::now();
    auto timing = [&](const std::string& step, const std::string& note = "") {
        if (o.timings && rank == 0)
            std::fprintf(stderr, "liaison-dist: time %s %.6f s%s\n", step.c_str(),
                         seconds_since(clock), note.c_str());
        clock = std::chrono::steady_clock::now();
    };
    Graph g = load_mtx(grid, o.input, o.unweighted);
    std::string ids_path = o.ids;
    if (ids_path.empty() && std::filesystem::exists(o.input + ".ids")) ids_path = o.input + ".ids";
    Results results(g, ids_path, o.output);  // collective: ids read and output opened on rank 0
    timing("load", " (" + std::to_string(g.n) + " vertices)");
    for (const std::string& algorithm : o.algorithms) {
        std::string note;
        if (algorithm == "pagerank") {
            PageRankResult r = page_rank(g, o.pagerank);
            if (!r.converged && rank == 0)
                std::fprintf(stderr,
                             "liaison-dist: warning: pagerank did not converge in %d iterations; "
                             "scores are approximate\n",
                             r.iterations);
            note = " (" + std::to_string(r.iterations) + " iterations)";
            results.add(algorithm, r.local);
        } else if (algorithm == "components") {
            results.add_components(algorithm, component_roots(g));
        } else if (algorithm == "bfs") {
            results.add(algorithm, bfs_levels(g, results.vertex_of(o.source, "--source")));
        } else if (algorithm == "betweenness") {
            results.add(algorithm, betweenness(g, o.betweenness));
        } else if (algorithm == "degree") {
            const DegreeMode mode = o.mode == "in"    ? DegreeMode::In
                                    : o.mode == "out" ? DegreeMode::Out
                                                      : DegreeMode::Total;
            results.add(algorithm, degree(g, mode));
        } else {
            results.add(algorithm, core_numbers(g));
        }
        timing(algorithm, note);
    }
    results.write();
    timing("write");
    return 0;
}

}  // namespace

}  // namespace liaison::dist

int main(int argc, char** argv) {
    using namespace liaison::dist;
    MPI_Init(&argc, &argv);
    int rank = 0, ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    share_cores();
    int status = 0;
    Options o;
    CLI::App app{
        "liaison-dist: PageRank, components, BFS, betweenness, degree and k-core of a "
        "Matrix Market graph over MPI (CombBLAS)",
        "liaison-dist"};
    add_options(app, o);
    bool parsed = false;
    try {
        app.parse(argc, argv);
        parsed = true;
        if (std::find(o.algorithms.begin(), o.algorithms.end(), "bfs") != o.algorithms.end() &&
            o.source.empty())
            throw CLI::ValidationError("--source", "bfs needs --source ID");
    } catch (const CLI::ParseError& e) {
        // Every rank parsed the same arguments, so every rank stops here; one prints.
        status = rank == 0 ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : 2);
        if (status != 0) status = 2;
        parsed = false;
    }
    if (parsed) {
        const int side = square_side(ranks);
        const bool computes = rank < side * side;
        if (rank == 0 && side * side != ranks)
            std::fprintf(stderr,
                         "liaison-dist: warning: CombBLAS needs a square number of ranks; "
                         "computing on %d of %d (the other %d wait)\n",
                         side * side, ranks, ranks - side * side);
        MPI_Comm comm = MPI_COMM_NULL;
        MPI_Comm_split(MPI_COMM_WORLD, computes ? 0 : MPI_UNDEFINED, rank, &comm);
        if (computes) {
            try {
                status = run(comm, side, o);
            } catch (const Reported&) {
                status = 1;
            } catch (const InputError& e) {
                // Raised on every computing rank alike (options against the graph): one prints.
                if (rank == 0) std::fprintf(stderr, "liaison-dist: %s\n", e.what());
                status = 1;
            }
            MPI_Comm_free(&comm);
        }
    }
    int worst = 0;
    MPI_Allreduce(&status, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    MPI_Finalize();
    return worst;
}
