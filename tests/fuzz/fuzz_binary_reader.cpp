// Fuzz target: the binary base image reader. Any input must open, serve every accessor and
// build its graph, or end in liaison::Error; a graph it builds must write as JSON that reads
// back, and must write as a base image that reads back to the same graph.
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "store/binary_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace liaison;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    PropertyGraph g;
    try {
        auto image = binary::BaseImage::from_bytes(bytes, "fuzz.liaison");
        for (NodeIndex n = 0; n < image->node_count(); ++n) {
            image->find_id(image->node_id(n));
            image->out_run(n);
            image->in_run(n);
        }
        for (EdgeIndex e = 0; e < image->edge_count(); ++e) image->edge_ends(e);
        image->find_name("hammouchi");
        image->nodes_with_label("Person");
        g = image->to_graph();
        try {
            image->check();
        } catch (const Error&) {
        }
    } catch (const Error&) {
        return 0;
    }
    std::string text = write_graph_json(g);
    try {
        parse_graph_json(text, "fuzz.json");  // the JSON rules may refuse what the image holds
    } catch (const InputError&) {
    }
    std::string again = binary::write_base(g);
    PropertyGraph back = binary::BaseImage::from_bytes(again, "again.liaison")->to_graph();
    FUZZ_CHECK(write_graph_json(back) == text);
    return 0;
}
