#include "query/planner/planner.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "query/binder/catalog.hpp"
#include "query/executor/operators.hpp"
#include "query/executor/schema.hpp"
#include "query/planner/conjuncts.hpp"

namespace liaison::query {

std::string pattern_text(const bound::PatternPart& part) {
    auto node = [](const bound::NodePattern& n) {
        std::string s = "(" + n.var;
        for (const auto& l : n.labels) s += ":" + l;
        if (n.properties) s += " {…}";
        return s + ")";
    };
    std::string out = part.path_var.empty() ? "" : part.path_var + " = ";
    out += node(part.nodes[0]);
    for (std::size_t i = 0; i < part.rels.size(); ++i) {
        const auto& r = part.rels[i];
        if (r.group || r.quantified) {
            std::string q = "{" + std::to_string(r.min_hops.value_or(0)) + ",";
            if (r.max_hops) q += std::to_string(*r.max_hops);
            q += "}";
            if (r.group) {
                out += "(" + pattern_text(*r.group) + (r.group_where ? " WHERE …" : "") + ")" + q;
                out += node(part.nodes[i + 1]);
                continue;
            }
            std::string inner = r.var;
            for (std::size_t t = 0; t < r.types.size(); ++t) inner += (t ? "|" : ":") + r.types[t];
            out += r.direction == bound::RelDirection::Left ? "<-" : "-";
            if (!inner.empty()) out += "[" + inner + "]";
            out += (r.direction == bound::RelDirection::Right ? "->" : "-") + q;
            out += node(part.nodes[i + 1]);
            continue;
        }
        std::string inner = r.var;
        for (std::size_t t = 0; t < r.types.size(); ++t) inner += (t ? "|" : ":") + r.types[t];
        if (r.var_length) {
            inner += "*";
            if (r.min_hops) inner += std::to_string(*r.min_hops);
            if (r.max_hops != r.min_hops || !r.min_hops) {
                inner += "..";
                if (r.max_hops) inner += std::to_string(*r.max_hops);
            }
        }
        out += r.direction == bound::RelDirection::Left ? "<-" : "-";
        if (!inner.empty()) out += "[" + inner + "]";
        out += r.direction == bound::RelDirection::Right ? "->" : "-";
        out += node(part.nodes[i + 1]);
    }
    return out;
}

namespace {

bool has_stored_property(const PropertyGraph& g, std::string_view key) {
    return g.node_property_used(key);  // a lazy graph answers from its base, without loading
}

// Whether some node stores a property `key` (which would shadow what the id or name index
// holds), remembered per graph, node revision and key: the scan costs milliseconds on large
// graphs, more than a whole seek-and-expand query.
bool has_stored(const PropertyGraph& g, std::string_view key) {
    struct Seen {
        const PropertyGraph* graph = nullptr;
        std::uint64_t revision = 0;
        std::string key;
        bool has = false;
    };
    thread_local std::vector<Seen> seen;
    for (Seen& s : seen) {
        if (s.key != key) continue;
        if (s.graph != &g || s.revision != g.node_revision())
            s = {&g, g.node_revision(), s.key, has_stored_property(g, key)};
        return s.has;
    }
    seen.push_back({&g, g.node_revision(), std::string(key), has_stored_property(g, key)});
    return seen.back().has;
}

const bound::Expr* constant_key(const bound::NodePattern& n, std::string_view key) {
    if (!n.properties || n.properties->kind != bound::ExprKind::Map) return nullptr;
    for (std::size_t i = 0; i < n.properties->keys.size(); ++i) {
        const bound::Expr& v = *n.properties->args[i];
        if (n.properties->keys[i] == key &&
            ((v.kind == bound::ExprKind::Literal && v.value.kind() == Value::Kind::String) ||
             v.kind == bound::ExprKind::Parameter))
            return &v;
    }
    return nullptr;
}

class Planner {
public:
    Planner(const BoundQuery& q, const PropertyGraph& g) : q_(q), g_(g) {}

