// The HTML writer: one self-contained page (inline CSS and SVG, no scripts or external fonts),
// a table of contents, and each cell with its text direction.
#include <fmt/format.h>

#include "liaison/core/markup_text.hpp"
#include "liaison/report/report.hpp"

namespace liaison::report {

namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1d2733; --muted: #5b6775; --rule: #d8dee6; --band: #f4f6f9; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5; font-size: 15px;
  font-family: "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
[lang="ar"], [dir="rtl"] { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; }
header, nav, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
header { padding-top: 28px; border-bottom: 3px solid var(--accent); }
h1 { font-size: 30px; margin: 0 0 6px; }
h2 { font-size: 23px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 18px; margin: 28px 0 8px; color: var(--accent); }
h4 { font-size: 16px; margin: 22px 0 6px; }
.inputs { color: var(--muted); margin: 0 0 16px; }
nav.toc { margin-top: 18px; }
nav.toc > h2 { border: 0; margin: 0 0 4px; font-size: 17px; }
nav.toc ol { margin: 0; padding-inline-start: 22px; }
nav.toc > ol { columns: 2; column-gap: 40px; background: var(--band); padding: 12px 12px 12px 34px;
  border-radius: 6px; }
nav.toc li { break-inside: avoid; }
nav.toc ol ol { font-size: 13px; color: var(--muted); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
p { margin: 8px 0; max-width: 92ch; }
.table-wrap { overflow-x: auto; margin: 10px 0 16px; }
table { border-collapse: collapse; font-size: 13.5px; min-width: 40%; }
caption { text-align: start; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { border: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; }
th { background: var(--band); text-align: start; font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.date { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td[dir="rtl"] { text-align: right; }
td.wide { min-width: 22em; }
.note { color: var(--muted); font-size: 13px; }
pre { background: var(--band); padding: 10px 12px; border-radius: 6px; overflow-x: auto; }
code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 13px; }
figure { margin: 12px 0 20px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px; }
figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
footer { color: var(--muted); font-size: 12px; padding-top: 30px; padding-bottom: 30px; }
@media print { nav.toc > ol { columns: 1; } h2 { break-after: avoid; } }
)css";

std::string escape(std::string_view text) { return escape_markup(text); }

// dir and lang attributes: Arabic text is right to left; anything else lets the browser decide
// from the first strong character.
std::string dir_attributes(Dir d) {
    return d == Dir::Rtl ? " dir=\"rtl\" lang=\"ar\"" : " dir=\"auto\"";
}

std::string cell_html(const Cell& c) {
    if (!c.refs.empty()) {
        std::string out;
        for (const Ref& r : c.refs) {
            if (!out.empty()) out += ", ";
            out += r.anchor.empty()
                       ? escape(r.text)
                       : fmt::format("<a href=\"#{}\">{}</a>", r.anchor, escape(r.text));
        }
        return out;
    }
    if (!c.link.empty()) return fmt::format("<a href=\"#{}\">{}</a>", c.link, escape(c.text));
    return escape(c.text);
}

// Dates and date ranges read as one unit: their cells do not wrap ("2023-11-28 .. 2023-12-01"
// over four lines in a narrow column).
bool date_column(const Table& t, std::size_t i) {
    return i < t.columns.size() && (t.columns[i] == "when" || t.columns[i] == "date");
}

// A title in the table of contents: parts (between " — ") holding Arabic are isolated right to
// left, so a bracketed placeholder stays at the start of the Arabic title, not at the far end.
std::string bidi_title(const std::string& title) {
    static const std::string kDash = " \u2014 ";
    std::string out;
    std::size_t pos = 0;
    while (pos <= title.size()) {
        std::size_t end = title.find(kDash, pos);
        if (end == std::string::npos) end = title.size();
        std::string part = title.substr(pos, end - pos);
        bool arabic = false;
        for (std::size_t k = 0; k + 1 < part.size(); ++k) {
            const auto b = static_cast<unsigned char>(part[k]);
            arabic |= b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB;
        }
        out += arabic ? "<bdi dir=\"rtl\" lang=\"ar\">" + escape(part) + "</bdi>" : escape(part);
        if (end == title.size()) break;
        out += escape(kDash);
        pos = end + kDash.size();
    }
    return out;
}

void write_table(std::string& out, const Table& t) {
    out += "<div class=\"table-wrap\"><table>\n";
    if (!t.caption.empty())
        out += fmt::format("<caption dir=\"auto\">{}</caption>\n", escape(t.caption));
    auto numeric = [&](std::size_t i) { return i < t.numeric.size() && t.numeric[i]; };
    out += "<thead><tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out +=
            fmt::format("<th{}>{}</th>", numeric(i) ? " class=\"num\"" : "", escape(t.columns[i]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const Cell& c = row[i];
            // Long text (quotes, member lists) gets room to wrap instead of a narrow column.
            const char* cls = numeric(i)                                 ? " class=\"num\""
                              : c.text.size() > 120                      ? " class=\"wide\""
                              : date_column(t, i) && c.text.size() <= 32 ? " class=\"date\""
                                                                         : "";
            out += fmt::format("<td{}{}>{}</td>", cls, dir_attributes(c.dir), cell_html(c));
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
    if (t.omitted)
        out += fmt::format("<p class=\"note\">… and {} more {} not shown.</p>\n", t.omitted,
                           t.omitted == 1 ? "row" : "rows");
}

void write_toc(std::string& out, const Report& r) {
    out += "<nav class=\"toc\">\n<h2>Contents</h2>\n";
    int depth = 0;
    for (const Section& s : r.sections) {
        const int level = std::max(1, s.level);
        if (level > depth) {
            while (depth < level) {
                out += "<ol>\n<li>";
                ++depth;
            }
        } else {
            out += "</li>\n";
            while (depth > level) {
                out += "</ol></li>\n";
                --depth;
            }
            out += "<li>";
        }
        out += fmt::format("<a href=\"#{}\" dir=\"auto\">{}</a>", s.anchor, bidi_title(s.title));
    }
    while (depth > 0) {
        out += "</li>\n</ol>\n";
        --depth;
    }
    out += "</nav>\n";
}

}  // namespace

std::string write_html(const Report& r) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"liaison report\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", escape(r.title),
                       kStyle);
    out += fmt::format("<header>\n<h1 dir=\"auto\">{}</h1>\n", escape(r.title));
    std::string inputs;
    for (const std::string& in : r.inputs) inputs += (inputs.empty() ? "" : "; ") + escape(in);
    out += fmt::format("<p class=\"inputs\" dir=\"auto\">{}: {}</p>\n</header>\n",
                       r.inputs.size() == 1 ? "Network" : "Networks", inputs);
    write_toc(out, r);
    out += "<main>\n";
    for (const Section& s : r.sections) {
        int h = std::min(6, s.level + 1);
        out += fmt::format("<section id=\"{}\" class=\"{}\">\n<h{} dir=\"auto\">{}</h{}>\n",
                           s.anchor, escape(s.kind), h, escape(s.title), h);
        for (const Block& b : s.blocks) {
            if (const auto* p = std::get_if<Paragraph>(&b)) {
                out += fmt::format("<p{}>{}</p>\n", dir_attributes(p->dir), escape(p->text));
            } else if (const auto* t = std::get_if<Table>(&b)) {
                write_table(out, *t);
            } else if (const auto* f = std::get_if<Figure>(&b)) {
                out += fmt::format(
                    "<figure>\n{}\n<figcaption dir=\"auto\">{}</figcaption>\n</figure>\n", f->svg,
                    escape(f->caption));
            } else if (const auto* c = std::get_if<Code>(&b)) {
                out += fmt::format("<pre dir=\"ltr\"><code>{}</code></pre>\n", escape(c->text));
            }
        }
        out += "</section>\n";
    }
    out += "</main>\n<footer>Written by liaison report.</footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace liaison::report
