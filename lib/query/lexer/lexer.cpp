#include "query/lexer/lexer.hpp"

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "liaison/query/error.hpp"

namespace liaison::query {

namespace {

bool is_ident_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class Lexer {
public:
    explicit Lexer(std::string_view text) : s_(text) {}

    std::vector<Token> run() {
        if (auto bad = find_invalid_utf8(s_)) fail(*bad, "invalid UTF-8 in the query");
        std::vector<Token> out;
        for (;;) {
            skip_space();
            Token t;
            t.offset = i_;
            if (i_ >= s_.size()) {
                t.kind = TokenKind::End;
                t.end = i_;
                out.push_back(std::move(t));
                return out;
            }
            lex_one(t);
            t.end = i_;
            out.push_back(std::move(t));
        }
    }

private:
    [[noreturn]] void fail(std::size_t at, const std::string& what) {
        LineColumn lc = line_column_at(s_, std::min(at, s_.size()));
        throw QueryError(Stage::Lexer, "SyntaxError", "InvalidToken", what, lc.line, lc.column);
    }

    char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

    void skip_space() {
        while (i_ < s_.size()) {
            char c = s_[i_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                ++i_;
            } else if (c == '/' && peek(1) == '/') {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
            } else if (c == '/' && peek(1) == '*') {
                std::size_t start = i_;
                i_ += 2;
                while (i_ + 1 < s_.size() && !(s_[i_] == '*' && s_[i_ + 1] == '/')) ++i_;
                if (i_ + 1 >= s_.size()) fail(start, "unterminated comment: expected '*/'");
                i_ += 2;
            } else if (static_cast<unsigned char>(c) == 0xC2 && peek(1) == '\xA0') {
                i_ += 2;  // no-break space
            } else {
                break;
            }
        }
    }

    void lex_one(Token& t) {
        char c = s_[i_];
        if (is_ident_start(static_cast<unsigned char>(c))) {
            t.kind = TokenKind::Identifier;
            while (i_ < s_.size() && is_ident_char(static_cast<unsigned char>(s_[i_]))) ++i_;
            t.text = std::string(s_.substr(t.offset, i_ - t.offset));
            return;
        }
        if (c == '`') {
            t.kind = TokenKind::Identifier;
            t.quoted = true;
            ++i_;
            for (;;) {
                if (i_ >= s_.size()) fail(t.offset, "unterminated quoted name: expected '`'");
                if (s_[i_] == '`') {
                    if (peek(1) == '`') {
                        t.text += '`';
                        i_ += 2;
                        continue;
                    }
                    ++i_;
                    break;
                }
                t.text += s_[i_++];
            }
            return;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return lex_number(t);
        if (c == '\'' || c == '"') return lex_string(t, c);
        if (c == '$') {
            t.kind = TokenKind::Parameter;
            ++i_;
            if (peek() == '`') {
                Token q;
                q.offset = i_;
                lex_one(q);
                t.text = q.text;
                return;
            }
            std::size_t start = i_;
            while (i_ < s_.size() && is_ident_char(static_cast<unsigned char>(s_[i_]))) ++i_;
            if (i_ == start) fail(t.offset, "expected a parameter name after '$'");
            t.text = std::string(s_.substr(start, i_ - start));
            return;
        }
        lex_symbol(t);
    }

    void lex_number(Token& t) {
        if (s_[i_] == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            i_ += 2;
            std::size_t start = i_;
            while (i_ < s_.size() && is_hex(s_[i_])) ++i_;
            if (i_ == start) fail(t.offset, "expected hexadecimal digits after '0x'");
            t.kind = TokenKind::Integer;
            t.text = std::string(s_.substr(t.offset, i_ - t.offset));
        } else if (s_[i_] == '0' && (peek(1) == 'o' || peek(1) == 'O')) {
            i_ += 2;
            std::size_t start = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '7') ++i_;
            if (i_ == start) fail(t.offset, "expected octal digits after '0o'");
            t.kind = TokenKind::Integer;
            t.text = std::string(s_.substr(t.offset, i_ - t.offset));
        } else {
            bool is_float = false;
            while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
            if (peek() == '.' && is_digit(peek(1))) {
                is_float = true;
                ++i_;
                while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
            }
            if (peek() == 'e' || peek() == 'E') {
                std::size_t k = 1;
                if (peek(1) == '-' || peek(1) == '+') k = 2;
                if (is_digit(peek(k))) {
                    is_float = true;
                    i_ += k;
                    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
                }
            }
            t.kind = is_float ? TokenKind::Float : TokenKind::Integer;
            t.text = std::string(s_.substr(t.offset, i_ - t.offset));
        }
        if (i_ < s_.size() && is_ident_char(static_cast<unsigned char>(s_[i_])))
            fail(i_, fmt::format("unexpected character '{}' in a number", s_[i_]));
    }

    void lex_string(Token& t, char quote) {
        t.kind = TokenKind::String;
        ++i_;
        for (;;) {
            if (i_ >= s_.size())
                fail(t.offset, fmt::format("unterminated string: expected {}", quote));
            char c = s_[i_];
            if (c == quote) {
                ++i_;
                return;
            }
            if (c != '\\') {
                t.text += c;
                ++i_;
                continue;
            }
            char e = peek(1);
            std::size_t at = i_;
            i_ += 2;
            switch (e) {
                case '\\':
                    t.text += '\\';
                    break;
                case '\'':
                    t.text += '\'';
                    break;
                case '"':
                    t.text += '"';
                    break;
                case 'n':
                    t.text += '\n';
                    break;
                case 't':
                    t.text += '\t';
                    break;
                case 'r':
                    t.text += '\r';
                    break;
                case 'b':
                    t.text += '\b';
                    break;
                case 'f':
                    t.text += '\f';
                    break;
                case 'u':
                case 'U': {
                    std::size_t n = e == 'u' ? 4 : 8;
                    std::uint32_t cp = 0;
                    for (std::size_t k = 0; k < n; ++k) {
                        char h = peek();
                        if (!is_hex(h)) fail(at, "bad unicode escape: expected hexadecimal digits");
                        cp = cp * 16 + static_cast<std::uint32_t>(
                                           is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                        ++i_;
                    }
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                        fail(at, "bad unicode escape: not a code point");
                    append_utf8(t.text, cp);
                    break;
                }
                default:
                    fail(at, "bad escape sequence in string");
            }
        }
    }

    void lex_symbol(Token& t) {
        // Arrows are not tokens: the parser reads '<', '-' and '>' so `x<-1` stays an expression.
        static constexpr std::string_view kTwo[] = {"..", "<>", "!=", "<=", ">=", "=~", "+="};
        t.kind = TokenKind::Symbol;
        std::string_view rest = s_.substr(i_);
        for (std::string_view two : kTwo) {
            if (rest.substr(0, 2) == two) {
                t.text = std::string(two);
                i_ += 2;
                return;
            }
        }
        static constexpr std::string_view kOne = "()[]{},.:;|+-*/%^=<>!";
        if (kOne.find(s_[i_]) != std::string_view::npos) {
            t.text = std::string(1, s_[i_]);
            ++i_;
            return;
        }
        // Unicode dashes and arrows count as '-', '<' and '>' in openCypher.
        static constexpr std::string_view kDashes[] = {"\u2010", "\u2011", "\u2012", "\u2013",
                                                       "\u2014", "\u2015", "\uFE58", "\uFE63",
                                                       "\uFF0D", "\u00AD", "\u2212"};
        for (std::string_view d : kDashes) {
            if (rest.substr(0, d.size()) == d) {
                t.text.assign(1, '-');
                i_ += d.size();
                return;
            }
        }
        fail(i_, fmt::format("unexpected character '{}'", std::string(rest.substr(0, 1))));
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Lexer(text).run(); }

}  // namespace liaison::query
