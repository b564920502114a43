#pragma once
// A report spec: a title, the input networks and the list of sections with their options,
// read from JSON (docs/report.md) and validated against lib/report/report.schema.json.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liaison/core/date.hpp"
#include "liaison/core/value.hpp"

namespace liaison::report {

enum class SectionKind {
    Summary,      // counts, density, components, date range
    Rankings,     // centrality measures, top N, on a projection
    Communities,  // community detection: members, sizes, modularity
    Events,       // each event, its host, place, participants and meetings
    Profiles,     // chosen entities: names, relations, dates, sources
    Timeline,     // dated facts in date order
    Change,       // ties formed and lost between two windows
    Query,        // a query's result table
    Diagram,      // a rendered view, inline SVG
    Provenance,   // every fact cited by document and quote
};
const char* section_kind_name(SectionKind k);
std::optional<SectionKind> parse_section_kind(std::string_view name);

// What an algorithm sees (lib/analysis ProjectionOptions, by name).
struct ProjectionSpec {
    std::vector<std::string> labels;
    std::vector<std::string> edge_types;
    TimeWindow window;
    bool keep_undated = true;
    std::string direction = "undirected";  // undirected, directed, reversed
    std::string weight = "none";           // none, count, property
    std::string weight_property;
    std::string fold_via;  // a label, e.g. "Event"
};

struct SectionSpec {
    SectionKind kind = SectionKind::Summary;
    std::string title;         // empty: the kind's default title
    std::size_t position = 0;  // index in the spec's "sections" (for error messages)

    // rankings, communities
    ProjectionSpec projection;
    std::vector<std::string> measures{"degree", "betweenness", "pagerank"};
    std::size_t top = 10;
    std::vector<std::string> show_labels;  // list only entities with these labels
    std::string algorithm;  // a registry name (leiden, louvain, label_propagation); empty: leiden
    double resolution = 1.0;
    std::optional<std::uint64_t> seed;  // default: the spec's seed
    std::size_t max_members = 12;       // members named per community
    std::size_t min_size = 2;           // smaller communities are counted, not listed

    // events, profiles, timeline: entities by id or any name (empty: chosen automatically)
    std::vector<std::string> entities;
    std::vector<std::string> meeting_types{"MET_WITH", "SIGNED_MOU", "RECEIVED"};

    // timeline (projection's window, labels and types as filters), change (before, after)
    std::optional<TimeWindow> before, after;  // empty: the first and last dated events
    std::size_t limit = 0;                    // rows shown (0: all)

    // query
    std::string query;
    std::vector<std::pair<std::string, Value>> params;

    // diagram (labels, edge_types and window from `projection`)
    std::string ego;
    int hops = 1;
    std::string event;
    std::size_t max_nodes = 60;
    std::string layout;  // empty: the renderer's default
    std::string size_by = "degree";
    std::string color_by = "label";  // label, community
    std::string group_by = "none";   // none, community, country
    bool edge_labels = false;
    bool legend = true;
    std::string caption;
};

struct ReportSpec {
    std::string title;                     // empty: the first network's label
    std::vector<std::string> inputs;       // paths to read (resolved against the spec's folder)
    std::vector<std::string> input_names;  // as the report names them (file names)
    std::uint64_t seed = 1;  // randomized algorithms (Leiden) unless a section sets one
    std::vector<SectionSpec> sections;
    // Where the spec came from, so section failures can point at the section: the file name
    // and its text (empty for the default spec).
    std::string source_name;
    std::string source_text;
};

// Parses and validates a spec. Relative input paths are resolved against `base_dir` (the
// spec's folder). Throws InputError "name:line:column: what was expected".
ReportSpec parse_spec(std::string_view text, const std::string& name, const std::string& base_dir);
// Reads a spec file (SystemError when unreadable).
ReportSpec read_spec_file(const std::string& path);

// The report `liaison report FILE` gives: summary, rankings, communities, events, profiles of
// the most connected people, timeline, change between the first and last dated events, a
// diagram and the provenance appendix.
ReportSpec default_spec(const std::string& input);

}  // namespace liaison::report
