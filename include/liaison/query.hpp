#pragma once
/// @file
/// The query language, a subset of openCypher (docs/query.md): liaison::query::execute() runs a
/// query on a PropertyGraph or a Database under time and memory limits and returns a table.
#include "liaison/core/temporal.hpp"
#include "liaison/query/error.hpp"
#include "liaison/query/limits.hpp"
#include "liaison/query/query.hpp"
#include "liaison/query/store_query.hpp"
#include "liaison/query/value.hpp"
