// Fuzz target: the native JSON reader. Bad input must end in InputError; good input must
// survive write → read → write unchanged (the canonical writer is a fixed point).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "io/native_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    liaison::PropertyGraph g;
    try {
        g = liaison::parse_graph_json(text, "fuzz.json");
    } catch (const liaison::InputError&) {
        return 0;
    }
    std::string first = liaison::write_graph_json(g);
    std::string second = liaison::write_graph_json(liaison::parse_graph_json(first, "first"));
    FUZZ_CHECK(first == second);
    return 0;
}
