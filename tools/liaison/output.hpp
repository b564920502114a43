#pragma once
// Output for people (aligned tables) and machines (JSON, CSV), chosen by --format.
#include <string>
#include <vector>

#include "core/json_text.hpp"  // json_quote, for the commands' --format json

namespace liaison::cli {

enum class OutputFormat { Table, Json, Csv };

// A table of strings printed as aligned columns (width in code points, so Arabic aligns), as a
// JSON array of objects keyed by the headers, or as RFC 4180 CSV.
class Table {
public:
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    std::string render(OutputFormat format) const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

std::size_t display_width(const std::string& utf8);
std::string csv_escape(const std::string& field);

}  // namespace liaison::cli
