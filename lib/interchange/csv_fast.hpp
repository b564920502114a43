#pragma once
// The fast path of a CSV import (docs/interchange.md, "CSV"): relationship files read as views
// over the file's bytes, on both cores, straight into edges. It handles the common case (plain
// fields, known endpoints, dates and typed property columns) and gives up on anything else:
// then the row reader (csv_format.cpp) runs, which builds the same graph or reports every
// problem with its file:line:column. The two paths are tested to give identical databases.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/interchange/interchange.hpp"

namespace liaison::detail {

struct CsvView {
    std::string name;
    std::string_view text;
};

// Documents and relation types first (0, 1), so the rows that cite them find them declared.
int csv_file_rank(std::string_view text);

// The graph the row reader would build from these files, or nullopt when the fast path cannot
// tell (a quoted field, a bad or blank row, an unknown endpoint, an unusual column, …).
std::optional<ImportResult> import_csv_fast(const std::vector<CsvView>& files,
                                            const ImportOptions& options);

// The row reader alone: every file parsed into records and assembled (the reference path).
ImportResult import_csv_rows(const std::vector<NamedText>& files, const ImportOptions& options);

}  // namespace liaison::detail
