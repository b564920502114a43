// The two store formats behind one pair of functions, chosen by the path's suffix.
#include "liaison/io/native_format.hpp"
#include "store/binary_format.hpp"
#include "store/snapshot_codec.hpp"

namespace liaison::store {

std::string encode_snapshot(const PropertyGraph& g, const std::string& path) {
    return is_binary_store_path(path) ? binary::write_base(g) : write_graph_json(g);
}

PropertyGraph decode_snapshot(std::string_view bytes, const std::string& path, bool full_check) {
    if (!is_binary_store_path(path)) return parse_graph_json(bytes, path);
    PropertyGraph g = binary::BaseImage::view(bytes, path)->to_graph();
    // The native reader's rules (schema, identifiers, references) are stated once, on the
    // text: a graph the JSON store would refuse is refused here too.
    if (full_check) parse_graph_json(write_graph_json(g), path + " (as JSON)");
    return g;
}

}  // namespace liaison::store
