#pragma once
/// @file
/// Files in and out: the native JSON format (read, validate, write canonically and atomically,
/// docs/format.md), where each fact's quote is found in its article, and the interchange formats
/// (GraphML, GEXF, CSV, Cytoscape.js, DOT …) with merging of networks (docs/interchange.md).
#include "liaison/interchange/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/interchange/merge.hpp"
#include "liaison/io/files.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/io/provenance.hpp"
#include "liaison/model.hpp"
