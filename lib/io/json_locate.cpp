#include "io/json_locate.hpp"

#include <cctype>
#include <cstring>

#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

constexpr std::size_t kNone = std::string::npos;

// Walks a JSON text along a path. Only used on error paths, on text that parsed up to the
// error, so it gives up (npos) on anything malformed rather than diagnosing it.
class PathScanner {
public:
    PathScanner(std::string_view text, const std::vector<std::string>& path, int occurrence,
                bool at_key)
        : t_(text), path_(path), occurrence_(occurrence), at_key_(at_key) {}

    std::size_t run() {
        ws();
        return find(0);
    }

private:
    void ws() {
        while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
    }
    bool eat(char c) {
        ws();
        if (i_ >= t_.size() || t_[i_] != c) return false;
        ++i_;
        return true;
    }

    unsigned hex4() {
        if (i_ + 4 > t_.size()) return 0;
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = t_[i_++];
            v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                                   ? c - '0'
                                                   : (std::tolower(c) - 'a' + 10));
        }
        return v;
    }

    // At an opening quote: decodes the string and moves past it.
    bool string(std::string& out) {
        if (i_ >= t_.size() || t_[i_] != '"') return false;
        ++i_;
        while (i_ < t_.size() && t_[i_] != '"') {
            char c = t_[i_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= t_.size()) return false;
            char e = t_[i_++];
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < t_.size() && t_[i_] == '\\') {
                        i_ += 2;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    out += e;
            }
        }
        return eat('"');
    }

    bool skip_value() {
        ws();
        if (i_ >= t_.size()) return false;
        char c = t_[i_];
        if (c == '"') {
            std::string ignored;
            return string(ignored);
        }
        if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            ++i_;
            if (eat(close)) return true;
            do {
                if (c == '{') {
                    ws();
                    std::string ignored;
                    if (!string(ignored) || !eat(':')) return false;
                }
                if (!skip_value()) return false;
            } while (eat(','));
            return eat(close);
        }
        while (i_ < t_.size() && !std::strchr(",]} \t\r\n", t_[i_])) ++i_;  // literal or number
        return true;
    }

    // At the start of the value for path_[0..depth).
    std::size_t find(std::size_t depth) {
        if (depth == path_.size()) return i_;
        if (i_ >= t_.size()) return kNone;
        const std::string& step = path_[depth];
        bool last = depth + 1 == path_.size();
        if (t_[i_] == '{') {
            ++i_;
            if (eat('}')) return kNone;
            do {
                ws();
                std::size_t key_at = i_;
                std::string key;
                if (!string(key) || !eat(':')) return kNone;
                ws();
                if (key == step && (!last || seen_++ == occurrence_))
                    return last && at_key_ ? key_at : find(depth + 1);
                if (!skip_value()) return kNone;
            } while (eat(','));
            return kNone;
        }
        if (t_[i_] == '[') {
            ++i_;
            if (eat(']')) return kNone;
            std::size_t index = 0;
            do {
                ws();
                if (std::to_string(index++) == step) return find(depth + 1);
                if (!skip_value()) return kNone;
            } while (eat(','));
        }
        return kNone;
    }

    std::string_view t_;
    const std::vector<std::string>& path_;
    int occurrence_;
    bool at_key_;
    int seen_ = 0;
    std::size_t i_ = 0;
};

}  // namespace

std::size_t locate_json_path(std::string_view text, const std::vector<std::string>& path,
                             int occurrence, bool at_key) {
    return PathScanner(text, path, occurrence, at_key).run();
}

std::size_t find_nesting_over(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::string::npos;
}

}  // namespace liaison::detail
