// The two store formats behind one pair of functions, chosen by the path's suffix.
#include <exception>
#include <thread>

#include "io/graph_rules.hpp"
#include "liaison/io/native_format.hpp"
#include "store/binary_format.hpp"
#include "store/snapshot_codec.hpp"

namespace liaison::store {

std::string encode_snapshot(const PropertyGraph& g, const std::string& path) {
    return is_binary_store_path(path) ? binary::write_base(g) : write_graph_json(g);
}

PropertyGraph decode_snapshot(std::string_view bytes, const std::string& path) {
    if (!is_binary_store_path(path)) return parse_graph_json(bytes, path);
    return binary::BaseImage::view(bytes, path)->to_graph();
}

PropertyGraph view_snapshot(std::string_view bytes, const std::string& path) {
    if (!is_binary_store_path(path)) return parse_graph_json(bytes, path);
    return binary::lazy_graph(binary::BaseImage::view(bytes, path));
}

std::string encode_new_snapshot(const PropertyGraph& g, const std::string& path) {
    if (!is_binary_store_path(path)) {
        // The JSON text is the file: it must read back, which holds it to every rule.
        std::string text = write_graph_json(g);
        parse_graph_json(text, path);
        return text;
    }
    // The native reader's rules checked on the graph itself (io/graph_rules.hpp): the same
    // graphs refused as through a JSON round trip, without holding that text and its graph.
    // Both only read the graph, so the check runs beside the writer on the second core. Its
    // error wins, as when it ran first; the writer's bytes are the same either way.
    std::exception_ptr refused;
    std::thread checker([&] {
        try {
            detail::check_graph_rules(g, path);
        } catch (...) {
            refused = std::current_exception();
        }
    });
    std::string bytes;
    std::exception_ptr failed;
    try {
        bytes = binary::write_base(g);
    } catch (...) {
        failed = std::current_exception();
    }
    checker.join();
    if (refused) std::rethrow_exception(refused);
    if (failed) std::rethrow_exception(failed);
    binary::BaseImage::view(bytes, path);  // header, directory and section bounds
    return bytes;
}

}  // namespace liaison::store