    Plan run() {
        Plan plan;
        plan.columns = q_.columns;
        plan.union_all = q_.tree.union_all;
        for (const auto& part : q_.tree.parts) {
            std::vector<int> columns;
            plan.roots.push_back(single(part, columns, plan.updates));
            plan.column_slots.push_back(std::move(columns));
        }
        return plan;
    }

private:
    OperatorPtr chain(OperatorPtr input, OperatorPtr op) {
        op->set_input(std::move(input));
        return op;
    }

public:
    // `start` gives the first row (a subquery's outer row); by default one empty row.
    OperatorPtr single(const bound::SingleQuery& sq, std::vector<int>& columns, bool& updates,
                       OperatorPtr start = nullptr) {
        bound_.clear();
        OperatorPtr op = start ? nullptr : node_count(sq);
        if (!op) {
            op = start ? std::move(start) : std::make_unique<Once>(q_.slot_count);
            for (const auto& c : sq.clauses) op = add_clause(std::move(op), c, updates);
        }
        const bound::Clause& last = sq.clauses.back();
        if (last.kind == bound::ClauseKind::Return)
            for (const auto& item : last.projection.items) columns.push_back(item.slot);
        if (last.kind == bound::ClauseKind::Call)
            for (const auto& y : last.yields) columns.push_back(y.slot);
        return op;
    }

private:
    // "MATCH (n) RETURN count(n)", "MATCH (:Person) RETURN count(*)": the count the graph keeps,
    // where a scan walked every node (0.1 s at 2M nodes); null for any other query.
    OperatorPtr node_count(const bound::SingleQuery& sq) const {
        if (sq.clauses.size() != 2) return nullptr;
        const bound::Clause& m = sq.clauses[0];
        const bound::Clause& r = sq.clauses[1];
        if (m.kind != bound::ClauseKind::Match || m.optional || m.where || m.pattern.size() != 1 ||
            r.kind != bound::ClauseKind::Return)
            return nullptr;
        const bound::PatternPart& part = m.pattern[0];
        if (!part.path_var.empty() || !part.rels.empty() || part.nodes.size() != 1) return nullptr;
        const bound::NodePattern& n = part.nodes[0];
        if (n.properties || n.prebound || n.labels.size() > 1) return nullptr;
        const bound::Projection& p = r.projection;
        if (p.distinct || p.items.size() != 1 || !p.order.empty() || p.skip || p.limit || p.where)
            return nullptr;
        const bound::Expr& e = *p.items[0].expr;
        const bool star = e.kind == bound::ExprKind::CountStar;
        const bool of_n = e.kind == bound::ExprKind::Function && lower(e.name) == "count" &&
                          !e.distinct && e.args.size() == 1 && e.args[0] &&
                          e.args[0]->kind == bound::ExprKind::Variable && !n.var.empty() &&
                          e.args[0]->slot == n.slot;
        if (!star && !of_n) return nullptr;
        const std::string label = n.labels.empty() ? std::string() : n.labels[0];
        return std::make_unique<NodeCount>(q_.slot_count, p.items[0].slot, label,
                                           source(e) + " of " + pattern_text(part));
    }

