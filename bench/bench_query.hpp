#pragma once
// The query workload of the benchmark (bench/README.md): 1-hop and 2-hop counts from random
// start nodes and shortest paths between random pairs, through liaison's openCypher engine.
#include <string>

namespace liaison::bench {

// Loads DATA/GRAPH.json and runs the queries of DATA/GRAPH.workload.json, printing one JSON line
// per query form (median and p90 latency) and one for the load. Prints a "missing" line and
// returns true when the build has no query engine. False when a query fails.
bool run_queries(const std::string& data, const std::string& graph, int threads);

}  // namespace liaison::bench
