#pragma once
// The results file of liaison-dist (docs/scale.md), read by `liaison scores`: a header
// `id<TAB>algo1<TAB>algo2…`, then one line per vertex: its node id and one number per algorithm.
#include <string>
#include <string_view>
#include <vector>

namespace liaison::cli {

struct ResultsTable {
    std::string text;                         // the file's bytes: ids point into it
    std::vector<std::string> columns;         // the algorithms, in the header's order
    std::vector<std::string_view> ids;        // one per row
    std::vector<std::size_t> lines;           // the 1-based line of each row, for messages
    std::vector<std::vector<double>> values;  // values[column][row]; inf and nan as written
};

// Reads and checks the whole file: InputError naming file:line:column and what was expected
// for a missing or malformed header, a line with too few or too many fields, a value that is
// not a number, an empty id. (A repeated id is found against the database, by node index.)
ResultsTable read_results(const std::string& path);

// Whether a column holds whole numbers by nature (components, bfs, degree, kcore) and every
// finite value in it is one: stored as integers then.
bool integer_column(const ResultsTable& t, std::size_t column);

}  // namespace liaison::cli
