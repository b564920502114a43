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
        push(true);
        return next_.StartObject();
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) {
        Frame& f = frames_[depth_ - 1];
        const std::string_view key(s, n);
        if (f.seen(key)) {
            JsonProblem p{JsonProblem::Kind::DuplicateMember, key_start(),
                          "duplicate member '" + std::string(key) + "'; expected each member once"};
            for (std::size_t i = 0; i + 1 < depth_; ++i)
                p.path.push_back(frames_[i].object ? std::string(frames_[i].current())
                                                   : std::to_string(frames_[i].index - 1));
            p.key = std::string(key);
            problem_ = std::move(p);
            return false;
        }
        f.add(key);
        return next_.Key(s, n, copy);
    }
    bool EndObject(rapidjson::SizeType n) {
        --depth_;
        return next_.EndObject(n);
    }
    bool StartArray() {
        value();
        push(false);
        return next_.StartArray();
    }
    bool EndArray(rapidjson::SizeType n) {
        --depth_;
        return next_.EndArray(n);
    }

private:
    // An open object's member names, or an open array's count. Frames are reused as the parse
    // goes down and up again, so a document of many small objects allocates for its deepest
    // path only; names are found by a scan while an object is small (nearly all are) and
    // through a hash set once it is not.
    struct Frame {
        static constexpr std::size_t kScanned = 16;
        bool object = false;
        std::string names;                    // every member name, one after the other
        std::vector<std::size_t> ends;        // where each name ends in `names`
        std::unordered_set<std::string> set;  // all names, once there are more than kScanned
        std::size_t index = 0;                // in an array: items begun

        void reset(bool is_object) {
            object = is_object;
            names.clear();
            ends.clear();
            if (!set.empty()) std::unordered_set<std::string>().swap(set);  // frees its buckets
            index = 0;
        }
        std::string_view name(std::size_t i) const {
            const std::size_t begin = i == 0 ? 0 : ends[i - 1];
            return std::string_view(names).substr(begin, ends[i] - begin);
        }
        std::string_view current() const {
            return ends.empty() ? std::string_view() : name(ends.size() - 1);
        }
        bool seen(std::string_view key) const {
            if (ends.size() > kScanned) return set.count(std::string(key)) > 0;
            for (std::size_t i = 0; i < ends.size(); ++i)
                if (name(i) == key) return true;
            return false;
        }
        void add(std::string_view key) {
            names.append(key);
            ends.push_back(names.size());
            if (ends.size() == kScanned + 1)
                for (std::size_t i = 0; i < ends.size(); ++i) set.emplace(name(i));
            else if (ends.size() > kScanned + 1)
                set.emplace(key);
        }
    };

    void push(bool object) {
        if (depth_ == frames_.size()) frames_.emplace_back();
        frames_[depth_++].reset(object);
    }

    // Counts array items, so that a duplicate's path names the item.
    bool value() {
        if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].index;
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
    std::vector<Frame> frames_;  // frames_[0, depth_) are open
    std::size_t depth_ = 0;
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
