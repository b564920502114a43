// FOREACH (x IN list | updates…) and LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR t].
#include <fmt/format.h>

#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

namespace {

bool is_update(ast::ClauseKind k) {
    using K = ast::ClauseKind;
    return k == K::Create || k == K::Merge || k == K::Set || k == K::Remove || k == K::Delete ||
           k == K::Foreach;
}

// The scheme of a URL ("http" of "http://x"), or empty for a plain path. A Windows drive letter
// is one character, so a scheme must be two or more.
std::string_view url_scheme(std::string_view url) {
    std::size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon < 2) return {};
    for (std::size_t i = 0; i < colon; ++i) {
        char c = url[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok) return {};
    }
    return url.substr(0, colon);
}

}  // namespace

void Parser::foreach_clause(ast::Clause& c) {
    expect_symbol("(");
    c.alias = variable_name();
    expect_keyword("IN");
    c.expr = expr();
    expect_symbol("|");
    while (!is_symbol(")")) {
        if (peek().kind == TokenKind::End) fail_expected("')' closing FOREACH");
        std::size_t at = peek().offset;
        ast::Clause inner = clause();
        if (!is_update(inner.kind))
            fail_at(at, "FOREACH may contain only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH",
                    "InvalidClauseComposition");
        c.body.push_back(std::move(inner));
    }
    if (c.body.empty()) fail_expected("an update clause (CREATE, MERGE, SET, REMOVE, DELETE)");
    expect_symbol(")");
}

void Parser::load_csv_clause(ast::Clause& c) {
    if (accept_keyword("WITH")) {
        expect_keyword("HEADERS");
        c.with_headers = true;
    }
    expect_keyword("FROM");
    c.expr = expr();
    // A URL given as text is checked here, so the error has its position; one from a parameter
    // is checked when the query runs.
    if (c.expr->kind == ast::ExprKind::Literal && c.expr->value.kind() == Value::Kind::String) {
        std::string_view scheme = url_scheme(c.expr->value.as_string());
        if (!scheme.empty() && scheme != "file")
            fail_at(c.expr->begin,
                    fmt::format("LOAD CSV from {}: URLs is not supported: give a local file, as a "
                                "path or a file:/// URL",
                                scheme),
                    "NotSupported");
    }
    expect_keyword("AS");
    c.alias = variable_name();
    if (accept_keyword("FIELDTERMINATOR")) {
        if (peek().kind != TokenKind::String) fail_expected("a string of one character");
        const Token& t = peek();
        if (t.text.size() != 1 || t.text[0] == '"' || t.text[0] == '\n' || t.text[0] == '\r')
            fail_at(t.offset,
                    "a field terminator must be one ASCII character other than a quote or a "
                    "line break");
        c.terminator = t.text[0];
        next();
    }
}

}  // namespace liaison::query::detail
