#pragma once
// The word-level helpers shared by event recognition (events.cpp) and the hosting and attending
// frames (event_frames.cpp); internal to lib/extract.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/analysis.hpp"

namespace liaison::extract::events_detail {

inline constexpr char32_t kAlef = U'\u0627', kLam = U'\u0644', kBa = U'\u0628', kWaw = U'\u0648';

// An events.tsv word found in the text.
struct WordAt {
    const EventWordInfo* info = nullptr;
    std::uint32_t last = 0;  // tokens, exclusive
    std::uint8_t flags = 0;  // clitics of the first token
    std::uint8_t skip = 0;
};

WordAt event_word(const Analysis& a, std::uint32_t i, std::uint32_t end);
inline bool is_kind(const WordAt& w, EventWordKind k) { return w.info && w.info->kind == k; }
inline bool is_head(const WordAt& w) {
    return is_kind(w, EventWordKind::Head) || is_kind(w, EventWordKind::Weak);
}
const Item* item_at(const SentenceState& st, std::uint32_t i);
const Mention* mention_at(const SentenceState& st, std::uint32_t i);
inline std::u32string_view form_of(const Analysis& a, std::uint32_t i) {
    return a.tokens.tokens[i].form(a.text);
}
bool with_ba(const Analysis& a, std::uint32_t i);
bool starts_with_lam(const Analysis& a, std::uint32_t i);
bool conj_at(const Analysis& a, std::uint32_t i);
bool has_article(const Analysis& a, std::uint32_t i);
bool definite(const Analysis& a, std::uint32_t i);
bool is_latin(const Analysis& a, std::uint32_t i);
bool capitalised(const Analysis& a, std::uint32_t i);
std::pair<std::vector<EventMention>::const_iterator, std::vector<EventMention>::const_iterator>
sentence_events(const Analysis& a, std::uint32_t si);

}  // namespace liaison::extract::events_detail
