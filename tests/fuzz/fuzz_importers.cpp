// Fuzz target: every importer. The first byte picks the format (GraphML, GEXF, CSV, Cytoscape,
// node-link, DOT, edge list, native by sniffing); the rest is the file. Bad input must end in a
// liaison::Error; an imported network must be one the native writer and reader accept.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "liaison/core/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    using liaison::Format;
    constexpr Format kFormats[] = {Format::Native, Format::GraphML,   Format::Gexf,
                                   Format::Csv,    Format::Cytoscape, Format::NodeLink,
                                   Format::Dot,    Format::EdgeList};
    Format format = kFormats[data[0] % (sizeof kFormats / sizeof kFormats[0])];
    liaison::NamedText input{"fuzz",
                             std::string(reinterpret_cast<const char*>(data) + 1, size - 1)};
    liaison::ImportResult result;
    try {
        result = format == Format::Csv ? liaison::import_csv({input})
                                       : liaison::import_text(format, input);
    } catch (const liaison::Error&) {
        return 0;
    }
    std::string written;
    try {
        written = liaison::write_graph_json(result.graph);
    } catch (const liaison::ArgumentError&) {
        return 0;  // e.g. a non-finite float the writer refuses, with a message
    }
    liaison::parse_graph_json(written, "imported");
    return 0;
}
