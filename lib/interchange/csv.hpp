#pragma once
// RFC 4180 CSV with positions: what spreadsheets export and Neo4j's import tool reads.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/interchange/error.hpp"

namespace liaison {

struct CsvField {
    std::string text;
    std::size_t line = 0;    // 1-based line where the field starts
    std::size_t column = 0;  // 1-based column (code points) where the field starts
};

struct CsvRecord {
    std::vector<CsvField> fields;
    std::size_t line = 0;
};

// Parses RFC 4180 text: fields separated by `delimiter`, records ended by LF or CRLF; a field in
// double quotes may hold delimiters, line breaks and doubled quotes (""). A leading UTF-8 byte
// order mark is skipped, blank lines are ignored. An unterminated quoted field or text after a
// closing quote is reported to `log` (file `name`) and ends the parse.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& name, ProblemLog& log,
                                 char delimiter = ',');

// One field as RFC 4180 writes it: quoted (quotes doubled) when it holds the delimiter, a quote,
// a line break or leading/trailing spaces; as is otherwise.
std::string csv_quote(std::string_view field, char delimiter = ',');

// A record: fields quoted as needed, joined by the delimiter, ended by "\n".
std::string csv_line(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace liaison
