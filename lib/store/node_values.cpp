// One property on many nodes in one transaction (node_values.hpp).
#include "liaison/store/node_values.hpp"

namespace liaison {

NodeValuesResult write_node_values(const std::string& path, const std::string& property,
                                   const std::vector<std::pair<std::string, Value>>& values,
                                   const UpdateOptions& options) {
    Database db = Database::open(path);
    NodeValuesResult result;
    result.update = db.update(
        [&](WriteTransaction& tx) {
            result.written = 0;  // a retried change starts over
            for (const auto& [id, value] : values) {
                auto at = tx.graph().find_id(id);
                if (!at) continue;
                Node n = tx.graph().node(*at);
                n.properties.set(property, value);
                tx.update_node(std::move(n));
                ++result.written;
            }
        },
        options);
    return result;
}

}  // namespace liaison
