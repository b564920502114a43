#pragma once
// What JSON allows but liaison cannot keep exactly, refused with a position by every JSON reader
// that feeds the model (docs/format.md, "Strict JSON"): "\u0000" escapes (a NUL would cut a name
// or key), lone surrogate escapes (no UTF-8 spells them, so they could not be written back),
// duplicate object members (one would be dropped), integers outside int64, and numbers that
// overflow or underflow a double.
#include <rapidjson/document.h>
#include <rapidjson/reader.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace liaison::detail {

struct JsonProblem {
    enum class Kind { Escape, DuplicateMember, Number };
    JsonProblem(Kind k, std::size_t at, std::string what)
        : kind(k), offset(at), message(std::move(what)) {}
    Kind kind;
    std::size_t offset;   // byte offset in the text
    std::string message;  // what was expected
    // For a duplicate member: the object's path (keys, and indices in arrays), and the name.
    std::vector<std::string> path;
    std::string key;
};

inline constexpr const char* kIntegerOutOfRange =
    "integer out of range (int64); expected an integer from -9223372036854775808 to "
    "9223372036854775807, or a float written with a fraction or exponent";

// The first "\u0000" or lone surrogate escape of a JSON text (the text is assumed to be JSON:
// backslashes only occur in strings), or nullopt.
std::optional<JsonProblem> find_unkept_escape(std::string_view text);

// Why a number token that the parser read as a double cannot be kept, or empty when it can:
// an integer literal (no fraction or exponent) outside int64, a value that overflows to
// infinity, or one with non-zero digits that underflows to 0.
std::string number_problem(std::string_view token, double value);

// The number token at or just before `at` (where the stream stands when the parser reports the
// number: at its start while RapidJSON reads from a local copy of the stream, else past its end),
// and where it starts.
std::string_view number_at(std::string_view text, std::size_t at, std::size_t& start);

// A SAX filter in front of another handler (a document, a schema validator) that stops the parse
// on a duplicate member or a number that cannot be kept, recording where and why.
template <typename Next>
class StrictJson {
public:
    StrictJson(Next& next, std::string_view text, const rapidjson::StringStream& stream)
        : next_(next), text_(text), stream_(stream) {}

    const std::optional<JsonProblem>& problem() const { return problem_; }

    bool Null() { return value() && next_.Null(); }
    bool Bool(bool b) { return value() && next_.Bool(b); }
    bool Int(int i) { return value() && next_.Int(i); }
    bool Uint(unsigned u) { return value() && next_.Uint(u); }
    bool Int64(std::int64_t i) { return value() && next_.Int64(i); }
    bool Uint64(std::uint64_t u) {
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return number(kIntegerOutOfRange);
        return value() && next_.Uint64(u);
    }
    bool Double(double d) {
        std::size_t start = 0;
        std::string why = number_problem(number_at(text_, stream_.Tell(), start), d);
        if (!why.empty()) return number(why);
        return value() && next_.Double(d);
    }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
        return value() && next_.RawNumber(s, n, copy);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        return value() && next_.String(s, n, copy);
    }
    bool StartObject() {
        value();
        frames_.push_back({true, {}, {}, 0});
        return next_.StartObject();
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) {
        Frame& f = frames_.back();
        f.key.assign(s, n);
        if (!f.keys.insert(f.key).second) {
            JsonProblem p{JsonProblem::Kind::DuplicateMember, key_start(),
                          "duplicate member '" + f.key + "'; expected each member once"};
            for (std::size_t i = 0; i + 1 < frames_.size(); ++i)
                p.path.push_back(frames_[i].object ? frames_[i].key
                                                   : std::to_string(frames_[i].index - 1));
            p.key = f.key;
            problem_ = std::move(p);
            return false;
        }
        return next_.Key(s, n, copy);
    }
    bool EndObject(rapidjson::SizeType n) {
        frames_.pop_back();
        return next_.EndObject(n);
    }
    bool StartArray() {
        value();
        frames_.push_back({false, {}, {}, 0});
        return next_.StartArray();
    }
    bool EndArray(rapidjson::SizeType n) {
        frames_.pop_back();
        return next_.EndArray(n);
    }

private:
    struct Frame {
        bool object;
        std::unordered_set<std::string> keys;
        std::string key;        // the member being read
        std::size_t index = 0;  // in an array: items begun
    };

    // Counts array items, so that a duplicate's path names the item.
    bool value() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
        return true;
    }

    bool number(const std::string& why) {
        std::size_t start = 0;
        number_at(text_, stream_.Tell(), start);
        problem_ = JsonProblem{JsonProblem::Kind::Number, start, why};
        return false;
    }

    // The opening quote of the key the parser just read: where the stream stands while RapidJSON
    // reads from a local copy of it, else just past the closing quote.
    std::size_t key_start() const {
        std::size_t i = stream_.Tell();
        if (i < text_.size() && text_[i] == '"') return i;
        if (i == 0) return 0;
        --i;  // the closing quote
        while (i > 0) {
            --i;
            if (text_[i] != '"') continue;
            std::size_t slashes = 0;
            while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
            if (slashes % 2 == 0) return i;
        }
        return 0;
    }

    Next& next_;
    std::string_view text_;
    const rapidjson::StringStream& stream_;
    std::vector<Frame> frames_;
    std::optional<JsonProblem> problem_;
};

// Parses `text` into `doc` with the checks above (escapes first, then the parse). Returns the
// first problem, or nullopt; a syntax error is left in doc.HasParseError() as usual.
template <unsigned kFlags = rapidjson::kParseDefaultFlags>
std::optional<JsonProblem> parse_strict(std::string_view text, rapidjson::Document& doc) {
    if (auto bad = find_unkept_escape(text)) return bad;
    const std::string buffer(text);  // NUL-terminated
    rapidjson::StringStream stream(buffer.c_str());
    std::optional<JsonProblem> problem;
    rapidjson::Reader reader;
    auto generate = [&](rapidjson::Document& d) {
        StrictJson<rapidjson::Document> strict(d, buffer, stream);
        const bool ok = static_cast<bool>(reader.Parse<kFlags>(stream, strict));
        problem = strict.problem();
        return ok;
    };
    doc.Populate(generate);
    if (problem) return problem;
    if (reader.HasParseError()) {
        // Populate leaves the document's own error unset: give it the reader's.
        doc.Parse<kFlags>(buffer.c_str(), buffer.size());
    }
    return std::nullopt;
}

}  // namespace liaison::detail
