// Expressions, by precedence: OR < XOR < AND < NOT < comparison < string/list/null predicates
// < + - < * / % < ^ < unary +- < postfix (.prop, [i], [a..b], :Label) < atoms.
#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "liaison/query/error.hpp"
#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

ast::ExprPtr binary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b) {
    auto e = ast::make_expr(ast::ExprKind::Binary, a->begin, b->end);
    e->op = op;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
}

ast::ExprPtr Parser::expr() {
    DepthGuard guard(*this);
    auto e = or_expr();
    // Chains (a + b + c ..., a.b.c ..., x IS NULL IS NULL ...) are parsed by loops, not nesting,
    // but build trees as deep as they are long: the outermost expression checks the height.
    if (depth_ == 1) {
        if (const ast::Expr* deep = ast::deeper_than(*e, ast::kMaxExprHeight))
            fail_at(deep->begin,
                    fmt::format("expression nested too deeply (limit {})", ast::kMaxExprHeight),
                    "NestingTooDeep");
    }
    return e;
}

ast::ExprPtr Parser::or_expr() {
    auto e = xor_expr();
    while (accept_keyword("OR")) e = binary(ast::Op::Or, std::move(e), xor_expr());
    return e;
}

ast::ExprPtr Parser::xor_expr() {
    auto e = and_expr();
    while (accept_keyword("XOR")) e = binary(ast::Op::Xor, std::move(e), and_expr());
    return e;
}

ast::ExprPtr Parser::and_expr() {
    auto e = not_expr();
    while (accept_keyword("AND")) e = binary(ast::Op::And, std::move(e), not_expr());
    return e;
}

ast::ExprPtr Parser::not_expr() {
    if (is_keyword("NOT")) {
        DepthGuard guard(*this);
        std::size_t begin = next().offset;
        auto inner = not_expr();
        auto e = ast::make_expr(ast::ExprKind::Unary, begin, inner->end);
        e->op = ast::Op::Not;
        e->args.push_back(std::move(inner));
        return e;
    }
    return comparison();
}

ast::ExprPtr Parser::comparison() {
    auto first = predicate_expr();
    ast::ExprPtr chain;
    for (;;) {
        ast::Op op = ast::Op::None;
        if (is_symbol("="))
            op = ast::Op::Eq;
        else if (is_symbol("<>") || is_symbol("!="))
            op = ast::Op::Ne;
        else if (is_symbol("<"))
            op = ast::Op::Lt;
        else if (is_symbol("<="))
            op = ast::Op::Le;
        else if (is_symbol(">"))
            op = ast::Op::Gt;
        else if (is_symbol(">="))
            op = ast::Op::Ge;
        if (op == ast::Op::None) break;
        next();
        if (!chain) {
            chain = ast::make_expr(ast::ExprKind::Comparison, first->begin, first->end);
            chain->args.push_back(std::move(first));
        }
        chain->ops.push_back(op);
        chain->args.push_back(predicate_expr());
        chain->end = chain->args.back()->end;
    }
    return chain ? std::move(chain) : std::move(first);
}

ast::ExprPtr Parser::predicate_expr() {
    auto e = add_sub();
    for (;;) {
        if (is_keyword("IS")) {
            next();
            bool negated = accept_keyword("NOT");
            expect_keyword("NULL");
            auto p = ast::make_expr(negated ? ast::ExprKind::IsNotNull : ast::ExprKind::IsNull,
                                    e->begin, prev_end());
            p->args.push_back(std::move(e));
            e = std::move(p);
        } else if (is_keyword("STARTS") && is_keyword("WITH", 1)) {
            next(), next();
            e = binary(ast::Op::StartsWith, std::move(e), add_sub());
        } else if (is_keyword("ENDS") && is_keyword("WITH", 1)) {
            next(), next();
            e = binary(ast::Op::EndsWith, std::move(e), add_sub());
        } else if (accept_keyword("CONTAINS")) {
            e = binary(ast::Op::Contains, std::move(e), add_sub());
        } else if (accept_keyword("IN")) {
            e = binary(ast::Op::In, std::move(e), add_sub());
        } else if (accept_symbol("=~")) {
            e = binary(ast::Op::Regex, std::move(e), add_sub());
        } else {
            return e;
        }
    }
}

