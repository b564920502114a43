// liaison render FILE... : network diagrams (SVG, PNG, PDF, DOT, interactive HTML) of whole
// networks, ego networks, events and time windows; several files and views in one call.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/render/render.hpp"
#include "progress.hpp"
#include "render/scores.hpp"

namespace liaison::cli {

namespace {

struct RenderCliOptions {
    std::vector<std::string> files;
    std::vector<std::string> outputs;
    std::string out_dir;
    std::vector<std::string> formats;
    std::string layout;
    std::vector<std::string> egos;
    std::vector<std::string> events;
    bool whole = false;
    int hops = 1;
    std::string from, to;
    std::vector<std::string> labels, types;
    std::string group_by = "none";
    std::string size_by = "degree";
    std::string color_by = "label";
    std::string edge_labels = "auto";
    bool no_edge_labels = false;  // deprecated spelling of --edge-labels none
    std::string page;             // PDF paper: A4, A3, letter
    bool no_merge = false;
    bool no_legend = false;
    std::size_t max_nodes = 0;
    // Lines beyond a few thousand smear into a solid mass and cost Graphviz minutes (a 200-node
    // view of 10M GDELT events has 125,000 lines); the summary says what was left out.
    std::size_t max_lines = 5000;
    double dpi = 96;
    std::string title;
    std::string style_file;
    OutputFormat format = OutputFormat::Table;
};

// One drawing to make: a view of a file, written in one or more formats.
struct Job {
    std::string file;
    render::ViewSpec view;
    std::string slug;  // "", "ego-<id>", "event-<id>": distinguishes outputs of one file
    std::vector<std::pair<render::Format, std::string>> outputs;
};

std::string slug_of(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
        else if (c >= 0x80 && out.empty())
            out += 'x';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "entity" : out;
}

render::Format require_format(const std::string& name) {
    auto f = render::parse_format(name);
    if (!f)
        throw ArgumentError(
            fmt::format("--output-format: unknown format '{}' (svg, png, pdf, dot, html)", name));
    return *f;
}

std::vector<Job> plan_jobs(const RenderCliOptions& o, const render::ViewSpec& common) {
    std::vector<std::pair<render::ViewSpec, std::string>> views;
    for (const std::string& ego : o.egos) {
        render::ViewSpec v = common;
        v.ego = ego;
        views.emplace_back(v, "ego-" + slug_of(ego));
    }
    for (const std::string& event : o.events) {
        render::ViewSpec v = common;
        v.event = event;
        views.emplace_back(v, "event-" + slug_of(event));
    }
    if (views.empty() || o.whole) views.emplace_back(common, "");

    std::vector<render::Format> formats;
    for (const std::string& f : o.formats) formats.push_back(require_format(f));
    std::vector<Job> jobs;
    const bool single = o.files.size() == 1 && views.size() == 1;
    if (!o.outputs.empty() && !single)
        throw ArgumentError(
            "-o names the output of one drawing; with several files or views use "
            "--out-dir and --output-format");
    for (const std::string& file : o.files) {
        for (const auto& [view, slug] : views) {
            Job job{file, view, slug, {}};
            if (!o.outputs.empty()) {
                for (const std::string& path : o.outputs) {
                    // "-" is the standard output, in the one format named by --output-format.
                    auto f = path == "-" ? std::nullopt : render::format_of_path(path);
                    if (!f && formats.size() == 1) f = formats.front();
                    if (path == "-" && (!f || o.outputs.size() > 1))
                        throw ArgumentError(
                            "-o - writes one drawing to the standard output: give it alone, with "
                            "--output-format svg|png|pdf|dot|html");
                    if (!f)
                        throw ArgumentError(fmt::format(
                            "-o {}: cannot tell the format from the extension (use .svg, .png, "
                            ".pdf, .dot or .html, or --output-format)",
                            path));
                    job.outputs.emplace_back(*f, path);
                }
            } else {
                std::filesystem::path dir = o.out_dir.empty() ? "." : o.out_dir;
                std::string stem = std::filesystem::path(file).stem().string();
                if (!slug.empty()) stem += "-" + slug;
                for (render::Format f :
                     formats.empty() ? std::vector{render::Format::Svg} : formats)
                    job.outputs.emplace_back(
                        f, (dir / (stem + "." + render::format_name(f))).string());
            }
            jobs.push_back(std::move(job));
        }
    }
    return jobs;
}

render::ViewSpec common_view(const RenderCliOptions& o) {
    render::ViewSpec v;
    v.hops = o.hops;
    v.labels = o.labels;
    v.types = o.types;
    v.max_nodes = o.max_nodes;
    // Dates are checked before any file is read; an entity's dates come from each network.
    analysis::parse_dates(o.from, "--from");
    analysis::parse_dates(o.to, "--to");
    return v;
}

render::RenderOptions base_options(const RenderCliOptions& o) {
    render::RenderOptions r;
    if (!o.layout.empty()) {
        r.layout = render::parse_layout(o.layout);
        if (!r.layout)
            throw ArgumentError(fmt::format(
                "--layout: unknown engine '{}' (sfdp, neato, fdp, twopi, circo, dot)", o.layout));
    }
    r.group_by = o.group_by == "country"     ? render::GroupBy::Country
                 : o.group_by == "community" ? render::GroupBy::Community
                                             : render::GroupBy::None;
    if (o.no_edge_labels) warn_deprecated("--no-edge-labels", "--edge-labels none");
    r.edge_labels = o.no_edge_labels ? render::EdgeLabels::None
                                     : render::parse_edge_labels(o.edge_labels).value();
    if (!o.page.empty()) {
        auto page = render::parse_page(o.page);
        if (!page)
            throw ArgumentError(fmt::format("--page: unknown paper '{}' (A4, A3, letter)", o.page));
        r.page = *page;
    }
    r.merge_parallel = !o.no_merge;
    r.max_lines = o.max_lines;
    r.legend = !o.no_legend;
    r.dpi = o.dpi;
    r.title = o.title;
    r.size_by = o.size_by;
    if (!o.style_file.empty())
        r.style = render::apply_style_json(render::default_style(), read_file(o.style_file),
                                           o.style_file);
    return r;
}

// With --format json each drawing adds {"file", "view", "outputs": [{"path", "format"}],
// "nodes", "edges", "drawn_edges", "summary", "warnings"} to `json`, printed as one array.
int run_job(const RenderCliOptions& o, const render::RenderOptions& base, const Job& job,
            JsonArray& json) {
    const bool machine = o.format == OutputFormat::Json;
    PropertyGraph g = load_graph(job.file);
    render::RenderOptions r = base;
    r.view = job.view;
    r.view.window = analysis::window_from_bounds(g, o.from, o.to);
    r.size_scores = render::node_scores(g, o.size_by);
    if (o.color_by == "community" || o.group_by == "community") {
        std::vector<int> community = render::communities(g);
        if (o.color_by == "community") r.community = community;
        if (o.group_by == "community") r.community = community;
    }
    std::vector<render::Format> formats;
    for (const auto& out : job.outputs) formats.push_back(out.first);
    render::RenderOutput out = render::render(g, r, formats);
    if (!out.warnings.empty()) Progress::clear_line();
    for (const std::string& w : out.warnings) fmt::print(stderr, "liaison: {}: {}\n", job.file, w);
    std::string written = "[";
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const std::string& path = job.outputs[i].second;
        if (path == "-" && machine)
            throw ArgumentError("--format json prints the summary: give -o FILE for the drawing");
        if (path == "-") {
            // The drawing alone on stdout, so it can be piped; the summary goes to stderr.
            print(out.data[i]);
            fmt::print(stderr, "liaison: {}\n", render::describe_output(g, r, out));
            return 0;
        }
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        write_file_atomic(path, out.data[i]);
        written += fmt::format("{}{{\"path\": {}, \"format\": \"{}\"}}", i ? ", " : "",
                               json_quote(path), render::format_name(formats[i]));
        if (!machine) print(fmt::format("wrote {}\n", path));
    }
    if (!machine) {
        print(fmt::format("  {}\n", render::describe_output(g, r, out)));
        return 0;
    }
    json.add(fmt::format(
        "{{\"file\": {}, \"view\": {}, \"outputs\": {}], \"nodes\": {}, \"edges\": {}, "
        "\"drawn_edges\": {}, \"summary\": {}, \"warnings\": {}}}",
        json_quote(job.file), json_quote(job.slug), written, out.view.nodes.size(),
        out.view.edges.size(), out.drawn_edges, json_quote(render::describe_output(g, r, out)),
        Cell::list(out.warnings, "").json));
    return 0;
}

int run_render(const RenderCliOptions& o) {
    render::RenderOptions base = base_options(o);
    std::vector<Job> jobs = plan_jobs(o, common_view(o));
    // A paper size shapes PDFs only; asked for with no PDF, it would be silently ignored.
    bool pdf = false;
    for (const Job& job : jobs)
        for (const auto& output : job.outputs) pdf |= output.first == render::Format::Pdf;
    if (base.page != render::Page::Drawing && !pdf)
        throw ArgumentError("--page applies to PDF output; no -o names a .pdf file");
    int failures = 0;
    JsonArray json;
    Progress bar("render", jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const Job& job = jobs[i];
        bar.update(i, fmt::format("{}{}", job.file, job.slug.empty() ? "" : " " + job.slug));
        // One bad file or unknown entity does not stop the other drawings of a batch.
        try {
            run_job(o, base, job, json);
        } catch (const Error& e) {
            if (jobs.size() == 1) throw;
            Progress::clear_line();
            fmt::print(stderr, "liaison: {}{}: {}\n", job.file,
                       job.slug.empty() ? "" : " " + job.slug, e.what());
            ++failures;
        }
    }
    bar.finish();
    if (o.format == OutputFormat::Json) print(json.render());
    return failures ? 1 : 0;
}

}  // namespace

