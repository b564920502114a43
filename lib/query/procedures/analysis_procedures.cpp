#include "query/procedures/analysis_procedures.hpp"

#include <fmt/format.h>

#include "analysis/centrality.hpp"
#include "analysis/community.hpp"
#include "analysis/projection.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/procedures.hpp"

namespace liaison::query {

namespace {

const Value* option(const ValueMap& config, std::string_view key) {
    const Value* v = map_get(config, key);
    return v && !v->is_null() ? v : nullptr;
}

std::vector<std::string> strings(const ValueMap& config, std::string_view key) {
    std::vector<std::string> out;
    const Value* v = option(config, key);
    if (!v) return out;
    if (v->kind() == Value::Kind::String) return {v->as_string()};
    if (v->kind() != Value::Kind::List)
        type_error(fmt::format("'{}' must be a list of strings", key));
    for (const auto& x : v->as_list()) {
        if (x.kind() != Value::Kind::String)
            type_error(fmt::format("'{}' must be a list of strings", key));
        out.push_back(x.as_string());
    }
    return out;
}

double number(const ValueMap& config, std::string_view key, double fallback) {
    const Value* v = option(config, key);
    if (!v) return fallback;
    if (!v->is_number()) type_error(fmt::format("'{}' must be a number", key));
    return v->to_double();
}

bool flag(const ValueMap& config, std::string_view key, bool fallback) {
    const Value* v = option(config, key);
    if (!v) return fallback;
    if (v->kind() != Value::Kind::Bool) type_error(fmt::format("'{}' must be true or false", key));
    return v->as_bool();
}

ValueMap config_of(const std::vector<Value>& args) {
    if (args.empty() || args[0].is_null()) return {};
    if (args[0].kind() != Value::Kind::Map) type_error("the procedure expects a map of options");
    return args[0].as_map();
}

analysis::Projection projection(ExecContext& ctx, const ValueMap& config) {
    analysis::ProjectionOptions o;
    o.labels = strings(config, "labels");
    o.edge_types = strings(config, "types");
    if (const Value* d = option(config, "direction")) {
        std::string s = d->kind() == Value::Kind::String ? d->as_string() : "";
        if (s == "directed")
            o.direction = analysis::ProjectionDirection::Directed;
        else if (s == "reversed")
            o.direction = analysis::ProjectionDirection::Reversed;
        else if (s == "undirected")
            o.direction = analysis::ProjectionDirection::Undirected;
        else
            runtime_error("ArgumentError", "InvalidArgumentValue",
                          "direction must be 'undirected', 'directed' or 'reversed'");
    }
    auto date = [&](std::string_view key) -> std::optional<Date> {
        const Value* v = option(config, key);
        if (!v) return std::nullopt;
        if (v->kind() == Value::Kind::Date) return v->as_date();
        if (v->kind() == Value::Kind::String)
            if (auto d = Date::parse(v->as_string())) return d;
        runtime_error("ArgumentError", "InvalidArgumentValue",
                      fmt::format("'{}' must be a date (YYYY[-MM[-DD]])", key));
    };
    o.window.from = date("from");
    o.window.to = date("to");
    if (const Value* w = option(config, "weight")) {
        if (w->kind() != Value::Kind::String) type_error("'weight' must name an edge property");
        o.weight = analysis::WeightMode::Property;
        o.weight_property = w->as_string();
    }
    if (const Value* f = option(config, "fold")) {
        if (f->kind() != Value::Kind::String) type_error("'fold' must name a label");
        o.fold_via = f->as_string();
    }
    return analysis::project(ctx.g(), o);
}

std::vector<ValueMap> score_rows(const analysis::Projection& p, const analysis::Scores& s) {
    std::vector<ValueMap> out;
    const auto& origins = p.graph.origins();
    for (std::size_t v = 0; v < s.value.size(); ++v)
        out.push_back({{"node", NodeRef{origins[v]}}, {"score", s.value[v]}});
    return out;
}

using Centrality = analysis::Scores (*)(const analysis::Projection&, const ValueMap&);

ProcedureFn centrality(Centrality f) {
    return [f](ExecContext& ctx, const std::vector<Value>& args) {
        ValueMap config = config_of(args);
        analysis::Projection p = projection(ctx, config);
        return score_rows(p, f(p, config));
    };
}

}  // namespace

void register_analysis_procedures() {
    auto add = [](const char* name, Centrality f) {
        register_procedure({{name, {"config"}, {"node", "score"}, 0, {}}, centrality(f)});
    };
    add("liaison.pagerank", [](const analysis::Projection& p, const ValueMap& c) {
        analysis::PageRankOptions o;
        o.damping = number(c, "damping", o.damping);
        return analysis::page_rank(p.graph, o);
    });
    add("liaison.degree", [](const analysis::Projection& p, const ValueMap& c) {
        analysis::DegreeOptions o;
        o.normalized = flag(c, "normalized", false);
        return analysis::degree(p.graph, o);
    });
    add("liaison.betweenness", [](const analysis::Projection& p, const ValueMap& c) {
        analysis::BetweennessOptions o;
        o.normalized = flag(c, "normalized", o.normalized);
        return analysis::betweenness(p.graph, o);
    });
    add("liaison.closeness", [](const analysis::Projection& p, const ValueMap&) {
        return analysis::closeness(p.graph);
    });
    add("liaison.harmonic", [](const analysis::Projection& p, const ValueMap& c) {
        analysis::HarmonicOptions o;
        o.normalized = flag(c, "normalized", o.normalized);
        return analysis::harmonic(p.graph, o);
    });
    add("liaison.eigenvector", [](const analysis::Projection& p, const ValueMap&) {
        return analysis::eigenvector(p.graph);
    });
    add("liaison.katz", [](const analysis::Projection& p, const ValueMap& c) {
        analysis::KatzOptions o;
        o.alpha = number(c, "alpha", o.alpha);
        return analysis::katz(p.graph, o);
    });
    register_procedure({{"liaison.louvain", {"config"}, {"node", "community"}, 0, {}},
                        [](ExecContext& ctx, const std::vector<Value>& args) {
                            ValueMap config = config_of(args);
                            analysis::Projection p = projection(ctx, config);
                            analysis::LouvainOptions o;
                            o.resolution = number(config, "resolution", o.resolution);
                            o.seed = static_cast<std::uint64_t>(number(config, "seed", 0));
                            analysis::Partition part = analysis::louvain(p.graph, o);
                            std::vector<ValueMap> out;
                            const auto& origins = p.graph.origins();
                            for (std::size_t v = 0; v < part.membership.size(); ++v)
                                out.push_back({{"community", std::int64_t{part.membership[v]}},
                                               {"node", NodeRef{origins[v]}}});
                            return out;
                        }});
}

}  // namespace liaison::query
