#include "query/executor/regex.hpp"

#include <re2/re2.h>

#include <cctype>

#include <fmt/format.h>

#include "query/executor/context.hpp"

namespace liaison::query {

namespace {

// Whether the `}` at `close` ends a counted repetition `{n}`, `{n,}` or `{n,m}` (not `\p{L}`).
bool closes_repetition(const std::string& p, std::size_t close) {
    std::size_t open = p.rfind('{', close);
    if (open == std::string::npos || open + 1 == close) return false;
    // `\{` is a literal brace; `\p{…}`, `\x{…}` are escapes.
    if (open > 0 && (p[open - 1] == '\\' || (open > 1 && p[open - 2] == '\\'))) return false;
    for (std::size_t k = open + 1; k < close; ++k)
        if (!std::isdigit(static_cast<unsigned char>(p[k])) && p[k] != ',') return false;
    return true;
}

// A construct of Java's syntax that RE2 does not have, at byte `at` of the pattern; empty when
// none. Escapes and character classes are skipped so `\(?=` or `[?=]` are not flagged.
std::string unsupported(const std::string& p, std::size_t& at) {
    bool in_class = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '\\') {
            if (!in_class && i + 1 < p.size() &&
                ((p[i + 1] >= '1' && p[i + 1] <= '9') || p[i + 1] == 'k')) {
                at = i;
                return "backreferences";
            }
            ++i;
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            continue;
        }
        if (c == '[') {
            in_class = true;
            if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // `[]...]`: a literal ]
            continue;
        }
        if (c == '(' && i + 2 < p.size() && p[i + 1] == '?') {
            char d = p[i + 2];
            at = i;
            if (d == '=' || d == '!') return "lookahead";
            if (d == '<' && i + 3 < p.size() && (p[i + 3] == '=' || p[i + 3] == '!'))
                return "lookbehind";
            if (d == '>') return "atomic groups";
        }
        if ((c == '*' || c == '+' || c == '?' || (c == '}' && closes_repetition(p, i))) &&
            i + 1 < p.size() && p[i + 1] == '+') {
            at = i + 1;
            return "possessive quantifiers";
        }
    }
    return {};
}

[[noreturn]] void bad_pattern(const std::string& pattern, const std::string& what) {
    runtime_error("ArgumentError", "InvalidArgumentValue",
                  fmt::format("invalid regular expression '{}': {}", pattern, what));
}

}  // namespace

RegexCache::RegexCache() = default;
RegexCache::~RegexCache() = default;

bool RegexCache::full_match(const std::string& text, const std::string& pattern) {
    auto it = compiled_.find(pattern);
    if (it == compiled_.end()) {
        std::size_t at = 0;
        std::string what = unsupported(pattern, at);
        if (!what.empty())
            bad_pattern(pattern, fmt::format("{} (at character {}) are not supported by =~ "
                                             "(RE2 syntax, see docs/query.md)",
                                             what, at + 1));
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_unique<RE2>(pattern, options);
        if (!re->ok()) {
            // RE2 names the offending part; its position helps when it is not the whole pattern.
            const std::string& arg = re->error_arg();
            std::size_t pos = pattern.find(arg);
            std::string where = pos != std::string::npos && !arg.empty() && arg != pattern
                                    ? fmt::format(" (at character {})", pos + 1)
                                    : "";
            bad_pattern(pattern, re->error() + where);
        }
        it = compiled_.emplace(pattern, std::move(re)).first;
    }
    return RE2::FullMatch(text, *it->second);
}

}  // namespace liaison::query
