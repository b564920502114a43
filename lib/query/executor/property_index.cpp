#include "query/executor/property_index.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/matcher.hpp"

namespace liaison::query {

PropertyIndex::PropertyIndex(const PropertyGraph& g, std::string_view label, std::string_view key) {
    for (NodeIndex n : g.nodes_with_label(label)) {
        Value v = node_property_value(g, n, key);
        switch (v.kind()) {
            case Value::Kind::Null:
                break;  // `key = x` is never true for a missing value
            case Value::Kind::Int:
                numbers_.emplace_back(static_cast<double>(v.as_int()), n);
                break;
            case Value::Kind::Float:
                if (std::isnan(v.as_float()))
                    others_.push_back(n);
                else
                    numbers_.emplace_back(v.as_float(), n);
                break;
            case Value::Kind::String:
                strings_.emplace_back(v.as_string(), n);
                break;
            case Value::Kind::Bool:
                bools_[v.as_bool() ? 1 : 0].push_back(n);
                break;
            default:
                others_.push_back(n);  // a date may equal a string that spells it
                break;
        }
    }
    std::sort(numbers_.begin(), numbers_.end());
    std::sort(strings_.begin(), strings_.end());
}

void PropertyIndex::add(std::vector<NodeIndex>& out, bool others) const {
    if (others) out.insert(out.end(), others_.begin(), others_.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

namespace {

template <typename K>
void collect(const std::vector<std::pair<K, NodeIndex>>& v, const K& lo, bool has_lo, const K& hi,
             bool has_hi, std::vector<NodeIndex>& out) {
    auto first = has_lo ? std::lower_bound(v.begin(), v.end(), lo,
                                           [](const auto& e, const K& k) { return e.first < k; })
                        : v.begin();
    auto last = has_hi ? std::upper_bound(v.begin(), v.end(), hi,
                                          [](const K& k, const auto& e) { return k < e.first; })
                       : v.end();
    for (auto it = first; it < last; ++it) out.push_back(it->second);
}

bool number_of(const Value& v, double& d) {
    if (v.kind() == Value::Kind::Int) return d = static_cast<double>(v.as_int()), true;
    if (v.kind() == Value::Kind::Float && !std::isnan(v.as_float())) return d = v.as_float(), true;
    return false;
}

}  // namespace

std::optional<std::vector<NodeIndex>> PropertyIndex::equal(const Value& v) const {
    std::vector<NodeIndex> out;
    double d = 0;
    if (number_of(v, d))
        collect(numbers_, d, true, d, true, out);
    else if (v.kind() == Value::Kind::String)
        collect(strings_, v.as_string(), true, v.as_string(), true, out);
    else if (v.kind() == Value::Kind::Bool)
        out = bools_[v.as_bool() ? 1 : 0];
    else
        return std::nullopt;
    add(out, true);
    return out;
}

std::optional<std::vector<NodeIndex>> PropertyIndex::in(const Value& list) const {
    if (list.kind() != Value::Kind::List) return std::nullopt;
    std::vector<NodeIndex> out;
    for (const Value& x : list.as_list()) {
        if (x.is_null()) continue;  // `v IN [null]` is never true
        auto part = equal(x);
        if (!part) return std::nullopt;
        out.insert(out.end(), part->begin(), part->end());
    }
    add(out, true);
    return out;
}

std::optional<std::vector<NodeIndex>> PropertyIndex::range(ast::Op op, const Value& v) const {
    // Bounds are inclusive here (a superset); the predicate decides each candidate.
    bool lower = op == ast::Op::Gt || op == ast::Op::Ge;
    std::vector<NodeIndex> out;
    double d = 0;
    if (number_of(v, d))
        collect(numbers_, d, lower, d, !lower, out);
    else if (v.kind() == Value::Kind::String)
        collect(strings_, v.as_string(), lower, v.as_string(), !lower, out);
    else
        return std::nullopt;
    add(out, true);
    return out;
}

std::optional<std::vector<NodeIndex>> PropertyIndex::between(const Value& lo,
                                                             const Value& hi) const {
    std::vector<NodeIndex> out;
    double a = 0, b = 0;
    if (number_of(lo, a) && number_of(hi, b))
        collect(numbers_, a, true, b, true, out);
    else if (lo.kind() == Value::Kind::String && hi.kind() == Value::Kind::String)
        collect(strings_, lo.as_string(), true, hi.as_string(), true, out);
    else
        return range(ast::Op::Ge, lo);
    add(out, true);
    return out;
}

const PropertyIndex& property_index(const PropertyGraph& g, const std::string& label,
                                    const std::string& key) {
    struct Entry {
        const PropertyGraph* graph;
        std::uint64_t revision;
        std::string label, key;
        std::unique_ptr<PropertyIndex> index;
    };
    // A few indexes per thread: the graph's address and node revision say when one is stale
    // (revisions are unique across graphs).
    thread_local std::vector<Entry> cache;
    for (Entry& e : cache)
        if (e.graph == &g && e.revision == g.node_revision() && e.label == label && e.key == key)
            return *e.index;
    constexpr std::size_t kKeep = 16;
    if (cache.size() == kKeep) cache.erase(cache.begin());
    cache.push_back(
        {&g, g.node_revision(), label, key, std::make_unique<PropertyIndex>(g, label, key)});
    return *cache.back().index;
}

const std::vector<NodeIndex>& index_seek(ExecContext& ctx, const StartPlan& start,
                                         std::vector<Value>& row, std::vector<NodeIndex>& scratch) {
    const PropertyIndex& index = property_index(ctx.g(), start.label, start.key);
    Value v = eval(*start.id, row, ctx);
    std::optional<std::vector<NodeIndex>> found;
    if (start.seek == ast::Op::Eq)
        found = index.equal(v);
    else if (start.seek == ast::Op::In)
        found = index.in(v);
    else if (start.id2) {
        Value w = eval(*start.id2, row, ctx);
        bool lower = start.seek == ast::Op::Gt || start.seek == ast::Op::Ge;
        found = index.between(lower ? v : w, lower ? w : v);
    } else
        found = index.range(start.seek, v);
    if (!found) return ctx.g().nodes_with_label(start.label);
    scratch = std::move(*found);
    return scratch;
}

}  // namespace liaison::query
