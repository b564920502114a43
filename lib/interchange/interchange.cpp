#include "liaison/interchange/interchange.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "interchange/csv_fast.hpp"
#include "interchange/events.hpp"
#include "interchange/formats.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison {

namespace {

struct FormatName {
    const char* name;
    Format format;
};
constexpr FormatName kNames[] = {
    {"json", Format::Native},       {"native", Format::Native},
    {"graphml", Format::GraphML},   {"gexf", Format::Gexf},
    {"csv", Format::Csv},           {"cytoscape", Format::Cytoscape},
    {"cyjs", Format::Cytoscape},    {"node-link", Format::NodeLink},
    {"nodelink", Format::NodeLink}, {"networkx", Format::NodeLink},
    {"dot", Format::Dot},           {"gv", Format::Dot},
    {"edgelist", Format::EdgeList}, {"edges", Format::EdgeList},
    {"tsv", Format::EdgeList},      {"gdelt", Format::Gdelt},
    {"icews", Format::Icews},
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Tells the JSON formats apart by their top-level members.
Format sniff_json(std::string_view text) {
    std::string_view head = text.substr(0, 4096);
    // Cytoscape's "elements" may follow a long "data" object; its header names it first.
    if (head.find("\"elements\"") != head.npos || head.find("\"format_version\"") != head.npos)
        return Format::Cytoscape;
    if (head.find("\"links\"") != head.npos || head.find("\"multigraph\"") != head.npos)
        return Format::NodeLink;
    std::size_t graph = head.find("\"graph\"");
    std::size_t nodes = head.find("\"nodes\"");
    if (graph != head.npos && (nodes == head.npos || graph < nodes)) return Format::Native;
    return nodes != head.npos && head.find('[', nodes) < head.find('{', nodes) ? Format::NodeLink
                                                                               : Format::Native;
}

ImportResult import_native(const NamedText& in) { return {parse_graph_json(in.text, in.name), {}}; }

}  // namespace

namespace {
ImportResult import_one(Format format, const NamedText& in, const ImportOptions& options);
}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& n : kNames)
        if (name == n.name) return n.format;
    return std::nullopt;
}

const char* format_name(Format format) {
    for (const auto& n : kNames)
        if (n.format == format) return n.name;
    return "json";
}

std::optional<Format> format_of_path(std::string_view path) {
    std::string lower(path);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ends_with(lower, ".graphml")) return Format::GraphML;
    if (ends_with(lower, ".gexf")) return Format::Gexf;
    // GDELT's own names (tab-separated despite .CSV); the zip is refused with a hint
    if (ends_with(lower, ".export.csv") || ends_with(lower, ".export.csv.zip"))
        return Format::Gdelt;
    if (ends_with(lower, ".csv")) return Format::Csv;
    if (ends_with(lower, ".cyjs") || ends_with(lower, ".cy.json")) return Format::Cytoscape;
    if (ends_with(lower, ".nodelink.json") || ends_with(lower, ".node-link.json"))
        return Format::NodeLink;
    if (ends_with(lower, ".dot") || ends_with(lower, ".gv")) return Format::Dot;
    if (ends_with(lower, ".edgelist") || ends_with(lower, ".edges") || ends_with(lower, ".tsv") ||
        ends_with(lower, ".txt"))
        return Format::EdgeList;
    return std::nullopt;
}

ImportResult import_text(Format format, const NamedText& in, const ImportOptions& options) {
    try {
        return import_one(format, in, options);
    } catch (const ImportError&) {
        throw;
    } catch (const InputError& e) {  // malformed XML: one problem that ends the import
        throw ImportError({e});
    }
}

namespace {
// The model's writer and reader accept only UTF-8, but cgraph (DOT) and the edge-list reader pass
// bytes through: text formats are checked first. (libxml2 checks GraphML and GEXF itself and
// converts a declared encoding such as ISO-8859-1 to UTF-8.)
// NUL bytes are refused too: liaison's format cannot hold them, and would not read them back.
void require_utf8(const NamedText& in) {
    if (auto bad = find_invalid_utf8(in.text)) {
        LineColumn lc = line_column_at(in.text, *bad);
        throw ImportError(
            {InputError({in.name, lc.line, lc.column},
                        fmt::format("invalid UTF-8 (byte 0x{:02X}); expected UTF-8 text",
                                    static_cast<unsigned char>(in.text[*bad])))});
    }
    if (auto nul = in.text.find('\0'); nul != std::string::npos) {
        LineColumn lc = line_column_at(in.text, nul);
        throw ImportError({InputError({in.name, lc.line, lc.column},
                                      "NUL byte; expected text without NUL characters")});
    }
}

ImportResult import_one(Format format, const NamedText& in, const ImportOptions& options) {
    if (format != Format::GraphML && format != Format::Gexf) require_utf8(in);
    if (format == Format::Native) format = sniff_json(in.text);
    if (format == Format::Native) return import_native(in);
    if (format == Format::Csv) return import_csv({in}, options);
    if (format == Format::Gdelt) return detail::read_gdelt(in.name, in.text, options);
    if (format == Format::Icews) return detail::read_icews(in.name, in.text, options);
    ProblemLog log(options.strict);
    GraphAssembler out(log);
    switch (format) {
        case Format::GraphML:
            detail::read_graphml(in, out, log);
            break;
        case Format::Gexf:
            detail::read_gexf(in, out, log);
            break;
        case Format::NodeLink:
            detail::read_node_link(in, out, log);
            break;
        case Format::Cytoscape:
            detail::read_cytoscape(in, out, log);
            break;
        case Format::Dot:
            detail::read_dot(in, out, log);
            break;
        case Format::EdgeList:
            detail::read_edge_list(in, out, log);
            break;
        default:
            break;
    }
    PropertyGraph g = out.finish();
    return {std::move(g), out.notes()};
}
}  // namespace

