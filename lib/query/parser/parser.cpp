#include "query/parser/parser.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "liaison/query/error.hpp"
#include "query/parser/parser_impl.hpp"

namespace liaison::query {

namespace detail {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// Words that cannot name a variable because they start or continue a clause or an expression.
constexpr std::string_view kReserved[] = {
    "MATCH", "OPTIONAL", "WHERE",  "RETURN", "WITH",      "UNWIND", "CREATE",     "MERGE",
    "SET",   "DELETE",   "DETACH", "REMOVE", "CALL",      "YIELD",  "UNION",      "ORDER",
    "BY",    "SKIP",     "LIMIT",  "ASC",    "ASCENDING", "DESC",   "DESCENDING", "AS",
    "AND",   "OR",       "XOR",    "NOT",    "IN",        "IS",     "NULL",       "TRUE",
    "FALSE", "CASE",     "WHEN",   "THEN",   "ELSE",      "END",    "DISTINCT",   "STARTS",
    "ENDS",  "CONTAINS", "ON"};

std::string describe(const Token& t) {
    switch (t.kind) {
        case TokenKind::End:
            return "the end of the query";
        case TokenKind::String:
            return "a string";
        case TokenKind::Parameter:
            return "$" + t.text;
        default:
            return "'" + t.text + "'";
    }
}

}  // namespace

Parser::Parser(std::string_view text)
    : text_(text), tokens_(tokenize(text)), not_pattern_(tokens_.size(), false) {}

const Token& Parser::peek(std::size_t k) const {
    return tokens_[std::min(pos_ + k, tokens_.size() - 1)];
}

const Token& Parser::next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
}

bool Parser::is_symbol(std::string_view s, std::size_t k) const {
    const Token& t = peek(k);
    return t.kind == TokenKind::Symbol && t.text == s;
}

bool Parser::is_keyword(std::string_view kw, std::size_t k) const {
    const Token& t = peek(k);
    return t.kind == TokenKind::Identifier && !t.quoted && iequals(t.text, kw);
}

bool Parser::accept_symbol(std::string_view s) {
    if (!is_symbol(s)) return false;
    next();
    return true;
}

bool Parser::accept_keyword(std::string_view kw) {
    if (!is_keyword(kw)) return false;
    next();
    return true;
}

void Parser::expect_symbol(std::string_view s) {
    if (!accept_symbol(s)) fail_expected(fmt::format("'{}'", s));
}

void Parser::expect_keyword(std::string_view kw) {
    if (!accept_keyword(kw)) fail_expected(std::string(kw));
}

std::string Parser::expect_name(const char* what) {
    if (peek().kind != TokenKind::Identifier) fail_expected(what);
    return next().text;
}

std::string Parser::variable_name() {
    const Token& t = peek();
    if (t.kind != TokenKind::Identifier) fail_expected("a variable name");
    if (!t.quoted) {
        for (std::string_view r : kReserved)
            if (iequals(t.text, r)) fail_expected("a variable name");
    }
    return next().text;
}

void Parser::fail_expected(const std::string& what) const {
    fail_at(peek().offset, fmt::format("expected {} but found {}", what, describe(peek())));
}

void Parser::fail_at(std::size_t offset, const std::string& message,
                     const std::string& code) const {
    LineColumn lc = line_column_at(text_, std::min(offset, text_.size()));
    throw QueryError(Stage::Parser, "SyntaxError", code, message, lc.line, lc.column);
}

ast::Query Parser::query() {
    ast::Query q;
    if (accept_keyword("EXPLAIN"))
        q.explain = true;
    else if (accept_keyword("PROFILE"))
        q.profile = true;
    q.parts.push_back(single_query());
    while (accept_keyword("UNION")) {
        q.union_all.push_back(accept_keyword("ALL"));
        q.parts.push_back(single_query());
    }
    accept_symbol(";");
    if (peek().kind != TokenKind::End) fail_expected("a clause or the end of the query");
    return q;
}

ast::ExprPtr Parser::expression_only() {
    ast::ExprPtr e = expr();
    if (peek().kind != TokenKind::End) fail_expected("the end of the expression");
    return e;
}

