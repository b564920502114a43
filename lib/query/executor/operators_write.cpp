// Writing operators: CREATE, MERGE, SET, REMOVE, DELETE. Nodes created by a query get generated
// slug ids "node-<k>"; relationship types are declared (directed) when new.
#include <algorithm>

#include <fmt/format.h>

#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

void Eager::finish() {
    if (done_) return;
    done_ = true;
    Row r;
    while (input_->next(r)) {
        before_growth(ctx().gov, rows_);
        rows_.push_back(r);
    }
    for (auto& in : rows_) write(in, out_);
    rows_.clear();
}

bool Eager::produce(Row& row) {
    finish();
    if (pos_ >= out_.size()) return false;
    row = std::move(out_[pos_++]);
    return true;
}

namespace {

std::string fresh_id(ExecContext& ctx) {
    for (;;) {
        std::string id = fmt::format("node-{}", ctx.next_id++);
        if (!ctx.g().find_id(id)) return id;
    }
}

Properties evaluate_properties(ExecContext& ctx, const bound::Expr* props, Row& row) {
    Properties out;
    if (!props) return out;
    Value m = eval(*props, row, ctx);
    if (m.is_null()) return out;
    if (m.kind() != Value::Kind::Map) type_error("properties must be given as a map");
    for (const auto& [k, v] : m.as_map()) {
        if (v.is_null()) continue;
        out.set(k, storable(v));
    }
    return out;
}

}  // namespace

void create_part(ExecContext& ctx, const bound::PatternPart& part, Row& row) {
    GraphWriter& g = ctx.w();
    for (const auto& np : part.nodes) {
        Value& slot = row[np.slot];
        if (!slot.is_null()) {
            if (slot.kind() != Value::Kind::Node) type_error("CREATE expects a node");
            check_alive(ctx, slot);
            continue;
        }
        Node node;
        node.id = fresh_id(ctx);
        node.labels = np.labels;
        std::sort(node.labels.begin(), node.labels.end());
        node.labels.erase(std::unique(node.labels.begin(), node.labels.end()), node.labels.end());
        node.properties = evaluate_properties(ctx, np.properties.get(), row);
        ctx.stats.labels_added += static_cast<std::int64_t>(node.labels.size());
        ctx.stats.properties_set += static_cast<std::int64_t>(node.properties.size());
        slot = NodeRef{g.add_node(std::move(node))};
        ++ctx.stats.nodes_created;
    }
    for (std::size_t i = 0; i < part.rels.size(); ++i) {
        const auto& rp = part.rels[i];
        Edge edge;
        edge.type = g.relation(rp.types.at(0));
        std::uint32_t a = row[part.nodes[i].slot].as_node().index;
        std::uint32_t b = row[part.nodes[i + 1].slot].as_node().index;
        bool left = rp.direction == bound::RelDirection::Left;
        edge.source = left ? b : a;
        edge.target = left ? a : b;
        edge.properties = evaluate_properties(ctx, rp.properties.get(), row);
        ctx.stats.properties_set += static_cast<std::int64_t>(edge.properties.size());
        row[rp.slot] = RelRef{g.add_edge(std::move(edge))};
        ++ctx.stats.relationships_created;
    }
    if (part.path_slot >= 0) row[part.path_slot] = build_path(ctx, part, row);
}

void Foreach::write(Row& row, std::vector<Row>& out) {
    Value list = eval(*clause_.expr, row, ctx());
    if (!list.is_null()) {
        if (list.kind() != Value::Kind::List)
            type_error(
                fmt::format("FOREACH expects a list, got {}", Value::kind_name(list.kind())));
        // Each element runs the body to its end, so later elements see earlier writes (MERGE).
        for (const Value& x : list.as_list()) {
            Row r = row;
            r[clause_.slot] = x;
            arg_->set(r);
            body_->open(ctx());
            Row sink;
            while (body_->next(sink)) {
            }
            body_->finish();
        }
    }
    out.push_back(row);
}

