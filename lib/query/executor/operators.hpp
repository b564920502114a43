#pragma once
// The operators of the executor (see operator.hpp for the interface).
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/executor/aggregators.hpp"
#include "query/executor/matcher.hpp"
#include "query/executor/node_set.hpp"
#include "query/executor/operator.hpp"

namespace liaison::query {

// Emits one empty row (the start of every query).
class Once : public Operator {
public:
    explicit Once(int slots) : slots_(slots) {}
    std::string describe() const override { return "Once"; }

protected:
    void on_open() override { done_ = false; }
    bool produce(Row& row) override;

private:
    int slots_;
    bool done_ = false;
};

// One row holding the count of the graph's nodes, or of those with a label, in `slot`: what
// "MATCH (n[:L]) RETURN count(n)" returns, read from the graph instead of walking every node
// (Neo4j's NodeCountFromCountStore).
class NodeCount : public Operator {
public:
    NodeCount(int slots, int slot, std::string label, std::string text)
        : slots_(slots), slot_(slot), label_(std::move(label)), text_(std::move(text)) {}
    std::string describe() const override { return "NodeCountFromCountStore " + text_; }

protected:
    void on_open() override { done_ = false; }
    bool produce(Row& row) override;

private:
    int slots_, slot_;
    std::string label_;  // empty: every node
    std::string text_;
    bool done_ = false;
};

// Emits the row given by its parent (the input row of an OPTIONAL MATCH).
class Argument : public Operator {
public:
    std::string describe() const override { return "Argument"; }
    void set(const Row& row) { row_ = row; }

protected:
    void on_open() override { done_ = false; }
    bool produce(Row& row) override;

private:
    Row row_;
    bool done_ = false;
};

// Matches one pattern part per input row, starting where the planner chose; streams the
// matches (nothing is buffered).
class MatchPart : public Operator {
public:
    MatchPart(const bound::PatternPart& part, StartPlan start, std::vector<int> unique_rels,
              std::string text)
        : part_(part),
          start_(std::move(start)),
          unique_(std::move(unique_rels)),
          text_(std::move(text)) {}
    std::string describe() const override { return text_; }

protected:
    void on_open() override { cursor_.reset(); }
    bool produce(Row& row) override;

private:
    const bound::PatternPart& part_;
    StartPlan start_;
    std::vector<int> unique_;
    std::string text_;
    Row current_;
    std::unique_ptr<PartCursor> cursor_;
};

// The end nodes of a shortest-path part given by id (`{id: $a}` or `WHERE a.id = $a`), so the
// search need not scan for them; null when not given.
struct PathEnds {
    const bound::Expr* first = nullptr;
    const bound::Expr* last = nullptr;
};

// shortestPath / allShortestPaths between bound (or sought, or scanned) end nodes. One shortest
// path between two known nodes is a bidirectional breadth-first search on node indexes; the
// other cases search breadth-first from each start.
class ShortestPath : public Operator {
public:
    ShortestPath(const bound::PatternPart& part, std::vector<int> unique_rels, PathEnds ends)
        : part_(part), unique_(std::move(unique_rels)), ends_(ends) {}
    std::string describe() const override;

protected:
    void on_open() override { buffer_.clear(), pos_ = 0; }
    bool produce(Row& row) override;

private:
    void search(Row& row);
    bool bidirectional(Row& row);
    std::vector<std::uint32_t> end_nodes(Row& row, std::size_t which, const bound::Expr* id);
    const bound::PatternPart& part_;
    std::vector<int> unique_;
    PathEnds ends_;
    std::vector<Row> buffer_;
    std::size_t pos_ = 0;
    // The breadth-first levels of one search, by node index, kept between searches and reset
    // through `reached` (the search's queue): no ordered maps, no per-search allocation.
    struct Levels {
        std::vector<std::int64_t> dist;                                          // -1: not reached
        std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> pred;  // (node, edge)
        std::vector<std::uint32_t> reached;
    } levels_;
};

class Filter : public Operator {
public:
    Filter(const bound::Expr& predicate, std::string text)
        : pred_(predicate), text_(std::move(text)) {}
    std::string describe() const override { return "Filter " + text_; }

protected:
    bool produce(Row& row) override;

private:
    const bound::Expr& pred_;
    std::string text_;
};

// Runs `inner` (which starts at `arg`) for each input row; a row without matches passes with
// the optional variables null.
class Optional : public Operator {
public:
    Optional(OperatorPtr inner, Argument* arg) : inner_(std::move(inner)), arg_(arg) {}
    std::string describe() const override { return "Optional"; }
    std::vector<const Operator*> others() const override { return {inner_.get()}; }

protected:
    void on_open() override { active_ = false; }
    bool produce(Row& row) override;

private:
    OperatorPtr inner_;
    Argument* arg_;
    Row current_;
    bool active_ = false;
    bool matched_ = false;
};

class Unwind : public Operator {
public:
    Unwind(const bound::Expr& list, int slot, std::string text)
        : list_(list), slot_(slot), text_(std::move(text)) {}
    std::string describe() const override { return "Unwind " + text_; }

protected:
    void on_open() override { items_.clear(), pos_ = 0; }
    bool produce(Row& row) override;

private:
    const bound::Expr& list_;
    int slot_;
    std::string text_;
    Row current_;
    ValueList items_;
    std::size_t pos_ = 0;
};

// Evaluates projection items into their slots (the row keeps its other slots for ORDER BY).
class Project : public Operator {
public:
    Project(std::vector<std::pair<const bound::Expr*, int>> items, std::string text)
        : items_(std::move(items)), text_(std::move(text)) {}
    std::string describe() const override { return "Project " + text_; }

protected:
    bool produce(Row& row) override;

private:
    std::vector<std::pair<const bound::Expr*, int>> items_;
    std::string text_;
};

// Groups by the non-aggregate items and computes the aggregates; emits one row per group: the
// group's first input row with the keys and aggregate values set, then the aggregating items.
class Aggregate : public Operator {
public:
    Aggregate(const bound::Projection& p, int slots, std::string text)
        : p_(p), slots_(slots), text_(std::move(text)) {}
    std::string describe() const override { return "Aggregate " + text_; }

protected:
    void on_open() override { out_.clear(), pos_ = 0, done_ = false; }
    bool produce(Row& row) override;

private:
    void compute();
    const bound::Projection& p_;
    int slots_;
    std::string text_;
    std::vector<Row> out_;
    std::size_t pos_ = 0;
    bool done_ = false;
};

class Distinct : public Operator {
public:
    explicit Distinct(std::vector<int> slots) : slots_(std::move(slots)) {}
    std::string describe() const override { return "Distinct"; }

protected:
    void on_open() override { seen_.clear(), nodes_.clear(); }
    bool produce(Row& row) override;

private:
    std::vector<int> slots_;
    std::set<ValueList, ValueLess> seen_;
    NodeSet nodes_;
};

struct SortKey {
    const bound::Expr* expr = nullptr;
    bool descending = false;
    bool nulls_first = false;
};

class Sort : public Operator {
public:
    Sort(std::vector<SortKey> keys, std::string text)
        : keys_(std::move(keys)), text_(std::move(text)) {}
    std::string describe() const override { return "Sort " + text_; }

protected:
    void on_open() override { rows_.clear(), pos_ = 0, done_ = false; }
    bool produce(Row& row) override;

private:
    std::vector<SortKey> keys_;
    std::string text_;
    std::vector<Row> rows_;
    std::size_t pos_ = 0;
    bool done_ = false;
};

// SKIP (skip = true) or LIMIT.
class SkipLimit : public Operator {
public:
    SkipLimit(const bound::Expr& count, bool skip) : count_(count), skip_(skip) {}
    std::string describe() const override { return skip_ ? "Skip" : "Limit"; }

protected:
    void on_open() override { n_ = -1, seen_ = 0; }
    bool produce(Row& row) override;

private:
    const bound::Expr& count_;
    bool skip_;
    std::int64_t n_ = -1;
    std::int64_t seen_ = 0;
};

// Writes (CREATE, MERGE, SET, REMOVE, DELETE) read their whole input first ("eager"), so reads
// of earlier clauses never see the writes of later rows.
class Eager : public Operator {
public:
    void finish() override;

protected:
    // Cleared on each open: a FOREACH body opens its writes once per element.
    void on_open() override { rows_.clear(), out_.clear(), pos_ = 0, done_ = false; }
    bool produce(Row& row) override;
    // Called per buffered row; appends zero or more output rows.
    virtual void write(Row& row, std::vector<Row>& out) = 0;

private:
    std::vector<Row> rows_;
    std::vector<Row> out_;
    std::size_t pos_ = 0;
    bool done_ = false;
};

class Create : public Eager {
public:
    explicit Create(const std::vector<bound::PatternPart>& parts) : parts_(parts) {}
    std::string describe() const override { return "Create"; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    const std::vector<bound::PatternPart>& parts_;
};

class Merge : public Eager {
public:
    explicit Merge(const bound::Clause& clause) : clause_(clause) {}
    std::string describe() const override { return "Merge"; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    const bound::Clause& clause_;
};

// SET and REMOVE items.
class SetProperties : public Eager {
public:
    SetProperties(const std::vector<bound::SetItem>& items, bool remove)
        : items_(items), remove_(remove) {}
    std::string describe() const override { return remove_ ? "Remove" : "Set"; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    const std::vector<bound::SetItem>& items_;
    bool remove_;
};

class Delete : public Eager {
public:
    explicit Delete(const bound::Clause& clause) : clause_(clause) {}
    std::string describe() const override { return clause_.detach ? "DetachDelete" : "Delete"; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    const bound::Clause& clause_;
};

// FOREACH: per input row and element of the list, runs the body (update operators on top of
// `arg`) to its end; the input row passes unchanged.
class Foreach : public Eager {
public:
    Foreach(const bound::Clause& clause, OperatorPtr body, Argument* arg, std::string text)
        : clause_(clause), body_(std::move(body)), arg_(arg), text_(std::move(text)) {}
    std::string describe() const override { return "Foreach " + clause_.alias + " in " + text_; }
    std::vector<const Operator*> others() const override { return {body_.get()}; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    const bound::Clause& clause_;
    OperatorPtr body_;
    Argument* arg_;
    std::string text_;
};

// CALL { … }: per input row, the body's rows, each the input row with the body's columns
// (`slots`) added; no rows removes the input row. A unit body (no columns) keeps each row once.
// Eager, so a body's writes for one row are seen by the next row's body.
class CallSubquery : public Eager {
public:
    CallSubquery(OperatorPtr body, Argument* arg, std::vector<int> slots)
        : body_(std::move(body)), arg_(arg), slots_(std::move(slots)) {}
    std::string describe() const override { return "CallSubquery"; }
    std::vector<const Operator*> others() const override { return {body_.get()}; }

protected:
    void write(Row& row, std::vector<Row>& out) override;

private:
    OperatorPtr body_;
    Argument* arg_;
    std::vector<int> slots_;
};

// LOAD CSV: per input row, the records of a local CSV file (RFC 4180), each as a list of
// strings or, WITH HEADERS, a map from the first record's names (executor/load_csv.cpp).
class LoadCsv : public Operator {
public:
    LoadCsv(const bound::Clause& clause, std::string text);
    ~LoadCsv() override;
    std::string describe() const override;

protected:
    void on_open() override;
    bool produce(Row& row) override;

private:
    struct Reader;
    const bound::Clause& clause_;
    std::string text_;
    Row current_;
    std::unique_ptr<Reader> reader_;
};

// CALL of a procedure: one output row per result record, fields bound to the yield slots.
class CallProcedure : public Operator {
public:
    explicit CallProcedure(const bound::Clause& clause) : clause_(clause) {}
    std::string describe() const override { return "Call " + clause_.procedure; }

protected:
    void on_open() override { records_.clear(), pos_ = 0; }
    bool produce(Row& row) override;

private:
    const bound::Clause& clause_;
    Row current_;
    std::vector<ValueMap> records_;
    std::size_t pos_ = 0;
};

// Write helpers shared by CREATE and MERGE.
void create_part(ExecContext& ctx, const bound::PatternPart& part, Row& row);
void apply_set_item(ExecContext& ctx, const bound::SetItem& item, Row& row, bool remove);
// Removes what DELETE marked, once the query has produced all its rows. Throws
// ConstraintVerificationFailed when a deleted node keeps relationships.
void apply_deletions(ExecContext& ctx);

}  // namespace liaison::query
