#pragma once
// Internal: the builders of each section type. Each takes the network and the section's options
// and returns one or more sections (a heading and its subsections) of the report document.
#include <cstdint>
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/report/document.hpp"
#include "liaison/report/spec.hpp"

namespace liaison::report::detail {

struct Context {
    PropertyGraph& g;             // query sections run on it (and must not change it)
    std::string anchor_prefix;    // "" for a one-network report, "n2-" for the second network
    int level = 1;                // heading level of a section
    std::uint64_t seed = 1;       // the spec's seed
    bool has_provenance = false;  // citations link to the appendix when it is there
    std::vector<double> degree;   // incident edges per node (render::degree_scores)
};

// The anchor of a section: prefix + "s<position>-" + kind, unique within a report.
std::string section_anchor(const Context& c, const SectionSpec& s);
// The section's title, or the default for its kind.
std::string section_title(const SectionSpec& s, const std::string& fallback);

std::vector<Section> summary_section(Context& c, const SectionSpec& s);
std::vector<Section> rankings_section(Context& c, const SectionSpec& s);
std::vector<Section> communities_section(Context& c, const SectionSpec& s);
std::vector<Section> events_section(Context& c, const SectionSpec& s);
std::vector<Section> profiles_section(Context& c, const SectionSpec& s);
std::vector<Section> timeline_section(Context& c, const SectionSpec& s);
std::vector<Section> change_section(Context& c, const SectionSpec& s);
std::vector<Section> query_section(Context& c, const SectionSpec& s);
std::vector<Section> diagram_section(Context& c, const SectionSpec& s);
std::vector<Section> provenance_section(Context& c, const SectionSpec& s);

}  // namespace liaison::report::detail
