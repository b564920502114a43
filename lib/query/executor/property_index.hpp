#pragma once
// The in-memory structure behind a node property index (CREATE INDEX … FOR (n:Label) ON
// (n.key)): the nodes of the label sorted by the value of `key` as queries read it, in compact
// arrays per kind (numbers by their double value, strings by their bytes, booleans), plus the
// nodes whose value has another kind. A seek returns a superset of the nodes whose value can
// equal (or fall in the range of) the sought value, in index order; the match checks the exact
// predicate on each, so results never depend on the index. Built on first use for a graph and
// node revision (PropertyGraph::node_revision changes with every node write, so writes in a
// transaction are seen), and reused until the nodes change.
#include <optional>
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

struct ExecContext;

class PropertyIndex {
public:
    PropertyIndex(const PropertyGraph& g, std::string_view label, std::string_view key);

    // Candidates for `key = v` (nullopt when v's kind is not indexed: the caller scans).
    std::optional<std::vector<NodeIndex>> equal(const Value& v) const;
    // Candidates for `key IN list`.
    std::optional<std::vector<NodeIndex>> in(const Value& list) const;
    // Candidates for `key op v` with op one of < <= > >=.
    std::optional<std::vector<NodeIndex>> range(ast::Op op, const Value& v) const;
    // Candidates for `key > lo AND key < hi` (any of < <= > >=; lo the lower bound): both
    // bounds of one kind, else the lower bound alone.
    std::optional<std::vector<NodeIndex>> between(const Value& lo, const Value& hi) const;

    std::size_t size() const {
        return numbers_.size() + strings_.size() + bools_[0].size() + bools_[1].size() +
               others_.size();
    }

private:
    void add(std::vector<NodeIndex>& out, bool others) const;
    std::vector<std::pair<double, NodeIndex>> numbers_;
    std::vector<std::pair<std::string, NodeIndex>> strings_;
    std::vector<NodeIndex> bools_[2];
    std::vector<NodeIndex> others_;  // lists, temporal values, NaN: candidates of every seek
};

struct StartPlan;  // executor/matcher.hpp

// The start candidates of an index seek (StartPlan::Source::Index): the index's answer, kept
// in `scratch`, or all the label's nodes when the sought value's kind is not indexed.
const std::vector<NodeIndex>& index_seek(ExecContext& ctx, const StartPlan& start,
                                         std::vector<Value>& row, std::vector<NodeIndex>& scratch);

// The index of (label, key) for the graph as it is now, built or reused.
const PropertyIndex& property_index(const PropertyGraph& g, const std::string& label,
                                    const std::string& key);

}  // namespace liaison::query
