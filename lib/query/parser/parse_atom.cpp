// Atoms: literals, parameters, variables, function calls, CASE, list and pattern
// comprehensions, quantifiers, reduce, map projections, parenthesised expressions and patterns.
#include <cctype>

#include <fmt/format.h>

#include "liaison/query/error.hpp"
#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

ast::ExprPtr Parser::atom() {
    const Token& t = peek();
    switch (t.kind) {
        case TokenKind::Integer:
        case TokenKind::Float:
            return number(false);
        case TokenKind::String: {
            next();
            auto e = ast::make_expr(ast::ExprKind::Literal, t.offset, t.end);
            e->value = t.text;
            return e;
        }
        case TokenKind::Parameter: {
            next();
            auto e = ast::make_expr(ast::ExprKind::Parameter, t.offset, t.end);
            e->name = t.text;
            return e;
        }
        case TokenKind::End:
            fail_expected("an expression");
        default:
            break;
    }
    if (t.kind == TokenKind::Symbol) {
        if (t.text == "[") return list_or_comprehension();
        if (t.text == "{") return map_literal();
        if (t.text == "(") {
            if (auto p = try_pattern_predicate()) return p;
            next();
            auto e = expr();
            expect_symbol(")");
            return e;
        }
        fail_expected("an expression");
    }
    // Identifier.
    if (!t.quoted) {
        if (is_keyword("NULL") || is_keyword("TRUE") || is_keyword("FALSE")) {
            next();
            auto e = ast::make_expr(ast::ExprKind::Literal, t.offset, t.end);
            std::string upper;
            for (char c : t.text)
                upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (upper == "TRUE")
                e->value = true;
            else if (upper == "FALSE")
                e->value = false;
            return e;
        }
        if (is_keyword("CASE")) return case_expr();
    }
    return function_or_variable();
}

ast::ExprPtr Parser::function_or_variable() {
    const Token& first = peek();
    std::size_t begin = first.offset;
    // count(*)
    if (is_keyword("COUNT") && is_symbol("(", 1) && is_symbol("*", 2) && is_symbol(")", 3)) {
        next(), next(), next(), next();
        return ast::make_expr(ast::ExprKind::CountStar, begin, prev_end());
    }
    // Quantifiers: all(x IN list WHERE pred), any, none, single.
    static const std::pair<std::string_view, ast::Op> kQuantifiers[] = {
        {"ALL", ast::Op::All},
        {"ANY", ast::Op::Any},
        {"NONE", ast::Op::None_},
        {"SINGLE", ast::Op::Single}};
    for (const auto& [word, op] : kQuantifiers) {
        if (is_keyword(word) && is_symbol("(", 1) && peek(2).kind == TokenKind::Identifier &&
            is_keyword("IN", 3)) {
            next(), next();
            auto e = ast::make_expr(ast::ExprKind::Quantifier, begin, 0);
            e->op = op;
            e->name = variable_name();
            expect_keyword("IN");
            e->args.push_back(expr());
            e->args.push_back(accept_keyword("WHERE") ? expr() : nullptr);
            expect_symbol(")");
            e->end = prev_end();
            return e;
        }
    }
    if (is_keyword("REDUCE") && is_symbol("(", 1)) {
        next(), next();
        auto e = ast::make_expr(ast::ExprKind::Reduce, begin, 0);
        e->name2 = variable_name();
        expect_symbol("=");
        e->args.push_back(expr());
        expect_symbol(",");
        e->name = variable_name();
        expect_keyword("IN");
        e->args.push_back(expr());
        expect_symbol("|");
        e->args.push_back(expr());
        expect_symbol(")");
        e->end = prev_end();
        return e;
    }
    if (at_subquery()) return subquery_expr();
    std::string name = expect_name("an expression");
    // Namespaced function: a.b.c(...)
    std::size_t k = 0;
    while (is_symbol(".", k) && peek(k + 1).kind == TokenKind::Identifier) k += 2;
    if (is_symbol("(", k) && !first.quoted) {
        for (std::size_t i = 0; i < k; i += 2) {
            next();
            name += '.';
            name += next().text;
        }
        next();  // '('
        auto e = ast::make_expr(ast::ExprKind::Function, begin, 0);
        e->name = name;
        e->distinct = accept_keyword("DISTINCT");
        if (!is_symbol(")")) {
            do e->args.push_back(expr());
            while (accept_symbol(","));
        }
        expect_symbol(")");
        e->end = prev_end();
        if (e->name.size() == 6 && (e->name == "exists" || e->name == "EXISTS") &&
            e->args.size() == 1 && e->args[0]->kind != ast::ExprKind::PatternPredicate) {
            e->kind = ast::ExprKind::Exists;
        }
        return e;
    }
    auto v = ast::make_expr(ast::ExprKind::Variable, begin, prev_end());
    v->name = name;
    // Map projection: n {.name, .*, key: expr, var}
    if (is_symbol("{")) {
        next();
        auto m = ast::make_expr(ast::ExprKind::MapProjection, begin, 0);
        m->name = name;
        if (!is_symbol("}")) {
            do {
                if (accept_symbol(".")) {
                    if (accept_symbol("*")) {
                        m->map_items.push_back(ast::MapItemKind::AllProperties);
                        m->keys.emplace_back();
                    } else {
                        m->map_items.push_back(ast::MapItemKind::Property);
                        m->keys.push_back(expect_name("a property key"));
                    }
                    m->args.push_back(nullptr);
                } else if (is_symbol(":", 1)) {
                    m->map_items.push_back(ast::MapItemKind::Literal);
                    m->keys.push_back(expect_name("a key"));
                    next();
                    m->args.push_back(expr());
                } else {
                    const Token& vt = peek();
                    m->map_items.push_back(ast::MapItemKind::Variable);
                    m->keys.push_back(variable_name());
                    auto var = ast::make_expr(ast::ExprKind::Variable, vt.offset, vt.end);
                    var->name = m->keys.back();
                    m->args.push_back(std::move(var));
                }
            } while (accept_symbol(","));
        }
        expect_symbol("}");
        m->end = prev_end();
        m->args.insert(m->args.begin(), std::move(v));
        return m;
    }
    return v;
}

