#pragma once
// Output for people (aligned tables) and machines (JSON, CSV), chosen by --format.
#include <concepts>
#include <string>
#include <vector>

#include "liaison/core/json_text.hpp"  // json_quote, for the commands' --format json

namespace liaison::cli {

enum class OutputFormat { Table, Json, Csv };

// One cell of a table: the text that tables and CSV print, and, when the value is not a plain
// string, its JSON (a number, a list, an object or null), so machines get types, not text.
struct Cell {
    Cell() = default;
    Cell(std::string s) : text(std::move(s)) {}
    Cell(const char* s) : text(s) {}
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char>) Cell(T n)
        : text(std::to_string(n)), json(text) {}
    // `text` for people, the shortest exact form (null when not finite) for machines.
    static Cell number(double x, std::string text);
    // Shown as `text`, written as the JSON fragment `json` (which the caller keeps valid).
    static Cell raw(std::string text, std::string json);
    // Shown joined by `separator`, written as an array of strings.
    static Cell list(const std::vector<std::string>& items, const std::string& separator);
    // Empty in a table, null in JSON: a field that does not apply to this row.
    static Cell null() { return raw("", "null"); }

    std::string text;
    std::string json;  // empty: `text` as a JSON string
};

// A table printed as aligned columns (width in code points, so Arabic aligns), as a JSON array
// of objects keyed by the headers with typed values, or as RFC 4180 CSV.
class Table {
public:
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    void add_row(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    std::string render(OutputFormat format) const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<Cell>> rows_;
};

// JSON objects printed as one array, an object a line (validate, render and compact write one
// per file they were given).
class JsonArray {
public:
    void add(const std::string& object) { text_ += (text_.empty() ? "[\n " : ",\n ") + object; }
    std::string render() const { return text_.empty() ? "[]\n" : text_ + "\n]\n"; }

private:
    std::string text_;
};

std::size_t display_width(const std::string& utf8);
std::string csv_escape(const std::string& field);

}  // namespace liaison::cli
