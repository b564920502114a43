#pragma once
// The recursive-descent parser shared by parser.cpp (clauses), parse_expression.cpp and
// parse_pattern.cpp. Internal to the parser folder.
#include <string>
#include <string_view>
#include <vector>

#include "query/lexer/lexer.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query::detail {

class Parser {
public:
    explicit Parser(std::string_view text);

    ast::Query query();
    ast::ExprPtr expression_only();

    // --- token helpers ---
    const Token& peek(std::size_t k = 0) const;
    const Token& next();
    bool is_symbol(std::string_view s, std::size_t k = 0) const;
    bool is_keyword(std::string_view kw, std::size_t k = 0) const;
    bool accept_symbol(std::string_view s);
    bool accept_keyword(std::string_view kw);
    void expect_symbol(std::string_view s);
    void expect_keyword(std::string_view kw);
    std::string expect_name(const char* what);  // an identifier (keywords allowed)
    std::string variable_name();                // an identifier that is not reserved
    [[noreturn]] void fail_expected(const std::string& what) const;
    [[noreturn]] void fail_at(std::size_t offset, const std::string& message,
                              const std::string& code = "InvalidSyntax") const;
    std::size_t prev_end() const { return pos_ > 0 ? tokens_[pos_ - 1].end : 0; }
    std::string_view text() const { return text_; }
    std::size_t position() const { return pos_; }
    void reset(std::size_t pos) { pos_ = pos; }

    // --- clauses (parser.cpp) ---
    ast::SingleQuery single_query();
    ast::Clause clause();
    void projection(ast::Projection& p, bool is_with);
    void set_items(std::vector<ast::SetItem>& out);
    void remove_items(std::vector<ast::SetItem>& out);
    void call_clause(ast::Clause& c);
    // FOREACH and LOAD CSV (parse_foreach_csv.cpp).
    void foreach_clause(ast::Clause& c);
    void call_subquery(ast::Clause& c);
    void load_csv_clause(ast::Clause& c);
    // Fails with "… is not supported" at the current token when it starts a form of Neo4j's
    // Cypher that liaison does not have (unsupported.cpp); returns otherwise.
    void reject_unsupported() const;
    // CREATE INDEX, DROP INDEX, SHOW INDEXES|PROCEDURES|FUNCTIONS (parse_schema.cpp):
    // schema_clause parses one when the tokens start it and returns true.
    bool schema_clause(ast::Clause& c);

    // --- patterns (parse_pattern.cpp) ---
    std::vector<ast::PatternPart> pattern();
    ast::PatternPart pattern_part();
    void pattern_element(ast::PatternPart& part);
    void parenthesised_pattern(ast::PatternPart& part);
    bool quantifier(ast::RelPattern& r);
    ast::NodePattern node_pattern();
    ast::RelPattern rel_pattern();
    bool at_rel_start() const;
    ast::ExprPtr properties();

    // --- expressions (parse_expression.cpp) ---
    ast::ExprPtr expr();
    ast::ExprPtr or_expr();
    ast::ExprPtr xor_expr();
    ast::ExprPtr and_expr();
    ast::ExprPtr not_expr();
    ast::ExprPtr comparison();
    ast::ExprPtr predicate_expr();
    ast::ExprPtr add_sub();
    ast::ExprPtr mul_div();
    ast::ExprPtr power();
    ast::ExprPtr unary();
    ast::ExprPtr postfix();
    ast::ExprPtr atom();
    ast::ExprPtr list_or_comprehension();
    ast::ExprPtr map_literal();
    ast::ExprPtr case_expr();
    ast::ExprPtr function_or_variable();
    ast::ExprPtr number(bool negative);
    ast::ExprPtr try_pattern_predicate();
    bool at_subquery() const;
    ast::ExprPtr subquery_expr();
    std::size_t closing_bracket(std::size_t open_at, bool* bar) const;
    bool may_start_pattern_predicate() const;
    bool may_be_pattern_comprehension() const;

private:
    friend class DepthGuard;
    int depth_ = 0;  // nesting of expressions, bounded so deep input cannot exhaust the stack
    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::vector<bool> not_pattern_;  // token positions where a pattern (predicate or
                                     // comprehension) failed to parse
};

// Counts expression nesting; input nested deeper than kMaxDepth is rejected, not recursed into.
class DepthGuard {
public:
    explicit DepthGuard(Parser& p) : p_(p) {
        constexpr int kMaxDepth = 400;
        if (++p_.depth_ > kMaxDepth) {
            --p_.depth_;
            p_.fail_at(p_.peek().offset,
                       "expression nested too deeply (limit " + std::to_string(kMaxDepth) + ")",
                       "NestingTooDeep");
        }
    }
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    Parser& p_;
};

ast::ExprPtr binary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b);

}  // namespace liaison::query::detail