ImportResult detail::import_csv_rows(const std::vector<NamedText>& files,
                                     const ImportOptions& options) {
    std::vector<const NamedText*> order;
    for (const auto& f : files) order.push_back(&f);
    std::stable_sort(order.begin(), order.end(), [](const NamedText* a, const NamedText* b) {
        return detail::csv_file_rank(a->text) < detail::csv_file_rank(b->text);
    });
    for (const NamedText* f : order) require_utf8(*f);
    ProblemLog log(options.strict);
    GraphAssembler out(log);
    for (const NamedText* f : order) detail::read_csv_file(*f, out, log);
    PropertyGraph g = out.finish();
    return {std::move(g), out.notes()};
}

ImportResult import_csv(const std::vector<NamedText>& files, const ImportOptions& options) {
    std::vector<detail::CsvView> views;
    for (const auto& f : files) views.push_back({f.name, f.text});
    if (auto fast = detail::import_csv_fast(views, options)) return std::move(*fast);
    return detail::import_csv_rows(files, options);
}

ImportResult import_files(const std::vector<std::string>& paths, std::optional<Format> format,
                          const ImportOptions& options) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {  // a folder of CSV files, as `export --to csv` writes
            std::vector<std::string> inside;
            for (const auto& entry : fs::directory_iterator(p))
                if (entry.path().extension() == ".csv") inside.push_back(entry.path().string());
            std::sort(inside.begin(), inside.end());
            if (inside.empty()) throw InputError({p, 0, 0}, "folder holds no .csv files");
            files.insert(files.end(), inside.begin(), inside.end());
            if (!format) format = Format::Csv;
        } else {
            files.push_back(p);
        }
    }
    if (files.empty()) throw ArgumentError("no input files");
    if (!format) format = format_of_path(files.front());
    std::error_code ec;
    if ((format == Format::Gdelt || format == Format::Icews || format == Format::EdgeList ||
         (!format && ends_with(files.front(), ".tab"))) &&
        fs::is_regular_file(files.front(), ec)) {
        // Event files are mapped, not read: a 10M-event export is gigabytes.
        detail::EventInput input(files.front());
        std::string_view head = input.text().substr(0, 64);
        if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
        // ICEWS files (.tab, .tsv, .txt) are told by their header.
        if (format != Format::Gdelt && head.starts_with("Event ID\tEvent Date"))
            format = Format::Icews;
        if (format == Format::Gdelt || format == Format::Icews) {
            if (files.size() != 1)
                throw ArgumentError(fmt::format("{} imports read one file", format_name(*format)));
            return format == Format::Gdelt
                       ? detail::read_gdelt(input.name(), input.text(), options)
                       : detail::read_icews(input.name(), input.text(), options);
        }
    }
    Format f = format.value_or(Format::Native);
    if (f == Format::Csv) {
        // Mapped, not read, for the fast path; read whole only when the row reader must run.
        std::vector<std::unique_ptr<detail::EventInput>> mapped;
        std::vector<detail::CsvView> views;
        try {
            for (const auto& p : files) {
                mapped.push_back(std::make_unique<detail::EventInput>(p));
                views.push_back({p, mapped.back()->text()});
            }
        } catch (const Error&) {
            views.clear();  // unreadable: read_file below says why
        }
        if (!views.empty())
            if (auto fast = detail::import_csv_fast(views, options)) return std::move(*fast);
    }
    std::vector<NamedText> texts;
    for (const auto& p : files) texts.push_back({p, read_file(p)});
    if (f == Format::Csv) return detail::import_csv_rows(texts, options);  // the fast path gave up
    if (texts.size() != 1)
        throw ArgumentError(
            fmt::format("{} imports read one file; only CSV takes several", format_name(f)));
    return import_text(f, texts.front(), options);
}

std::string export_text(const PropertyGraph& g, Format format, const ExportOptions& options) {
    switch (format) {
        case Format::Native:
            return write_graph_json(g);
        case Format::GraphML:
            return detail::write_graphml(g, options.mixed);
        case Format::Gexf:
            return detail::write_gexf(g, options);
        case Format::NodeLink:
            return detail::write_node_link(g);
        case Format::Cytoscape:
            return detail::write_cytoscape(g);
        case Format::Dot:
            return detail::write_dot(g);
        case Format::EdgeList:
            return detail::write_edge_list(g);
        case Format::Csv:
            break;
        case Format::Gdelt:
        case Format::Icews:
            throw ArgumentError(fmt::format("{} is an import format only", format_name(format)));
    }
    throw ArgumentError("CSV export writes several files: use export_csv");
}

std::vector<ExportedFile> export_csv(const PropertyGraph& g) { return detail::export_csv_files(g); }

namespace detail {

bool undirected_edge(const PropertyGraph& g, const Edge& e, bool mixed) {
    return mixed && g.relations().get(e.type).symmetric;
}

bool all_undirected(const PropertyGraph& g, bool mixed) {
    return g.edge_count() > 0 &&
           std::all_of(g.edges().begin(), g.edges().end(),
                       [&](const Edge& e) { return undirected_edge(g, e, mixed); });
}

std::string element_edge_id(const PropertyGraph& g, EdgeIndex e) {
    const CompactString& id = g.edge(e).id;
    return id.empty() ? fmt::format("_e{}", e) : id.str();
}

std::string real_edge_id(std::string_view written) {
    if (written.size() > 2 && written.substr(0, 2) == "_e" &&
        std::all_of(written.begin() + 2, written.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    return std::string(written);
}

}  // namespace detail

}  // namespace liaison
