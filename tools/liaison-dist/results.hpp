#pragma once
// The results table: one column per algorithm gathered on rank 0, rows in vertex order named by
// the ids file, written as TSV with 17 significant digits (enough to read back every double).
#include <cstdio>
#include <string>
#include <vector>

#include "dist_graph.hpp"

namespace liaison::dist {

class Results {
public:
    // Collective: rank 0 reads the ids (one per line, as many as vertices; empty path: numbers
    // 1..n) and opens the output, so a bad ids file or an unwritable path stops every rank
    // before any work.
    Results(const Graph& g, const std::string& ids_path, const std::string& output);
    ~Results();
    Results(const Results&) = delete;
    Results& operator=(const Results&) = delete;

    // Collective: the vertex (0-based) named `name` (an id, or a number 1..n without ids).
    Index vertex_of(const std::string& name, const std::string& option) const;
    // Collective: a column from every rank's slice.
    void add(const std::string& name, const std::vector<double>& local);
    // Collective: component roots renumbered as liaison does: 0.. by size, largest first, ties
    // by smallest vertex.
    void add_components(const std::string& name, const std::vector<double>& roots);
    // Collective: rank 0 writes the table.
    void write();

private:
    std::vector<double> gather(const std::vector<double>& local) const;

    const Graph& g_;
    std::vector<std::string> ids_;  // rank 0 only; empty: numbers
    std::string output_;
    std::string partial_;  // written first, renamed to output_ when complete
    std::FILE* file_ = nullptr;
    std::vector<std::string> names_;
    std::vector<std::vector<double>> columns_;  // rank 0 only
};

}  // namespace liaison::dist
