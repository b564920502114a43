#pragma once
/// @file
/// The analyst's decisions on a candidates file (docs/extract.md, "Review and accept"): each
/// node and edge carries `review` = pending, accepted or rejected, and may be edited first.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

enum class Review { Pending, Accepted, Rejected };
const char* review_name(Review r);  // "pending", "accepted", "rejected"
// A fact's state; a missing or unknown `review` property is pending.
Review review_of(const Properties& p);

// A node or an edge of the candidates file.
struct FactRef {
    bool edge = false;
    std::uint32_t index = 0;
    bool operator==(const FactRef&) const = default;
};

// Review order: every edge, then the nodes that are the end of no edge (the others are
// decided with their edges); each in reading order (document, then first quote's offset).
std::vector<FactRef> review_order(const PropertyGraph& g);
// The id the analyst names a fact by: the edge's id (c1, c2 …) or the node's.
std::string fact_id(const PropertyGraph& g, FactRef f);
// Throws LookupError when no fact, or both an edge and a node, have this id.
FactRef find_fact(const PropertyGraph& g, std::string_view id);

/// Sets a fact's review. Accepting an edge also accepts its pending ends, which it needs.
void decide(PropertyGraph& g, FactRef f, Review r);

// Changes the analyst may make before deciding. Unset fields are left alone.
struct FactEdit {
    // Edges: the relation type (a built-in or declared one, or a new UPPER_SNAKE name), an end
    // by node id, the date (ISO, partial allowed; "" clears the time).
    std::optional<std::string> type{}, source{}, target{}, date{};
    // Nodes: the names; `match` is a database id the node is, or "new".
    std::optional<std::string> ar{}, en{}, match{};
};
// Throws ArgumentError naming the field when a value does not fit the fact.
void edit_fact(PropertyGraph& g, FactRef f, const FactEdit& edit);

/// Applies a decisions file ({"decisions":[{"id":…,"review":…, edit fields…}…]}, what the review
/// page downloads). Errors name file:line:column of the offending value; on error the graph is
/// unchanged.
void apply_decisions(PropertyGraph& g, std::string_view json, const std::string& name);

// One line of a listing.
struct FactSummary {
    std::string id, kind, type, source, target, date, confidence, rule, review, quote;
};
std::vector<FactSummary> summarize(const PropertyGraph& g);

// The sentence of `text` around the code points [start, end), as byte offsets: from the end of
// the previous sentence (. ! ? ؟ ؛ or a line break) to the end of this one. nullopt when the
// offsets do not fit the text.
struct Span {
    std::size_t begin = 0, end = 0;
};
std::optional<Span> sentence_around(std::string_view text, std::int64_t start, std::int64_t end);
// Byte offsets of the code points [start, end); nullopt when out of range.
std::optional<Span> code_point_span(std::string_view text, std::int64_t start, std::int64_t end);

}  // namespace liaison::extract
