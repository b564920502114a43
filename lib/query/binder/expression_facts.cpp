// Facts about bound expressions the binder checks (expression_facts.hpp, binder.hpp).
#include "query/binder/expression_facts.hpp"

#include <fmt/format.h>

#include "query/binder/binder.hpp"
#include "query/binder/catalog.hpp"
#include "query/executor/functions.hpp"

namespace liaison::query {

using bound::ExprKind;

std::string canonical(const bound::Expr& e) {
    std::string out = fmt::format("{}:{}:{}:{}", static_cast<int>(e.kind), static_cast<int>(e.op),
                                  e.kind == ExprKind::Function ? lower(e.name) : e.name, e.name2);
    if (e.kind == ExprKind::Literal) out += to_debug_string(e.value);
    for (auto op : e.ops) out += fmt::format("{},", static_cast<int>(op));
    for (const auto& k : e.keys) out += k + ",";
    if (e.distinct) out += "D";
    out += "(";
    for (const auto& a : e.args) out += (a ? canonical(*a) : "_") + ";";
    return out + ")";
}

bool is_aggregate_call(const bound::Expr& e) {
    if (e.kind == ExprKind::CountStar) return true;
    if (e.kind != ExprKind::Function) return false;
    const FunctionDef* f = e.function ? e.function : find_function(e.name);
    return f && f->is_aggregate();
}

bool contains_aggregate(const bound::Expr& e) {
    if (is_aggregate_call(e)) return true;
    for (const auto& a : e.args)
        if (a && contains_aggregate(*a)) return true;
    return false;
}

bool calls_volatile(const bound::Expr& e) {
    if (e.kind == ExprKind::Function) {
        const FunctionDef* f = find_function(e.name);
        if (f && (f->flags & FunctionDef::kVolatile)) return true;
    }
    for (const auto& a : e.args)
        if (a && calls_volatile(*a)) return true;
    return false;
}

}  // namespace liaison::query
