#pragma once
// The journal's name of each kind of operation, shared by its two readers and its writer.
#include "liaison/store/ops.hpp"

namespace liaison::store {

inline const char* op_name(OpKind k) {
    switch (k) {
        case OpKind::AddNode:
            return "add_node";
        case OpKind::PutNode:
            return "put_node";
        case OpKind::RemoveNode:
            return "remove_node";
        case OpKind::AddEdge:
            return "add_edge";
        case OpKind::PutEdge:
            return "put_edge";
        case OpKind::RemoveEdge:
            return "remove_edge";
        case OpKind::PutDocument:
            return "put_document";
        case OpKind::RemoveDocument:
            return "remove_document";
        case OpKind::DeclareRelation:
            return "declare_relation";
        case OpKind::SetGraphInfo:
            return "set_graph";
        case OpKind::CreateIndex:
            return "create_index";
        case OpKind::DropIndex:
            return "drop_index";
    }
    return "";
}

inline constexpr OpKind kAllKinds[] = {
    OpKind::AddNode,         OpKind::PutNode,      OpKind::RemoveNode,  OpKind::AddEdge,
    OpKind::PutEdge,         OpKind::RemoveEdge,   OpKind::PutDocument, OpKind::RemoveDocument,
    OpKind::DeclareRelation, OpKind::SetGraphInfo, OpKind::CreateIndex, OpKind::DropIndex,
};

}  // namespace liaison::store
