#include <utility>

#include <fmt/format.h>

#include "liaison/store/database.hpp"

namespace liaison {

using store::Op;
using store::OpKind;

WriteTransaction::WriteTransaction(Database& db, std::optional<store::WriterLock> lock)
    : db_(&db), lock_(std::move(lock)) {
    db.in_transaction_ = true;
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      lock_(std::move(other.lock_)),
      working_(std::move(other.working_)),
      ops_(std::move(other.ops_)),
      in_update_(other.in_update_) {
    other.lock_.reset();
}

WriteTransaction::~WriteTransaction() {
    if (db_) finish();
}

const PropertyGraph& WriteTransaction::graph() const {
    if (working_) return *working_;
    if (!db_) throw ArgumentError("the transaction is finished");
    return db_->graph_;
}

PropertyGraph& WriteTransaction::working() {
    if (!db_) throw ArgumentError("the transaction is finished (committed or rolled back)");
    if (!working_) working_ = std::make_unique<PropertyGraph>(db_->graph_);
    return *working_;
}

void WriteTransaction::apply(const Op& op) {
    store::apply(working(), op);
    ops_.push_back(op);
}

NodeIndex WriteTransaction::add_node(Node node) {
    Op op;
    op.kind = OpKind::AddNode;
    op.node = std::move(node);
    apply(op);
    return static_cast<NodeIndex>(working_->node_count() - 1);
}

void WriteTransaction::update_node(Node node) {
    Op op;
    op.kind = OpKind::PutNode;
    op.node = std::move(node);
    apply(op);
}

void WriteTransaction::remove_node(std::string_view id) {
    Op op;
    op.kind = OpKind::RemoveNode;
    op.id = std::string(id);
    apply(op);
}

EdgeIndex WriteTransaction::add_edge(const store::EdgeData& edge) {
    Op op;
    op.kind = OpKind::AddEdge;
    op.edge = edge;
    apply(op);
    return static_cast<EdgeIndex>(working_->edge_count() - 1);
}

namespace {
void check_indices(const PropertyGraph& g, const Edge& edge) {
    if (edge.source >= g.node_count() || edge.target >= g.node_count() ||
        edge.type >= g.relations().size())
        throw ArgumentError("edge endpoint or relation type out of range");
}
void check_edge_index(const PropertyGraph& g, EdgeIndex e) {
    if (e >= g.edge_count())
        throw ArgumentError(
            fmt::format("edge index {} out of range ({} edges)", e, g.edge_count()));
}
}  // namespace

EdgeIndex WriteTransaction::add_edge(const Edge& edge) {
    check_indices(graph(), edge);
    return add_edge(store::edge_data(graph(), edge));
}

void WriteTransaction::update_edge(EdgeIndex e, const Edge& edge) {
    check_edge_index(graph(), e);
    check_indices(graph(), edge);
    Op op;
    op.kind = OpKind::PutEdge;
    op.ref = store::edge_ref(graph(), e);
    op.edge = store::edge_data(graph(), edge);
    apply(op);
}

void WriteTransaction::remove_edge(EdgeIndex e) {
    check_edge_index(graph(), e);
    Op op;
    op.kind = OpKind::RemoveEdge;
    op.ref = store::edge_ref(graph(), e);
    apply(op);
}

void WriteTransaction::put_document(Document document) {
    Op op;
    op.kind = OpKind::PutDocument;
    op.document = std::move(document);
    apply(op);
}

void WriteTransaction::remove_document(std::string_view id) {
    Op op;
    op.kind = OpKind::RemoveDocument;
    op.id = std::string(id);
    apply(op);
}

RelationId WriteTransaction::declare_relation(RelationType type) {
    Op op;
    op.kind = OpKind::DeclareRelation;
    op.relation = std::move(type);
    apply(op);
    return *working_->relations().find(op.relation.name);
}

void WriteTransaction::set_graph_info(std::string id, std::string label) {
    Op op;
    op.kind = OpKind::SetGraphInfo;
    op.id = std::move(id);
    op.label = std::move(label);
    apply(op);
}

void WriteTransaction::create_index(IndexDefinition index) {
    Op op;
    op.kind = OpKind::CreateIndex;
    op.index = std::move(index);
    apply(op);
}

void WriteTransaction::drop_index(std::string_view name) {
    Op op;
    op.kind = OpKind::DropIndex;
    op.id = std::string(name);
    apply(op);
}

void WriteTransaction::commit() {
    if (in_update_)
        throw ArgumentError(
            "a transaction of Database::update is committed by update itself (throw to abandon "
            "it)");
    commit_held();
}

void WriteTransaction::commit_held() {
    if (!db_) throw ArgumentError("the transaction is finished (committed or rolled back)");
    if (ops_.empty()) return finish();
    try {
        db_->append(store::transaction_record(store::encode_ops(ops_)), true);
    } catch (...) {
        finish();
        throw;
    }
    db_->graph_ = std::move(*working_);
    ++db_->journal_tx_;
    db_->journal_loads_base_ = db_->journal_loads_base_ || store::loads_base(ops_);
    finish();
}

void WriteTransaction::rollback() {
    if (in_update_)
        throw ArgumentError(
            "a transaction of Database::update is rolled back by throwing from the change");
    if (db_) finish();
}

void WriteTransaction::finish() {
    working_.reset();
    ops_.clear();
    db_->in_transaction_ = false;
    db_ = nullptr;
    if (lock_) lock_->release();
    lock_.reset();
}

}  // namespace liaison
