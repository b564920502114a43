#pragma once
/// @file
/// The durable database (docs/store.md): liaison::Database opens a snapshot and its journal;
/// every change goes through a liaison::WriteTransaction under the writer lock and is durable
/// before commit() returns.
#include "liaison/model.hpp"
#include "liaison/store/database.hpp"
#include "liaison/store/edit_syntax.hpp"
#include "liaison/store/error.hpp"
#include "liaison/store/node_values.hpp"
#include "liaison/store/ops.hpp"
