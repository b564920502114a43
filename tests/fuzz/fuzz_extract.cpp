// Fuzz target: the extractor. Any bytes end in InputError (invalid UTF-8, too long) or in a
// candidates network whose every quote is the article's own text at its offsets, that the
// canonical writer and reader accept; never a crash or a hang.
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/text.hpp"
#include "fuzz_check.hpp"
#include "liaison/core/error.hpp"
#include "liaison/extract/extract.hpp"
#include "liaison/io/native_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    liaison::extract::Article a;
    a.id = "fuzz";
    a.file = "fuzz.txt";
    a.text.assign(reinterpret_cast<const char*>(data), size);
    liaison::PropertyGraph g;
    try {
        g = liaison::extract::extract({a});
    } catch (const liaison::InputError&) {
        return 0;
    }
    const liaison::extract::Text t = liaison::extract::make_text(a.text, a.file);
    auto verbatim = [&](const liaison::Sources& sources) {
        for (const liaison::Source& s : sources) {
            FUZZ_CHECK(s.start && s.end && *s.start <= *s.end);
            FUZZ_CHECK(t.slice(static_cast<std::uint32_t>(*s.start),
                               static_cast<std::uint32_t>(*s.end)) == s.quote);
        }
    };
    for (const auto& n : g.nodes()) verbatim(n.sources);
    for (const auto& e : g.edges()) verbatim(e.sources);
    const std::string first = liaison::write_graph_json(g);
    FUZZ_CHECK(liaison::write_graph_json(liaison::parse_graph_json(first, "first")) == first);
    return 0;
}
