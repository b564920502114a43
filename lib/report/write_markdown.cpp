// The Markdown writer (GitHub flavour): headings with explicit anchors, a table of contents, pipe
// tables, and figures as SVG files beside the text.
#include <fmt/format.h>

#include "liaison/report/report.hpp"

namespace liaison::report {

namespace {

// Escapes what Markdown would read as markup; newlines in a cell become <br>.
std::string escape(std::string_view text, bool in_table) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '#':
            case '|':
                out += '\\';
                out += c;
                break;
            case '\n':
                out += in_table ? "<br>" : "\n";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string cell_text(const Cell& c) {
    if (!c.refs.empty()) {
        std::string out;
        for (const Ref& r : c.refs) {
            if (!out.empty()) out += ", ";
            out += r.anchor.empty() ? escape(r.text, true)
                                    : fmt::format("[{}](#{})", escape(r.text, true), r.anchor);
        }
        return out;
    }
    if (!c.link.empty()) return fmt::format("[{}](#{})", escape(c.text, true), c.link);
    return escape(c.text, true);
}

void write_table(std::string& out, const Table& t) {
    if (!t.caption.empty()) out += fmt::format("**{}**\n\n", escape(t.caption, false));
    out += "|";
    for (const std::string& col : t.columns) out += fmt::format(" {} |", escape(col, true));
    out += "\n|";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out += i < t.numeric.size() && t.numeric[i] ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (const Cell& c : row) out += fmt::format(" {} |", cell_text(c));
        out += "\n";
    }
    if (t.omitted)
        out += fmt::format("\n_… and {} more {} not shown._\n", t.omitted,
                           t.omitted == 1 ? "row" : "rows");
    out += "\n";
}

}  // namespace

MarkdownOutput write_markdown(const Report& r, const std::string& figure_prefix) {
    MarkdownOutput md;
    std::string& out = md.text;
    out += fmt::format("# {}\n\n", escape(r.title, false));
    out += fmt::format("{}: ", r.inputs.size() == 1 ? "Network" : "Networks");
    for (std::size_t i = 0; i < r.inputs.size(); ++i)
        out += (i ? "; " : "") + escape(r.inputs[i], false);
    out += "\n\n## Contents\n\n";
    for (const Section& s : r.sections) {
        out += std::string(static_cast<std::size_t>(std::max(0, s.level - 1)) * 2, ' ');
        out += fmt::format("- [{}](#{})\n", escape(s.title, true), s.anchor);
    }
    out += "\n";
    for (const Section& s : r.sections) {
        out += fmt::format("<a id=\"{}\"></a>\n\n{} {}\n\n", s.anchor,
                           std::string(static_cast<std::size_t>(std::min(6, s.level + 1)), '#'),
                           escape(s.title, false));
        for (const Block& b : s.blocks) {
            if (const auto* p = std::get_if<Paragraph>(&b)) {
                out += escape(p->text, false) + "\n\n";
            } else if (const auto* t = std::get_if<Table>(&b)) {
                write_table(out, *t);
            } else if (const auto* f = std::get_if<Figure>(&b)) {
                std::string name =
                    fmt::format("{}-figure-{}.svg", figure_prefix, md.figures.size() + 1);
                md.figures.push_back({name, f->svg});
                out += fmt::format("![{}]({})\n\n_{}_\n\n", escape(f->caption, true), name,
                                   escape(f->caption, false));
            } else if (const auto* c = std::get_if<Code>(&b)) {
                out += fmt::format("```cypher\n{}\n```\n\n", c->text);
            }
        }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return md;
}

}  // namespace liaison::report
