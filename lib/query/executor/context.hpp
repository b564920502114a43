#pragma once
// What operators and expressions share while a query runs: the graph, the parameters, the
// statistics of changes, and the entities deleted so far (removed from the graph at the end, so
// indices stay valid while the query runs).
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/query/error.hpp"
#include "liaison/query/limits.hpp"
#include "liaison/query/value.hpp"
#include "query/executor/governor.hpp"

namespace liaison::query {

class RegexCache;     // executor/regex.hpp
class SubqueryCache;  // executor/subquery.hpp

using Row = std::vector<Value>;

// Where a query's writes go: straight into a PropertyGraph, or through a store transaction.
// graph() is the current state, writes included.
class GraphWriter {
public:
    virtual ~GraphWriter() = default;
    virtual const PropertyGraph& graph() const = 0;
    virtual NodeIndex add_node(Node node) = 0;
    virtual void replace_node(NodeIndex n, Node node) = 0;
    virtual EdgeIndex add_edge(Edge edge) = 0;
    virtual void replace_edge(EdgeIndex e, Edge edge) = 0;
    virtual void remove_edge(EdgeIndex e) = 0;
    virtual void remove_node(NodeIndex n) = 0;
    virtual RelationId relation(std::string_view name) = 0;  // declared (directed) when new
    // CREATE INDEX / DROP INDEX; throw ArgumentError / LookupError as the store does.
    virtual void create_index(IndexDefinition index) = 0;
    virtual void drop_index(std::string_view name) = 0;
};

// Writes straight into a graph.
class DirectWriter : public GraphWriter {
public:
    explicit DirectWriter(PropertyGraph& g) : g_(g) {}
    const PropertyGraph& graph() const override { return g_; }
    NodeIndex add_node(Node node) override { return g_.add_node(std::move(node)); }
    void replace_node(NodeIndex n, Node node) override { g_.replace_node(n, std::move(node)); }
    EdgeIndex add_edge(Edge edge) override { return g_.add_edge(std::move(edge)); }
    void replace_edge(EdgeIndex e, Edge edge) override { g_.replace_edge(e, std::move(edge)); }
    void remove_edge(EdgeIndex e) override { g_.remove_edge(e); }
    void remove_node(NodeIndex n) override { g_.remove_node(n); }
    RelationId relation(std::string_view name) override { return g_.relation(name); }
    void create_index(IndexDefinition index) override { add_index(g_.indexes, std::move(index)); }
    void drop_index(std::string_view name) override { liaison::drop_index(g_.indexes, name); }

private:
    PropertyGraph& g_;
};

struct ExecContext {
    const PropertyGraph* graph = nullptr;  // for reads when there is no writer
    GraphWriter* writer = nullptr;
    const ValueMap* params = nullptr;
    QueryStats stats;
    std::set<std::uint32_t> deleted_nodes;
    std::set<std::uint32_t> deleted_rels;
    std::set<std::uint32_t> plain_deleted_nodes;  // deleted without DETACH
    std::uint64_t next_id = 0;                    // for generated node ids "node-<k>"
    bool profile = false;                         // time each operator (PROFILE)
    Governor gov;                                 // the time limit and memory budget
    std::shared_ptr<RegexCache> regexes;          // compiled =~ patterns of this query
    std::shared_ptr<SubqueryCache> subqueries;    // plans of EXISTS/COUNT/COLLECT { … }

    const PropertyGraph& g() const { return writer ? writer->graph() : *graph; }
    GraphWriter& w();  // throws when the query runs read-only
};

// A runtime error of the executor with its TCK category and code.
[[noreturn]] void runtime_error(const std::string& category, const std::string& code,
                                const std::string& message);
[[noreturn]] void type_error(const std::string& message);

}  // namespace liaison::query
