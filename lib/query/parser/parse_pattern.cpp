// Patterns: (a:Label {p: 1})-[r:TYPE*1..3]->(b), named paths and shortestPath(...).
#include <fmt/format.h>

#include "liaison/query/error.hpp"
#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

std::vector<ast::PatternPart> Parser::pattern() {
    std::vector<ast::PatternPart> parts;
    do parts.push_back(pattern_part());
    while (accept_symbol(","));
    return parts;
}

ast::PatternPart Parser::pattern_part() {
    ast::PatternPart part;
    part.begin = peek().offset;
    if (peek().kind == TokenKind::Identifier && is_symbol("=", 1)) {
        part.path_var = variable_name();
        next();  // '='
    }
    if ((is_keyword("shortestPath") || is_keyword("allShortestPaths")) && is_symbol("(", 1)) {
        part.function = is_keyword("shortestPath") ? ast::PathFunction::Shortest
                                                   : ast::PathFunction::AllShortest;
        next();
        expect_symbol("(");
        pattern_element(part);
        expect_symbol(")");
        return part;
    }
    pattern_element(part);
    return part;
}

void Parser::pattern_element(ast::PatternPart& part) {
    // A parenthesised element: ((a)-->(b)).
    if (is_symbol("(") && is_symbol("(", 1)) {
        DepthGuard guard(*this);
        next();
        pattern_element(part);
        expect_symbol(")");
        return;
    }
    part.nodes.push_back(node_pattern());
    while (at_rel_start()) {
        part.rels.push_back(rel_pattern());
        part.nodes.push_back(node_pattern());
    }
}

ast::NodePattern Parser::node_pattern() {
    ast::NodePattern n;
    n.begin = peek().offset;
    expect_symbol("(");
    if (peek().kind == TokenKind::Identifier) n.var = variable_name();
    while (accept_symbol(":")) n.labels.push_back(expect_name("a label name"));
    if (is_symbol("{") || peek().kind == TokenKind::Parameter) n.properties = properties();
    expect_symbol(")");
    return n;
}

bool Parser::at_rel_start() const {
    return is_symbol("-") || (is_symbol("<") && is_symbol("-", 1));
}

ast::RelPattern Parser::rel_pattern() {
    ast::RelPattern r;
    r.begin = peek().offset;
    bool left = accept_symbol("<");
    expect_symbol("-");
    if (accept_symbol("[")) {
        if (peek().kind == TokenKind::Identifier) r.var = variable_name();
        if (accept_symbol(":")) {
            r.types.push_back(expect_name("a relationship type"));
            while (accept_symbol("|")) {
                accept_symbol(":");
                r.types.push_back(expect_name("a relationship type"));
            }
        }
        if (accept_symbol("*")) {
            r.var_length = true;
            auto bound = [&]() -> std::optional<std::int64_t> {
                if (peek().kind != TokenKind::Integer) return std::nullopt;
                const Token& t = next();
                try {
                    return std::stoll(t.text, nullptr, 0);
                } catch (const std::exception&) {
                    fail_at(t.offset, "the length bound is out of range", "IntegerOverflow");
                }
            };
            r.min_hops = bound();
            if (accept_symbol("..")) {
                r.max_hops = bound();
            } else if (r.min_hops) {
                r.max_hops = r.min_hops;  // *3 means exactly three
            }
        }
        if (is_symbol("{") || peek().kind == TokenKind::Parameter) r.properties = properties();
        expect_symbol("]");
    }
    expect_symbol("-");
    bool right = accept_symbol(">");
    if (left && right) left = right = false;  // <--> reads as undirected
    r.direction = left    ? ast::RelDirection::Left
                  : right ? ast::RelDirection::Right
                          : ast::RelDirection::Both;
    return r;
}

ast::ExprPtr Parser::properties() {
    if (peek().kind == TokenKind::Parameter) {
        const Token& t = next();
        auto e = ast::make_expr(ast::ExprKind::Parameter, t.offset, t.end);
        e->name = t.text;
        return e;
    }
    return map_literal();
}

}  // namespace liaison::query::detail
