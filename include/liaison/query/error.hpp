#pragma once
// Errors of the query engine. Each stage (lexer, parser, binder, planner, executor) throws a
// QueryError tagged with its stage; the category and code follow the openCypher TCK's
// classification (e.g. SyntaxError / UndefinedVariable) so tests can check them.
#include <cstddef>
#include <string>

#include "liaison/core/error.hpp"

namespace liaison::query {

enum class Stage { Lexer, Parser, Binder, Planner, Executor };

const char* stage_name(Stage stage);

class QueryError : public Error {
public:
    // line/column are 1-based, 0 when unknown. `category` is the TCK error type (SyntaxError,
    // TypeError, ArgumentError, SemanticError, EntityNotFound, ConstraintVerificationFailed),
    // `code` its detail (UndefinedVariable, InvalidArgumentType, ...).
    QueryError(Stage stage, std::string category, std::string code, std::string message,
               std::size_t line = 0, std::size_t column = 0);
    Stage stage() const { return stage_; }
    bool compile_time() const { return stage_ != Stage::Executor; }
    const std::string& category() const { return category_; }
    const std::string& code() const { return code_; }
    const std::string& message() const { return message_; }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }

private:
    Stage stage_;
    std::string category_;
    std::string code_;
    std::string message_;
    std::size_t line_;
    std::size_t column_;
};

}  // namespace liaison::query
