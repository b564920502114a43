#pragma once
// CREATE INDEX / DROP INDEX as an operator, and the introspection procedures: db.indexes(),
// db.propertyKeys(), dbms.procedures(), dbms.functions() (SHOW INDEXES, SHOW PROCEDURES and
// SHOW FUNCTIONS call them).
#include <map>
#include <string>

#include "query/executor/operator.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

struct Procedure;

// Runs its command once, when its input gives its one row; produces no rows.
class SchemaUpdate : public Operator {
public:
    explicit SchemaUpdate(const ast::SchemaCommand& command) : command_(command) {}
    std::string describe() const override;

protected:
    bool produce(Row& row) override;

private:
    const ast::SchemaCommand& command_;
};

// Adds the introspection procedures to the registry being built (executor/procedures.cpp).
void add_introspection_procedures(std::map<std::string, Procedure, std::less<>>& registry);

}  // namespace liaison::query