ast::ExprPtr Parser::add_sub() {
    auto e = mul_div();
    for (;;) {
        if (accept_symbol("+"))
            e = binary(ast::Op::Add, std::move(e), mul_div());
        else if (is_symbol("-") && !is_symbol("[", 1) && !is_symbol("-", 1) && !is_symbol(">", 1))
            next(), e = binary(ast::Op::Sub, std::move(e), mul_div());
        else
            return e;
    }
}

ast::ExprPtr Parser::mul_div() {
    auto e = power();
    for (;;) {
        if (accept_symbol("*"))
            e = binary(ast::Op::Mul, std::move(e), power());
        else if (accept_symbol("/"))
            e = binary(ast::Op::Div, std::move(e), power());
        else if (accept_symbol("%"))
            e = binary(ast::Op::Mod, std::move(e), power());
        else
            return e;
    }
}

ast::ExprPtr Parser::power() {
    auto e = unary();
    while (accept_symbol("^")) e = binary(ast::Op::Pow, std::move(e), unary());
    return e;
}

ast::ExprPtr Parser::unary() {
    if (is_symbol("-") || is_symbol("+")) {
        DepthGuard guard(*this);
        bool neg = is_symbol("-");
        std::size_t begin = next().offset;
        // A negative literal is folded so that -9223372036854775808 is representable.
        if (neg && (peek().kind == TokenKind::Integer || peek().kind == TokenKind::Float) &&
            !is_symbol(".", 1) && !is_symbol("[", 1) && !is_symbol("^", 1)) {
            auto lit = number(true);
            lit->begin = begin;
            return lit;
        }
        auto inner = unary();
        auto e = ast::make_expr(ast::ExprKind::Unary, begin, inner->end);
        e->op = neg ? ast::Op::Neg : ast::Op::Pos;
        e->args.push_back(std::move(inner));
        return e;
    }
    return postfix();
}

ast::ExprPtr Parser::postfix() {
    auto e = atom();
    for (;;) {
        if (is_symbol(".") && peek(1).kind == TokenKind::Identifier) {
            next();
            auto p = ast::make_expr(ast::ExprKind::Property, e->begin, 0);
            p->name = next().text;
            p->end = prev_end();
            p->args.push_back(std::move(e));
            e = std::move(p);
        } else if (is_symbol("[")) {
            next();
            ast::ExprPtr a, b;
            bool slice = false;
            if (!is_symbol("..")) a = expr();
            if (accept_symbol("..")) {
                slice = true;
                if (!is_symbol("]")) b = expr();
            }
            expect_symbol("]");
            auto s = ast::make_expr(slice ? ast::ExprKind::Slice : ast::ExprKind::Subscript,
                                    e->begin, prev_end());
            s->args.push_back(std::move(e));
            s->args.push_back(std::move(a));
            if (slice) s->args.push_back(std::move(b));
            e = std::move(s);
        } else if (is_symbol(":") && peek(1).kind == TokenKind::Identifier) {
            auto t = ast::make_expr(ast::ExprKind::LabelTest, e->begin, 0);
            while (accept_symbol(":")) t->keys.push_back(expect_name("a label name"));
            t->end = prev_end();
            t->args.push_back(std::move(e));
            e = std::move(t);
        } else {
            return e;
        }
    }
}

ast::ExprPtr Parser::number(bool negative) {
    const Token& t = next();
    auto e = ast::make_expr(ast::ExprKind::Literal, t.offset, t.end);
    std::string digits = (negative ? "-" : "") + t.text;
    if (t.kind == TokenKind::Float) {
        errno = 0;
        double d = std::strtod(digits.c_str(), nullptr);
        if (errno == ERANGE && (d > 1 || d < -1))
            fail_at(t.offset, "the float literal is out of range", "FloatingPointOverflow");
        e->value = d;
        return e;
    }
    std::string body = digits;
    bool neg = false;
    if (!body.empty() && body[0] == '-') neg = true, body.erase(0, 1);
    int base = 10;
    if (body.size() > 1 && (body[1] == 'x' || body[1] == 'X'))
        base = 16, body.erase(0, 2);
    else if (body.size() > 1 && (body[1] == 'o' || body[1] == 'O'))
        base = 8, body.erase(0, 2);
    errno = 0;
    unsigned long long u = std::strtoull(body.c_str(), nullptr, base);
    constexpr unsigned long long kMax = 9223372036854775807ULL;
    if (errno == ERANGE || u > kMax + (neg ? 1 : 0))
        fail_at(t.offset, "the integer literal is out of range", "IntegerOverflow");
    e->value = neg ? static_cast<std::int64_t>(0ULL - u) : static_cast<std::int64_t>(u);
    return e;
}

