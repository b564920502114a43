// Applying journal operations to a graph, with the native reader's own rules as the check: each
// touched entity is written into a small network and read back, so nothing the store accepts can
// make the snapshot unreadable later.
#include "liaison/store/ops.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/graph_rules.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::store {

namespace {

// Copies into `mini` the documents cited by `sources` (those that exist in g).
void copy_documents(const PropertyGraph& g, const Sources& sources, PropertyGraph& mini) {
    for (const Source& s : sources) {
        auto it = g.documents().find(s.document);
        if (it != g.documents().end()) mini.documents().emplace(it->first, it->second);
    }
}

void copy_relation(const PropertyGraph& g, std::string_view name, PropertyGraph& mini) {
    auto id = g.relations().find(name);
    if (!id) return;
    const RelationType& t = g.relations().get(*id);
    if (!t.builtin) mini.relations().declare(t);
}

// Writes `mini` and reads it back; the reader's complaint becomes the error. A second write
// must reproduce the first, which catches content the writer cannot represent faithfully.
void check_roundtrip(const PropertyGraph& mini, const std::string& what) {
    std::string text;
    try {
        text = write_graph_json(mini);
        PropertyGraph back = parse_graph_json(text, what);
        if (write_graph_json(back) == text) return;
    } catch (const InputError& e) {
        throw ArgumentError(fmt::format("{}: {}", what, e.message()));
    } catch (const ArgumentError& e) {
        throw ArgumentError(fmt::format("{}: {}", what, e.what()));
    }
    throw ArgumentError(fmt::format("{}: content cannot be stored faithfully", what));
}

Node stub_node(const std::string& id) {
    Node n;
    n.id = id;
    n.labels = {"Topic"};
    n.names.en = id;
    return n;
}

// How an operation's content is held to the native reader's rules: by writing and reading back
// a small network (a commit: the check whose messages users see), or by the rules themselves
// (replay: the operation passed the round trip when it was committed, and a journal of tens of
// thousands of them must open in milliseconds; a hand-made record is still refused).
enum class Check { RoundTrip, Rules };

// The rule checker's complaint as apply's error.
template <typename F>
void rules(F&& check) {
    try {
        check();
    } catch (const InputError& e) {
        throw ArgumentError(e.message());
    }
}

void check_node(const PropertyGraph& g, const Node& node, Check how) {
    if (!is_node_id(node.id))
        throw ArgumentError(fmt::format(
            "node id '{}' is not an ASCII slug (lowercase letters, digits, '.', '_', '-')",
            node.id));
    if (how == Check::Rules) return rules([&] { detail::check_node_rules(g, node, ""); });
    PropertyGraph mini;
    copy_documents(g, node.sources, mini);
    mini.add_node(node);
    check_roundtrip(mini, fmt::format("node '{}'", node.id));
}

void check_edge(const PropertyGraph& g, const EdgeData& d, const Edge& e, Check how) {
    if (how == Check::Rules) return rules([&] { detail::check_edge_rules(g, e, ""); });
    PropertyGraph mini;
    copy_documents(g, d.sources, mini);
    copy_relation(g, d.relation, mini);
    mini.add_node(stub_node(d.source));
    if (d.target != d.source) mini.add_node(stub_node(d.target));
    Edge in_mini = to_edge(mini, d);
    mini.add_edge(std::move(in_mini));
    check_roundtrip(mini, fmt::format("edge {} -[{}]-> {}", d.source, d.relation, d.target));
}

NodeIndex find_node(const PropertyGraph& g, std::string_view id) {
    auto n = g.find_id(id);
    if (!n) throw LookupError(fmt::format("no node with id '{}'", id));
    return *n;
}

std::size_t citations(const PropertyGraph& g, std::string_view document) {
    std::size_t count = 0;
    auto in = [&](const Sources& sources) {
        for (const Source& s : sources) count += s.document == document;
    };
    for (const Node& n : g.nodes()) in(n.sources);
    for (const Edge& e : g.edges()) in(e.sources);
    return count;
}

}  // namespace

std::string EdgeRef::to_string() const {
    std::string s = fmt::format("{} -[{}]-> {}", source, relation, target);
    if (ordinal > 0) s += fmt::format(" #{}", ordinal + 1);
    return s;
}

// Through the accessors a lazy graph serves from its base, so naming the edge just added to a
// large binary store does not load its content.
EdgeRef edge_ref(const PropertyGraph& g, EdgeIndex e) {
    EdgeEnds ends = g.edge_ends(e);
    return {g.node_id(ends.source), g.relations().get(ends.type).name, g.node_id(ends.target),
            g.parallel_rank(e)};
}

bool loads_base(const std::vector<Op>& ops) {
    for (const Op& op : ops) switch (op.kind) {
            case OpKind::PutEdge:  // moved to other ends or another type
                if (op.ref.source != op.edge.source || op.ref.target != op.edge.target ||
                    op.ref.relation != op.edge.relation)
                    return true;
                break;
            default:
                break;
        }
    return false;
}

