#pragma once
// The binder's compile-time checks of types: what a variable or an expression is known to be
// before running, and the errors openCypher raises at compile time when that can never fit
// (a function argument its table entry does not accept, arithmetic on a string, a literal
// number given to AND, a pattern used as a value...). Each check throws the binder's QueryError.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "query/binder/bound.hpp"
#include "query/binder/catalog.hpp"
#include "query/executor/functions.hpp"

namespace liaison::query::binding {

// What a variable is known to hold. Number, String and Boolean come from literals; they have no
// properties and take part in the compile-time type checks of openCypher.
enum class VarType { Any, Node, Rel, RelList, Path, Scalar, List, Number, String, Boolean };

struct Var {
    int slot;
    VarType type;
};
using Scope = std::map<std::string, Var>;

// The query text, to place errors at a line and column.
struct Source {
    std::string_view text;
    // A QueryError of the binder stage at the byte offset.
    [[noreturn]] void fail(std::size_t offset, const std::string& code, const std::string& message,
                           const std::string& category = "SyntaxError") const;
};

VarType literal_type(const Value& v);
// The type every element of a list literal shares, Any when they differ or are not literals.
VarType element_type(const bound::Expr& list);
// What an expression projected under a new name is known to be.
VarType infer(const bound::Expr& e, const Scope& scope);
// The kinds of value an argument can be, as far as known before running.
ValueTypes static_type(const bound::Expr& a, const Scope& scope);

void check_arithmetic_operands(const Source& src, const bound::Expr& e, const Scope& scope);
void check_function_arguments(const Source& src, const FunctionDef& f, const bound::Expr& call,
                              const Scope& scope);
void check_procedure_arguments(const Source& src, const bound::Clause& c,
                               const ProcedureInfo& info);
void check_boolean_operands(const Source& src, const bound::Expr& e);
// A variable bound again in a pattern as another kind of element.
void check_type(const Source& src, std::size_t at, const std::string& name, VarType have,
                VarType want);
void check_pattern_values(const Source& src, const bound::Expr& e, bool boolean_context);
void check_where(const Source& src, const bound::Expr* where, const Scope& scope);

}  // namespace liaison::query::binding
