#pragma once
// Shared by the report tests: the seed network and helpers to find sections and table cells.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "liaison/io/native_format.hpp"
#include "liaison/report/report.hpp"

namespace report_fixtures {

inline const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
inline const std::string kData = std::string(LIAISON_TEST_DATA) + "/report";

// The seed network, read once per test executable.
inline const liaison::PropertyGraph& seed() {
    static const liaison::PropertyGraph g = liaison::read_graph_file(kSeed);
    return g;
}

// A spec over the seed with the given sections only.
inline liaison::report::ReportSpec spec_of(std::vector<liaison::report::SectionSpec> sections) {
    liaison::report::ReportSpec spec;
    spec.inputs = {kSeed};
    spec.input_names = {"morocco-interpol.json"};
    for (std::size_t i = 0; i < sections.size(); ++i) sections[i].position = i;
    spec.sections = std::move(sections);
    return spec;
}

inline liaison::report::SectionSpec section(liaison::report::SectionKind k) {
    liaison::report::SectionSpec s;
    s.kind = k;
    return s;
}

// Builds a report over a copy of the seed.
inline liaison::report::Report build(const liaison::report::ReportSpec& spec) {
    std::vector<liaison::PropertyGraph> graphs = {seed()};
    return liaison::report::build_report(spec, graphs);
}

inline const liaison::report::Section& find_section(const liaison::report::Report& r,
                                                    const std::string& anchor) {
    auto it = std::find_if(r.sections.begin(), r.sections.end(),
                           [&](const auto& s) { return s.anchor == anchor; });
    REQUIRE_MESSAGE(it != r.sections.end(), "no section " << anchor);
    return *it;
}

inline std::vector<const liaison::report::Table*> tables(const liaison::report::Section& s) {
    std::vector<const liaison::report::Table*> out;
    for (const auto& b : s.blocks)
        if (const auto* t = std::get_if<liaison::report::Table>(&b)) out.push_back(t);
    return out;
}

// The table whose caption starts with `prefix`.
inline const liaison::report::Table& table(const liaison::report::Section& s,
                                           const std::string& prefix) {
    for (const auto* t : tables(s))
        if (t->caption.starts_with(prefix)) return *t;
    FAIL("no table " << prefix << " in " << s.anchor);
    static liaison::report::Table none;
    return none;
}

inline std::string paragraphs(const liaison::report::Section& s) {
    std::string out;
    for (const auto& b : s.blocks)
        if (const auto* p = std::get_if<liaison::report::Paragraph>(&b)) out += p->text + "\n";
    return out;
}

// The texts of one column.
inline std::vector<std::string> column(const liaison::report::Table& t, std::size_t i) {
    std::vector<std::string> out;
    for (const auto& row : t.rows) out.push_back(row.at(i).text);
    return out;
}

// The value cell of a two-column "field | value" table.
inline std::string field(const liaison::report::Table& t, const std::string& name) {
    for (const auto& row : t.rows)
        if (row.at(0).text == name) return row.at(1).text;
    return "";
}

inline bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace report_fixtures
