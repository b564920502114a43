// Forms of Neo4j's Cypher (and GQL) that liaison does not have, each refused by name at its
// position: a user who types `CALL { … } IN TRANSACTIONS` or `CREATE CONSTRAINT` learns that the
// form is not supported, not that some token was unexpected.
#include <fmt/format.h>

#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

namespace {

// Words after CREATE that name administration objects liaison does not have (CREATE INDEX and
// CREATE CONSTRAINT, DROP and SHOW are parse_schema.cpp's).
constexpr std::string_view kAdminObjects[] = {"DATABASE", "COMPOSITE", "USER",
                                              "ROLE",     "ALIAS",     "SERVER"};

// Administration commands that start a statement (a clause never starts with a name, so these
// words followed by another cannot be anything else).
constexpr std::string_view kAdminCommands[] = {"GRANT",      "DENY",       "REVOKE",
                                               "ALTER",      "RENAME",     "TERMINATE",
                                               "DEALLOCATE", "REALLOCATE", "DRYRUN"};

// GQL statements that Neo4j's Cypher 25 accepts.
constexpr std::string_view kGqlStatements[] = {"INSERT", "LET",  "FILTER",
                                               "FINISH", "NEXT", "SELECT"};

}  // namespace

void Parser::reject_unsupported() const {
    const Token& t = peek();
    auto refuse = [&](const std::string& what) {
        fail_at(t.offset, what + " is not supported", "NotSupported");
    };
    if (t.kind == TokenKind::Symbol && t.text == ":" && peek(1).kind == TokenKind::Identifier)
        refuse(
            fmt::format(":{} (a command of Neo4j's browser or shell; give parameters with "
                        "--param)",
                        peek(1).text));
    if (t.kind != TokenKind::Identifier || t.quoted) return;
    auto upper = [](std::string s) {
        for (char& ch : s)
            if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        return s;
    };
    if (is_keyword("CALL") && is_symbol("{", 1)) {
        // Find the matching brace to tell `CALL { … } IN TRANSACTIONS` apart.
        std::size_t depth = 0, k = 1;
        for (;; ++k) {
            const Token& x = peek(k);
            if (x.kind == TokenKind::End) break;
            if (x.kind == TokenKind::Symbol && x.text == "{") ++depth;
            if (x.kind == TokenKind::Symbol && x.text == "}" && --depth == 0) break;
        }
        if (is_keyword("IN", k + 1) && is_keyword("TRANSACTIONS", k + 2))
            refuse("CALL { … } IN TRANSACTIONS (a query is one transaction)");
    }
    if (is_keyword("CALL") && is_symbol("(", 1))
        refuse("CALL ( … ) { … } (a subquery with a scope)");
    if (is_keyword("OPTIONAL") && is_keyword("CALL", 1)) refuse("OPTIONAL CALL");
    if (is_keyword("USE"))
        refuse("USE (choosing a database: liaison queries the file it is given)");
    if (is_keyword("CYPHER")) refuse("CYPHER (a version or query options before the query)");
    if (is_keyword("USING")) {
        if (is_keyword("PERIODIC", 1)) refuse("USING PERIODIC COMMIT (a query is one transaction)");
        refuse(fmt::format("USING {} (a planner hint)", upper(peek(1).text)));
    }
    if (is_keyword("CREATE")) {
        std::size_t k = 1;
        if (is_keyword("OR", 1) && is_keyword("REPLACE", 2)) k = 3;
        for (std::string_view w : kAdminObjects)
            if (is_keyword(w, k) && !is_symbol("=", k + 1))  // not a path named `user`
                refuse(fmt::format("{} {}", upper(t.text), upper(peek(k).text)));
        if (k == 3) refuse("CREATE OR REPLACE");
    }
    for (std::string_view w : kAdminCommands)
        if (is_keyword(w) && peek(1).kind == TokenKind::Identifier)
            refuse(fmt::format("{} (an administration command)", upper(t.text)));
    if ((is_keyword("START") || is_keyword("STOP")) && is_keyword("DATABASE", 1))
        refuse(fmt::format("{} DATABASE (an administration command)", upper(t.text)));
    if (is_keyword("ENABLE") && is_keyword("SERVER", 1))
        refuse("ENABLE SERVER (an administration command)");
    for (std::string_view w : {"BEGIN", "COMMIT", "ROLLBACK"})
        if (is_keyword(w) && (peek(1).kind == TokenKind::End || is_symbol(";", 1)))
            refuse(fmt::format("{} (explicit transactions: each query is one transaction)",
                               upper(t.text)));
    for (std::string_view w : kGqlStatements)
        if (is_keyword(w)) refuse(fmt::format("{} (a GQL statement)", upper(t.text)));
    if (is_keyword("ORDER") && is_keyword("BY", 1))
        refuse("ORDER BY as a clause of its own (put it after RETURN or WITH)");
    if (is_keyword("SKIP") || is_keyword("LIMIT") || is_keyword("OFFSET"))
        refuse(
            fmt::format("{} as a clause of its own (put it after RETURN or WITH)", upper(t.text)));
    if (is_keyword("NODETACH") && is_keyword("DELETE", 1)) refuse("NODETACH DELETE (write DELETE)");
    if (is_keyword("LOAD") && !is_keyword("CSV", 1))
        refuse(fmt::format("LOAD {} (only LOAD CSV is)", upper(peek(1).text)));
}

}  // namespace liaison::query::detail
