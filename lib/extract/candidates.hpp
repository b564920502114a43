#pragma once
// Turns the analyses of articles into the candidates network (docs/extract.md, "The candidates
// file"): one node per entity across the articles, one edge per fact with every quote behind it.
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/analysis.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

class CandidateWriter {
public:
    explicit CandidateWriter(const PropertyGraph* base);
    void add(const Analysis& a, const Document& doc);
    PropertyGraph finish() { return std::move(g_); }

private:
    NodeIndex node_for(const Analysis& a, std::uint32_t entity, const Document& doc);
    std::string new_id(const std::string& wanted);
    void link(Node& node, Label label);

    PropertyGraph g_;
    const PropertyGraph* base_;
    std::unordered_map<std::string, NodeIndex> by_key_;
    std::unordered_map<std::string, NodeIndex> base_countries_;  // iso3 → base node
    std::unordered_set<std::string> used_ids_;
    std::map<std::string, EdgeIndex> edge_keys_;
    int next_edge_ = 1;
};

}  // namespace liaison::extract
