#pragma once
/// @file
/// Drawing a network (docs/render.md): liaison::render::render() selects a view (whole, ego,
/// event, time window, capped), styles it, lays it out with Graphviz and writes SVG, PNG, PDF,
/// DOT or an interactive HTML page.
#include "liaison/render/render.hpp"
#include "liaison/render/style.hpp"
#include "liaison/render/view.hpp"