    // One clause's operators on top of `op`.
    OperatorPtr add_clause(OperatorPtr op, const bound::Clause& c, bool& updates) {
        switch (c.kind) {
            case bound::ClauseKind::Match:
                if (c.optional) {
                    auto arg = std::make_unique<Argument>();
                    Argument* a = arg.get();
                    auto inner = match(std::move(arg), c);
                    auto opt = std::make_unique<Optional>(std::move(inner), a);
                    op = chain(std::move(op), std::move(opt));
                } else {
                    op = match(std::move(op), c);
                }
                break;
            case bound::ClauseKind::Unwind:
                op = chain(std::move(op),
                           std::make_unique<Unwind>(*c.expr, c.slot, source(*c.expr)));
                bound_.insert(c.slot);
                break;
            case bound::ClauseKind::With:
            case bound::ClauseKind::Return:
                op = projection(std::move(op), c.projection);
                break;
            case bound::ClauseKind::Create:
                updates = true;
                op = chain(std::move(op), std::make_unique<Create>(c.pattern));
                mark_bound(c.pattern);
                break;
            case bound::ClauseKind::Merge:
                updates = true;
                op = chain(std::move(op), std::make_unique<Merge>(c));
                mark_bound(c.pattern);
                break;
            case bound::ClauseKind::Set:
            case bound::ClauseKind::Remove:
                updates = true;
                op = chain(std::move(op), std::make_unique<SetProperties>(
                                              c.set_items, c.kind == bound::ClauseKind::Remove));
                break;
            case bound::ClauseKind::Delete:
                updates = true;
                op = chain(std::move(op), std::make_unique<Delete>(c));
                break;
            case bound::ClauseKind::Foreach: {
                // The body runs per element on top of an Argument holding the row.
                updates = true;
                auto arg = std::make_unique<Argument>();
                Argument* a = arg.get();
                OperatorPtr body = std::move(arg);
                std::set<int> outer = bound_;
                for (const auto& b : c.body) body = add_clause(std::move(body), b, updates);
                bound_ = std::move(outer);
                op = chain(std::move(op),
                           std::make_unique<Foreach>(c, std::move(body), a, source(*c.expr)));
                break;
            }
            case bound::ClauseKind::LoadCsv:
                op = chain(std::move(op), std::make_unique<LoadCsv>(c, source(*c.expr)));
                bound_.insert(c.slot);
                break;
            case bound::ClauseKind::Schema:
                updates = true;
                op = chain(std::move(op), std::make_unique<SchemaUpdate>(c.schema));
                break;
            case bound::ClauseKind::Call:
                if (c.subquery) {
                    op = call_subquery(std::move(op), c, updates);
                    break;
                }
                op = chain(std::move(op), std::make_unique<CallProcedure>(c));
                if (c.where)
                    op = chain(std::move(op), std::make_unique<Filter>(*c.where, source(*c.where)));
                break;
        }
        return op;
    }

    // CALL { … }: its body on top of an Argument holding the outer row, like FOREACH's.
    OperatorPtr call_subquery(OperatorPtr op, const bound::Clause& c, bool& updates) {
        auto arg = std::make_unique<Argument>();
        Argument* a = arg.get();
        OperatorPtr body = std::move(arg);
        std::set<int> outer = bound_;
        for (const auto& b : c.body) body = add_clause(std::move(body), b, updates);
        bound_ = std::move(outer);
        std::vector<int> slots;
        for (const auto& y : c.yields) {
            slots.push_back(y.slot);
            bound_.insert(y.slot);
        }
        return chain(std::move(op), std::make_unique<CallSubquery>(std::move(body), a, slots));
    }

    void mark_bound(const std::vector<bound::PatternPart>& parts) {
        for (const auto& part : parts) {
            for (const auto& n : part.nodes) bound_.insert(n.slot);
            for (const auto& r : part.rels) bound_.insert(r.slot);
            if (part.path_slot >= 0) bound_.insert(part.path_slot);
        }
    }

    std::string source(const bound::Expr& e) const {
        if (e.end > e.begin && e.end <= text_size())
            return std::string(text_.substr(e.begin, e.end - e.begin));
        return "";
    }
    std::size_t text_size() const { return text_.size(); }

    // The value of n's indexed property `key` (id or name): `{key: c}` in the pattern or
    // `n.key = c` among the conjuncts. A stored property of that name would shadow the index.
    const bound::Expr* indexed(const bound::NodePattern& n, std::string_view key,
                               const std::vector<const bound::Expr*>& conjuncts) const {
        const bound::Expr* found = constant_key(n, key);
        if (!found && !n.var.empty())
            for (const bound::Expr* c : conjuncts)
                if ((found = key_equality(*c, n.slot, key))) break;
        return found && !has_stored(g_, key) ? found : nullptr;
    }
    const bound::Expr* id_of(const bound::NodePattern& n,
                             const std::vector<const bound::Expr*>& conjuncts) const {
        return indexed(n, "id", conjuncts);
    }

