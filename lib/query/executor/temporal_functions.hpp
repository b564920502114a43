#pragma once
// openCypher's temporal functions, component access and arithmetic (temporal_functions.cpp).
#include <optional>
#include <span>
#include <string>

#include "query/executor/context.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

// What a temporal constructor builds: a date (liaison's Date) or one of the Temporal types.
enum class TemporalTarget { Date, LocalTime, Time, LocalDateTime, DateTime };

// The temporal functions of the function table (functions.cpp), each for one target.
// date(x), localtime(x)...: from a string, a map or another temporal value; with no argument, or
// only {timezone: z}, the instant the query started.
Value temporal_construct(TemporalTarget target, std::span<const Value> a, ExecContext& ctx);
// date.transaction(), .statement() and .realtime(): the instant the query started, in a zone.
Value temporal_now(TemporalTarget target, std::span<const Value> a, ExecContext& ctx);
// date.truncate(unit, value[, fields]) and the like.
Value temporal_truncate(TemporalTarget target, std::span<const Value> a);
Value duration_construct(const Value& x);
Value datetime_from_epoch(const Value& seconds, const Value& nanos);
Value datetime_from_epoch_millis(const Value& millis);

// A component of a date, time, datetime or duration (`d.year`, `t.offset`, `dur.days`); a date's
// period (`d.start`, `d.end`, `d.precision`, `d.isPartial`).
Value temporal_property(const Value& v, const std::string& key);
// `x IN period`: whether the date x (or text spelling one, or a datetime's day) lies wholly
// within the period of a date (`m.date IN date('2025-11')`); null when x is null.
Value in_period(const Value& x, const Date& period);

// temporal ± duration, duration ± duration, duration * or / number; nullopt when neither side
// is temporal.
std::optional<Value> temporal_arithmetic(ast::Op op, const Value& a, const Value& b);

}  // namespace liaison::query
