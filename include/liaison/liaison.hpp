#pragma once
/// @file
/// Everything liaison offers a C++ program, one header per area (docs/api.md). Namespaces:
/// liaison for the shared model, files and the database; liaison::query, liaison::analysis,
/// liaison::render, liaison::report and liaison::extract for the areas.
#if __cplusplus < 202002L
#error "liaison's headers need C++20 (e.g. -std=c++20)"
#endif
#include "liaison/analysis.hpp"
#include "liaison/extract.hpp"
#include "liaison/io.hpp"
#include "liaison/model.hpp"
#include "liaison/query.hpp"
#include "liaison/render.hpp"
#include "liaison/report.hpp"
#include "liaison/store.hpp"
