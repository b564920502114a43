// Matrix Market reading (mtx_reader.hpp). Each rank reads the lines that start in its share of
// the body's bytes, so no rank holds the whole file; line numbers come from a prefix sum of the
// newlines before each share.
#include "mtx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "collective.hpp"

namespace liaison::dist {

namespace {

using Triple = std::tuple<std::int32_t, std::int32_t, double>;

std::string where(const std::string& path, std::int64_t line, std::size_t column) {
    return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The whitespace-separated words of a line, with their 1-based columns.
struct Word {
    std::string_view text;
    std::size_t column;
};
std::vector<Word> words(std::string_view line) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) out.push_back({line.substr(start, i - start), start + 1});
    }
    return out;
}

bool blank_or_comment(std::string_view line) {
    for (char c : line) {
        if (c == '%') return true;
        if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
}

std::optional<Index> integer(std::string_view s) {
    Index v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> number(std::string_view s) {
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Where each matrix entry lives in CombBLAS's 2D block layout (the last block row and column
// take the remainder), and its local coordinates there.
struct Layout {
    int rows = 1, cols = 1;
    Index per_row = 0, per_col = 0;
    combblas::CommGrid* grid = nullptr;

    int owner(Index i, Index j, std::int32_t& li, std::int32_t& lj) const {
        const int r = per_row ? static_cast<int>(std::min<Index>(i / per_row, rows - 1)) : rows - 1;
        const int c = per_col ? static_cast<int>(std::min<Index>(j / per_col, cols - 1)) : cols - 1;
        li = static_cast<std::int32_t>(i - r * per_row);
        lj = static_cast<std::int32_t>(j - c * per_col);
        return grid->GetRank(r, c);
    }
};

// This rank's share of the body: the bytes [begin, end) of the file, extended to the end of
// the line running past `end`; lines starting before `begin` belong to the previous rank.
struct Share {
    std::string text;
    std::uint64_t from = 0;           // file offset of text[0]
    std::size_t first = 0;            // offset in text of this rank's first line
    std::int64_t first_newlines = 0;  // newlines of text before `first` (0 or 1)
    std::int64_t raw_newlines = 0;    // newlines in [begin, end): for the others' line numbers
};

Share read_share(const std::string& path, std::uint64_t begin, std::uint64_t end,
                 std::uint64_t body) {
    Share s;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open for reading");
    const std::uint64_t from = begin > body ? begin - 1 : begin;  // one byte back: a line start?
    s.from = from;
    in.seekg(static_cast<std::streamoff>(from));
    s.text.resize(end - from);
    in.read(s.text.data(), static_cast<std::streamsize>(s.text.size()));
    s.text.resize(static_cast<std::size_t>(in.gcount()));
    // The rest of the last line.
    std::string tail;
    char c = 0;
    if (!s.text.empty() && s.text.back() != '\n') {
        while (in.get(c)) {
            tail.push_back(c);
            if (c == '\n') break;
        }
    }
    const std::size_t lead = begin > body ? 1 : 0;
    s.raw_newlines =
        std::count(s.text.begin() + static_cast<std::ptrdiff_t>(lead), s.text.end(), '\n');
    if (lead == 1 && s.text[0] != '\n') {
        // Starts inside a line: skip to the next one.
        const std::size_t nl = s.text.find('\n', 1);
        s.first = nl == std::string::npos ? s.text.size() : nl + 1;
        s.first_newlines = nl == std::string::npos ? 0 : 1;
    } else {
        s.first = lead;
    }
    s.text += tail;
    return s;
}

}  // namespace

MtxHeader read_mtx_header(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open for reading");
    MtxHeader h;
    std::string line;
    if (!std::getline(in, line))
        throw InputError(where(path, 1, 1) + "empty file, expected a Matrix Market banner");
    const std::vector<Word> banner = words(line);
    if (banner.empty() || lower(banner[0].text) != "%%matrixmarket")
        throw InputError(where(path, 1, 1) +
                         "expected the banner '%%MatrixMarket matrix coordinate "
                         "pattern|real|integer symmetric|general'");
    if (banner.size() != 5)
        throw InputError(where(path, 1, 1) + "expected 5 words in the banner, found " +
                         std::to_string(banner.size()));
    if (lower(banner[1].text) != "matrix")
        throw InputError(where(path, 1, banner[1].column) + "expected 'matrix'");
    if (lower(banner[2].text) != "coordinate")
        throw InputError(where(path, 1, banner[2].column) +
                         "expected 'coordinate' (a sparse matrix), found '" +
                         std::string(banner[2].text) + "'");
    const std::string field = lower(banner[3].text);
    if (field == "pattern") {
        h.pattern = true;
    } else if (field == "real" || field == "integer" || field == "double") {
        h.pattern = false;
    } else {
        throw InputError(where(path, 1, banner[3].column) +
                         "expected 'pattern', 'real' or 'integer', found '" +
                         std::string(banner[3].text) + "'");
    }
    const std::string symmetry = lower(banner[4].text);
    if (symmetry != "symmetric" && symmetry != "general")
        throw InputError(where(path, 1, banner[4].column) +
                         "expected 'symmetric' (undirected) or 'general' (directed), found '" +
                         std::string(banner[4].text) + "'");
    h.symmetric = symmetry == "symmetric";
    std::int64_t number_of_line = 1;
    std::uint64_t offset = line.size() + 1;
    while (std::getline(in, line)) {
        ++number_of_line;
        offset += line.size() + 1;
        if (blank_or_comment(line)) continue;
        const std::vector<Word> size = words(line);
        if (size.size() != 3)
            throw InputError(where(path, number_of_line, 1) +
                             "expected the size line 'ROWS COLUMNS ENTRIES'");
        Index v[3];
        for (int k = 0; k < 3; ++k) {
            auto x = integer(size[static_cast<std::size_t>(k)].text);
            if (!x || *x < 0)
                throw InputError(
                    where(path, number_of_line, size[static_cast<std::size_t>(k)].column) +
                    "expected a non-negative integer");
            v[k] = *x;
        }
        if (v[0] != v[1])
            throw InputError(where(path, number_of_line, size[1].column) +
                             "expected a square matrix (an adjacency matrix), found " +
                             std::to_string(v[0]) + " rows and " + std::to_string(v[1]) +
                             " columns");
        if (v[0] == 0)
            throw InputError(where(path, number_of_line, 1) + "expected at least one vertex");
        h.n = v[0];
        h.entries = v[2];
        h.lines = number_of_line;
        h.body = offset;
        return h;
    }
    throw InputError(where(path, number_of_line + 1, 1) +
                     "expected the size line 'ROWS COLUMNS ENTRIES', found the end of the file");
}

Graph load_mtx(std::shared_ptr<combblas::CommGrid> grid, const std::string& path, bool unweighted) {
    Graph g(grid);
    g.comm = grid->GetWorld();
    MPI_Comm_rank(g.comm, &g.rank);
    int ranks = 1;
    MPI_Comm_size(g.comm, &ranks);

    MtxHeader h;
    std::optional<Problem> problem;
    try {
        h = read_mtx_header(path);
        // Local indices are 32-bit: a block of the matrix may not exceed that.
        if (h.n / grid->GetGridRows() >= (Index{1} << 31))
            throw InputError(path + ": " + std::to_string(h.n) + " vertices are too many for " +
                             std::to_string(ranks) +
                             " ranks (at most 2^31 per block row): use more ranks");
    } catch (const InputError& e) {
        problem = Problem{0, e.what()};
    }
    agree(g.comm, problem);
    g.n = h.n;
    g.directed = !h.symmetric;
    g.weighted = !h.pattern && !unweighted;

    const std::uint64_t size = std::filesystem::file_size(path);
    const std::uint64_t span = size > h.body ? size - h.body : 0;
    const std::uint64_t begin =
        h.body + span * static_cast<std::uint64_t>(g.rank) / static_cast<std::uint64_t>(ranks);
    const std::uint64_t end =
        h.body + span * static_cast<std::uint64_t>(g.rank + 1) / static_cast<std::uint64_t>(ranks);
    Share share;
    try {
        share = read_share(path, begin, end, h.body);
    } catch (const InputError& e) {
        problem = Problem{0, e.what()};
    }
    agree(g.comm, problem);
    std::int64_t before = 0;
    MPI_Exscan(&share.raw_newlines, &before, 1, MPI_INT64_T, MPI_SUM, g.comm);
    if (g.rank == 0) before = 0;

    Layout layout;
    layout.grid = grid.get();
    layout.rows = grid->GetGridRows();
    layout.cols = grid->GetGridCols();
    layout.per_row = h.n / layout.rows;
    layout.per_col = h.n / layout.cols;
    std::vector<std::vector<Triple>> outgoing(static_cast<std::size_t>(ranks));
    std::int64_t line_number = h.lines + 1 + before + share.first_newlines;
    std::int64_t count = 0;
    double min_weight = 1.0;
    const std::size_t expected = h.pattern ? 2 : 3;
    auto add = [&](Index i, Index j, double w) {
        std::int32_t li = 0, lj = 0;
        const int owner = layout.owner(i, j, li, lj);
        outgoing[static_cast<std::size_t>(owner)].emplace_back(li, lj, w);
    };
    std::string_view text(share.text);
    for (std::size_t pos = share.first; pos < text.size() && !problem; ++line_number) {
        // Lines starting past this rank's end belong to the next rank.
        if (share.from + pos >= end) break;
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (blank_or_comment(line)) continue;
        const std::vector<Word> w = words(line);
        if (w.size() != expected) {
            problem = Problem{line_number, where(path, line_number, 1) + "expected " +
                                               (h.pattern ? "'ROW COLUMN'" : "'ROW COLUMN VALUE'") +
                                               ", found " + std::to_string(w.size()) + " words"};
            break;
        }
        Index ij[2];
        for (int k = 0; k < 2; ++k) {
            auto x = integer(w[static_cast<std::size_t>(k)].text);
            if (!x || *x < 1 || *x > h.n) {
                problem = Problem{line_number,
                                  where(path, line_number, w[static_cast<std::size_t>(k)].column) +
                                      "expected a vertex number from 1 to " + std::to_string(h.n) +
                                      ", found '" +
                                      std::string(w[static_cast<std::size_t>(k)].text) + "'"};
                break;
            }
            ij[k] = *x - 1;
        }
        if (problem) break;
        double value = 1.0;
        if (!h.pattern) {
            auto x = number(w[2].text);
            if (!x) {
                problem = Problem{line_number, where(path, line_number, w[2].column) +
                                                   "expected a finite number, found '" +
                                                   std::string(w[2].text) + "'"};
                break;
            }
            if (g.weighted) value = *x;
        }
        min_weight = std::min(min_weight, value);
        ++count;
        add(ij[0], ij[1], value);
        if (h.symmetric && ij[0] != ij[1]) add(ij[1], ij[0], value);
    }
    agree(g.comm, problem);
    std::int64_t total = 0;
    MPI_Allreduce(&count, &total, 1, MPI_INT64_T, MPI_SUM, g.comm);
    if (total != h.entries)
        problem = Problem{0, path + ":" + std::to_string(h.lines) + ": the size line announces " +
                                 std::to_string(h.entries) + " entries, the file holds " +
                                 std::to_string(total)};
    agree(g.comm, problem);
    MPI_Allreduce(&min_weight, &g.min_weight, 1, MPI_DOUBLE, MPI_MIN, g.comm);

    std::int32_t held = 0;
    for (const auto& v : outgoing) held += static_cast<std::int32_t>(v.size());
    // Repeated entries merge as liaison's projection merges parallel edges: weights add up,
    // an unweighted entry stays 1.
    if (g.weighted)
        g.a.SparseCommon(outgoing, held, h.n, h.n, std::plus<double>());
    else
        g.a.SparseCommon(outgoing, held, h.n, h.n,
                         [](double x, double y) { return std::max(x, y); });
    if (g.directed) {
        g.at = g.a;
        g.at.Transpose();
    }
    const DenseVec probe(grid, h.n, 0.0);
    g.offset = probe.LengthUntil();
    g.local = probe.LocArrSize();
    g.starts.assign(static_cast<std::size_t>(ranks) + 1, h.n);
    MPI_Allgather(&g.offset, 1, MPI_INT64_T, g.starts.data(), 1, MPI_INT64_T, g.comm);
    return g;
}

}  // namespace liaison::dist
