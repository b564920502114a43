#include "query/executor/eval.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "query/executor/functions.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/matcher.hpp"
#include "query/executor/regex.hpp"
#include "query/executor/subquery.hpp"
#include "query/executor/temporal_functions.hpp"

namespace liaison::query {

using bound::ExprKind;
using bound::Op;
using K = Value::Kind;

namespace {

[[noreturn]] void arithmetic_error(const std::string& code, const std::string& message) {
    runtime_error("ArithmeticError", code, message);
}

// A list or map just built from other values: refused when it nests deeper than values may.
// The scan costs what building the container cost.
Value nested(Value v) {
    if (value_depth(v) > kMaxValueDepth)
        runtime_error("ArgumentError", "ValueTooDeep",
                      fmt::format("a list or map nested more than {} deep", kMaxValueDepth));
    return v;
}

Value truth(const Value& v, const char* where) {
    if (v.is_null() || v.kind() == K::Bool) return v;
    type_error(fmt::format("{} expects a boolean, got {}", where, Value::kind_name(v.kind())));
}

// A value's size in memory, roughly: what a copy of it allocates.
std::size_t footprint(const Value& v) {
    switch (v.kind()) {
        case K::String:
            return v.as_string().size();
        case K::List:
            return v.as_list().size() * sizeof(Value);
        case K::Map:
            return v.as_map().size() * sizeof(std::pair<std::string, Value>);
        default:
            return 0;
    }
}

Value arithmetic(Op op, const Value& a, const Value& b, ExecContext& ctx) {
    if (a.is_null() || b.is_null()) return {};
    if (auto r = temporal_arithmetic(op, a, b)) return *r;
    if (op == Op::Add) {
        // Concatenation copies both sides: a doubling in a loop grows fast, so the budget is
        // asked before, and the copy counts as work for the clock.
        std::size_t bytes = footprint(a) + footprint(b);
        ctx.gov.reserve(bytes);
        ctx.gov.tick(bytes / 64);
        if (a.kind() == K::List && b.kind() == K::List) {
            ValueList out = a.as_list();
            out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            return out;
        }
        if (a.kind() == K::List) {
            ValueList out = a.as_list();
            out.push_back(b);
            return nested(std::move(out));
        }
        if (b.kind() == K::List) {
            ValueList out{a};
            out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            return nested(std::move(out));
        }
        if (a.kind() == K::String && b.kind() == K::String) return a.as_string() + b.as_string();
        if (a.kind() == K::String && b.is_number())
            return a.as_string() +
                   (b.kind() == K::Int ? std::to_string(b.as_int()) : format_float(b.as_float()));
        if (b.kind() == K::String && a.is_number())
            return (a.kind() == K::Int ? std::to_string(a.as_int()) : format_float(a.as_float())) +
                   b.as_string();
    }
    if (!a.is_number() || !b.is_number())
        type_error(fmt::format("cannot apply '{}' to {} and {}", bound::op_text(op),
                               Value::kind_name(a.kind()), Value::kind_name(b.kind())));
    if (a.kind() == K::Int && b.kind() == K::Int && op != Op::Pow) {
        std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
        switch (op) {
            case Op::Add:
                if (__builtin_add_overflow(x, y, &r))
                    arithmetic_error("IntegerOverflow", "integer overflow");
                return r;
            case Op::Sub:
                if (__builtin_sub_overflow(x, y, &r))
                    arithmetic_error("IntegerOverflow", "integer overflow");
                return r;
            case Op::Mul:
                if (__builtin_mul_overflow(x, y, &r))
                    arithmetic_error("IntegerOverflow", "integer overflow");
                return r;
            case Op::Div:
                if (y == 0) arithmetic_error("DivisionByZero", "division by zero");
                if (x == INT64_MIN && y == -1)
                    arithmetic_error("IntegerOverflow", "integer overflow");
                return x / y;
            case Op::Mod:
                if (y == 0) arithmetic_error("DivisionByZero", "division by zero");
                if (y == -1) return std::int64_t{0};
                return x % y;
            default:
                break;
        }
    }
    double x = a.to_double(), y = b.to_double();
    switch (op) {
        case Op::Add:
            return x + y;
        case Op::Sub:
            return x - y;
        case Op::Mul:
            return x * y;
        case Op::Div:
            return x / y;
        case Op::Mod:
            return std::fmod(x, y);
        case Op::Pow:
            return std::pow(x, y);
        default:
            return {};
    }
}

Value compare_op(Op op, const Value& a, const Value& b) {
    if (op == Op::Eq) return equals(a, b);
    if (op == Op::Ne) {
        if (a.is_number() && b.is_number() && !compare(a, b)) return true;
        Value e = equals(a, b);
        return e.is_null() ? e : Value(!e.as_bool());
    }
    auto c = compare(a, b);
    if (!c) {
        // NaN is a number: comparing it with a number is false, not null.
        if (a.is_number() && b.is_number()) return false;
        return {};
    }
    switch (op) {
        case Op::Lt:
            return *c < 0;
        case Op::Le:
            return *c <= 0;
        case Op::Gt:
            return *c > 0;
        case Op::Ge:
            return *c >= 0;
        default:
            return {};
    }
}

Value in_list(const Value& x, const Value& list) {
    if (list.is_null()) return {};
    if (list.kind() == K::Date) return in_period(x, list.as_date());
    if (list.kind() != K::List) type_error("IN expects a list on its right");
    bool unknown = false;
    for (const auto& item : list.as_list()) {
        Value e = equals(x, item);
        if (e.is_null())
            unknown = true;
        else if (e.as_bool())
            return true;
    }
    return unknown ? Value() : Value(false);
}

Value string_op(Op op, const Value& a, const Value& b, ExecContext& ctx) {
    if (a.kind() != K::String || b.kind() != K::String) return {};
    const std::string& s = a.as_string();
    const std::string& t = b.as_string();
    switch (op) {
        case Op::StartsWith:
            return s.compare(0, t.size(), t) == 0 && s.size() >= t.size();
        case Op::EndsWith:
            return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
        case Op::Contains:
            return s.find(t) != std::string::npos;
        case Op::Regex:
            if (!ctx.regexes) ctx.regexes = std::make_shared<RegexCache>();
            return ctx.regexes->full_match(s, t);
        default:
            return {};
    }
}

Value subscript(ExecContext& ctx, const Value& target, const Value& index) {
    if (target.is_null() || index.is_null()) return {};
    if (target.kind() == K::List) {
        if (index.kind() != K::Int) type_error("a list index must be an integer");
        const ValueList& l = target.as_list();
        std::int64_t i = index.as_int();
        auto n = static_cast<std::int64_t>(l.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return {};
        return l[static_cast<std::size_t>(i)];
    }
    if (target.kind() == K::Map || target.kind() == K::Node || target.kind() == K::Relationship) {
        if (index.kind() != K::String) type_error("a map key must be a string");
        return property_of(ctx, target, index.as_string());
    }
    type_error(fmt::format("cannot index a {}", Value::kind_name(target.kind())));
}

Value slice(const Value& target, const Value& from, const Value& to, bool has_from, bool has_to) {
    if (target.is_null()) return {};
    if ((has_from && from.is_null()) || (has_to && to.is_null())) return {};
    if (target.kind() != K::List) type_error("only lists can be sliced");
    if ((has_from && from.kind() != K::Int) || (has_to && to.kind() != K::Int))
        type_error("slice bounds must be integers");
    const ValueList& l = target.as_list();
    auto n = static_cast<std::int64_t>(l.size());
    std::int64_t a = has_from ? from.as_int() : 0;
    std::int64_t b = has_to ? to.as_int() : n;
    if (a < 0) a += n;
    if (b < 0) b += n;
    a = std::clamp<std::int64_t>(a, 0, n);
    b = std::clamp<std::int64_t>(b, 0, n);
    if (b <= a) return ValueList{};
    return ValueList(l.begin() + a, l.begin() + b);
}

Value eval_case(const bound::Expr& e, Row& row, ExecContext& ctx) {
    std::size_t i = 0;
    Value subject;
    if (e.has_subject) subject = eval(*e.args[i++], row, ctx);
    std::size_t end = e.args.size() - (e.has_else ? 1 : 0);
    for (; i < end; i += 2) {
        Value w = eval(*e.args[i], row, ctx);
        bool hit = false;
        if (e.has_subject) {
            Value eq = equals(subject, w);
            hit = !eq.is_null() && eq.as_bool();
        } else {
            hit = w.kind() == K::Bool && w.as_bool();
        }
        if (hit) return eval(*e.args[i + 1], row, ctx);
    }
    return e.has_else ? eval(*e.args.back(), row, ctx) : Value();
}

Value eval_list_op(const bound::Expr& e, Row& row, ExecContext& ctx) {
    Value list = eval(*e.args[0], row, ctx);
    if (list.is_null()) return {};
    if (list.kind() != K::List) type_error("expected a list to iterate over");
    if (e.kind == ExprKind::ListComprehension) {
        ValueList out;
        for (const auto& x : list.as_list()) {
            ctx.gov.tick();
            row[e.slot] = x;
            if (e.args[1] && !eval_predicate(*e.args[1], row, ctx)) continue;
            before_growth(ctx.gov, out);
            out.push_back(e.args[2] ? eval(*e.args[2], row, ctx) : x);
        }
        return nested(std::move(out));
    }
    // Quantifier.
    std::size_t yes = 0, unknown = 0, n = list.as_list().size();
    for (const auto& x : list.as_list()) {
        ctx.gov.tick();
        row[e.slot] = x;
        Value p = e.args[1] ? truth(eval(*e.args[1], row, ctx), "a quantifier") : Value(true);
        if (p.is_null())
            ++unknown;
        else if (p.as_bool())
            ++yes;
    }
    switch (e.op) {
        case Op::All:
            if (yes + unknown < n) return false;
            return unknown ? Value() : Value(true);
        case Op::Any:
            if (yes > 0) return true;
            return unknown ? Value() : Value(false);
        case Op::None_:
            if (yes > 0) return false;
            return unknown ? Value() : Value(true);
        default:
            if (yes > 1) return false;
            if (unknown) return {};
            return yes == 1;
    }
}

Value eval_pattern(const bound::Expr& e, Row& row, ExecContext& ctx) {
    const bound::PatternPart& part = *e.pattern;
    std::vector<int> rels;
    for (const auto& r : part.rels) rels.push_back(r.slot);
    StartPlan start = default_start(part, row);
    if (e.kind == ExprKind::PatternComprehension) {
        ValueList out;
        match_part(ctx, part, start, row, rels, [&](Row& r) {
            if (e.args[0] && !eval_predicate(*e.args[0], r, ctx)) return;
            ctx.gov.tick();
            before_growth(ctx.gov, out);
            out.push_back(eval(*e.args[1], r, ctx));
        });
        return nested(std::move(out));
    }
    bool found = false;
    for (const auto& n : part.nodes)
        if (n.prebound && row[n.slot].is_null()) return {};
    match_part(ctx, part, start, row, rels, [&](Row& r) {
        if (!found && (e.args.empty() || !e.args[0] || eval_predicate(*e.args[0], r, ctx)))
            found = true;
    });
    return found;
}

// A call of the function the binder resolved. Arguments live on the stack when few.
Value call(const bound::Expr& e, Row& row, ExecContext& ctx) {
    const FunctionDef* f = e.function;
    if (!f || !f->call)
        runtime_error("SyntaxError", "UnknownFunction",
                      fmt::format("unknown function '{}'", e.name));
    constexpr std::size_t kInline = 4;
    std::array<Value, kInline> inline_args;
    std::vector<Value> many;
    std::size_t n = e.args.size();
    FunctionArgs args;
    if (n <= kInline) {
        args = FunctionArgs(inline_args.data(), n);
    } else {
        many.resize(n);
        args = FunctionArgs(many);
    }
    bool has_null = false;
    for (std::size_t i = 0; i < n; ++i) {
        args[i] = eval(*e.args[i], row, ctx);
        has_null |= args[i].is_null();
    }
    if (has_null && (f->flags & FunctionDef::kNullIn)) return {};
    return f->call(args, ctx);
}

}  // namespace

Value property_of(ExecContext& ctx, const Value& target, const std::string& key) {
    switch (target.kind()) {
        case K::Null:
            return {};
        case K::Node:
            return node_property(ctx, target.as_node(), key);
        case K::Relationship:
            return rel_property(ctx, target.as_rel(), key);
        case K::Map: {
            const Value* v = map_get(target.as_map(), key);
            return v ? *v : Value();
        }
        case K::Date:
        case K::Temporal:
        case K::Duration:
            return temporal_property(target, key);
        default:
            type_error(fmt::format("cannot read property '{}' of a {}", key,
                                   Value::kind_name(target.kind())));
    }
}

bool eval_predicate(const bound::Expr& e, Row& row, ExecContext& ctx) {
    Value v = truth(eval(e, row, ctx), "a predicate");
    return !v.is_null() && v.as_bool();
}

Value eval(const bound::Expr& e, Row& row, ExecContext& ctx) {
    switch (e.kind) {
        case ExprKind::Literal:
            return e.value;
        case ExprKind::Parameter: {
            const Value* v = ctx.params ? map_get(*ctx.params, e.name) : nullptr;
            if (!v)
                runtime_error("ParameterMissing", "MissingParameter",
                              fmt::format("parameter ${} was not given", e.name));
            return *v;
        }
        case ExprKind::Variable: {
            const Value& v = row[e.slot];
            return v;
        }
        case ExprKind::Property:
            return property_of(ctx, eval(*e.args[0], row, ctx), e.name);
        case ExprKind::Subscript:
            return subscript(ctx, eval(*e.args[0], row, ctx), eval(*e.args[1], row, ctx));
        case ExprKind::Slice:
            return slice(eval(*e.args[0], row, ctx),
                         e.args[1] ? eval(*e.args[1], row, ctx) : Value(),
                         e.args[2] ? eval(*e.args[2], row, ctx) : Value(), e.args[1] != nullptr,
                         e.args[2] != nullptr);
        case ExprKind::List: {
            ValueList out;
            for (const auto& a : e.args) out.push_back(eval(*a, row, ctx));
            return nested(std::move(out));
        }
        case ExprKind::Map: {
            ValueMap out;
            for (std::size_t i = 0; i < e.keys.size(); ++i)
                map_set(out, e.keys[i], eval(*e.args[i], row, ctx));
            return nested(std::move(out));
        }
        case ExprKind::Unary: {
            Value v = eval(*e.args[0], row, ctx);
            if (e.op == Op::Not) {
                v = truth(v, "NOT");
                return v.is_null() ? v : Value(!v.as_bool());
            }
            if (v.is_null()) return v;
            if (!v.is_number()) type_error("unary minus expects a number");
            if (e.op == Op::Pos) return v;
            if (v.kind() == K::Int) {
                if (v.as_int() == INT64_MIN)
                    arithmetic_error("IntegerOverflow", "integer overflow");
                return -v.as_int();
            }
            return -v.as_float();
        }
        case ExprKind::Binary: {
            if (e.op == Op::And || e.op == Op::Or || e.op == Op::Xor) {
                Value a = truth(eval(*e.args[0], row, ctx), bound::op_text(e.op));
                if (e.op == Op::And && !a.is_null() && !a.as_bool()) return false;
                if (e.op == Op::Or && !a.is_null() && a.as_bool()) return true;
                Value b = truth(eval(*e.args[1], row, ctx), bound::op_text(e.op));
                if (e.op == Op::And) {
                    if (!b.is_null() && !b.as_bool()) return false;
                    return a.is_null() || b.is_null() ? Value() : Value(true);
                }
                if (e.op == Op::Or) {
                    if (!b.is_null() && b.as_bool()) return true;
                    return a.is_null() || b.is_null() ? Value() : Value(false);
                }
                if (a.is_null() || b.is_null()) return {};
                return a.as_bool() != b.as_bool();
            }
            Value a = eval(*e.args[0], row, ctx);
            Value b = eval(*e.args[1], row, ctx);
            switch (e.op) {
                case Op::In:
                    return in_list(a, b);
                case Op::StartsWith:
                case Op::EndsWith:
                case Op::Contains:
                case Op::Regex:
                    return string_op(e.op, a, b, ctx);
                default:
                    return arithmetic(e.op, a, b, ctx);
            }
        }
        case ExprKind::Comparison: {
            Value result = true;
            Value left = eval(*e.args[0], row, ctx);
            for (std::size_t i = 0; i < e.ops.size(); ++i) {
                Value right = eval(*e.args[i + 1], row, ctx);
                Value c = compare_op(e.ops[i], left, right);
                if (!c.is_null() && !c.as_bool()) return false;
                if (c.is_null()) result = Value();
                left = std::move(right);
            }
            return result;
        }
        case ExprKind::IsNull:
            return eval(*e.args[0], row, ctx).is_null();
        case ExprKind::IsNotNull:
            return !eval(*e.args[0], row, ctx).is_null();
        case ExprKind::LabelTest: {
            Value v = eval(*e.args[0], row, ctx);
            if (v.is_null()) return {};
            // A relationship has one type: r:T tests it, r:A:B holds only when A and B are both it.
            if (v.kind() == K::Relationship) {
                std::string type = rel_type(ctx, v.as_rel());
                for (const auto& l : e.keys)
                    if (l != type) return false;
                return true;
            }
            if (v.kind() != K::Node) type_error("a label test expects a node or a relationship");
            const Node& node = ctx.g().node(v.as_node().index);
            for (const auto& l : e.keys)
                if (!node.has_label(l)) return false;
            return true;
        }
        case ExprKind::Function:
        case ExprKind::CountStar:
            if (e.aggregate_slot >= 0) return row[e.aggregate_slot];
            return call(e, row, ctx);
        case ExprKind::Case:
            return eval_case(e, row, ctx);
        case ExprKind::ListComprehension:
        case ExprKind::Quantifier:
            return eval_list_op(e, row, ctx);
        case ExprKind::Reduce: {
            Value acc = eval(*e.args[0], row, ctx);
            Value list = eval(*e.args[1], row, ctx);
            if (list.is_null()) return {};
            if (list.kind() != K::List) type_error("reduce expects a list");
            for (const auto& x : list.as_list()) {
                ctx.gov.tick(1 + footprint(acc) / 256);
                row[e.slot2] = std::move(acc);
                row[e.slot] = x;
                acc = eval(*e.args[2], row, ctx);
            }
            return acc;
        }
        case ExprKind::PatternPredicate:
        case ExprKind::PatternComprehension:
            return eval_pattern(e, row, ctx);
        case ExprKind::CountSubquery:
        case ExprKind::CollectSubquery:
            return eval_subquery(e, row, ctx);
        case ExprKind::Exists: {
            if (e.subquery) return eval_subquery(e, row, ctx);
            if (e.pattern) return eval_pattern(e, row, ctx);
            const bound::Expr& arg = *e.args[0];
            if (arg.kind != ExprKind::Property)
                runtime_error("SyntaxError", "InvalidArgumentExpression",
                              "exists() expects a property or a pattern");
            return !eval(arg, row, ctx).is_null();
        }
        case ExprKind::MapProjection: {
            Value base = eval(*e.args[0], row, ctx);
            if (base.is_null()) return {};
            ValueMap out;
            for (std::size_t i = 0; i < e.map_items.size(); ++i) {
                const std::string& key = e.keys[i];
                switch (e.map_items[i]) {
                    case bound::MapItemKind::Property:
                        map_set(out, key, property_of(ctx, base, key));
                        break;
                    case bound::MapItemKind::AllProperties: {
                        ValueMap all = base.kind() == K::Node ? node_properties(ctx, base.as_node())
                                       : base.kind() == K::Relationship
                                           ? rel_properties(ctx, base.as_rel())
                                       : base.kind() == K::Map ? base.as_map()
                                                               : ValueMap{};
                        for (auto& [k, v] : all) map_set(out, k, v);
                        break;
                    }
                    case bound::MapItemKind::Literal:
                    case bound::MapItemKind::Variable:
                        map_set(out, key, eval(*e.args[i + 1], row, ctx));
                        break;
                }
            }
            return nested(std::move(out));
        }
    }
    return {};
}

}  // namespace liaison::query
