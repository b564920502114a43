#pragma once
// openCypher's `=~`: a whole-string match of a regular expression, with RE2 (linear time, no
// recursion, so no pattern or text can hang or crash a query). Patterns compile once per query.
// Java-only constructs RE2 lacks (backreferences, lookaround, possessive quantifiers, atomic
// groups) are refused with the position in the pattern rather than answered wrongly.
#include <memory>
#include <string>
#include <unordered_map>

namespace re2 {
class RE2;
}

namespace liaison::query {

class RegexCache {
public:
    RegexCache();
    ~RegexCache();
    RegexCache(const RegexCache&) = delete;
    RegexCache& operator=(const RegexCache&) = delete;
    // Whether `text` matches `pattern` as a whole; ArgumentError when the pattern is invalid or
    // uses what RE2 does not support.
    bool full_match(const std::string& text, const std::string& pattern);

private:
    std::unordered_map<std::string, std::unique_ptr<re2::RE2>> compiled_;
};

}  // namespace liaison::query
