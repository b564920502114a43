#pragma once
// Pattern matching by backtracking: binds the nodes and relationships of one pattern part in a
// row, starting at a chosen node and expanding to both sides, with openCypher's relationship
// uniqueness (no relationship twice among `unique_rels`, the relationship slots of the clause).
// The search is an explicit stack (PartCursor), so matches stream one at a time and memory
// stays proportional to the pattern's length, not to the number of matches.
#include <functional>
#include <memory>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/executor/context.hpp"

namespace liaison::query {

// A WHERE conjunct checked inside the match as soon as the part's slots it reads are bound.
struct PartFilter {
    const bound::Expr* expr = nullptr;
    std::vector<int> slots;  // slots of this part the conjunct reads
};

// Where matching of a part begins, and the filters pushed into it.
struct StartPlan {
    enum class Source { Bound, Id, Name, Index, Label, All } source = Source::All;
    std::size_t node = 0;             // position in part.nodes
    std::string label;                // Source::Label / Index
    const bound::Expr* id = nullptr;  // Source::Id / Name / Index: the id / name / sought value
    // Source::Index: the property of `label`'s index and the seek: Eq, In, or a range (Lt, Le,
    // Gt, Ge: `key op id`).
    std::string key;
    ast::Op seek = ast::Op::Eq;
    std::string index_name;  // for EXPLAIN
    // A range's other bound (`key seek2 id2`, the opposite side of `seek`), or null.
    const bound::Expr* id2 = nullptr;
    ast::Op seek2 = ast::Op::Eq;
    std::vector<PartFilter> filters;
};

// Enumerates the matches of `part` consistent with the row's bound slots, one per next(): the
// match is bound in `row` until the following call. When next() returns false, the slots it
// bound are null again.
class PartCursor {
public:
    PartCursor(ExecContext& ctx, const bound::PatternPart& part, const StartPlan& start, Row& row,
               const std::vector<int>& unique_rels);
    ~PartCursor();
    PartCursor(const PartCursor&) = delete;
    PartCursor& operator=(const PartCursor&) = delete;
    bool next();

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Calls emit(row) for each match of `part` consistent with the row's bound slots; slots bound by
// the match are reset to null afterwards. Evaluates property maps against the row. A var-length
// relationship slot holds the list of relationships in pattern order; a named path is built.
void match_part(ExecContext& ctx, const bound::PatternPart& part, const StartPlan& start, Row& row,
                const std::vector<int>& unique_rels, const std::function<void(Row&)>& emit);

// A plan for a part without statistics: the first bound node, else the first node.
StartPlan default_start(const bound::PatternPart& part, const Row& row);

// Builds the path value of a part from its bound slots.
Path build_path(ExecContext& ctx, const bound::PatternPart& part, const Row& row);

// Whether node n has the labels and properties of the pattern.
bool node_matches(ExecContext& ctx, std::uint32_t n, const bound::NodePattern& p, Row& row);
// Whether a node or relationship has the properties of a pattern's map (evaluated on `row`).
bool props_match(ExecContext& ctx, const bound::Expr* props, const Value& entity, Row& row);

// The relation types a pattern allows, resolved in the graph; `any` when it names none.
struct TypeSet {
    bool any = true;
    std::vector<RelationId> ids;
    bool allows(RelationId t) const;
};
TypeSet resolve_types(const PropertyGraph& g, const std::vector<std::string>& names);

}  // namespace liaison::query
