#include "liaison/query/store_query.hpp"

#include "query/parser/parser.hpp"
#include "query/pipeline.hpp"

namespace liaison::query {

namespace {

// Sends the engine's writes through a store transaction.
class TransactionWriter : public GraphWriter {
public:
    explicit TransactionWriter(WriteTransaction& tx) : tx_(tx) {}
    const PropertyGraph& graph() const override { return tx_.graph(); }
    NodeIndex add_node(Node node) override { return tx_.add_node(std::move(node)); }
    void replace_node(NodeIndex n, Node node) override {
        if (node.id != tx_.graph().node(n).id)
            throw ArgumentError("a query cannot change a node's id");
        tx_.update_node(std::move(node));
    }
    EdgeIndex add_edge(Edge edge) override { return tx_.add_edge(edge); }
    void replace_edge(EdgeIndex e, Edge edge) override { tx_.update_edge(e, edge); }
    void remove_edge(EdgeIndex e) override { tx_.remove_edge(e); }
    void remove_node(NodeIndex n) override { tx_.remove_node(tx_.graph().node(n).id); }
    RelationId relation(std::string_view name) override {
        if (auto id = tx_.graph().relations().find(name)) return *id;
        return tx_.declare_relation({std::string(name), false, "", "", false});
    }
    void create_index(IndexDefinition index) override { tx_.create_index(std::move(index)); }
    void drop_index(std::string_view name) override { tx_.drop_index(name); }

private:
    WriteTransaction& tx_;
};

}  // namespace

QueryResult execute(Database& db, std::string_view text, const ValueMap& params,
                    const QueryLimits& limits) {
    ast::Query query = parse_query(text);
    if (!has_updates(query))
        return run_query(db.graph(), nullptr, std::move(query), text, params, limits);
    // Run under the writer lock on the latest committed state (Database::update), so what the
    // query matched is what it changes.
    QueryResult result;
    db.update([&](WriteTransaction& tx) {
        TransactionWriter writer(tx);
        result = run_query(tx.graph(), &writer, std::move(query), text, params, limits);
    });
    return result;
}

}  // namespace liaison::query
