#pragma once
/// @file
/// Reports: a spec (spec.hpp) is built into a neutral document (document.hpp) and written as
/// Markdown, self-contained HTML or JSON. Same spec and inputs give byte-identical output.
///
///   auto spec = liaison::report::default_spec("graphs/morocco-interpol.json");
///   auto doc = liaison::report::build_report(spec);
///   liaison::write_file_atomic("out/report.html", liaison::report::write_html(doc));
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/report/document.hpp"
#include "liaison/report/spec.hpp"

namespace liaison::report {

/// Reads every input and builds each section in order. A failing section throws InputError
/// naming the spec file and the section's position ("spec.json:14:5: section 3 (profiles): no
/// entity named …"); unreadable inputs throw as read_graph_file does.
Report build_report(const ReportSpec& spec);
// The same over networks already loaded, one per spec input in order. Query sections run on
// them (and throw if a query would change them).
Report build_report(const ReportSpec& spec, std::vector<PropertyGraph>& graphs);

// Markdown (GitHub flavour). Figures cannot be inline in Markdown, so each is returned as a
// file named "<figure_prefix>-figure-<k>.svg" that the text links to.
struct FigureFile {
    std::string name;
    std::string svg;
};
struct MarkdownOutput {
    std::string text;
    std::vector<FigureFile> figures;
};
MarkdownOutput write_markdown(const Report& report, const std::string& figure_prefix);

// A self-contained HTML page: inline CSS and SVG, a table of contents, every table cell with
// its text direction (dir="rtl" for Arabic, dir="auto" otherwise).
std::string write_html(const Report& report);

// The same content for machines: sections, paragraphs, tables with typed cells, figures.
std::string write_json(const Report& report);

}  // namespace liaison::report
