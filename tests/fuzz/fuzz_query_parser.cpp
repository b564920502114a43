// Fuzz target: the query parser (text → tokens → AST). Bad input must end in a liaison::Error.
#include <cstdint>
#include <string_view>

#include "liaison/core/error.hpp"
#include "query/parser/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        liaison::query::parse_query(text);
    } catch (const liaison::Error&) {
    }
    return 0;
}
