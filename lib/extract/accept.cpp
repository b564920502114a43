#include "liaison/extract/accept.hpp"

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/extract/review.hpp"

namespace liaison::extract {

namespace {

// Written by review and extract for the analyst; meaningless once the facts are in a database.
void drop_review_properties(Properties& p) {
    for (const char* key : {"review", "match", "match_ids"}) p.erase(key);
}

std::string node_label(const Node& n) { return fmt::format("'{}' ({})", n.id, n.display_name()); }

}  // namespace

AcceptPlan plan_accept(const PropertyGraph& c, const std::string& name) {
    AcceptPlan plan;
    std::vector<bool> take(c.node_count(), false);
    std::vector<std::string> problems;
    for (EdgeIndex e = 0; e < c.edge_count(); ++e) {
        const Edge& edge = c.edge(e);
        Review r = review_of(edge.properties);
        if (r == Review::Pending) ++plan.counts.pending_edges;
        if (r == Review::Rejected) ++plan.counts.rejected_edges;
        if (r != Review::Accepted) continue;
        for (NodeIndex end : {edge.source, edge.target}) {
            if (review_of(c.node(end).properties) == Review::Rejected)
                problems.push_back(
                    fmt::format("edge '{}' ({}) is accepted but its end {} was rejected", edge.id,
                                c.type_name(edge), node_label(c.node(end))));
            take[end] = true;
        }
    }
    if (!problems.empty()) {
        std::string message = problems.front();
        for (std::size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i];
        throw InputError({name, 0, 0},
                         message + " (accept or edit the end, or reject the edge, with review)");
    }
    for (NodeIndex n = 0; n < c.node_count(); ++n) {
        Review r = review_of(c.node(n).properties);
        if (r == Review::Accepted) take[n] = true;
        if (take[n]) continue;
        if (r == Review::Pending) ++plan.counts.pending_nodes;
        if (r == Review::Rejected) ++plan.counts.rejected_nodes;
    }

    PropertyGraph& g = plan.facts;
    g.graph_id = c.graph_id;
    g.graph_label = c.graph_label;
    for (const RelationType& t : c.relations().all())
        if (!t.builtin) g.relations().declare(t);
    std::vector<NodeIndex> where(c.node_count(), kNoIndex);
    auto cite = [&](const Sources& sources) {
        for (const Source& s : sources)
            if (auto d = c.documents().find(s.document); d != c.documents().end())
                g.documents().emplace(d->first, d->second);
    };
    for (NodeIndex n = 0; n < c.node_count(); ++n) {
        if (!take[n]) continue;
        Node node = c.node(n);
        const Value* match = node.properties.get("match");
        std::string how = match && match->kind() == Value::Kind::String ? match->as_string() : "";
        const Value* ids = node.properties.get("match_ids");
        std::vector<std::string> candidates;
        if (ids && ids->kind() == Value::Kind::List)
            for (const Value& v : ids->as_list())
                if (v.kind() == Value::Kind::String) candidates.push_back(v.as_string());
        if (how == "new") plan.decisions[node.id] = "";
        if (how == "existing" && candidates.size() == 1) plan.decisions[node.id] = candidates[0];
        if (how == "ambiguous" || (how == "existing" && candidates.size() > 1)) {
            Ambiguity a{node.id, node.display_name(), {}};
            for (const auto& id : candidates) a.candidates.push_back({id, "match_ids"});
            plan.ambiguous.push_back(std::move(a));
        }
        drop_review_properties(node.properties);
        cite(node.sources);
        where[n] = g.add_node(std::move(node));
        ++plan.counts.nodes;
    }
    for (EdgeIndex e = 0; e < c.edge_count(); ++e) {
        if (review_of(c.edge(e).properties) != Review::Accepted) continue;
        Edge edge = c.edge(e);
        edge.type = g.relation(c.type_name(c.edge(e)));
        edge.source = where[edge.source];
        edge.target = where[edge.target];
        drop_review_properties(edge.properties);
        cite(edge.sources);
        g.add_edge(std::move(edge));
        ++plan.counts.edges;
    }
    return plan;
}

MergeResult merge_accepted(const PropertyGraph& base, const AcceptPlan& plan,
                           const std::string& name, const std::string& base_name) {
    MergeOptions options;
    options.base_name = base_name;
    options.incoming_name = name;
    options.decisions = plan.decisions;
    for (const auto& [incoming, id] : plan.decisions)
        if (!id.empty() && !base.find_id(id))
            throw InputError({name, 0, 0}, fmt::format("entity '{}' is matched to '{}', which the "
                                                       "database does not hold",
                                                       incoming, id));
    MergeResult r = merge_graphs(base, plan.facts, options);
    if (!plan.ambiguous.empty()) {
        r.report.ambiguous.insert(r.report.ambiguous.begin(), plan.ambiguous.begin(),
                                  plan.ambiguous.end());
        r.graph = PropertyGraph{};
    }
    return r;
}

}  // namespace liaison::extract
