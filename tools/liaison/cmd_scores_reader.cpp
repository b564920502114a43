#include "cmd_scores_reader.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::cli {

namespace {

// Cuts the tab-separated fields of one line (without its line break).
std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) return out;
        start = tab + 1;
    }
}

// A number as liaison-dist writes it (17 significant digits), or inf / -inf / nan.
bool parse_number(std::string_view s, double& out) {
    if (s.empty()) return false;
    const char* first = s.data();
    if (*first == '+') ++first;  // from_chars refuses a plus sign; other writers add one
    auto [end, ec] = std::from_chars(first, s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

std::string shown(std::string_view field) {
    constexpr std::size_t kMax = 40;
    return field.size() <= kMax ? std::string(field) : std::string(field.substr(0, kMax)) + "…";
}

}  // namespace

ResultsTable read_results(const std::string& path) {
    ResultsTable t;
    t.text = read_file(path);
    const std::string_view text = t.text;
    auto fail = [&](std::size_t line, std::size_t column, const std::string& what) {
        throw InputError({path, line, column}, what);
    };
    std::size_t at = 0, line_no = 0;
    // The next line without its break (a CRLF file reads the same); false at the end.
    auto next_line = [&](std::string_view& line) {
        if (at >= text.size()) return false;
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        at = end + 1;
        ++line_no;
        return true;
    };

    std::string_view line;
    if (!next_line(line))
        fail(1, 1, "the file is empty; expected a header `id<TAB>algorithm…` (liaison-dist -o)");
    const std::vector<std::string_view> header = fields_of(line);
    if (header[0] != "id")
        fail(1, 1,
             fmt::format("expected a header starting with `id<TAB>` (liaison-dist's results), "
                         "found '{}'",
                         shown(line)));
    if (header.size() < 2) fail(1, line.size() + 1, "expected at least one algorithm after `id`");
    std::unordered_map<std::string_view, std::size_t> seen_columns;
    std::size_t column = header[0].size() + 2;
    for (std::size_t i = 1; i < header.size(); ++i) {
        const std::string_view name = header[i];
        if (name.empty()) fail(1, column, "expected an algorithm name, found an empty field");
        if (name == "rank" || name == "name")
            fail(1, column,
                 fmt::format("'{}' cannot name a column: rank and name are the table's own", name));
        if (!seen_columns.emplace(name, i).second)
            fail(1, column, fmt::format("column '{}' appears twice", name));
        t.columns.emplace_back(name);
        column += name.size() + 1;
    }
    t.values.resize(t.columns.size());

    std::vector<std::string_view> fields;
    while (next_line(line)) {
        if (line.empty()) {
            if (at >= text.size()) break;  // the final line break
            fail(line_no, 1, "expected `id<TAB>value…`, found an empty line");
        }
        fields = fields_of(line);
        if (fields.size() != header.size()) {
            std::size_t col = 1;
            for (std::size_t i = 0; i < std::min(fields.size(), header.size()); ++i)
                col += fields[i].size() + 1;
            fail(line_no, fields.size() < header.size() ? line.size() + 1 : col,
                 fields.size() < header.size()
                     ? fmt::format("expected {} fields (id and {}), found {}: '{}' is missing",
                                   header.size(), t.columns.size(), fields.size(),
                                   header[fields.size()])
                     : fmt::format("expected {} fields (id and {}), found {}", header.size(),
                                   t.columns.size(), fields.size()));
        }
        if (fields[0].empty()) fail(line_no, 1, "expected a node id, found an empty field");
        std::size_t col = fields[0].size() + 2;
        for (std::size_t i = 1; i < fields.size(); ++i) {
            double x = 0;
            if (!parse_number(fields[i], x))
                fail(line_no, col,
                     fmt::format("expected a number for {}, found '{}'", header[i],
                                 shown(fields[i])));
            t.values[i - 1].push_back(x);
            col += fields[i].size() + 1;
        }
        t.ids.push_back(fields[0]);
        t.lines.push_back(line_no);
    }
    return t;
}

bool integer_column(const ResultsTable& t, std::size_t column) {
    const std::string& name = t.columns[column];
    if (name != "components" && name != "bfs" && name != "degree" && name != "kcore") return false;
    for (double x : t.values[column])
        if (std::isfinite(x) && (x != std::floor(x) || std::fabs(x) > 9.0e15)) return false;
    return true;
}

}  // namespace liaison::cli
