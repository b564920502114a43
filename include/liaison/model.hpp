#pragma once
/// @file
/// The data model every area shares: the property graph (nodes with bilingual names, typed and
/// dated edges, documents and the quotes behind each fact), name lookup in any spelling,
/// summaries, dates and the error types the library throws (docs/model.md).
#include "liaison/core/date.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/json_text.hpp"
#include "liaison/core/markup_text.hpp"
#include "liaison/core/text_distance.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/core/value.hpp"
#include "liaison/model/index_definition.hpp"
#include "liaison/model/lookup.hpp"
#include "liaison/model/names.hpp"
#include "liaison/model/property_graph.hpp"
#include "liaison/model/relations.hpp"
#include "liaison/model/summary.hpp"
