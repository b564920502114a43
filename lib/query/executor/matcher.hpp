#pragma once
// Pattern matching by backtracking: binds the nodes and relationships of one pattern part in a
// row, starting at a chosen node and expanding to both sides, with openCypher's relationship
// uniqueness (no relationship twice among `unique_rels`, the relationship slots of the clause).
#include <functional>
#include <vector>

#include "query/executor/context.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

// Where matching of a part begins.
struct StartPlan {
    enum class Source { Bound, Id, Label, All } source = Source::All;
    std::size_t node = 0;           // position in part.nodes
    std::string label;              // Source::Label
    const ast::Expr* id = nullptr;  // Source::Id: expression giving the node's id
};

// Calls emit(row) for each match of `part` consistent with the row's bound slots; slots bound by
// the match are reset to null afterwards. Evaluates property maps against the row. A var-length
// relationship slot holds the list of relationships in pattern order; a named path is built.
void match_part(ExecContext& ctx, const ast::PatternPart& part, const StartPlan& start, Row& row,
                const std::vector<int>& unique_rels, const std::function<void(Row&)>& emit);

// A plan for a part without statistics: the first bound node, else the first node.
StartPlan default_start(const ast::PatternPart& part, const Row& row);

// Builds the path value of a part from its bound slots.
Path build_path(ExecContext& ctx, const ast::PatternPart& part, const Row& row);

// Whether node n has the labels and properties of the pattern.
bool node_matches(ExecContext& ctx, std::uint32_t n, const ast::NodePattern& p, Row& row);

}  // namespace liaison::query
