#include "io/text_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

// The length a lead byte announces, as find_invalid_utf8 reads it (invalid leads included).
std::size_t sequence_length(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2; }

// Invalid UTF-8 anywhere, skipping ASCII eight bytes at a time (the common case by far).
bool has_invalid_utf8(std::string_view text) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (!(word & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = sequence_length(c);
        if (find_invalid_utf8(text.substr(i, len))) return true;
        i += len;
    }
    return false;
}

// A "\u0000" or surrogate escape (paired or not) anywhere: the first is refused and the others
// are rare, so the validated path, which tells a pair from a lone one, reads them all. Text
// quoting a backslash before such letters also falls back, which only costs time.
bool has_unusual_escape(std::string_view s) {
    for (std::size_t p = s.find("\\u"); p != std::string_view::npos; p = s.find("\\u", p + 1)) {
        if (p + 6 > s.size()) break;
        const std::string_view hex = s.substr(p + 2, 4);
        if (hex == "0000") return true;
        if ((hex[0] == 'd' || hex[0] == 'D') && std::strchr("89abcdefABCDEF", hex[1]) &&
            hex[1] != '\0')
            return true;
    }
    return false;
}

}  // namespace

bool TextChecks::next(std::string_view block) {
    if (block.empty()) return true;
    if (head_len_ < 3) {
        const std::size_t take = std::min(3 - head_len_, block.size());
        std::memcpy(head_ + head_len_, block.data(), take);
        head_len_ += take;
        if (std::string_view(head_, head_len_) == "\xEF\xBB\xBF") return false;
    }
    if (std::memchr(block.data(), '\0', block.size())) return false;

    // Such an escape within the block, or begun in the blocks before.
    std::string joined(tail_, tail_len_);
    joined.append(block.substr(0, 5));
    if (has_unusual_escape(joined) || has_unusual_escape(block)) return false;
    const std::string_view last = block.size() >= 5 ? block : std::string_view(joined);
    tail_len_ = std::min<std::size_t>(5, last.size());
    std::memcpy(tail_, last.data() + last.size() - tail_len_, tail_len_);

    return utf8(block);
}

bool TextChecks::utf8(std::string_view block) {
    std::size_t from = 0;
    if (carry_len_) {
        // Finish the sequence the last block began; a block too short for it is the last.
        const std::size_t need =
            sequence_length(static_cast<unsigned char>(carry_[0])) - carry_len_;
        const std::size_t take = std::min(need, block.size());
        std::memcpy(carry_ + carry_len_, block.data(), take);
        carry_len_ += take;
        if (take < need) return true;
        if (find_invalid_utf8(std::string_view(carry_, carry_len_))) return false;
        carry_len_ = 0;
        from = need;
    }
    // Hold back a sequence the block ends inside of: its lead is at most three bytes back.
    const std::size_t n = block.size();
    std::size_t cut = n;
    if (n > from) {
        std::size_t j = n - 1;
        while (j > from && j + 3 > n && (static_cast<unsigned char>(block[j]) & 0xC0) == 0x80) --j;
        const auto lead = static_cast<unsigned char>(block[j]);
        if (lead >= 0xC0 && j + sequence_length(lead) > n) cut = j;
    }
    if (has_invalid_utf8(block.substr(from, cut - from))) return false;
    carry_len_ = n - cut;
    std::memcpy(carry_, block.data() + cut, carry_len_);
    return true;
}

}  // namespace liaison::detail
