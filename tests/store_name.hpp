#pragma once
// Which store a store-facing test runs on. ctest registers such a test twice
// (liaison_add_store_test in tests/CMakeLists.txt): NAME on the JSON store, and NAME[binary]
// with LIAISON_TEST_STORE=binary on the binary store (`.liaison`, docs/storage-engine.md).
#include <cstdlib>
#include <string>

namespace store_test {

inline bool binary_store() {
    const char* store = std::getenv("LIAISON_TEST_STORE");
    return store != nullptr && std::string(store) == "binary";
}

// A database file name of the store under test: STEM.liaison on the binary store, else STEM.json.
inline std::string database_name(const std::string& stem) {
    return stem + (binary_store() ? ".liaison" : ".json");
}

}  // namespace store_test