ast::ExprPtr Parser::map_literal() {
    std::size_t begin = peek().offset;
    expect_symbol("{");
    auto e = ast::make_expr(ast::ExprKind::Map, begin, 0);
    if (!is_symbol("}")) {
        do {
            e->keys.push_back(expect_name("a property key"));
            expect_symbol(":");
            e->args.push_back(expr());
        } while (accept_symbol(","));
    }
    expect_symbol("}");
    e->end = prev_end();
    return e;
}

ast::ExprPtr Parser::case_expr() {
    std::size_t begin = next().offset;  // CASE
    auto e = ast::make_expr(ast::ExprKind::Case, begin, 0);
    if (!is_keyword("WHEN")) {
        e->has_subject = true;
        e->args.push_back(expr());
    }
    if (!is_keyword("WHEN")) fail_expected("WHEN");
    while (accept_keyword("WHEN")) {
        e->args.push_back(expr());
        expect_keyword("THEN");
        e->args.push_back(expr());
    }
    if (accept_keyword("ELSE")) {
        e->has_else = true;
        e->args.push_back(expr());
    }
    expect_keyword("END");
    e->end = prev_end();
    return e;
}

// The bracket that closes the one opened at token `open_at` (any of ( [ {), or npos when the
// query ends first; `bar` (when given) tells whether a `|` stands directly inside the pair.
std::size_t Parser::closing_bracket(std::size_t open_at, bool* bar) const {
    int open = 0;
    for (std::size_t k = open_at; k < tokens_.size(); ++k) {
        const Token& t = tokens_[k];
        if (t.kind == TokenKind::End) break;
        if (t.kind != TokenKind::Symbol) continue;
        if (t.text == "(" || t.text == "[" || t.text == "{") ++open;
        if ((t.text == ")" || t.text == "]" || t.text == "}") && --open == 0) return k;
        if (bar && open == 1 && t.text == "|") *bar = true;
    }
    return std::string::npos;
}

// A pattern predicate is `(…)` followed by a relationship. Trying to parse one and falling back
// to a parenthesised expression would cost 2^depth on nested parentheses (the query_parser
// fuzzer found 377 bytes taking seconds), so the parser first checks that the parenthesis it
// opens is closed by one a relationship follows, and remembers where a pattern already failed.
bool Parser::may_start_pattern_predicate() const {
    std::size_t close = closing_bracket(pos_, nullptr);
    if (close == std::string::npos) return false;
    const Token& after = tokens_[std::min(close + 1, tokens_.size() - 1)];
    return after.kind == TokenKind::Symbol && (after.text == "-" || after.text == "<");
}

// A pattern comprehension `[(a)-->(b) | e]` needs a `|` inside its own brackets; without one the
// `[` opens a list, and trying the pattern first (then parsing again) would cost 2^depth on
// nested lists. Failed attempts are remembered like those of pattern predicates.
bool Parser::may_be_pattern_comprehension() const {
    bool bar = false;
    return !not_pattern_[pos_] && closing_bracket(pos_, &bar) != std::string::npos && bar;
}

ast::ExprPtr Parser::try_pattern_predicate() {
    std::size_t save = position();
    if (not_pattern_[save] || !may_start_pattern_predicate()) return nullptr;
    try {
        auto part = std::make_unique<ast::PatternPart>();
        part->begin = peek().offset;
        pattern_element(*part);
        if (part->rels.empty()) {
            reset(save);
            not_pattern_[save] = true;
            return nullptr;
        }
        auto e = ast::make_expr(ast::ExprKind::PatternPredicate, part->begin, prev_end());
        e->pattern = std::move(part);
        return e;
    } catch (const QueryError&) {
        reset(save);
        not_pattern_[save] = true;
        return nullptr;
    }
}

}  // namespace liaison::query::detail
