// CALL { … }: a subquery clause whose body is parsed as clauses up to its closing brace.
#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

void Parser::call_subquery(ast::Clause& c) {
    // Bodies nest (CALL { CALL { … } }): counted with expressions so deep input is refused.
    DepthGuard guard(*this);
    expect_symbol("{");
    c.subquery = true;
    while (!is_symbol("}")) {
        if (peek().kind == TokenKind::End) fail_expected("'}' closing CALL { }");
        if (is_keyword("UNION"))
            fail_at(peek().offset, "UNION inside CALL { } is not supported", "NotSupported");
        c.body.push_back(clause());
    }
    if (c.body.empty()) fail_expected("a clause inside CALL { }");
    expect_symbol("}");
}

}  // namespace liaison::query::detail
