#pragma once
// The readers and writers of each format, behind interchange.hpp.
#include <string>
#include <string_view>

#include "interchange/assemble.hpp"
#include "liaison/interchange/interchange.hpp"

namespace liaison::detail {

void read_graphml(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_graphml(const PropertyGraph& g, bool mixed);

void read_gexf(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_gexf(const PropertyGraph& g, const ExportOptions& options);

void read_node_link(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_node_link(const PropertyGraph& g);

void read_cytoscape(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_cytoscape(const PropertyGraph& g);

void read_dot(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_dot(const PropertyGraph& g);

void read_edge_list(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::string write_edge_list(const PropertyGraph& g);

// One CSV file of any of the four kinds (told apart by its header).
void read_csv_file(const NamedText& in, GraphAssembler& out, ProblemLog& log);
std::vector<ExportedFile> export_csv_files(const PropertyGraph& g);

// Event data, read straight into a graph (events.hpp): GDELT 2.0 exports and ICEWS files.
ImportResult read_gdelt(const std::string& name, std::string_view text,
                        const ImportOptions& options);
ImportResult read_icews(const std::string& name, std::string_view text,
                        const ImportOptions& options);

// Whether an edge is written undirected: a symmetric relation in a mixed export.
bool undirected_edge(const PropertyGraph& g, const Edge& e, bool mixed);
// Every edge is written undirected: the graph's default is then undirected, else directed with
// per-edge marks (a mixed graph).
bool all_undirected(const PropertyGraph& g, bool mixed);

// Generated edge ids ("_e12") mark edges that had none; real ids are kept as they are.
std::string element_edge_id(const PropertyGraph& g, EdgeIndex e);
std::string real_edge_id(std::string_view written);

}  // namespace liaison::detail