void CallSubquery::write(Row& row, std::vector<Row>& out) {
    arg_->set(row);
    body_->open(ctx());
    Row inner;
    while (body_->next(inner)) {
        if (slots_.empty()) continue;
        before_growth(ctx().gov, out);
        Row r = row;
        for (int s : slots_) r[s] = std::move(inner[s]);
        out.push_back(std::move(r));
    }
    body_->finish();
    if (slots_.empty()) out.push_back(row);
}

void Create::write(Row& row, std::vector<Row>& out) {
    for (const auto& part : parts_) create_part(ctx(), part, row);
    out.push_back(row);
}

namespace {

// MERGE ({p: null}) can never match what it would create (null equals nothing), so openCypher
// refuses it rather than create a new entity on every run.
void reject_null_properties(ExecContext& ctx, const bound::PatternPart& part, Row& row) {
    auto check = [&](const bound::Expr* props) {
        if (!props) return;
        Value m = eval(*props, row, ctx);
        if (m.kind() != Value::Kind::Map) return;
        for (const auto& [key, v] : m.as_map())
            if (v.is_null())
                runtime_error("SemanticError", "MergeReadOwnWrites",
                              fmt::format("MERGE cannot use a null value for property '{}'", key));
    };
    for (const auto& n : part.nodes)
        if (!n.prebound) check(n.properties.get());
    for (const auto& r : part.rels) check(r.properties.get());
}

}  // namespace

void Merge::write(Row& row, std::vector<Row>& out) {
    const bound::PatternPart& part = clause_.pattern.at(0);
    std::vector<int> rels;
    for (const auto& r : part.rels) rels.push_back(r.slot);
    std::vector<Row> found;
    match_part(ctx(), part, default_start(part, row), row, rels,
               [&](Row& r) { found.push_back(r); });
    if (found.empty()) {
        Row m = row;
        reject_null_properties(ctx(), part, m);
        create_part(ctx(), part, m);
        for (const auto& item : clause_.on_create) apply_set_item(ctx(), item, m, false);
        out.push_back(std::move(m));
        return;
    }
    for (auto& m : found) {
        for (const auto& item : clause_.on_match) apply_set_item(ctx(), item, m, false);
        out.push_back(std::move(m));
    }
}

void apply_set_item(ExecContext& ctx, const bound::SetItem& item, Row& row, bool remove) {
    const PropertyGraph& g = ctx.g();
    const bound::Expr& target_expr =
        item.kind == bound::SetKind::Property ? *item.target->args[0] : *item.target;
    Value target = eval(target_expr, row, ctx);
    if (target.is_null()) return;
    check_alive(ctx, target);
    bool is_node = target.kind() == Value::Kind::Node;
    if (!is_node && target.kind() != Value::Kind::Relationship)
        type_error(fmt::format("cannot set properties on a {}", Value::kind_name(target.kind())));
    auto edit = [&](const std::function<void(Properties&, std::vector<std::string>*)>& change) {
        if (is_node) {
            Node node = g.node(target.as_node().index);
            change(node.properties, &node.labels);
            ctx.w().replace_node(target.as_node().index, std::move(node));
        } else {
            Edge edge = g.edge(target.as_rel().index);
            change(edge.properties, nullptr);
            ctx.w().replace_edge(target.as_rel().index, std::move(edge));
        }
    };
    switch (item.kind) {
        case bound::SetKind::Property: {
            Value v = remove ? Value() : eval(*item.value, row, ctx);
            storable(v);
            edit([&](Properties& p, std::vector<std::string>*) {
                if (v.is_null())
                    p.erase(item.target->name);
                else
                    p.set(item.target->name, v);
            });
            ++ctx.stats.properties_set;
            break;
        }
        case bound::SetKind::Replace:
        case bound::SetKind::Merge: {
            Value v = eval(*item.value, row, ctx);
            ValueMap m;
            if (v.kind() == Value::Kind::Map)
                m = v.as_map();
            else if (v.kind() == Value::Kind::Node)
                m = node_properties(ctx, v.as_node());
            else if (v.kind() == Value::Kind::Relationship)
                m = rel_properties(ctx, v.as_rel());
            else if (!v.is_null())
                type_error("SET expects a map of properties");
            edit([&](Properties& p, std::vector<std::string>*) {
                if (item.kind == bound::SetKind::Replace) p = Properties();
                for (const auto& [k, x] : m) {
                    if (x.is_null())
                        p.erase(k);
                    else
                        p.set(k, storable(x));
                }
            });
            ctx.stats.properties_set += static_cast<std::int64_t>(m.size());
            break;
        }
        case bound::SetKind::Labels: {
            if (!is_node) type_error("labels can only be set on nodes");
            edit([&](Properties&, std::vector<std::string>* labels) {
                for (const auto& l : item.labels) {
                    auto it = std::find(labels->begin(), labels->end(), l);
                    if (remove && it != labels->end()) {
                        labels->erase(it);
                        ++ctx.stats.labels_removed;
                    } else if (!remove && it == labels->end()) {
                        labels->push_back(l);
                        ++ctx.stats.labels_added;
                    }
                }
                std::sort(labels->begin(), labels->end());
            });
            break;
        }
    }
}

