#pragma once
/// @file
/// Network analysis (docs/algorithms.md): liaison::analysis::project() compiles what an
/// algorithm sees of a property graph (labels, types, a time window, a direction, weights, a
/// fold) into a Csr; centralities, communities, paths and structure run on the Csr; the registry
/// runs any of them by name with validated options.
#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/csr.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/paths.hpp"
#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/ranking.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/analysis/structure.hpp"
#include "liaison/analysis/time_slices.hpp"
#include "liaison/analysis/window.hpp"
