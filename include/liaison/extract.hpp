#pragma once
/// @file
/// From articles to facts (docs/extract.md): liaison::extract::extract() proposes candidate
/// entities and relations with their quotes; review decides them; accept() commits the accepted
/// ones into a database; score() measures extraction against gold networks.
#include "liaison/extract/accept.hpp"
#include "liaison/extract/extract.hpp"
#include "liaison/extract/gold.hpp"
#include "liaison/extract/review.hpp"
#include "liaison/extract/score.hpp"
