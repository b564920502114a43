#pragma once
// The one table of the query language's functions (functions.cpp): each function once, with its
// arity, the kinds of value its arguments accept and its result has, its flags and the code that
// runs it. The binder resolves every call to an entry once, checks the arity and the argument
// types it can know before running, and stores the entry in the bound expression; the evaluator
// calls the entry's code with no lookup by name.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "liaison/query/value.hpp"

namespace liaison::query {

struct ExecContext;  // executor/context.hpp

// Kinds of value as bits, for argument and result types. Date, Temporal and Duration share one.
using ValueTypes = std::uint16_t;
namespace types {
inline constexpr ValueTypes kNull = 1 << 0;
inline constexpr ValueTypes kBool = 1 << 1;
inline constexpr ValueTypes kInt = 1 << 2;
inline constexpr ValueTypes kFloat = 1 << 3;
inline constexpr ValueTypes kString = 1 << 4;
inline constexpr ValueTypes kList = 1 << 5;
inline constexpr ValueTypes kMap = 1 << 6;
inline constexpr ValueTypes kNode = 1 << 7;
inline constexpr ValueTypes kRel = 1 << 8;
inline constexpr ValueTypes kPath = 1 << 9;
inline constexpr ValueTypes kTemporal = 1 << 10;
inline constexpr ValueTypes kNumber = kInt | kFloat;
inline constexpr ValueTypes kAny = (1 << 11) - 1;
}  // namespace types

// What an aggregate computes (aggregators.hpp); None for the other functions.
enum class AggregateKind : std::uint8_t {
    None,
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Collect,
    PercentileCont,
    PercentileDisc,
    StDev,
    StDevP,
};

using FunctionArgs = std::span<Value>;
using FunctionImpl = Value (*)(FunctionArgs args, ExecContext& ctx);

struct FunctionDef {
    // Flags.
    static constexpr std::uint8_t kNullIn = 1;    // a null argument gives null without a call
    static constexpr std::uint8_t kVolatile = 2;  // random at each call: no aggregate takes it

    std::string_view name;  // lower case; calls are case-insensitive
    std::int8_t min_args = 0;
    std::int8_t max_args = 0;               // -1: any number
    std::array<ValueTypes, 3> arg_types{};  // accepted per argument; the last given covers the rest
    ValueTypes result = types::kAny;        // besides null
    std::uint8_t flags = 0;
    AggregateKind aggregate = AggregateKind::None;
    FunctionImpl call = nullptr;  // null for aggregates: the Aggregate operator computes them

    bool is_aggregate() const { return aggregate != AggregateKind::None; }
    // The types argument `arg` accepts: its own entry, else the last one given before it.
    ValueTypes accepts(std::size_t arg) const {
        for (std::size_t i = arg < 2 ? arg : 2; i > 0; --i)
            if (arg_types[i]) return arg_types[i];
        return arg_types[0];
    }
};

// The entry of `name` (any case), or null when no function has that name.
const FunctionDef* find_function(std::string_view name);

// The whole table, in its order (SHOW FUNCTIONS).
std::span<const FunctionDef> all_functions();

// count(*): the entry of count.
const FunctionDef& count_function();

}  // namespace liaison::query