std::vector<EdgeIndex> parallel_edges(const PropertyGraph& g, const EdgeRef& ref) {
    std::vector<EdgeIndex> out;
    auto s = g.find_id(ref.source);
    auto t = g.find_id(ref.target);
    auto type = g.relations().find(ref.relation);
    if (!s || !t || !type) return out;
    std::vector<EdgeIndex> scratch;
    for (EdgeIndex e : g.incident_edges(*s, Direction::Out, scratch)) {
        EdgeEnds ends = g.edge_ends(e);
        if (ends.source == *s && ends.target == *t && ends.type == *type) out.push_back(e);
    }
    return out;
}

EdgeIndex resolve(const PropertyGraph& g, const EdgeRef& ref) {
    std::vector<EdgeIndex> named = parallel_edges(g, ref);
    if (ref.ordinal < named.size()) return named[ref.ordinal];
    throw LookupError(fmt::format("no edge {}", ref.to_string()));
}

EdgeData edge_data(const PropertyGraph& g, const Edge& e) {
    return {
        e.id.str(), g.node(e.source).id, g.type_name(e), g.node(e.target).id, e.properties, e.time,
        e.sources};
}

Edge to_edge(const PropertyGraph& g, const EdgeData& d) {
    Edge e;
    e.id = d.id;
    e.source = find_node(g, d.source);
    e.target = find_node(g, d.target);
    auto type = g.relations().find(d.relation);
    if (!type)
        throw ArgumentError(fmt::format(
            "unknown relation type '{}': declare it (symmetric or directed) first", d.relation));
    e.type = *type;
    e.properties = d.properties;
    e.time = d.time;
    e.sources = d.sources;
    return e;
}

namespace {

void apply_op(PropertyGraph& g, const Op& op, Check how) {
    switch (op.kind) {
        case OpKind::AddNode:
            if (g.find_id(op.node.id))
                throw ArgumentError(fmt::format("duplicate node id '{}'", op.node.id));
            check_node(g, op.node, how);
            g.add_node(op.node);
            return;
        case OpKind::PutNode: {
            NodeIndex n = find_node(g, op.node.id);
            check_node(g, op.node, how);
            g.replace_node(n, op.node);
            return;
        }
        case OpKind::RemoveNode:
            g.remove_node(find_node(g, op.id));
            return;
        case OpKind::AddEdge: {
            Edge e = to_edge(g, op.edge);
            check_edge(g, op.edge, e, how);
            g.add_edge(std::move(e));
            return;
        }
        case OpKind::PutEdge: {
            EdgeIndex at = resolve(g, op.ref);
            Edge e = to_edge(g, op.edge);
            check_edge(g, op.edge, e, how);
            g.replace_edge(at, std::move(e));
            return;
        }
        case OpKind::RemoveEdge:
            g.remove_edge(resolve(g, op.ref));
            return;
        case OpKind::PutDocument: {
            if (op.document.id.empty()) throw ArgumentError("a document needs an id");
            PropertyGraph mini;
            mini.documents().emplace(op.document.id, op.document);
            check_roundtrip(mini, fmt::format("document '{}'", op.document.id));
            g.documents()[op.document.id] = op.document;
            return;
        }
        case OpKind::RemoveDocument: {
            auto it = g.documents().find(op.id);
            if (it == g.documents().end())
                throw LookupError(fmt::format("no document with id '{}'", op.id));
            if (std::size_t n = citations(g, op.id))
                throw ArgumentError(fmt::format("document '{}' is still cited by {} source{}",
                                                op.id, n, n == 1 ? "" : "s"));
            g.documents().erase(it);
            return;
        }
        case OpKind::DeclareRelation: {
            PropertyGraph mini;
            mini.relations().declare(op.relation);
            check_roundtrip(mini, fmt::format("relation type '{}'", op.relation.name));
            g.relations().declare(op.relation);
            return;
        }
        case OpKind::SetGraphInfo: {
            PropertyGraph mini;
            mini.graph_id = op.id;
            mini.graph_label = op.label;
            check_roundtrip(mini, "graph id and label");
            g.graph_id = op.id;
            g.graph_label = op.label;
            return;
        }
        case OpKind::CreateIndex: {
            // Checked on a copy so a refused definition leaves g as it was.
            std::vector<IndexDefinition> indexes = g.indexes;
            add_index(indexes, op.index);
            PropertyGraph mini;
            mini.indexes = indexes;
            check_roundtrip(mini, fmt::format("index '{}'", op.index.name));
            g.indexes = std::move(indexes);
            return;
        }
        case OpKind::DropIndex:
            if (!drop_index(g.indexes, op.id))
                throw LookupError(fmt::format("no index named '{}'", op.id));
            return;
    }
    LIAISON_ASSERT(false);
}

}  // namespace

void apply(PropertyGraph& g, const Op& op) { apply_op(g, op, Check::RoundTrip); }
void apply_replayed(PropertyGraph& g, const Op& op) { apply_op(g, op, Check::Rules); }

}  // namespace liaison::store
