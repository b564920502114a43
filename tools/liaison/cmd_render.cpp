// liaison render FILE... : network diagrams (SVG, PNG, PDF, DOT, interactive HTML) of whole
// networks, ego networks, events and time windows; several files and views in one call.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "io/native_format.hpp"
#include "render/render.hpp"
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
    bool no_edge_labels = false;
    bool no_merge = false;
    bool no_legend = false;
    std::size_t max_nodes = 0;
    double dpi = 96;
    std::string title;
    std::string style_file;
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
            fmt::format("--format: unknown format '{}' (svg, png, pdf, dot, html)", name));
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
            "--out-dir and --format");
    for (const std::string& file : o.files) {
        for (const auto& [view, slug] : views) {
            Job job{file, view, slug, {}};
            if (!o.outputs.empty()) {
                for (const std::string& path : o.outputs) {
                    auto f = render::format_of_path(path);
                    if (!f && formats.size() == 1) f = formats.front();
                    if (!f)
                        throw ArgumentError(fmt::format(
                            "-o {}: cannot tell the format from the extension (use .svg, .png, "
                            ".pdf, .dot or .html, or --format)",
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
    if (!o.from.empty()) {
        v.window.from = Date::parse(o.from);
        if (!v.window.from)
            throw ArgumentError(fmt::format("--from: '{}' is not a date (YYYY[-MM[-DD]])", o.from));
    }
    if (!o.to.empty()) {
        v.window.to = Date::parse(o.to);
        if (!v.window.to)
            throw ArgumentError(fmt::format("--to: '{}' is not a date (YYYY[-MM[-DD]])", o.to));
    }
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
    r.edge_labels = !o.no_edge_labels;
    r.merge_parallel = !o.no_merge;
    r.legend = !o.no_legend;
    r.dpi = o.dpi;
    r.title = o.title;
    r.size_by = o.size_by;
    if (!o.style_file.empty())
        r.style = render::apply_style_json(render::default_style(), read_file(o.style_file),
                                           o.style_file);
    return r;
}

int run_job(const RenderCliOptions& o, const render::RenderOptions& base, const Job& job) {
    PropertyGraph g = load_graph(job.file);
    render::RenderOptions r = base;
    r.view = job.view;
    r.size_scores = render::node_scores(g, o.size_by);
    if (o.color_by == "community" || o.group_by == "community") {
        std::vector<int> community = render::communities(g);
        if (o.color_by == "community") r.community = community;
        if (o.group_by == "community") r.community = community;
    }
    std::vector<render::Format> formats;
    for (const auto& out : job.outputs) formats.push_back(out.first);
    render::RenderOutput out = render::render(g, r, formats);
    for (const std::string& w : out.warnings) fmt::print(stderr, "liaison: {}: {}\n", job.file, w);
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const std::string& path = job.outputs[i].second;
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        write_file_atomic(path, out.data[i]);
        print(fmt::format("wrote {}\n", path));
    }
    print(fmt::format("  {}\n", render::describe_output(g, r, out)));
    return 0;
}

int run_render(const RenderCliOptions& o) {
    render::RenderOptions base = base_options(o);
    std::vector<Job> jobs = plan_jobs(o, common_view(o));
    int failures = 0;
    for (const Job& job : jobs) {
        // One bad file or unknown entity does not stop the other drawings of a batch.
        try {
            run_job(o, base, job);
        } catch (const Error& e) {
            if (jobs.size() == 1) throw;
            fmt::print(stderr, "liaison: {}{}: {}\n", job.file,
                       job.slug.empty() ? "" : " " + job.slug, e.what());
            ++failures;
        }
    }
    return failures ? 1 : 0;
}

}  // namespace

void register_render(CLI::App& app, Action& run) {
    auto o = std::make_shared<RenderCliOptions>();
    auto* cmd = app.add_subcommand(
        "render", "Draw a network (SVG, PNG, PDF, DOT, interactive HTML) with Graphviz");
    cmd->add_option("files", o->files, "Network files")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", o->outputs,
                    "Output file; the extension chooses the format (repeat for several formats)");
    cmd->add_option("--out-dir", o->out_dir, "Folder for outputs named after the inputs and views");
    cmd->add_option("--format", o->formats, "Formats when no -o: svg, png, pdf, dot, html")
        ->delimiter(',');
    cmd->add_option(
        "--layout", o->layout,
        "Layout engine: sfdp (default), neato, fdp, twopi (default for --ego), circo, dot");
    cmd->add_option("--ego", o->egos, "Draw the ego network of an entity (id or name; repeatable)");
    cmd->add_option("--hops", o->hops, "Ego network radius")->check(CLI::Range(1, 10));
    cmd->add_option("--event", o->events, "Draw an event and its participants (repeatable)");
    cmd->add_flag("--whole", o->whole, "Also draw the whole network when --ego/--event are given");
    cmd->add_option("--from", o->from, "Keep what happened from this date (YYYY[-MM[-DD]])");
    cmd->add_option("--to", o->to, "Keep what happened until this date");
    cmd->add_option("--labels", o->labels, "Keep nodes with these labels (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--types", o->types, "Keep edges of these relation types (comma-separated)")
        ->delimiter(',');
    cmd->add_option("--group-by", o->group_by, "Draw clusters: none, community, country")
        ->check(CLI::IsMember({"none", "community", "country"}));
    cmd->add_option("--size-by", o->size_by, "Node size by a score: " + render::score_names())
        ->check(CLI::IsMember(render::available_scores()));
    cmd->add_option("--color-by", o->color_by, "Node fill: label or community")
        ->check(CLI::IsMember({"label", "community"}));
    cmd->add_flag("--no-edge-labels", o->no_edge_labels, "Do not write relation names on lines");
    cmd->add_flag("--no-merge", o->no_merge, "Draw parallel edges separately");
    cmd->add_flag("--no-legend", o->no_legend, "Leave out the title and legend");
    cmd->add_option("--max-nodes", o->max_nodes, "Keep only the N most central entities");
    cmd->add_option("--dpi", o->dpi, "PNG resolution")->check(CLI::Range(10.0, 1200.0));
    cmd->add_option("--title", o->title, "Title (default: the network's label)");
    cmd->add_option("--style", o->style_file, "JSON style file overriding shapes, colours, lines")
        ->check(CLI::ExistingFile);
    cmd->callback([o, &run] { run = [o] { return run_render(*o); }; });
}

}  // namespace liaison::cli
