#pragma once
// A journal record's operations read straight from its JSON, without a document tree (replay
// reads every record of the journal at each open).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/store/ops.hpp"

namespace liaison::store {

// The operations of `json` when it has the shapes encode_ops writes (members in any order, the
// "op" member first), with every check of decode_ops; nullopt for anything else, valid or not,
// which decode_ops then reads through the tree to accept it or say what is wrong.
std::optional<std::vector<Op>> decode_ops_directly(std::string_view json);
// decode_ops by the tree alone: every shape, and the error messages.
std::vector<Op> decode_ops_through_tree(std::string_view json, const std::string& name);

}  // namespace liaison::store
