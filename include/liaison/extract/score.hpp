#pragma once
/// @file
/// Scoring an extraction against a gold network (docs/extract.md, "Scoring").
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

// Counts for one entity kind, relation type or rule.
struct Tally {
    std::string name;
    long gold = 0, predicted = 0, matched = 0;
    double precision() const;  // matched / predicted; 1.0 when nothing was predicted
    double recall() const;     // matched / gold; 1.0 when the gold holds none
};

struct ScoreReport {
    // Person, Organisation (Agency and Organization), Country, City, Event, always in that order.
    std::vector<Tally> entities;
    // One row per relation type found in either network, then "interactions" (MET_WITH,
    // RECEIVED, VISITED, SIGNED_MOU, SIGNED_AGREEMENT together).
    std::vector<Tally> relations;
    // Per predicted `rule` property, nodes and edges together; gold is 0 (the gold has no rules).
    std::vector<Tally> rules;
    // Matched relations where either side has a time, and those whose times are equal.
    long dated = 0, dated_right = 0;
    // Gold documents with a date, and those whose date the extractor read from the text alone
    // (filled by score_document_dates).
    long documents_dated = 0, documents_dated_right = 0;
    // One line per gold relation missed ("miss"), predicted relation not in the gold ("false")
    // and matched relation with another time ("date"), for working on the rules.
    std::vector<std::string> errors;
    // Sums the counts of rows with the same name; rows new to this report are appended.
    void add(const ScoreReport& other);
};

/// Compares an extraction with the gold. Matching is one-to-one throughout: each gold entity or
/// relation matches at most one predicted one, and the other way round.
ScoreReport score(const PropertyGraph& predicted, const PropertyGraph& gold);
/// Counts the gold documents with a date and those the extraction dated the same. The scorer
/// extracts with the gold's publication date (as `--date` gives it) to score facts' dates, so
/// this is measured on an extraction without it: the date read from the text alone.
void score_document_dates(const PropertyGraph& predicted, const PropertyGraph& gold,
                          ScoreReport& report);

// {"entities":[{name,gold,predicted,matched,precision,recall}…],"relations":[…],"rules":[…],
//  "dates":{"dated":N,"right":N,"share":X}}
std::string to_json(const ScoreReport& report);
// Aligned columns for people: one block per section.
std::string to_table(const ScoreReport& report);
// The error lines, one per line.
std::string errors_text(const ScoreReport& report);

}  // namespace liaison::extract
