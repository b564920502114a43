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
};

// Defined with the implementations (executor/procedures.cpp); nullopt when unknown.
std::optional<ProcedureInfo> find_procedure(std::string_view name);

}  // namespace liaison::query
