// Patterns: (a:Label {p: 1})-[r:TYPE*1..3]->(b), named paths, shortestPath(...) and GQL's
// quantified path patterns ((a)-[r]->(b)){1,3} and quantified relationships -[r]->{1,3}.
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

// A chain of node patterns, relationships and parenthesised path patterns. A parenthesised
// pattern with a quantifier ({m,n}, +, *) becomes one element of the part between two nodes
// (a group); its first node meets the node before it and its last the node after it, and an
// anonymous node stands in where the part has none (at either end, or between two groups).
void Parser::pattern_element(ast::PatternPart& part) {
    auto expect_node = [&] { return part.nodes.size() == part.rels.size(); };
    for (;;) {
        if (is_symbol("(") && is_symbol("(", 1)) {
            parenthesised_pattern(part);
        } else if (is_symbol("(")) {
            if (!expect_node()) break;  // two juxtaposed nodes: the caller reports it
            part.nodes.push_back(node_pattern());
        } else if (at_rel_start()) {
            if (expect_node()) fail_expected("a node pattern '('");
            part.rels.push_back(rel_pattern());
        } else {
            break;
        }
    }
    if (expect_node()) {
        if (part.rels.empty() || !part.rels.back().group) fail_expected("a node pattern '('");
        ast::NodePattern anon;
        anon.begin = prev_end();
        part.nodes.push_back(std::move(anon));
    }
}

void Parser::parenthesised_pattern(ast::PatternPart& part) {
    DepthGuard guard(*this);
    std::size_t begin = next().offset;  // '('
    auto inner = std::make_shared<ast::PatternPart>();
    inner->begin = peek().offset;
    pattern_element(*inner);
    ast::ExprPtr where;
    if (accept_keyword("WHERE")) where = expr();
    expect_symbol(")");
    ast::RelPattern group;
    group.begin = begin;
    if (!quantifier(group)) {
        // Without a quantifier the parentheses only group: ((a)-->(b)) is (a)-->(b).
        if (where)
            fail_at(where->begin,
                    "WHERE inside a parenthesised path pattern without a quantifier is not "
                    "supported (put it after the pattern)",
                    "NotSupported");
        if (part.nodes.size() != part.rels.size())
            fail_at(begin, "a parenthesised path pattern after a node needs a quantifier");
        for (auto& n : inner->nodes) part.nodes.push_back(std::move(n));
        for (auto& r : inner->rels) part.rels.push_back(std::move(r));
        return;
    }
    if (part.nodes.size() == part.rels.size()) {
        ast::NodePattern anon;  // the group starts the part or follows another group
        anon.begin = begin;
        part.nodes.push_back(std::move(anon));
    }
    group.var_length = true;
    group.group = std::move(inner);
    group.group_where = std::move(where);
    part.rels.push_back(std::move(group));
}

// A GQL quantifier after a parenthesised path pattern or a relationship: {n}, {n,}, {,m},
// {n,m}, + (one or more) or * (zero or more). Fills r's bounds; false when none follows.
bool Parser::quantifier(ast::RelPattern& r) {
    auto integer = [&]() -> std::int64_t {
        if (peek().kind != TokenKind::Integer) fail_expected("an integer");
        const Token& t = next();
        try {
            return std::stoll(t.text, nullptr, 0);
        } catch (const std::exception&) {
            fail_at(t.offset, "the quantifier bound is out of range", "IntegerOverflow");
        }
    };
    if (accept_symbol("+")) {
        r.min_hops = 1;
    } else if (accept_symbol("*")) {
        r.min_hops = 0;
    } else if (accept_symbol("{")) {
        std::size_t at = peek().offset;
        r.min_hops = is_symbol(",") ? 0 : integer();
        if (accept_symbol(",")) {
            if (!is_symbol("}")) r.max_hops = integer();
        } else {
            r.max_hops = r.min_hops;
        }
        expect_symbol("}");
        if (r.max_hops && *r.max_hops < *r.min_hops)
            fail_at(at,
                    fmt::format("the quantifier's upper bound {} is below its lower bound {}",
                                *r.max_hops, *r.min_hops),
                    "InvalidQuantifier");
    } else {
        return false;
    }
    r.quantified = true;
    return true;
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
    // -[r:T]-{1,3}: a quantified relationship, the same search as -[r:T*1..3]-.
    std::size_t at = peek().offset;
    bool star = r.var_length;
    if (quantifier(r)) {
        if (star) fail_at(at, "a relationship cannot have both *m..n and a quantifier");
        r.var_length = true;
    }
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
