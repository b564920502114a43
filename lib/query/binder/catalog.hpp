#pragma once
// The functions a query may call: their arity and whether they aggregate. The binder checks
// calls against this list; the executor implements each name.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::query {

struct FunctionInfo {
    std::string_view name;  // lower case; calls are case-insensitive
    int min_args;
    int max_args;  // -1: any number
    bool aggregate;
};

// nullopt when no function of that name exists.
std::optional<FunctionInfo> find_function(std::string_view name);

std::string lower(std::string_view s);

}  // namespace liaison::query

namespace liaison::query {

// A procedure callable with CALL: its argument and result field names.
struct ProcedureInfo {
    std::string name;
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    // Arguments that may not be left out; the others default to null (options maps).
    std::size_t required_inputs = 0;
    // Declared argument types (STRING, INTEGER, FLOAT, NUMBER, BOOLEAN, ANY...), one per input;
    // empty when the procedure checks its arguments itself.
    std::vector<std::string> input_types;
};

// Defined with the implementations (executor/procedures.cpp); nullopt when unknown.
std::optional<ProcedureInfo> find_procedure(std::string_view name);

}  // namespace liaison::query