ast::SingleQuery Parser::single_query() {
    ast::SingleQuery q;
    // Each clause becomes an operator pulling from the previous one: bound their number so the
    // operator chain stays shallow enough to recurse through.
    constexpr std::size_t kMaxClauses = 1000;
    while (peek().kind != TokenKind::End && !is_keyword("UNION") && !is_symbol(";")) {
        if (q.clauses.size() == kMaxClauses)
            fail_at(peek().offset,
                    fmt::format("too many clauses in one query (limit {})", kMaxClauses),
                    "QueryTooLong");
        q.clauses.push_back(clause());
    }
    if (q.clauses.empty()) fail_expected("a clause (MATCH, RETURN, CREATE, ...)");
    return q;
}

ast::Clause Parser::clause() {
    ast::Clause c;
    c.begin = peek().offset;
    if (schema_clause(c)) return c;
    reject_unsupported();
    if (accept_keyword("OPTIONAL")) {
        expect_keyword("MATCH");
        c.optional = true;
        c.kind = ast::ClauseKind::Match;
    } else if (accept_keyword("MATCH")) {
        c.kind = ast::ClauseKind::Match;
    } else if (accept_keyword("UNWIND")) {
        c.kind = ast::ClauseKind::Unwind;
        c.expr = expr();
        expect_keyword("AS");
        c.alias = variable_name();
        return c;
    } else if (accept_keyword("WITH")) {
        c.kind = ast::ClauseKind::With;
        projection(c.projection, true);
        return c;
    } else if (accept_keyword("RETURN")) {
        c.kind = ast::ClauseKind::Return;
        projection(c.projection, false);
        return c;
    } else if (accept_keyword("CREATE")) {
        c.kind = ast::ClauseKind::Create;
        c.pattern = pattern();
        return c;
    } else if (accept_keyword("MERGE")) {
        c.kind = ast::ClauseKind::Merge;
        c.pattern.push_back(pattern_part());
        while (accept_keyword("ON")) {
            bool create = accept_keyword("CREATE");
            if (!create && !accept_keyword("MATCH")) fail_expected("CREATE or MATCH after ON");
            expect_keyword("SET");
            set_items(create ? c.on_create : c.on_match);
        }
        return c;
    } else if (accept_keyword("SET")) {
        c.kind = ast::ClauseKind::Set;
        set_items(c.set_items);
        return c;
    } else if (is_keyword("DETACH") || is_keyword("DELETE")) {
        c.kind = ast::ClauseKind::Delete;
        c.detach = accept_keyword("DETACH");
        expect_keyword("DELETE");
        do c.exprs.push_back(expr());
        while (accept_symbol(","));
        return c;
    } else if (accept_keyword("REMOVE")) {
        c.kind = ast::ClauseKind::Remove;
        remove_items(c.set_items);
        return c;
    } else if (accept_keyword("CALL")) {
        c.kind = ast::ClauseKind::Call;
        if (is_symbol("{"))
            call_subquery(c);
        else
            call_clause(c);
        return c;
    } else if (accept_keyword("FOREACH")) {
        c.kind = ast::ClauseKind::Foreach;
        foreach_clause(c);
        return c;
    } else if (is_keyword("LOAD") && is_keyword("CSV", 1)) {
        next(), next();
        c.kind = ast::ClauseKind::LoadCsv;
        load_csv_clause(c);
        return c;
    } else {
        fail_expected(
            "a clause (MATCH, OPTIONAL MATCH, WITH, RETURN, UNWIND, CREATE, MERGE, "
            "SET, DELETE, REMOVE, CALL, FOREACH, LOAD CSV)");
    }
    c.pattern = pattern();
    if (accept_keyword("WHERE")) c.where = expr();
    return c;
}

