#pragma once
// Finding lexicon entries in a sentence: the longest run of tokens whose variants walk the trie.
#include <cstdint>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/tokens.hpp"

namespace liaison::extract {

struct Hit {
    std::uint32_t first = 0, last = 0;  // tokens, last exclusive
    std::uint32_t node = 0;             // trie node holding the entries
    std::uint8_t skip = 0;              // clitics dropped from the first token (folded)
    std::uint8_t flags = 0;             // VariantFlags of the first token
};

// Greedy, left to right, longest match first; hits do not overlap.
std::vector<Hit> find_hits(const Lexicon& lex, const Tokens& tokens, Sentence s);

// The longest match starting at token i (last == first when none).
Hit longest_hit(const Lexicon& lex, const std::vector<Token>& tokens, std::uint32_t i,
                std::uint32_t end);

}  // namespace liaison::extract
