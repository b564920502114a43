#pragma once
// The native format's rules that a graph built in memory can break (an importer's, an API
// user's): the validating reader enforces them on text, check_graph_rules on a PropertyGraph,
// so that a new database is held to them without writing and re-reading its JSON text. Each
// rule is stated once here; the reader takes its messages from these functions too.
#include <optional>
#include <string>
#include <string_view>

#include "liaison/model/property_graph.hpp"

namespace liaison::detail {

// A rule broken by one member of a time span or a source: the member's key ("date", "end",
// "start") and what was expected.
struct MemberProblem {
    const char* key;
    std::string message;
};

// 'date' together with 'start'/'end', or an 'end' before its 'start'.
std::optional<MemberProblem> time_problem(const TimeSpan& t);
// One offset without the other, or 'end' before 'start'. (Negative offsets: offset_problem.)
std::optional<MemberProblem> source_offsets_problem(const Source& s);
std::string unknown_document_message(std::string_view document);
std::string node_id_message(std::string_view id);
// A date the format cannot write and read back (year 1..9999, a real month and day).
bool is_writable_date(const Date& d);

// Throws InputError({name}, "node 'x', sources[0]: …") at the first rule the graph breaks:
// node ids (slugs, unique), labels, aliases, names, dates and time spans, sources (non-empty
// document and quote, a document of the graph, offsets), property values (storable kinds,
// finite floats, flat lists, typed values that read back), documents, relation types and
// index definitions, and every string valid UTF-8 without NUL. Linear in the graph's size,
// no copy of it.
void check_graph_rules(const PropertyGraph& g, const std::string& name);
// The same rules for one node or edge about to enter g (its sources' documents are g's; the
// node id's uniqueness is the caller's to check): what replaying a journal holds each operation
// to, in time linear in the entity, not the graph.
void check_node_rules(const PropertyGraph& g, const Node& n, const std::string& name);
void check_edge_rules(const PropertyGraph& g, const Edge& e, const std::string& name);

}  // namespace liaison::detail