    // A node index of one of n's labels answering `{key: c}` or a WHERE condition on its
    // first property (CREATE INDEX); sets p and returns the cost, or -1 when none applies. An
    // equality or IN costs 3 (after id and name), a range a quarter of the label's nodes.
    double index_start(const bound::NodePattern& n,
                       const std::vector<const bound::Expr*>& conjuncts, StartPlan& p) const {
        double best = -1;
        for (const IndexDefinition& d : g_.indexes) {
            if (d.relationships ||
                std::find(n.labels.begin(), n.labels.end(), d.label) == n.labels.end())
                continue;
            const std::string& key = d.properties.front();
            std::optional<IndexCondition> found;
            if (n.properties && n.properties->kind == bound::ExprKind::Map)
                for (std::size_t i = 0; i < n.properties->keys.size(); ++i) {
                    const bound::Expr& v = *n.properties->args[i];
                    if (n.properties->keys[i] == key && seek_value(v, bound_))
                        found = IndexCondition{key, bound::Op::Eq, &v};
                }
            auto exact = [](const IndexCondition& c) {
                return c.op == bound::Op::Eq || c.op == bound::Op::In;
            };
            if (!n.var.empty())
                for (const bound::Expr* c : conjuncts) {
                    auto ic = index_condition(*c, n.slot, bound_);
                    if (ic && ic->key == key && (!found || (!exact(*found) && exact(*ic))))
                        found = ic;
                }
            if (!found) continue;
            // A range bounded on both sides: the other bound, if a condition gives one.
            const bound::Expr* other = nullptr;
            bound::Op other_op = bound::Op::Eq;
            auto lower = [](bound::Op op) { return op == bound::Op::Gt || op == bound::Op::Ge; };
            if (!exact(*found) && !n.var.empty())
                for (const bound::Expr* c : conjuncts) {
                    auto ic = index_condition(*c, n.slot, bound_);
                    if (ic && ic->key == key && !exact(*ic) && lower(ic->op) != lower(found->op)) {
                        other = ic->value;
                        other_op = ic->op;
                        break;
                    }
                }
            double cost = exact(*found)
                              ? 3
                              : 3 + static_cast<double>(g_.nodes_with_label(d.label).size()) /
                                        (other ? 16 : 4);
            if (best >= 0 && cost >= best) continue;
            best = cost;
            p.source = StartPlan::Source::Index;
            p.label = d.label;
            p.key = key;
            p.id = found->value;
            p.seek = found->op;
            p.index_name = d.name;
            p.id2 = other;
            p.seek2 = other_op;
        }
        return best;
    }

