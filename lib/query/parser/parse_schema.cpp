// Schema and introspection statements: CREATE INDEX, DROP INDEX, SHOW INDEXES, SHOW PROCEDURES,
// SHOW FUNCTIONS. An index command stands alone; a SHOW becomes a CALL of the procedure that
// answers it (db.indexes, dbms.procedures, dbms.functions) with every column yielded, so YIELD,
// WHERE and the clauses after it work as they do after a CALL.
#include <cctype>

#include <fmt/format.h>

#include "query/parser/parser_impl.hpp"

namespace liaison::query::detail {

namespace {

struct ShowForm {
    std::string_view procedure;
    std::vector<std::string_view> columns;
};

const ShowForm kShowIndexes{"db.indexes",
                            {"id", "name", "state", "populationPercent", "type", "entityType",
                             "labelsOrTypes", "properties", "indexProvider"}};
const ShowForm kShowProcedures{"dbms.procedures",
                               {"name", "description", "mode", "worksOnSystem", "signature"}};
const ShowForm kShowFunctions{"dbms.functions",
                              {"name", "category", "signature", "isBuiltIn", "aggregating"}};

}  // namespace

bool Parser::schema_clause(ast::Clause& c) {
    // Only the first clause (after EXPLAIN or PROFILE) may be one of these.
    bool first = pos_ == 0;
    if (pos_ == 1) {
        std::string w = tokens_[0].text;
        for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        first = tokens_[0].kind == TokenKind::Identifier && (w == "EXPLAIN" || w == "PROFILE");
    }
    auto not_supported = [&](std::size_t offset, const std::string& what) {
        fail_at(offset, fmt::format("{} is not supported", what), "NotSupported");
    };
    auto alone = [&](const char* what) {
        if (!first) fail_at(c.begin, fmt::format("{} must be the first clause of a query", what));
    };

    if (is_keyword("CREATE")) {
        std::size_t k = 1;
        if (is_keyword("RANGE", 1) || is_keyword("BTREE", 1)) k = 2;
        for (const char* kind : {"TEXT", "POINT", "FULLTEXT", "LOOKUP", "VECTOR"})
            if (is_keyword(kind, 1) && is_keyword("INDEX", 2))
                not_supported(peek(1).offset, fmt::format("a {} index", kind));
        if (is_keyword("CONSTRAINT", 1)) not_supported(peek(1).offset, "CREATE CONSTRAINT");
        if (!is_keyword("INDEX", k)) return false;
        alone("CREATE INDEX");
        for (std::size_t i = 0; i <= k; ++i) next();
        c.kind = ast::ClauseKind::Schema;
        IndexDefinition& d = c.schema.index;
        if (accept_keyword("ON")) {  // the older form: CREATE INDEX ON :Label(prop, ...)
            expect_symbol(":");
            d.label = expect_name("a label");
            expect_symbol("(");
            do d.properties.push_back(expect_name("a property name"));
            while (accept_symbol(","));
            expect_symbol(")");
        } else {
            if (peek().kind == TokenKind::Identifier && !is_keyword("FOR") &&
                !(is_keyword("IF") && is_keyword("NOT", 1)))
                d.name = next().text;
            if (accept_keyword("IF")) {
                expect_keyword("NOT");
                expect_keyword("EXISTS");
                c.schema.if_exists = true;
            }
            expect_keyword("FOR");
            std::string var;
            expect_symbol("(");
            if (is_symbol(")")) {
                // ()-[r:TYPE]-(): a relationship index, in any direction.
                next();
                d.relationships = true;
                accept_symbol("<");
                expect_symbol("-");
                expect_symbol("[");
                var = expect_name("a relationship variable");
                expect_symbol(":");
                d.label = expect_name("a relationship type");
                if (is_symbol("|"))
                    not_supported(peek().offset, "an index on more than one relationship type");
                expect_symbol("]");
                expect_symbol("-");
                accept_symbol(">");
                expect_symbol("(");
                expect_symbol(")");
            } else {
                var = expect_name("a node variable");
                expect_symbol(":");
                d.label = expect_name("a label");
                if (is_symbol(":") || is_symbol("|"))
                    not_supported(peek().offset, "an index on more than one label");
                expect_symbol(")");
            }
            expect_keyword("ON");
            expect_symbol("(");
            do {
                std::size_t at = peek().offset;
                if (expect_name("a variable") != var)
                    fail_at(at, fmt::format("expected a property of '{}'", var));
                expect_symbol(".");
                d.properties.push_back(expect_name("a property name"));
            } while (accept_symbol(","));
            expect_symbol(")");
            if (is_keyword("OPTIONS")) not_supported(peek().offset, "OPTIONS of an index");
        }
    } else if (is_keyword("DROP")) {
        if (!is_keyword("INDEX", 1))
            not_supported(peek().offset, fmt::format("DROP {}", peek(1).text));
        alone("DROP INDEX");
        next(), next();
        c.kind = ast::ClauseKind::Schema;
        c.schema.drop = true;
        if (is_keyword("ON")) not_supported(peek().offset, "DROP INDEX ON (drop an index by name)");
        c.schema.index.name = expect_name("an index name");
        if (accept_keyword("IF")) {
            expect_keyword("EXISTS");
            c.schema.if_exists = true;
        }
    } else if (is_keyword("SHOW")) {
        std::size_t k = 1;
        if (is_keyword("ALL", 1) || is_keyword("RANGE", 1)) k = 2;
        // SHOW BUILT IN FUNCTIONS, SHOW USER DEFINED FUNCTIONS (there are none of the latter).
        bool user_defined = false;
        if (is_keyword("BUILT", 1) && is_keyword("IN", 2)) k = 3;
        if (is_keyword("USER", 1) && is_keyword("DEFINED", 2)) k = 3, user_defined = true;
        const ShowForm* form = nullptr;
        if (is_keyword("INDEX", k) || is_keyword("INDEXES", k))
            form = &kShowIndexes;
        else if (is_keyword("PROCEDURE", k) || is_keyword("PROCEDURES", k))
            form = &kShowProcedures;
        else if (is_keyword("FUNCTION", k) || is_keyword("FUNCTIONS", k))
            form = &kShowFunctions;
        if (peek(1).kind == TokenKind::End) {
            next();
            fail_expected("INDEXES, PROCEDURES or FUNCTIONS after SHOW");
        }
        if (!form || (k == 3 && form != &kShowFunctions))
            not_supported(peek().offset, fmt::format("SHOW {}", peek(1).text));
        alone("SHOW");
        for (std::size_t i = 0; i <= k; ++i) next();
        if (is_keyword("EXECUTABLE")) not_supported(peek().offset, "SHOW … EXECUTABLE");
        c.kind = ast::ClauseKind::Call;
        c.procedure = std::string(form->procedure);
        c.has_arguments = true;
        if (user_defined) {
            // No user-defined functions exist: a WHERE that is always false keeps the columns.
            auto f = ast::make_expr(ast::ExprKind::Literal, c.begin, c.begin);
            f->value = Value(false);
            c.where = std::move(f);
        }
        if (accept_keyword("YIELD") && !accept_symbol("*")) {
            do {
                ast::YieldItem y;
                y.field = expect_name("a column");
                y.alias = accept_keyword("AS") ? variable_name() : y.field;
                c.yields.push_back(std::move(y));
            } while (accept_symbol(","));
        } else {
            for (std::string_view col : form->columns)
                c.yields.push_back({std::string(col), std::string(col)});
        }
        if (accept_keyword("WHERE")) {
            ast::ExprPtr w = expr();
            if (c.where) {
                auto both = ast::make_expr(ast::ExprKind::Binary, w->begin, w->end);
                both->op = ast::Op::And;
                both->args.push_back(std::move(c.where));
                both->args.push_back(std::move(w));
                w = std::move(both);
            }
            c.where = std::move(w);
        }
        return true;
    } else {
        return false;
    }
    if (!is_symbol(";") && peek().kind != TokenKind::End)
        fail_expected(fmt::format("the end of the query ({} stands alone)",
                                  c.schema.drop ? "DROP INDEX" : "CREATE INDEX"));
    return true;
}

}  // namespace liaison::query::detail