ast::ExprPtr Parser::list_or_comprehension() {
    std::size_t begin = peek().offset;
    // [x IN list WHERE p | e]
    if (peek(1).kind == TokenKind::Identifier && is_keyword("IN", 2)) {
        next();
        auto e = ast::make_expr(ast::ExprKind::ListComprehension, begin, 0);
        e->name = variable_name();
        expect_keyword("IN");
        e->args.push_back(expr());
        e->args.push_back(accept_keyword("WHERE") ? expr() : nullptr);
        e->args.push_back(accept_symbol("|") ? expr() : nullptr);
        expect_symbol("]");
        e->end = prev_end();
        return e;
    }
    // [p = (a)-->(b) WHERE ... | e] or [(a)-->(b) | e]
    if ((is_symbol("(", 1) || (peek(1).kind == TokenKind::Identifier && is_symbol("=", 2))) &&
        may_be_pattern_comprehension()) {
        std::size_t save = position();
        next();
        try {
            auto part = std::make_unique<ast::PatternPart>(pattern_part());
            if (!part->rels.empty() && (is_keyword("WHERE") || is_symbol("|"))) {
                auto e = ast::make_expr(ast::ExprKind::PatternComprehension, begin, 0);
                e->pattern = std::move(part);
                e->args.push_back(accept_keyword("WHERE") ? expr() : nullptr);
                expect_symbol("|");
                e->args.push_back(expr());
                expect_symbol("]");
                e->end = prev_end();
                return e;
            }
        } catch (const QueryError&) {
        }
        reset(save);
        not_pattern_[save] = true;
    }
    next();  // '['
    auto e = ast::make_expr(ast::ExprKind::List, begin, 0);
    if (!is_symbol("]")) {
        do e->args.push_back(expr());
        while (accept_symbol(","));
    }
    expect_symbol("]");
    e->end = prev_end();
    return e;
}

// EXISTS { … }, COUNT { … } or COLLECT { … } (a map projection `count {.x}` of a variable named
// count starts differently: a subquery opens with a pattern or a clause).
bool Parser::at_subquery() const {
    if (!is_symbol("{", 1)) return false;
    if (is_keyword("EXISTS")) return true;
    if (!is_keyword("COUNT") && !is_keyword("COLLECT")) return false;
    if (is_symbol("(", 2) || (peek(2).kind == TokenKind::Identifier && is_symbol("=", 3)))
        return true;
    for (const char* kw : {"MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN"})
        if (is_keyword(kw, 2)) return true;
    return false;
}

// The body is either a pattern list with an optional WHERE, or clauses ending in an optional
// RETURN (a full subquery that reads the outer variables). EXISTS of one pattern keeps the
// pattern form, matched in place; every other body becomes a query of its own.
ast::ExprPtr Parser::subquery_expr() {
    DepthGuard guard(*this);
    std::size_t begin = peek().offset;
    ast::ExprKind kind = is_keyword("EXISTS")  ? ast::ExprKind::Exists
                         : is_keyword("COUNT") ? ast::ExprKind::CountSubquery
                                               : ast::ExprKind::CollectSubquery;
    const char* what = kind == ast::ExprKind::Exists          ? "EXISTS"
                       : kind == ast::ExprKind::CountSubquery ? "COUNT"
                                                              : "COLLECT";
    next(), next();  // the keyword and '{'
    auto e = ast::make_expr(kind, begin, 0);
    auto sq = std::make_shared<ast::SingleQuery>();
    bool clauses = false;
    for (const char* kw : {"MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN"})
        clauses |= is_keyword(kw);
    if (clauses) {
        while (!is_symbol("}")) {
            if (peek().kind == TokenKind::End) fail_expected("'}'");
            for (const char* kw :
                 {"SET", "CREATE", "MERGE", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD"})
                if (is_keyword(kw))
                    fail_at(peek().offset, fmt::format("{} {{ }} cannot update the graph", what),
                            "InvalidClauseComposition");
            if (is_keyword("UNION"))
                fail_at(peek().offset, fmt::format("UNION inside {} {{ }} is not supported", what),
                        "NotSupported");
            sq->clauses.push_back(clause());
        }
    } else {
        std::vector<ast::PatternPart> parts = pattern();
        ast::ExprPtr where = accept_keyword("WHERE") ? expr() : nullptr;
        if (kind == ast::ExprKind::CollectSubquery)
            fail_at(peek().offset, "COLLECT { } needs a query ending in RETURN",
                    "InvalidClauseComposition");
        if (kind == ast::ExprKind::Exists && parts.size() == 1) {
            e->pattern = std::make_unique<ast::PatternPart>(std::move(parts[0]));
            if (where) e->args.push_back(std::move(where));
            expect_symbol("}");
            e->end = prev_end();
            return e;
        }
        ast::Clause match;
        match.kind = ast::ClauseKind::Match;
        match.begin = parts.front().begin;
        match.pattern = std::move(parts);
        match.where = std::move(where);
        sq->clauses.push_back(std::move(match));
    }
    expect_symbol("}");
    e->end = prev_end();
    e->subquery = std::move(sq);
    return e;
}

}  // namespace liaison::query::detail
