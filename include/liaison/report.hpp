#pragma once
/// @file
/// Reports (docs/report.md): a JSON spec becomes a document of sections, tables and figures,
/// written as Markdown, HTML or JSON; batches of reports run in parallel processes.
#include "liaison/report/batch.hpp"
#include "liaison/report/document.hpp"
#include "liaison/report/report.hpp"
#include "liaison/report/spec.hpp"
