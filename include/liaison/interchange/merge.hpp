#pragma once
/// @file
/// Folding a new network into a kept one, and finding duplicate entities within one.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison {

struct MatchCandidate {
    std::string base_id;
    std::string evidence;  // "name 'حموشي'", "iso3 MAR"
};

// An incoming entity that names more than one entity of the base.
struct Ambiguity {
    std::string incoming_id;
    std::string incoming_name;
    std::vector<MatchCandidate> candidates;
};

struct MergeOptions {
    std::string base_name = "base";  // how the inputs are named in `merged_from`
    std::string incoming_name = "new";
    // Decisions made beforehand (a --map file): incoming id → base id, or "" for a new entity.
    std::map<std::string, std::string> decisions;
    // Asked about each ambiguity no decision covers: a base id, "" for a new entity, nullopt to
    // leave it undecided (the merge is then incomplete).
    std::function<std::optional<std::string>(const Ambiguity&)> resolve;
};

struct MergeReport {
    struct Match {
        std::string incoming_id, base_id, evidence;  // evidence: "id", "iso3 MAR", "name …", "map"
    };
    std::vector<Match> matched;
    std::vector<std::string> added_nodes;  // ids in the result
    std::size_t added_edges = 0;
    std::size_t merged_edges = 0;        // incoming edges that were already in the base
    std::vector<Ambiguity> ambiguous;    // left undecided
    std::vector<std::string> conflicts;  // differing values; the base's value is kept
    std::vector<std::string> renamed_documents;
};

struct MergeResult {
    PropertyGraph graph;  // meaningful only when complete()
    MergeReport report;
    bool complete() const { return report.ambiguous.empty(); }
};

/// Folds `incoming` into `base`. An incoming entity matches, in order: a decision; the base
/// entity with the same id; the one with the same ISO code (property iso3); the ones with a
/// name or alias equal after Arabic folding (fold_name), preferring those sharing a label. One
/// candidate is a match, none a new entity, several an ambiguity (asked through `resolve`,
/// otherwise reported and never guessed). Matched entities gain missing names (a differing name
/// becomes an alias), labels, aliases, properties, time and sources; conflicting values keep the
/// base's and are reported. An incoming edge equal to a base edge (same ends, type, time and id)
/// adds its sources to it; other edges are added. Every node and edge the incoming network
/// contributed to lists the inputs in property `merged_from` (base first); facts without it come
/// from the base alone. Documents with the same id and different content are renamed.
/// Throws InputError when relation types contradict (directed in one, symmetric in the other).
MergeResult merge_graphs(const PropertyGraph& base, const PropertyGraph& incoming,
                         const MergeOptions& options);

// A --map file: one decision per line, "INCOMING_ID BASE_ID" or "INCOMING_ID new"; "#" starts a
// comment. Ids are checked against both graphs; problems throw InputError at file:line:column.
std::map<std::string, std::string> parse_merge_map(std::string_view text, const std::string& name,
                                                   const PropertyGraph& base,
                                                   const PropertyGraph& incoming);

// Likely duplicate entities within one network, with the evidence.
struct DuplicatePair {
    NodeIndex a = 0, b = 0;  // a's id sorts before b's
    double score = 0;        // 1.0 the strongest
    std::vector<std::string> evidence;
};

// Evidence, strongest first: the same ISO code (1.0); a name or alias equal after folding
// (0.9); all the words of one name within another's, sharing a label (0.6; a single word only
// when no third entity uses it); names one or two
// letters apart after folding (0.5 — at most one edit per 8 letters, names of 5+ letters,
// sharing a label, with the same digits). Sorted by score descending, then ids.
std::vector<DuplicatePair> find_duplicates(const PropertyGraph& g);

}  // namespace liaison
