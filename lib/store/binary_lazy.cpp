// The mapped base image as a PropertyGraph's lazy base: what open and an appending commit need
// (counts, ids, edge ends, forward runs) is read from the mapping; content is built once, by
// to_graph(), when something first asks for it.
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
    // to_graph() declares the relation types in the image's order into a new graph, as
    // read_attributes did for the graph this base is attached to: the same RelationIds.
    PropertyGraph load() const override { return image_->to_graph(); }

private:
    std::shared_ptr<const BaseImage> image_;
    std::vector<RelationId> relation_of_;
};

}  // namespace

PropertyGraph lazy_graph(std::shared_ptr<const BaseImage> image) {
    PropertyGraph g;
    std::vector<RelationId> relation_of = image->read_attributes(g);
    g.attach_base(std::make_shared<ImageBase>(std::move(image), std::move(relation_of)));
    return g;
}

}  // namespace liaison::binary
