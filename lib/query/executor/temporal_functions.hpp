#pragma once
// openCypher's temporal functions, component access and arithmetic (temporal_functions.cpp).
#include <optional>
#include <string>
#include <vector>

#include "query/executor/context.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

// date(), localtime(), time(), localdatetime(), datetime(), duration() and their namespaced
// functions (date.truncate, duration.between, datetime.fromepoch, ...); nullopt when `f` is none
// of them.
std::optional<Value> call_temporal_function(const std::string& f, std::vector<Value>& a,
                                            ExecContext& ctx);

// A component of a date, time, datetime or duration (`d.year`, `t.offset`, `dur.days`).
Value temporal_property(const Value& v, const std::string& key);

// temporal ± duration, duration ± duration, duration * or / number; nullopt when neither side
// is temporal.
std::optional<Value> temporal_arithmetic(ast::Op op, const Value& a, const Value& b);

}  // namespace liaison::query
