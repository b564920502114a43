// LOAD CSV: records of a local file as RFC 4180 defines them (fields separated by one character,
// quoted fields with the terminator, doubled quotes and line breaks inside). The file is read
// once and parsed one record per row pulled, so a large file streams into the query's rows.
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

namespace {

[[noreturn]] void csv_error(const std::string& message) {
    runtime_error("ExternalResourceError", "ExternalResourceFailed", message);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The local path a LOAD CSV source names: a path as it is (relative to the working directory),
// or a file: URL (file:///abs/x.csv, file:rel/x.csv) with its %XX escapes decoded. Any other
// scheme is refused.
std::string local_path(const std::string& url) {
    std::size_t colon = url.find(':');
    bool has_scheme = colon != std::string::npos && colon >= 2;
    for (std::size_t i = 0; has_scheme && i < colon; ++i) {
        char c = url[i];
        has_scheme = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    }
    if (!has_scheme) return url;
    std::string scheme = url.substr(0, colon);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "file")
        runtime_error("SyntaxError", "NotSupported",
                      fmt::format("LOAD CSV from {}: URLs is not supported: give a local file, as "
                                  "a path or a file:/// URL",
                                  scheme));
    std::string rest = url.substr(colon + 1);
    if (rest.rfind("//", 0) == 0) {
        std::size_t slash = rest.find('/', 2);
        std::string host = rest.substr(2, slash == std::string::npos ? rest.npos : slash - 2);
        if (!host.empty() && host != "localhost")
            runtime_error(
                "SyntaxError", "NotSupported",
                fmt::format("LOAD CSV from host '{}' is not supported: only local files", host));
        rest = slash == std::string::npos ? "" : rest.substr(slash);
    }
    std::string path;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && hex_digit(rest[i + 1]) >= 0 &&
            hex_digit(rest[i + 2]) >= 0) {
            path += static_cast<char>(hex_digit(rest[i + 1]) * 16 + hex_digit(rest[i + 2]));
            i += 2;
        } else {
            path += rest[i];
        }
    }
    return path;
}

std::string quote_char(char c) {
    if (c == '\t') return "'\\t'";
    return fmt::format("'{}'", c);
}

}  // namespace

struct LoadCsv::Reader {
    std::string name;  // the path, as errors and file() show it
    std::string text;
    std::size_t pos = 0;
    std::int64_t line = 1;
    char terminator = ',';
    bool headers_read = false;
    std::vector<std::string> headers;

    [[noreturn]] void fail(std::size_t offset, const std::string& what) const {
        LineColumn lc = line_column_at(text, offset);
        csv_error(fmt::format("{}:{}:{}: {}", name, lc.line, lc.column, what));
    }

    void open(const std::string& path, Governor& gov) {
        name = path;
        std::error_code ec;
        auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status))
            csv_error(fmt::format("LOAD CSV cannot open '{}': no such file", path));
        if (!std::filesystem::is_regular_file(status))
            csv_error(fmt::format("LOAD CSV cannot read '{}': not a regular file", path));
        auto size = std::filesystem::file_size(path, ec);
        if (!ec) gov.reserve(static_cast<std::size_t>(size));
        std::ifstream in(path, std::ios::binary);
        if (!in)
            csv_error(fmt::format("LOAD CSV cannot open '{}': {}", path, std::strerror(errno)));
        std::ostringstream buf;
        buf << in.rdbuf();
        text = std::move(buf).str();
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) pos = 3;  // a byte order mark
        if (auto bad = find_invalid_utf8(text)) fail(*bad, "not UTF-8 text");
    }

    bool line_end(std::size_t at) const {
        return text[at] == '\n' ||
               (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n');
    }

    // The next record's fields (an empty unquoted field is null, "" is an empty string) and the
    // line it starts on; false at the end of the file. Blank lines are skipped.
    bool next(std::vector<std::optional<std::string>>& fields, std::int64_t& start_line) {
        while (pos < text.size() && line_end(pos)) {
            pos += text[pos] == '\r' ? 2 : 1;
            ++line;
        }
        if (pos >= text.size()) return false;
        fields.clear();
        start_line = line;
        for (;;) {
            if (pos < text.size() && text[pos] == '"') {
                std::size_t open_at = pos++;
                std::string field;
                for (;;) {
                    if (pos >= text.size())
                        fail(open_at,
                             "a quoted field is not closed (expected '\"' before the end "
                             "of the file)");
                    char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++pos;
                }
                if (pos < text.size() && text[pos] != terminator && !line_end(pos))
                    fail(pos, fmt::format("expected the field terminator {} or the end of the "
                                          "line after a closing quote",
                                          quote_char(terminator)));
                fields.emplace_back(std::move(field));
            } else {
                std::size_t begin = pos;
                while (pos < text.size() && text[pos] != terminator && !line_end(pos)) {
                    if (text[pos] == '"')
                        fail(pos,
                             "a quote inside an unquoted field (quote the whole field and "
                             "double the quotes inside it)");
                    ++pos;
                }
                if (pos == begin)
                    fields.emplace_back(std::nullopt);
                else
                    fields.emplace_back(text.substr(begin, pos - begin));
            }
            if (pos >= text.size()) return true;
            if (text[pos] == terminator) {
                ++pos;
                continue;
            }
            pos += text[pos] == '\r' ? 2 : 1;
            ++line;
            return true;
        }
    }
};

LoadCsv::LoadCsv(const bound::Clause& clause, std::string text)
    : clause_(clause), text_(std::move(text)) {}

LoadCsv::~LoadCsv() = default;

std::string LoadCsv::describe() const {
    return fmt::format("LoadCsv{} {} as {}", clause_.with_headers ? " with headers" : "", text_,
                       clause_.alias);
}

void LoadCsv::on_open() { reader_.reset(); }

bool LoadCsv::produce(Row& row) {
    std::vector<std::optional<std::string>> fields;
    for (;;) {
        if (!reader_) {
            if (!input_->next(current_)) return false;
            Value url = eval(*clause_.expr, current_, ctx());
            if (url.kind() != Value::Kind::String)
                type_error(fmt::format("LOAD CSV expects a file name or URL as a string, got {}",
                                       Value::kind_name(url.kind())));
            reader_ = std::make_unique<Reader>();
            reader_->terminator = clause_.terminator;
            reader_->open(local_path(url.as_string()), ctx().gov);
        }
        std::int64_t line = 0;
        if (!reader_->next(fields, line)) {
            reader_.reset();
            continue;
        }
        ctx().gov.tick();
        if (clause_.with_headers && !reader_->headers_read) {
            reader_->headers_read = true;
            for (auto& f : fields) reader_->headers.push_back(f ? std::move(*f) : std::string());
            continue;
        }
        Value record;
        if (clause_.with_headers) {
            ValueMap m;
            for (std::size_t i = 0; i < reader_->headers.size(); ++i) {
                Value v;
                if (i < fields.size() && fields[i]) v = std::move(*fields[i]);
                map_set(m, reader_->headers[i], std::move(v));
            }
            record = std::move(m);
        } else {
            ValueList l;
            l.reserve(fields.size());
            for (auto& f : fields) l.push_back(f ? Value(std::move(*f)) : Value());
            record = std::move(l);
        }
        row = current_;
        row[clause_.slot] = std::move(record);
        row[clause_.line_slot] = line;
        row[clause_.file_slot] = reader_->name;
        return true;
    }
}

}  // namespace liaison::query
