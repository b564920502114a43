#pragma once
// Finding where in a JSON text a value lives, for error messages. Only called on error paths:
// the fast reader keeps no positions.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::detail {

// Byte offset of the value at a path of object keys / array indices (as strings), counting
// duplicate keys: `occurrence` 1 is the second member with the same key at the last step.
// Returns the offset of the first character of the value there (of the member's key instead
// when `at_key`), or npos if absent. An empty path is the root value.
std::size_t locate_json_path(std::string_view text, const std::vector<std::string>& path,
                             int occurrence = 0, bool at_key = false);

// Deepest nesting of objects and arrays, and the offset where `limit` is first exceeded (npos
// when it is not). Cheap pre-check so deeply nested input cannot exhaust the stack later.
std::size_t find_nesting_over(std::string_view text, int limit);

}  // namespace liaison::detail
