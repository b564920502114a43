#include "output.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace liaison::cli {

namespace {
const std::string& cell_text(const std::string& s) { return s; }
const std::string& cell_text(const Cell& c) { return c.text; }
}  // namespace

std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        // Arabic combining marks (U+064B..U+065F, U+0670) take no column.
        if (c == 0xD9 && i + 1 < s.size()) {
            auto d = static_cast<unsigned char>(s[i + 1]);
            if ((d >= 0x8B && d <= 0x9F) || d == 0xB0) continue;
        }
        ++width;
    }
    return width;
}

std::string csv_escape(const std::string& field) {
    if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

Cell Cell::number(double x, std::string shown) {
    return raw(std::move(shown), std::isfinite(x) ? fmt::format("{}", x) : "null");
}

Cell Cell::raw(std::string shown, std::string json_text) {
    Cell c(std::move(shown));
    c.json = std::move(json_text);
    return c;
}

Cell Cell::list(const std::vector<std::string>& items, const std::string& separator) {
    std::string shown, json_text = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) {
            shown += separator;
            json_text += ", ";
        }
        shown += items[i];
        json_text += json_quote(items[i]);
    }
    return raw(std::move(shown), json_text + "]");
}

std::string Table::render(OutputFormat format) const {
    std::string out;
    if (format == OutputFormat::Csv) {
        // Appended piece by piece: `"literal" + std::string&&` trips GCC 12's -Wrestrict at -O3.
        auto add_line = [&](const auto& cells) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i) out += ',';
                out += csv_escape(cell_text(cells[i]));
            }
            out += '\n';
        };
        add_line(headers_);
        for (const auto& row : rows_) add_line(row);
        return out;
    }
    if (format == OutputFormat::Json) {
        out += "[";
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            out += r ? ",\n {" : "\n {";
            for (std::size_t i = 0; i < headers_.size() && i < rows_[r].size(); ++i)
                out += fmt::format(
                    "{}{}: {}", i ? ", " : "", json_quote(headers_[i]),
                    rows_[r][i].json.empty() ? json_quote(rows_[r][i].text) : rows_[r][i].json);
            out += "}";
        }
        return out + (rows_.empty() ? "]\n" : "\n]\n");
    }
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i) width[i] = display_width(headers_[i]);
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], display_width(row[i].text));
    auto line = [&](const auto& cells) {
        std::string l;
        for (std::size_t i = 0; i < width.size(); ++i) {
            const std::string cell = i < cells.size() ? std::string(cell_text(cells[i])) : "";
            l += cell;
            if (i + 1 < width.size()) l += std::string(width[i] - display_width(cell) + 2, ' ');
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        l += '\n';
        return l;
    };
    out += line(headers_);
    std::vector<std::string> rule;
    for (std::size_t w : width) rule.push_back(std::string(w, '-'));
    out += line(rule);
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace liaison::cli