    StartPlan choose_start(const bound::PatternPart& part, std::string& why,
                           const std::vector<const bound::Expr*>& conjuncts) {
        StartPlan best;
        double best_cost = -1;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            const auto& n = part.nodes[i];
            StartPlan p;
            p.node = i;
            double cost;
            if (n.prebound || bound_.count(n.slot)) {
                p.source = StartPlan::Source::Bound;
                cost = 0;
            } else if (const bound::Expr* id = id_of(n, conjuncts)) {
                p.source = StartPlan::Source::Id;
                p.id = id;
                cost = 1;
            } else if (const bound::Expr* name = indexed(n, "name", conjuncts)) {
                // The name index folds case and script: a few candidates, checked exactly.
                p.source = StartPlan::Source::Name;
                p.id = name;
                cost = 2;
            } else if (double seek = index_start(n, conjuncts, p); seek >= 0) {
                cost = seek;
            } else if (!n.labels.empty()) {
                p.source = StartPlan::Source::Label;
                cost = static_cast<double>(g_.node_count()) + 1;
                for (const auto& l : n.labels) {
                    double c = static_cast<double>(g_.nodes_with_label(l).size());
                    if (c < cost) cost = c, p.label = l;
                }
                cost += 0.5;  // a label scan still checks each node
            } else {
                p.source = StartPlan::Source::All;
                cost = static_cast<double>(g_.node_count()) + 1;
            }
            if (best_cost < 0 || cost < best_cost) best = p, best_cost = cost;
        }
        const auto& n = part.nodes[best.node];
        std::string name = n.var.empty() ? fmt::format("node {}", best.node + 1) : n.var;
        switch (best.source) {
            case StartPlan::Source::Bound:
                why = fmt::format("from bound {}", name);
                break;
            case StartPlan::Source::Id:
                why = fmt::format("start {} by id", name);
                break;
            case StartPlan::Source::Name:
                why = fmt::format("start {} by name", name);
                break;
            case StartPlan::Source::Index:
                why = fmt::format("start {} by index {} ({}.{} {} {}", name, best.index_name, name,
                                  best.key, op_text(best.seek), source(*best.id));
                if (best.id2)
                    why += fmt::format(" AND {}.{} {} {}", name, best.key, op_text(best.seek2),
                                       source(*best.id2));
                why += ")";
                break;
            case StartPlan::Source::Label:
                why = fmt::format("start {} by label {} ({} nodes)", name, best.label,
                                  g_.nodes_with_label(best.label).size());
                break;
            case StartPlan::Source::All:
                why = fmt::format("start {} by scanning all {} nodes", name, g_.node_count());
                break;
        }
        return best;
    }

    static void part_slots(const bound::PatternPart& part, std::set<int>& out) {
        for (const auto& n : part.nodes) out.insert(n.slot);
        for (const auto& r : part.rels) {
            out.insert(r.slot);
            if (r.group) part_slots(*r.group, out);  // bound as lists when the group is crossed
        }
        if (part.path_slot >= 0) out.insert(part.path_slot);
    }

    // Each WHERE conjunct is checked by the first part after which every variable it reads
    // from this clause is bound (inside that part's match, as soon as they are bound), so
    // `WHERE a.id = $x AND b.age > 3` prunes during the expansion rather than after it.
    OperatorPtr match(OperatorPtr op, const bound::Clause& c) {
        std::vector<int> rels;
        for (const auto& part : c.pattern)
            if (part.function == bound::PathFunction::None)
                for (const auto& r : part.rels) rels.push_back(r.slot);
        std::vector<const bound::Expr*> conjuncts;
        if (c.where) split_conjuncts(*c.where, conjuncts);
        std::set<int> local;  // slots this clause binds
        for (const auto& part : c.pattern) part_slots(part, local);
        for (int s : bound_) local.erase(s);
        std::vector<std::set<int>> needs(conjuncts.size());
        for (std::size_t i = 0; i < conjuncts.size(); ++i) {
            std::set<int> read;
            referenced_slots(*conjuncts[i], read);
            for (int s : read)
                if (local.count(s)) needs[i].insert(s);
        }
        std::vector<bool> placed(conjuncts.size(), false);
        std::set<int> have;
        for (const auto& part : c.pattern) {
            std::set<int> mine;
            part_slots(part, mine);
            have.insert(mine.begin(), mine.end());
            std::vector<PartFilter> filters;
            std::string filter_text;
            for (std::size_t i = 0; i < conjuncts.size(); ++i) {
                if (placed[i] ||
                    !std::includes(have.begin(), have.end(), needs[i].begin(), needs[i].end()))
                    continue;
                placed[i] = true;
                PartFilter f{conjuncts[i], {}};
                for (int s : needs[i])
                    if (mine.count(s)) f.slots.push_back(s);
                filters.push_back(std::move(f));
                if (!filter_text.empty()) filter_text += " AND ";
                filter_text += source(*conjuncts[i]);
            }
            if (part.function != bound::PathFunction::None) {
                PathEnds ends;
                if (!part.nodes.front().prebound && !bound_.count(part.nodes.front().slot))
                    ends.first = id_of(part.nodes.front(), conjuncts);
                if (!part.nodes.back().prebound && !bound_.count(part.nodes.back().slot))
                    ends.last = id_of(part.nodes.back(), conjuncts);
                op = chain(std::move(op), std::make_unique<ShortestPath>(part, rels, ends));
                for (const PartFilter& f : filters)
                    op = chain(std::move(op), std::make_unique<Filter>(*f.expr, source(*f.expr)));
            } else {
                std::string why;
                StartPlan start = choose_start(part, why, conjuncts);
                start.filters = std::move(filters);
                std::string text = fmt::format("Match {}  {}", pattern_text(part), why);
                if (!filter_text.empty()) text += "  where " + filter_text;
                op = chain(std::move(op), std::make_unique<MatchPart>(part, start, rels, text));
            }
            bound_.insert(mine.begin(), mine.end());
        }
        return op;
    }

