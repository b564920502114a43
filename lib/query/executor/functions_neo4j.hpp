#pragma once
// Functions Neo4j users expect beyond openCypher 9 (functions_neo4j.cpp), registered in the one
// function table (functions.cpp).
#include "query/executor/functions.hpp"

namespace liaison::query {

// isEmpty(list | map | string): whether it has no elements, entries or characters.
Value fn_isempty(FunctionArgs a, ExecContext& ctx);
// elementId(node | relationship): a string naming the entity that stays the same across runs
// and saves (see docs/query.md): "n:<node id>", "r:<relationship id>" or, for a relationship
// without an id, "r:<source id>:<TYPE>:<target id>:<k>" (k counts parallel edges from 0).
Value fn_elementid(FunctionArgs a, ExecContext& ctx);
// linenumber() and file() outside LOAD CSV: null. Inside, the binder reads them from the
// LOAD CSV row instead of calling these.
Value fn_outside_load_csv(FunctionArgs a, ExecContext& ctx);

}  // namespace liaison::query
