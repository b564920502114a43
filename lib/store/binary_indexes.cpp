#include "store/binary_indexes.hpp"

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison::binary {

namespace {
[[noreturn]] void fail(const std::string& file, std::uint64_t entry, const std::string& what) {
    throw InputError(TextPosition{file, 0, 0},
                     fmt::format("section GRAPH_INFO, entry {}: {}", entry, what));
}
}  // namespace

std::vector<IndexDefinition> read_index_definitions(
    std::uint64_t count, const std::function<std::uint32_t(std::uint64_t)>& u32,
    const std::function<std::string(std::uint64_t)>& string_at, const std::string& file) {
    std::vector<IndexDefinition> out;
    for (std::uint64_t i = 2; i < count;) {
        const std::uint64_t first = i;
        IndexDefinition d;
        d.name = string_at(i++);
        std::uint32_t entity = u32(i++);
        if (entity > 1)
            fail(file, i - 1,
                 fmt::format("index entity {} (expected 0 for nodes or 1 for relationships)",
                             entity));
        d.relationships = entity == 1;
        d.label = string_at(i++);
        std::uint64_t k = u32(i++);
        if (k > count - i)
            fail(file, i - 1,
                 fmt::format("{} properties run past the section's {} entries", k, count));
        for (std::uint64_t p = 0; p < k; ++p) d.properties.push_back(string_at(i++));
        if (!out.empty() && !(out.back().name < d.name))
            fail(file, first,
                 fmt::format("index '{}' (expected indexes in strictly ascending name order)",
                             d.name));
        try {
            add_index(out, std::move(d));
        } catch (const ArgumentError& e) {
            fail(file, first, e.what());
        }
    }
    return out;
}

}  // namespace liaison::binary