void Parser::projection(ast::Projection& p, bool is_with) {
    p.distinct = accept_keyword("DISTINCT");
    if (accept_symbol("*")) {
        p.star = true;
        if (!accept_symbol(",")) goto tail;
    }
    do {
        ast::ProjectionItem item;
        std::size_t begin = peek().offset;
        item.expr = expr();
        std::size_t end = prev_end();
        if (accept_keyword("AS")) {
            item.alias = variable_name();
            item.has_alias = true;
        } else {
            item.alias = std::string(text_.substr(begin, end - begin));
        }
        p.items.push_back(std::move(item));
    } while (accept_symbol(","));
tail:
    if (accept_keyword("ORDER")) {
        expect_keyword("BY");
        do {
            ast::SortItem s;
            s.expr = expr();
            if (accept_keyword("DESC") || accept_keyword("DESCENDING"))
                s.descending = true;
            else if (!accept_keyword("ASC"))
                accept_keyword("ASCENDING");
            if (accept_keyword("NULLS")) {
                if (accept_keyword("FIRST"))
                    s.nulls = ast::NullOrder::First;
                else if (accept_keyword("LAST"))
                    s.nulls = ast::NullOrder::Last;
                else
                    fail_expected("FIRST or LAST after NULLS");
            }
            p.order.push_back(std::move(s));
        } while (accept_symbol(","));
    }
    if (accept_keyword("SKIP")) p.skip = expr();
    if (accept_keyword("LIMIT")) p.limit = expr();
    if (is_with && accept_keyword("WHERE")) p.where = expr();
}

void Parser::set_items(std::vector<ast::SetItem>& out) {
    do {
        ast::SetItem item;
        ast::ExprPtr target = postfix();
        if (target->kind == ast::ExprKind::LabelTest) {
            item.kind = ast::SetKind::Labels;
            item.labels = target->keys;
            item.target = std::move(target->args[0]);
        } else if (target->kind == ast::ExprKind::Property) {
            expect_symbol("=");
            item.kind = ast::SetKind::Property;
            item.target = std::move(target);
            item.value = expr();
        } else if (target->kind == ast::ExprKind::Variable) {
            if (accept_symbol("+="))
                item.kind = ast::SetKind::Merge;
            else if (accept_symbol("="))
                item.kind = ast::SetKind::Replace;
            else
                fail_expected("'=', '+=' or a label");
            item.target = std::move(target);
            item.value = expr();
        } else {
            fail_at(target->begin, "expected a property, a variable or a label to set");
        }
        out.push_back(std::move(item));
    } while (accept_symbol(","));
}

void Parser::remove_items(std::vector<ast::SetItem>& out) {
    do {
        ast::SetItem item;
        ast::ExprPtr target = postfix();
        if (target->kind == ast::ExprKind::LabelTest) {
            item.kind = ast::SetKind::Labels;
            item.labels = target->keys;
            item.target = std::move(target->args[0]);
        } else if (target->kind == ast::ExprKind::Property) {
            item.kind = ast::SetKind::Property;
            item.target = std::move(target);
        } else {
            fail_at(target->begin, "expected a property or a label to remove");
        }
        out.push_back(std::move(item));
    } while (accept_symbol(","));
}

void Parser::call_clause(ast::Clause& c) {
    std::string name = expect_name("a procedure name");
    // Appending in two steps: `"." + std::string&&` trips GCC 12's -Wrestrict at -O3.
    while (accept_symbol(".")) {
        name += '.';
        name += expect_name("a procedure name");
    }
    c.procedure = name;
    if (accept_symbol("(")) {
        c.has_arguments = true;
        if (!is_symbol(")")) {
            do c.exprs.push_back(expr());
            while (accept_symbol(","));
        }
        expect_symbol(")");
    }
    if (accept_keyword("YIELD")) {
        if (accept_symbol("*")) {
            c.yield_star = true;
        } else {
            do {
                ast::YieldItem y;
                y.field = expect_name("a result field");
                y.alias = accept_keyword("AS") ? variable_name() : y.field;
                c.yields.push_back(std::move(y));
            } while (accept_symbol(","));
            if (accept_keyword("WHERE")) c.where = expr();
        }
    }
}

}  // namespace detail

ast::Query parse_query(std::string_view text) { return detail::Parser(text).query(); }

ast::ExprPtr parse_expression(std::string_view text) {
    return detail::Parser(text).expression_only();
}

}  // namespace liaison::query
