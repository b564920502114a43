#pragma once
// Reference graphs and peer values from tests/data/analysis/*.json (written by
// scripts/peers/make_analysis_fixtures.py with NetworkX and igraph).
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "liaison/analysis/csr.hpp"

namespace fixtures {

struct Fixture {
    std::string name;
    bool directed = false;
    bool weighted = false;
    std::vector<std::string> nodes;
    std::vector<liaison::analysis::WeightedEdge> edges;
    rapidjson::Document doc;  // the whole file; reference() is doc["reference"]

    // The graph as a Csr (weights kept when the fixture is weighted).
    liaison::analysis::Csr csr() const;
    const rapidjson::Value& reference() const { return doc["reference"]; }
    bool has(const char* key) const;
    // A per-vertex vector; null entries (unreachable) become +inf.
    std::vector<double> values(const char* key) const;
    double number(const char* key) const;
    std::vector<std::vector<std::uint32_t>> lists(const char* key) const;
    std::vector<std::uint32_t> list(const char* key) const;
};

Fixture load(const std::string& name);
// Every fixture file's name (without .json), sorted.
std::vector<std::string> all_names();

// Largest |a - b| over two equal-length vectors (inf == inf counts 0); +inf on size mismatch.
double max_difference(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace fixtures
