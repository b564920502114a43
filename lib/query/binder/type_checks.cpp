#include "query/binder/type_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "liaison/query/error.hpp"

namespace liaison::query::binding {

using bound::ExprKind;

void Source::fail(std::size_t offset, const std::string& code, const std::string& message,
                  const std::string& category) const {
    LineColumn lc = line_column_at(text, std::min(offset, text.size()));
    throw QueryError(Stage::Binder, category, code, message, lc.line, lc.column);
}

// The type every element of a list literal shares, Any when they differ or are not literals.
VarType element_type(const bound::Expr& list) {
    if (list.kind != ExprKind::List || list.args.empty()) return VarType::Any;
    VarType common = VarType::Any;
    for (const auto& a : list.args) {
        if (!a || a->kind != ExprKind::Literal) return VarType::Any;
        VarType t = literal_type(a->value);
        if (t == VarType::Any || t == VarType::Scalar || (common != VarType::Any && t != common))
            return VarType::Any;
        common = t;
    }
    return common;
}

// Arithmetic other than `+` (which also joins strings) on a value known to be a string or a
// boolean is a compile-time type error.
void check_arithmetic_operands(const Source& src, const bound::Expr& e, const Scope& scope) {
    using bound::Op;
    if (e.op != Op::Sub && e.op != Op::Mul && e.op != Op::Div && e.op != Op::Mod && e.op != Op::Pow)
        return;
    for (const auto& a : e.args) {
        if (!a) continue;
        VarType t = VarType::Any;
        if (a->kind == ExprKind::Literal) t = literal_type(a->value);
        if (a->kind == ExprKind::Variable) {
            auto it = scope.find(a->name);
            if (it != scope.end()) t = it->second.type;
        }
        if (t == VarType::String || t == VarType::Boolean)
            src.fail(a->begin, "InvalidArgumentType",
                     fmt::format("{} cannot take a {}", bound::op_text(e.op),
                                 t == VarType::String ? "string" : "boolean"));
    }
}

// What an argument can be, as far as known before running: from a literal, a list or map
// expression, or a variable's type. Unknown is any type.
ValueTypes static_type(const bound::Expr& a, const Scope& scope) {
    switch (a.kind) {
        case ExprKind::Literal:
            switch (a.value.kind()) {
                case Value::Kind::Bool:
                    return types::kBool;
                case Value::Kind::Int:
                    return types::kInt;
                case Value::Kind::Float:
                    return types::kFloat;
                case Value::Kind::String:
                    return types::kString;
                case Value::Kind::List:
                    return types::kList;
                case Value::Kind::Map:
                    return types::kMap;
                default:
                    return types::kAny;
            }
        case ExprKind::List:
            return types::kList;
        case ExprKind::Map:
            return types::kMap;
        case ExprKind::Variable: {
            auto it = scope.find(a.name);
            if (it == scope.end()) return types::kAny;
            switch (it->second.type) {
                case VarType::Node:
                    return types::kNode;
                case VarType::Rel:
                    return types::kRel;
                case VarType::RelList:
                case VarType::List:
                    return types::kList;
                case VarType::Path:
                    return types::kPath;
                case VarType::Number:
                    return types::kNumber;
                case VarType::String:
                    return types::kString;
                case VarType::Boolean:
                    return types::kBool;
                default:
                    return types::kAny;
            }
        }
        default:
            return types::kAny;
    }
}

// Arguments whose type is known before running and that the function's table entry does not
// accept.
void check_function_arguments(const Source& src, const FunctionDef& f, const bound::Expr& call,
                              const Scope& scope) {
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        const bound::Expr* a = call.args[i].get();
        if (a && !(static_type(*a, scope) & f.accepts(i)))
            src.fail(a->begin, "InvalidArgumentType",
                     fmt::format("{}() cannot take this value", f.name));
    }
}

// A literal argument of a type the procedure does not declare is a compile-time error;
// an INTEGER fits a FLOAT or NUMBER argument.
void check_procedure_arguments(const Source& src, const bound::Clause& c,
                               const ProcedureInfo& info) {
    for (std::size_t i = 0; i < c.exprs.size() && i < info.input_types.size(); ++i) {
        const bound::Expr& a = *c.exprs[i];
        if (a.kind != ExprKind::Literal || a.value.is_null()) continue;
        const std::string& want = info.input_types[i];
        Value::Kind k = a.value.kind();
        bool fits = want == "ANY" || (want == "STRING" && k == Value::Kind::String) ||
                    (want == "BOOLEAN" && k == Value::Kind::Bool) ||
                    (want == "INTEGER" && k == Value::Kind::Int) ||
                    ((want == "FLOAT" || want == "NUMBER") && a.value.is_number());
        if (!fits)
            src.fail(a.begin, "InvalidArgumentType",
                     fmt::format("argument {} of {} must be {}", i + 1, c.procedure, want));
    }
}

