#pragma once
// The neutral report document: what every writer (Markdown, HTML, JSON) renders. Sections hold
// paragraphs, tables and figures; table cells carry their text direction, so Arabic and English
// read correctly side by side, and optionally the entity or document they name.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace liaison::report {

// Text direction of a cell or paragraph. Rtl: the first strong character is Arabic script; Ltr:
// Latin text without Arabic; Auto: mixed text starting with Latin, or no strong character.
enum class Dir { Ltr, Rtl, Auto };
Dir direction_of(std::string_view text);
const char* dir_name(Dir d);  // "ltr", "rtl", "auto"

// A reference inside a cell: text linking to an anchor of the report (a cited document).
struct Ref {
    std::string text;
    std::string anchor;  // empty: plain text
};

struct Cell {
    std::string text;  // the whole text (for refs: their texts joined by ", ")
    Dir dir = Dir::Auto;
    std::string link;              // an anchor of this report for the whole text, or empty
    std::string id;                // the entity or document the cell names, for machines
    std::optional<double> number;  // the exact value behind a formatted number
    std::vector<Ref> refs;         // when not empty, writers render these instead of text
};

// Cell constructors: direction detected from the text.
Cell text_cell(std::string text);
Cell link_cell(std::string text, std::string anchor, std::string id = {});
// A number with a fixed count of decimals ("0.1234"); integers with `decimals` = 0.
Cell number_cell(double value, int decimals);

struct Paragraph {
    std::string text;
    Dir dir = Dir::Ltr;
};

struct Table {
    std::string caption;               // may be empty
    std::vector<std::string> columns;  // headers
    std::vector<bool> numeric;         // per column: right-aligned numbers
    std::vector<std::vector<Cell>> rows;
    std::size_t omitted = 0;  // rows left out by a limit (stated under the table)
};

struct Figure {
    std::string svg;  // a complete <svg> element, no XML prolog
    std::string caption;
};

// A block of literal text (a query), shown in a monospace font, left to right.
struct Code {
    std::string text;
};

using Block = std::variant<Paragraph, Table, Figure, Code>;

struct Section {
    std::string anchor;  // unique in the report: [a-z0-9-]+
    int level = 1;       // 1: a section, 2: a subsection, 3: ...
    std::string title;
    std::string kind;  // "summary", "rankings", ... (the spec's section type); "network"
    std::vector<Block> blocks;
};

struct Report {
    std::string title;
    std::vector<std::string> inputs;  // the networks, as named in the report
    std::vector<Section> sections;
};

// Turns any text into an anchor fragment: ASCII letters and digits lower-cased, runs of other
// characters become one "-" (Arabic-only text gives "x").
std::string anchor_slug(std::string_view text);

}  // namespace liaison::report
