#pragma once
// The procedures a query may CALL, as the binder checks them (the functions are in one table,
// executor/functions.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::query {

// ASCII lower case (names of functions, procedures and units are case-insensitive).
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