// A literal that can never be a boolean (a number, a string, a list or a map) given to
// NOT/AND/OR/XOR, or a literal that is not a list on the right of IN, is a compile-time
// type error in openCypher, not a run-time one.
void check_boolean_operands(const Source& src, const bound::Expr& e) {
    if (e.op == bound::Op::In && e.args.size() == 2 && e.args[1]) {
        const bound::Expr& list = *e.args[1];
        if (list.kind == ExprKind::Map ||
            (list.kind == ExprKind::Literal && !list.value.is_null() &&
             list.value.kind() != Value::Kind::List && list.value.kind() != Value::Kind::Date))
            src.fail(list.begin, "InvalidArgumentType", "IN expects a list on its right");
        return;
    }
    if (e.op != bound::Op::Not && e.op != bound::Op::And && e.op != bound::Op::Or &&
        e.op != bound::Op::Xor)
        return;
    for (const auto& a : e.args) {
        if (!a) continue;
        bool never_boolean = a->kind == ExprKind::List || a->kind == ExprKind::Map ||
                             (a->kind == ExprKind::Literal && !a->value.is_null() &&
                              a->value.kind() != Value::Kind::Bool);
        if (never_boolean)
            src.fail(a->begin, "InvalidArgumentType",
                     fmt::format("{} expects a boolean operand", bound::op_text(e.op)));
    }
}

VarType literal_type(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Null:
            return VarType::Any;
        case Value::Kind::Bool:
            return VarType::Boolean;
        case Value::Kind::Int:
        case Value::Kind::Float:
            return VarType::Number;
        case Value::Kind::String:
            return VarType::String;
        default:
            return VarType::Scalar;
    }
}

VarType infer(const bound::Expr& e, const Scope& scope) {
    switch (e.kind) {
        case ExprKind::Variable: {
            auto it = scope.find(e.name);
            return it == scope.end() ? VarType::Any : it->second.type;
        }
        case ExprKind::Literal:
            return literal_type(e.value);
        case ExprKind::List:
            return VarType::List;
        case ExprKind::Map:
        case ExprKind::Binary:
        case ExprKind::Comparison:
        case ExprKind::IsNull:
        case ExprKind::IsNotNull:
            return VarType::Scalar;
        default:
            return VarType::Any;
    }
}

void check_type(const Source& src, std::size_t at, const std::string& name, VarType have,
                VarType want) {
    if (have == VarType::Any || have == want) return;
    if (want == VarType::Rel && have == VarType::RelList) return;
    if (want == VarType::RelList && have == VarType::List) return;
    src.fail(at, "VariableTypeConflict",
             fmt::format("variable '{}' is already bound to a different kind of value", name));
}

// A pattern is a predicate: it may stand where a boolean is expected (WHERE, NOT, AND, a
// quantifier's condition...), not as a value to project or store.
void check_pattern_values(const Source& src, const bound::Expr& e, bool boolean_context) {
    if (e.kind == ExprKind::PatternPredicate) {
        if (!boolean_context)
            src.fail(e.begin, "UnexpectedSyntax",
                     "a pattern is only allowed as a predicate: use EXISTS { } or a pattern "
                     "comprehension");
        return;
    }
    using bound::Op;
    bool boolean_op =
        (e.kind == ExprKind::Unary && e.op == Op::Not) ||
        (e.kind == ExprKind::Binary && (e.op == Op::And || e.op == Op::Or || e.op == Op::Xor));
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (!e.args[i]) continue;
        bool child_boolean =
            boolean_op || e.kind == ExprKind::Case || e.kind == ExprKind::Exists ||
            ((e.kind == ExprKind::Quantifier || e.kind == ExprKind::ListComprehension ||
              e.kind == ExprKind::PatternComprehension) &&
             i > 0) ||
            e.kind == ExprKind::Function;
        // Functions pass patterns on only to exists(); others take values.
        if (e.kind == ExprKind::Function) child_boolean = lower(e.name) == "exists";
        check_pattern_values(src, *e.args[i], child_boolean);
    }
}

// WHERE on a node, relationship or path: they are never booleans.
void check_where(const Source& src, const bound::Expr* where, const Scope& scope) {
    if (!where || where->kind != ExprKind::Variable) return;
    auto it = scope.find(where->name);
    if (it == scope.end()) return;
    VarType t = it->second.type;
    if (t == VarType::Node || t == VarType::Rel || t == VarType::Path || t == VarType::Number ||
        t == VarType::String || t == VarType::List)
        src.fail(where->begin, "InvalidArgumentType", "WHERE expects a boolean");
}

}  // namespace liaison::query::binding
