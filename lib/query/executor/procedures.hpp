#pragma once
// Procedures callable from queries with CALL name(args) YIELD fields. Built in: db.labels(),
// db.relationshipTypes(), liaison.lookup(text). Other modules (analysis) add theirs with
// register_procedure, e.g. liaison.pagerank({types: ['MET_WITH']}) YIELD node, score.
#include <functional>
#include <vector>

#include "query/binder/catalog.hpp"
#include "query/executor/context.hpp"

namespace liaison::query {

// Returns one map per result record, keyed by the output field names.
using ProcedureFn =
    std::function<std::vector<ValueMap>(ExecContext& ctx, const std::vector<Value>& args)>;

struct Procedure {
    ProcedureInfo info;
    ProcedureFn run;
};

// Adds or replaces a procedure (names are case-sensitive, dotted).
void register_procedure(Procedure procedure);
const Procedure* lookup_procedure(std::string_view name);
// Removes a procedure registered earlier (test harnesses register per scenario).
void unregister_procedure(std::string_view name);
// Every registered procedure's signature, sorted by name (SHOW PROCEDURES).
std::vector<ProcedureInfo> all_procedures();

}  // namespace liaison::query
