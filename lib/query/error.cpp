#include "liaison/query/error.hpp"

#include <fmt/format.h>

namespace liaison::query {

const char* stage_name(Stage stage) {
    switch (stage) {
        case Stage::Lexer:
            return "lexer";
        case Stage::Parser:
            return "parser";
        case Stage::Binder:
            return "binder";
        case Stage::Planner:
            return "planner";
        case Stage::Executor:
            return "executor";
    }
    return "?";
}

static std::string compose(Stage stage, const std::string& category, const std::string& message,
                           std::size_t line, std::size_t column) {
    std::string where = line > 0 ? fmt::format(" at line {}, column {}", line, column) : "";
    return fmt::format("query {} error{}: {} ({})", stage_name(stage), where, message, category);
}

QueryError::QueryError(Stage stage, std::string category, std::string code, std::string message,
                       std::size_t line, std::size_t column)
    : Error(compose(stage, category, message, line, column)),
      stage_(stage),
      category_(std::move(category)),
      code_(std::move(code)),
      message_(std::move(message)),
      line_(line),
      column_(column) {}

}  // namespace liaison::query
