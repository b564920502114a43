// Building a report document from a spec: one part per input network, each section built by its
// builder, failures pointing at the section in the spec.
#include <fmt/format.h>

#include "io/json_locate.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/render/view.hpp"
#include "liaison/report/report.hpp"
#include "liaison/store/database.hpp"
#include "report/sections.hpp"

namespace liaison::report {

namespace detail {

std::string section_anchor(const Context& c, const SectionSpec& s) {
    return fmt::format("{}s{}-{}", c.anchor_prefix, s.position + 1, section_kind_name(s.kind));
}

std::string section_title(const SectionSpec& s, const std::string& fallback) {
    return s.title.empty() ? fallback : s.title;
}

}  // namespace detail

namespace {

using Builder = std::vector<Section> (*)(detail::Context&, const SectionSpec&);

Builder builder_of(SectionKind k) {
    switch (k) {
        case SectionKind::Summary:
            return detail::summary_section;
        case SectionKind::Rankings:
            return detail::rankings_section;
        case SectionKind::Communities:
            return detail::communities_section;
        case SectionKind::Events:
            return detail::events_section;
        case SectionKind::Profiles:
            return detail::profiles_section;
        case SectionKind::Timeline:
            return detail::timeline_section;
        case SectionKind::Change:
            return detail::change_section;
        case SectionKind::Query:
            return detail::query_section;
        case SectionKind::Diagram:
            return detail::diagram_section;
        case SectionKind::Provenance:
            return detail::provenance_section;
    }
    return detail::summary_section;
}

// Rethrows a section's failure as bad input at the section's place in the spec.
[[noreturn]] void section_failed(const ReportSpec& spec, const SectionSpec& s, const Error& e) {
    std::string message =
        fmt::format("section {} ({}): {}", s.position + 1, section_kind_name(s.kind), e.what());
    if (spec.source_text.empty())
        throw InputError({spec.input_names.empty() ? "" : spec.input_names.front(), 0, 0},
                         "report: " + message);
    std::size_t offset = liaison::detail::locate_json_path(
        spec.source_text, {"sections", std::to_string(s.position)});
    LineColumn lc =
        offset == std::string::npos ? LineColumn{0, 0} : line_column_at(spec.source_text, offset);
    throw InputError({spec.source_name, lc.line, lc.column}, message);
}

std::string network_name(const PropertyGraph& g, const std::string& file) {
    if (!g.graph_label.empty()) return g.graph_label;
    if (!g.graph_id.empty()) return g.graph_id;
    return file;
}

}  // namespace

Report build_report(const ReportSpec& spec, std::vector<PropertyGraph>& graphs) {
    if (graphs.size() != spec.inputs.size())
        throw ArgumentError(fmt::format("build_report: {} networks given for {} inputs",
                                        graphs.size(), spec.inputs.size()));
    Report report;
    const bool several = graphs.size() > 1;
    report.title = spec.title;
    if (report.title.empty())
        report.title = "Report: " + network_name(graphs.front(), spec.input_names.front());
    bool has_provenance = false;
    for (const SectionSpec& s : spec.sections) has_provenance |= s.kind == SectionKind::Provenance;

    for (std::size_t k = 0; k < graphs.size(); ++k) {
        PropertyGraph& g = graphs[k];
        const std::string& file = spec.input_names[k];
        report.inputs.push_back(fmt::format("{} ({})", network_name(g, file), file));
        detail::Context c{g,
                          several ? fmt::format("n{}-", k + 1) : "",
                          several ? 2 : 1,
                          spec.seed,
                          has_provenance,
                          render::degree_scores(g)};
        if (several) {
            Section part{fmt::format("n{}", k + 1), 1, network_name(g, file), "network", {}};
            part.blocks.push_back(
                Paragraph{fmt::format("Network {} of {}: file {}.", k + 1, graphs.size(), file)});
            report.sections.push_back(std::move(part));
        }
        for (const SectionSpec& s : spec.sections) {
            std::vector<Section> built;
            try {
                built = builder_of(s.kind)(c, s);
            } catch (const Error& e) {
                section_failed(spec, s, e);
            }
            for (Section& sec : built) report.sections.push_back(std::move(sec));
        }
    }
    return report;
}

Report build_report(const ReportSpec& spec) {
    std::vector<PropertyGraph> graphs;
    // Opened as a database: the file plus the commits still in its journal (a binary store
    // folds them only past its threshold, a JSON one not after `--no-compact`).
    for (const std::string& path : spec.inputs) graphs.push_back(Database::open(path).take_graph());
    return build_report(spec, graphs);
}

}  // namespace liaison::report
