#pragma once
// What an article says about itself: its title, outlet, date and language.
#include "extract/analysis.hpp"
#include "liaison/extract/extract.hpp"

namespace liaison::extract {

// The document entry of an article: the caller's title, outlet and date when given, else what
// the text states (a short first line as the title; a "source:" line or a dateline "OUTLET من
// CITY:" as the outlet; a full date in the first lines as the date). Runs find_dates.
Document describe_document(Analysis& a, const Article& article);

}  // namespace liaison::extract