void register_render(CLI::App& app, Action& run) {
    auto o = std::make_shared<RenderCliOptions>();
    auto* cmd = app.add_subcommand(
        "render", "Draw a network (SVG, PNG, PDF, DOT, interactive HTML) with Graphviz");
    cmd->add_option("files", o->files, "Network files")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", o->outputs,
                    "Output file; the extension chooses the format (repeat for several formats; - "
                    "for the standard output, with --output-format)");
    cmd->add_option("--out-dir", o->out_dir, "Folder for outputs named after the inputs and views");
    cmd->add_option("--output-format", o->formats,
                    "File formats: svg, png, pdf, dot, html (default: from the -o extension; svg "
                    "with --out-dir)")
        ->delimiter(',')
        ->type_name("svg|png|pdf|dot|html");
    add_format_option(cmd, o->format, false, {{"svg", "png", "pdf", "dot", "html"}, &o->formats});
    cmd->add_option(
        "--layout", o->layout,
        "Layout engine: sfdp (default), neato, fdp, twopi (default for --ego), circo, dot");
    cmd->add_option("--ego", o->egos, "Draw the ego network of an entity (id or name; repeatable)");
    cmd->add_option("--hops", o->hops, "Ego network radius")->check(CLI::Range(1, 10));
    cmd->add_option("--event", o->events, "Draw an event and its participants (repeatable)");
    cmd->add_flag("--whole", o->whole, "Also draw the whole network when --ego/--event are given");
    cmd->add_option("--from", o->from,
                    "Keep what holds from then: a date (2023, 2023-11, 2023-11-28), a range (its "
                    "start) or a dated entity (its start)");
    cmd->add_option("--to", o->to,
                    "Keep what holds until then: a date, a range or a dated "
                    "entity (its end)");
    cmd->add_option("--labels", o->labels, "Keep nodes with these labels (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--types", o->types, "Keep edges of these relation types (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--group-by", o->group_by, "Draw clusters: none, community, country")
        ->check(CLI::IsMember({"none", "community", "country"}));
    cmd->add_option("--size-by", o->size_by, "Node size by a measure: " + render::score_names())
        ->check(CLI::IsMember(render::available_scores()));
    cmd->add_option("--color-by", o->color_by, "Node fill: label or community")
        ->check(CLI::IsMember({"label", "community"}));
    cmd->add_option("--edge-labels", o->edge_labels,
                    "Relation names and dates on lines: auto (only when there are at most 40 "
                    "lines; otherwise just the count of merged ties), all, none")
        ->check(CLI::IsMember({"auto", "all", "none"}));
    // Hidden, as the other deprecated spellings: neither help nor completion offers it.
    cmd->add_flag("--no-edge-labels", o->no_edge_labels, "Deprecated: same as --edge-labels none")
        ->group("");
    cmd->add_option("--page", o->page,
                    "PDF page: A4, A3 or letter, the drawing fitted to it (landscape when wider "
                    "than tall); default: the drawing's own size");
    cmd->add_flag("--no-merge", o->no_merge, "Draw parallel edges separately");
    cmd->add_flag("--no-legend", o->no_legend, "Leave out the title and legend");
    cmd->add_option("--max-nodes", o->max_nodes, "Keep only the N most central entities");
    cmd->add_option("--max-lines", o->max_lines,
                    "Draw at most N lines, the heaviest (0: all; default 5000)");
    cmd->add_option("--dpi", o->dpi, "PNG resolution")->check(CLI::Range(10.0, 1200.0));
    cmd->add_option("--title", o->title, "Title (default: the network's label)");
    cmd->add_option("--style", o->style_file, "JSON style file overriding shapes, colours, lines")
        ->check(CLI::ExistingFile);
    cmd->callback([o, &run] { run = [o] { return run_render(*o); }; });
}

}  // namespace liaison::cli
