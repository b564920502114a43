// Fuzz target: the native JSON reader. Bad input must end in InputError; good input must
// survive write → read → write unchanged (the canonical writer is a fixed point); and the fast
// path must never accept what the validated path refuses, nor read it differently.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<liaison::PropertyGraph> fast = liaison::detail::parse_graph_json_fast(text);
    liaison::PropertyGraph g;
    try {
        g = liaison::detail::parse_graph_json_validated(text, "fuzz.json");
    } catch (const liaison::InputError&) {
        FUZZ_CHECK(!fast);  // the fast path accepted what the schema or the checks refuse
        return 0;
    }
    std::string first = liaison::write_graph_json(g);
    if (fast) FUZZ_CHECK(liaison::write_graph_json(*fast) == first);
    std::string second = liaison::write_graph_json(liaison::parse_graph_json(first, "first"));
    FUZZ_CHECK(first == second);
    return 0;
}