void SetProperties::write(Row& row, std::vector<Row>& out) {
    for (const auto& item : items_) apply_set_item(ctx(), item, row, remove_);
    out.push_back(row);
}

namespace {

void mark_deleted(ExecContext& ctx, const Value& v, bool detach) {
    switch (v.kind()) {
        case Value::Kind::Null:
            return;
        case Value::Kind::Node: {
            std::uint32_t n = v.as_node().index;
            if (ctx.deleted_nodes.insert(n).second && !detach) ctx.plain_deleted_nodes.insert(n);
            if (detach) {
                ctx.plain_deleted_nodes.erase(n);
                ctx.g().for_each_incident(n, Direction::Both, [&](EdgeIndex e, NodeIndex) {
                    ctx.deleted_rels.insert(e);
                });
            }
            return;
        }
        case Value::Kind::Relationship:
            ctx.deleted_rels.insert(v.as_rel().index);
            return;
        case Value::Kind::Path:
            for (auto r : v.as_path().rels) ctx.deleted_rels.insert(r);
            for (auto n : v.as_path().nodes) mark_deleted(ctx, NodeRef{n}, detach);
            return;
        case Value::Kind::List:
            for (const auto& x : v.as_list()) mark_deleted(ctx, x, detach);
            return;
        default:
            type_error("DELETE expects a node, a relationship or a path");
    }
}

}  // namespace

void Delete::write(Row& row, std::vector<Row>& out) {
    for (const auto& e : clause_.exprs) {
        Value v = eval(*e, row, ctx());
        mark_deleted(ctx(), v, clause_.detach);
    }
    out.push_back(row);
}

void apply_deletions(ExecContext& ctx) {
    if (ctx.deleted_nodes.empty() && ctx.deleted_rels.empty()) return;
    const PropertyGraph& g = ctx.g();
    for (std::uint32_t n : ctx.plain_deleted_nodes) {
        bool connected = false;
        g.for_each_incident(n, Direction::Both, [&](EdgeIndex e, NodeIndex) {
            if (!ctx.deleted_rels.count(e)) connected = true;
        });
        if (connected)
            runtime_error("ConstraintVerificationFailed", "DeleteConnectedNode",
                          "cannot delete a node that still has relationships (use DETACH DELETE)");
    }
    for (auto it = ctx.deleted_rels.rbegin(); it != ctx.deleted_rels.rend(); ++it)
        ctx.w().remove_edge(*it);
    for (auto it = ctx.deleted_nodes.rbegin(); it != ctx.deleted_nodes.rend(); ++it)
        ctx.w().remove_node(*it);
    ctx.stats.relationships_deleted += static_cast<std::int64_t>(ctx.deleted_rels.size());
    ctx.stats.nodes_deleted += static_cast<std::int64_t>(ctx.deleted_nodes.size());
    ctx.deleted_rels.clear();
    ctx.deleted_nodes.clear();
    ctx.plain_deleted_nodes.clear();
}

}  // namespace liaison::query
