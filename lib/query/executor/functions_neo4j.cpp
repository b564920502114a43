// isEmpty, elementId, linenumber and file (functions_neo4j.hpp).
#include "query/executor/functions_neo4j.hpp"

#include <fmt/format.h>

#include "query/executor/context.hpp"

namespace liaison::query {

using K = Value::Kind;

Value fn_isempty(FunctionArgs a, ExecContext&) {
    const Value& x = a[0];
    switch (x.kind()) {
        case K::List:
            return x.as_list().empty();
        case K::Map:
            return x.as_map().empty();
        case K::String:
            return x.as_string().empty();
        default:
            type_error(fmt::format("isEmpty() cannot take a {}", Value::kind_name(x.kind())));
    }
}

Value fn_elementid(FunctionArgs a, ExecContext& ctx) {
    const Value& x = a[0];
    const PropertyGraph& g = ctx.g();
    if (x.kind() == K::Node) return "n:" + g.node(x.as_node().index).id;
    if (x.kind() != K::Relationship)
        type_error(fmt::format("elementId() cannot take a {}", Value::kind_name(x.kind())));
    EdgeIndex e = x.as_rel().index;
    const Edge& edge = g.edge(e);
    if (!edge.id.empty()) return "r:" + edge.id;
    // Without an id, the ends and the type name the edge; k tells parallel edges apart in the
    // order the file lists them.
    std::size_t k = 0;
    for (EdgeIndex other : g.out_edges(edge.source)) {
        if (other == e) break;
        const Edge& o = g.edge(other);
        if (o.type == edge.type && o.target == edge.target && o.id.empty()) ++k;
    }
    return fmt::format("r:{}:{}:{}:{}", g.node(edge.source).id, g.type_name(edge),
                       g.node(edge.target).id, k);
}

Value fn_outside_load_csv(FunctionArgs, ExecContext&) { return Value(); }

}  // namespace liaison::query
