#pragma once
// Query text → tokens. Keywords are not distinguished here (they are case-insensitive and may
// also be used as names, e.g. `n.count`); the parser matches identifiers against them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::query {

enum class TokenKind {
    Identifier,  // name or keyword; `quoted` when written in backticks
    Integer,     // decimal, 0x hex or 0o octal; text holds the digits as written
    Float,
    String,     // text holds the unescaped value
    Parameter,  // $name; text holds the name
    Symbol,     // punctuation and operators; text holds the symbol
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    std::size_t offset = 0;  // byte offset of the first character in the query
    std::size_t end = 0;     // byte offset after the last character
    bool quoted = false;     // an identifier in backticks
};

// Splits a query into tokens, ending with an End token. Skips whitespace and // and /* */
// comments. Throws QueryError (stage Lexer, SyntaxError) with line and column on malformed
// input: an unterminated string or comment, a bad escape, an unexpected character.
std::vector<Token> tokenize(std::string_view text);

}  // namespace liaison::query
