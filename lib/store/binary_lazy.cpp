// The mapped base image as a PropertyGraph's lazy base: counts, ids, edge ends, adjacency runs,
// names, labels and single nodes and edges are read from the mapping as they are asked for;
// the whole graph is built, by to_graph(), only when something asks for all of it.
#include <algorithm>
#include <mutex>
#include <utility>

#include "store/binary_format.hpp"

namespace liaison::binary {

namespace {

class ImageBase final : public GraphBase {
public:
    ImageBase(std::shared_ptr<const BaseImage> image, std::vector<RelationId> relation_of)
        : image_(std::move(image)), relation_of_(std::move(relation_of)) {}

    std::size_t node_count() const override { return image_->node_count(); }
    std::size_t edge_count() const override { return image_->edge_count(); }
    std::string node_id(NodeIndex n) const override { return std::string(image_->node_id(n)); }
    std::optional<NodeIndex> find_id(std::string_view id) const override {
        return image_->find_id(id);
    }
    liaison::EdgeEnds edge_ends(EdgeIndex e) const override {
        binary::EdgeEnds ends = image_->edge_ends(e);  // its type is checked against the table
        return {ends.source, ends.target, relation_of_[ends.type]};
    }
    std::vector<EdgeIndex> source_run(NodeIndex n) const override { return image_->out_run(n); }
    std::vector<EdgeIndex> target_run(NodeIndex n) const override { return image_->in_run(n); }
    Node node(NodeIndex n) const override { return image_->node(n); }
    Edge edge(EdgeIndex e) const override {
        Edge out = image_->edge(e);
        out.type = relation_of_[out.type];  // checked against the table by edge_ends
        return out;
    }
    std::vector<NodeIndex> find_name(std::string_view name) const override {
        return image_->find_name(name);
    }
    std::vector<NodeIndex> nodes_with_label(std::string_view label) const override {
        return image_->nodes_with_label(label);
    }
    // The keys are read once per base (a pass over the node property blobs), on first use.
    bool node_property_used(std::string_view key) const override {
        std::call_once(keys_once_, [&] { keys_ = image_->node_property_keys(); });
        return std::binary_search(keys_.begin(), keys_.end(), key);
    }
    // to_graph() declares the relation types in the image's order into a new graph, as
    // read_attributes did for the graph this base is attached to: the same RelationIds.
    PropertyGraph load() const override {
        PropertyGraph g = image_->to_graph();
        image_->release_pages();  // the loaded graph holds it all now (storage-engine.md §0)
        return g;
    }
    void read_documents(std::map<std::string, Document, std::less<>>& into) const override {
        image_->read_documents(into);
    }

private:
    std::shared_ptr<const BaseImage> image_;
    std::vector<RelationId> relation_of_;
    mutable std::once_flag keys_once_;
    mutable std::vector<std::string> keys_;
};

}  // namespace

PropertyGraph lazy_graph(std::shared_ptr<const BaseImage> image) {
    PropertyGraph g;
    std::vector<RelationId> relation_of = image->read_attributes(g, false);
    auto base = std::make_shared<ImageBase>(std::move(image), std::move(relation_of));
    g.defer_documents(base);  // GDELT-scale files hold millions of event reports
    g.attach_base(std::move(base));
    return g;
}

}  // namespace liaison::binary
