#include "interchange/csv.hpp"

namespace liaison {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class CsvScanner {
public:
    CsvScanner(std::string_view text, const std::string& name, ProblemLog& log, char delimiter)
        : text_(text), name_(name), log_(log), delimiter_(delimiter) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }

    std::vector<CsvRecord> run() {
        std::vector<CsvRecord> records;
        while (pos_ < text_.size()) {
            CsvRecord record;
            record.line = line_;
            if (!read_record(record)) break;
            bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
            if (!blank) records.push_back(std::move(record));
        }
        return records;
    }

private:
    char peek() const { return text_[pos_]; }
    bool at_end() const { return pos_ >= text_.size(); }

    // Advances one byte, keeping line and column (code points) current.
    void advance() {
        char c = text_[pos_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if (!is_continuation(c)) {
            ++column_;
        }
    }

    // Consumes a record terminator if one is next; true when the record ended.
    bool end_of_record() {
        if (at_end()) return true;
        if (peek() == '\n') {
            advance();
            return true;
        }
        if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
            ++pos_;  // the \r takes no column of its own
            advance();
            return true;
        }
        return false;
    }

    bool read_record(CsvRecord& record) {
        for (;;) {
            CsvField field;
            field.line = line_;
            field.column = column_;
            if (!at_end() && peek() == '"') {
                if (!read_quoted(field)) return false;
            } else {
                while (!at_end() && peek() != delimiter_ && peek() != '\n' &&
                       !(peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) {
                    field.text += peek();
                    advance();
                }
            }
            record.fields.push_back(std::move(field));
            if (end_of_record()) return true;
            if (peek() == delimiter_) {
                advance();
                continue;
            }
            log_.report({name_, line_, column_},
                        "expected a delimiter or the end of the line after a quoted field");
            return false;
        }
    }

    bool read_quoted(CsvField& field) {
        advance();  // opening quote
        for (;;) {
            if (at_end()) {
                log_.report({name_, field.line, field.column},
                            "quoted field is not closed (missing '\"')");
                return false;
            }
            char c = peek();
            advance();
            if (c != '"') {
                field.text += c;
                continue;
            }
            if (!at_end() && peek() == '"') {
                field.text += '"';
                advance();
                continue;
            }
            return true;
        }
    }

    std::string_view text_;
    const std::string& name_;
    ProblemLog& log_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& name, ProblemLog& log,
                                 char delimiter) {
    return CsvScanner(text, name, log, delimiter).run();
}

std::string csv_quote(std::string_view field, char delimiter) {
    bool needs = field.find_first_of(std::string{'"', '\n', '\r', delimiter}) != field.npos ||
                 (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_line(const std::vector<std::string>& fields, char delimiter) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += delimiter;
        out += csv_quote(fields[i], delimiter);
    }
    out += '\n';
    return out;
}

}  // namespace liaison
