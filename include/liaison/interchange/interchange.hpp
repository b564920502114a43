#pragma once
/// @file
/// Importing networks from, and exporting them to, the formats other tools use (docs/
/// interchange.md): GraphML, GEXF 1.2 and 1.3, Neo4j-style CSV, Cytoscape.js JSON, NetworkX
/// node-link JSON, DOT and plain edge lists.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/interchange/error.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison {

enum class Format { Native, GraphML, Gexf, Csv, Cytoscape, NodeLink, Dot, EdgeList, Gdelt, Icews };

// "json" (native), "graphml", "gexf", "csv", "cytoscape", "node-link", "dot", "edgelist",
// "gdelt", "icews" (and a few aliases: "cyjs", "networkx", "gv", "edges", "tsv").
std::optional<Format> parse_format(std::string_view name);
const char* format_name(Format format);
// From a file name: .graphml .gexf .csv .cyjs .dot/.gv .edgelist/.edges/.tsv/.txt,
// .export.CSV (GDELT 2.0 events, any case);
// "*.nodelink.json" and "*.cy.json" by their inner suffix; nullopt for other .json (sniffed).
std::optional<Format> format_of_path(std::string_view path);

struct ImportOptions {
    ImportOptions() = default;
    // `{strict}`, as callers have always written it.
    ImportOptions(bool strict_rows) : strict(strict_rows) {}
    // Stop at the first bad row; by default every bad row is collected and the import fails
    // with all of them, importing nothing.
    bool strict = false;
    // Event data (GDELT, ICEWS): keep only events whose CAMEO code starts with one of these
    // digit prefixes ("04", "057", "06"); empty keeps every event.
    std::vector<std::string> cameo;
    // Event data: a bad row is skipped and counted (a note says how many, and the first)
    // instead of failing the import.
    bool skip_bad_rows = false;
    // Event data: called now and then with the fraction of the input read (0..1).
    std::function<void(double)> progress;
};

struct ImportResult {
    PropertyGraph graph;
    // Things done to make foreign input fit the model (renamed ids, declared documents).
    std::vector<std::string> notes;
};

struct NamedText {
    std::string name;  // used in error positions
    std::string text;
};

// Imports one text in a single-file format (not Csv). Json-based formats are told apart by
// their shape when `format` is Native: JGF (native), node-link ("links"), Cytoscape
// ("elements"). Throws ImportError listing every bad row as file:line:column.
ImportResult import_text(Format format, const NamedText& input, const ImportOptions& options = {});

// Imports Neo4j-style CSV files, told apart by their headers: nodes (an `id:ID` column),
// relationships (`:START_ID`, `:END_ID`), documents (first column `document`) and relation
// types (first column `relation`). See docs/interchange.md for the columns.
ImportResult import_csv(const std::vector<NamedText>& files, const ImportOptions& options = {});

/// Reads files and imports them: several CSV files together, or one file of another format
/// (from `format`, or its name, or its content).
ImportResult import_files(const std::vector<std::string>& paths, std::optional<Format> format,
                          const ImportOptions& options = {});

struct ExportedFile {
    std::string name;  // file name: "graph.graphml", or "nodes.csv" … for CSV
    std::string content;
};

// How a node looks in tools that read styling (GEXF's viz: colour, size, position).
struct NodeLook {
    std::uint32_t rgb = 0xeeeeee;
    double size = 10;
    std::optional<std::array<double, 2>> position;
};

// 1.2 by default: Gephi reads both, NetworkX 2.x only 1.1 and 1.2.
enum class GexfVersion { V1_2, V1_3 };

struct ExportOptions {
    GexfVersion gexf_version = GexfVersion::V1_2;
    // Symmetric relations as undirected edges of a mixed graph (GraphML directed="false", GEXF
    // type="undirected"); false writes every edge directed (the `symmetric` attribute still
    // says which), for readers that refuse mixed graphs such as NetworkX's.
    bool mixed = true;
    std::vector<NodeLook> node_looks;         // by node index; empty: no styling
    std::vector<std::uint32_t> edge_colours;  // by edge index; empty: none
};

/// The text of a graph in a single-file format (not Csv): deterministic, so exports diff well.
std::string export_text(const PropertyGraph& g, Format format, const ExportOptions& options = {});
// Neo4j-import-ready CSV: nodes.csv, edges.csv, documents.csv, relations.csv.
std::vector<ExportedFile> export_csv(const PropertyGraph& g);

}  // namespace liaison
