// Batch reports: output names and one job (batch.hpp); the process pool is in batch_pool.cpp.
#include "liaison/report/batch.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/report/report.hpp"

namespace liaison::report {

namespace fs = std::filesystem;

std::optional<OutputFormat> output_format_of_path(std::string_view path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".md" || ext == ".markdown") return OutputFormat::Markdown;
    if (ext == ".html" || ext == ".htm") return OutputFormat::Html;
    if (ext == ".json") return OutputFormat::Json;
    return std::nullopt;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "md" || name == "markdown") return OutputFormat::Markdown;
    if (name == "html") return OutputFormat::Html;
    if (name == "json") return OutputFormat::Json;
    return std::nullopt;
}

const char* output_extension(OutputFormat f) {
    switch (f) {
        case OutputFormat::Markdown:
            return "md";
        case OutputFormat::Html:
            return "html";
        case OutputFormat::Json:
            return "json";
    }
    return "html";
}

std::string output_stem(const std::string& input) {
    std::string stem = fs::path(input).stem().string();
    for (const char* suffix : {".report", ".spec"}) {
        std::string_view s(suffix);
        if (stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0) {
            stem.erase(stem.size() - s.size());
            break;
        }
    }
    return stem.empty() ? "report" : stem;
}

namespace {

// The line that names a report in each writer's output: HTML's <title>, Markdown's heading, the
// JSON's "title" member. Empty when there is none.
std::string report_marker(const std::string& text, OutputFormat format) {
    std::size_t at = 0;
    switch (format) {
        case OutputFormat::Html:
            at = text.find("<title>");
            break;
        case OutputFormat::Markdown:
            at = text.rfind("# ", 0) == 0 ? 0 : std::string::npos;
            break;
        case OutputFormat::Json:
            at = text.find("\"title\":");
            break;
    }
    if (at == std::string::npos) return "";
    return text.substr(at, text.find('\n', at) - at);
}

void check_same_report(const Output& o, const std::string& content) {
    std::error_code ec;
    if (!o.same_report_only || !fs::exists(o.path, ec)) return;
    std::ifstream in(o.path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const std::string mine = report_marker(content, o.format);
    if (report_marker(head, o.format) != mine)
        throw ArgumentError(fmt::format(
            "{} already holds another report; not overwriting it (name this one with -o, or "
            "use another --out-dir)",
            o.path));
}

}  // namespace

std::vector<std::string> run_job(const Job& job) {
    ReportSpec spec =
        job.spec_file.empty() ? default_spec(job.graph_file) : read_spec_file(job.spec_file);
    // An output must never replace an input (a report.json beside its network, say).
    for (const Output& o : job.outputs) {
        for (const std::string& in : spec.inputs) {
            std::error_code ec;
            if (fs::equivalent(o.path, in, ec) ||
                fs::path(o.path).lexically_normal() == fs::path(in).lexically_normal())
                throw ArgumentError(
                    fmt::format("output {} would overwrite the input {}", o.path, in));
        }
    }
    Report report = build_report(spec);

    // Render every format first, so a failure writes nothing.
    std::vector<std::pair<std::string, std::string>> files;
    for (const Output& o : job.outputs) {
        switch (o.format) {
            case OutputFormat::Html:
                files.emplace_back(o.path, write_html(report));
                break;
            case OutputFormat::Json:
                files.emplace_back(o.path, write_json(report));
                break;
            case OutputFormat::Markdown: {
                fs::path path(o.path);
                MarkdownOutput md = write_markdown(report, path.stem().string());
                files.emplace_back(o.path, std::move(md.text));
                for (FigureFile& f : md.figures)
                    files.emplace_back((path.parent_path() / f.name).string(),
                                       std::move(f.svg) + "\n");
                break;
            }
        }
    }
    for (std::size_t i = 0; i < job.outputs.size(); ++i) {
        for (const auto& [path, content] : files)
            if (path == job.outputs[i].path) check_same_report(job.outputs[i], content);
    }
    std::vector<std::string> written;
    for (const auto& [path, content] : files) {
        fs::path parent = fs::path(path).parent_path();
        std::error_code ec;
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (ec)
            throw SystemError(
                fmt::format("cannot create the folder {}: {}", parent.string(), ec.message()));
        write_file_atomic(path, content);
        written.push_back(path);
    }
    return written;
}

}  // namespace liaison::report