    OperatorPtr projection(OperatorPtr op, const bound::Projection& p) {
        std::string names;
        std::vector<int> slots;
        for (const auto& item : p.items) {
            names += (names.empty() ? "" : ", ") + item.alias;
            slots.push_back(item.slot);
            bound_.insert(item.slot);
        }
        if (p.aggregating) {
            op = chain(std::move(op), std::make_unique<Aggregate>(p, q_.slot_count, names));
        } else {
            std::vector<std::pair<const bound::Expr*, int>> items;
            for (const auto& item : p.items) items.emplace_back(item.expr.get(), item.slot);
            op = chain(std::move(op), std::make_unique<Project>(std::move(items), names));
        }
        if (p.distinct) op = chain(std::move(op), std::make_unique<Distinct>(slots));
        if (!p.order.empty()) {
            std::vector<SortKey> keys;
            std::string text;
            for (const auto& s : p.order) {
                // Nulls are the greatest value: last ascending, first descending, unless told.
                bool nulls_first = s.nulls == bound::NullOrder::Default
                                       ? s.descending
                                       : s.nulls == bound::NullOrder::First;
                keys.push_back({s.expr.get(), s.descending, nulls_first});
                text +=
                    (text.empty() ? "" : ", ") + source(*s.expr) + (s.descending ? " DESC" : "");
                if (s.nulls != bound::NullOrder::Default)
                    text += nulls_first ? " NULLS FIRST" : " NULLS LAST";
            }
            op = chain(std::move(op), std::make_unique<Sort>(std::move(keys), text));
        }
        if (p.skip) op = chain(std::move(op), std::make_unique<SkipLimit>(*p.skip, true));
        if (p.limit) op = chain(std::move(op), std::make_unique<SkipLimit>(*p.limit, false));
        if (p.where)
            op = chain(std::move(op), std::make_unique<Filter>(*p.where, source(*p.where)));
        return op;
    }

public:
    std::string_view text_;

private:
    const BoundQuery& q_;
    const PropertyGraph& g_;
    std::set<int> bound_;
};

}  // namespace

SubqueryPlan plan_subquery(const bound::SingleQuery& sq, int slot_count, std::string_view text,
                           const PropertyGraph& g) {
    BoundQuery shell;  // the planner reads only the slot count of the query around
    shell.slot_count = slot_count;
    Planner p(shell, g);
    p.text_ = text;
    SubqueryPlan out;
    auto arg = std::make_unique<Argument>();
    out.arg = arg.get();
    bool updates = false;
    out.root = p.single(sq, out.columns, updates, std::move(arg));
    return out;
}

Plan plan_query(const BoundQuery& query, const PropertyGraph& g) {
    Planner p(query, g);
    p.text_ = query.text;
    return p.run();
}

}  // namespace liaison::query
