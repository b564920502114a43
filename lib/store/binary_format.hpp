#pragma once
// The binary store's base image (`NAME.liaison`, docs/storage-engine.md §4): the whole property
// graph laid out as the arrays a reader needs (string table, columns, both adjacency directions,
// the id and folded-name indexes), read by mapping the file rather than parsing it.
//
//     std::string bytes = binary::write_base(g);                // deterministic
//     auto image = binary::BaseImage::open_file("net.liaison");  // header and bounds checked
//     image->find_id("hammouchi");                               // served from the mapping
//     PropertyGraph copy = image->to_graph();                    // no text parsed
//
// Every offset read from a file is checked before it is followed: a damaged or hostile file
// throws InputError naming the file, the section, the byte and what was expected.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison {

// Whether `path` names a binary store (it ends in ".liaison"); everything else is JSON.
bool is_binary_store_path(std::string_view path);

namespace binary {

// The bytes of a base image holding `g`: nodes sorted by id, edges in the canonical writer's
// order, so reading it back gives the graph the canonical JSON text of `g` gives. Throws
// ArgumentError for what version 1 cannot hold (a property kind it does not know).
std::string write_base(const PropertyGraph& g);

struct EdgeEnds {
    NodeIndex source = kNoIndex, target = kNoIndex;
    RelationId type = 0;  // in the image's own relation order (relation(i))
};

class BaseImage {
public:
    // Maps the file read-only and checks the header, the directory and every section's bounds
    // (O(1) of the graph's size). Throws SystemError when it cannot be read, InputError when
    // it is not a base image this version reads.
    static std::shared_ptr<const BaseImage> open_file(const std::string& path);
    // The same over bytes in memory (tests, fuzzing); `name` stands for the file in messages.
    static std::shared_ptr<const BaseImage> from_bytes(std::string bytes, std::string name);
    // Over bytes the caller keeps alive and unchanged for as long as the image is used.
    static std::shared_ptr<const BaseImage> view(std::string_view bytes, std::string name);

    ~BaseImage();
    BaseImage(const BaseImage&) = delete;
    BaseImage& operator=(const BaseImage&) = delete;

    const std::string& name() const { return name_; }
    std::size_t file_bytes() const { return size_; }
    // The file's bytes (mapped): for the rare reader that needs all of them.
    std::string_view bytes() const { return {reinterpret_cast<const char*>(data_), size_}; }
    std::uint32_t header_crc() const;
    // Gives the mapped pages back to the kernel (they stay in the page cache and are read again
    // on the next access): once a graph is loaded from the image, the process need not hold both.
    void release_pages() const;
    std::size_t node_count() const;
    std::size_t edge_count() const;
    std::size_t document_count() const;

    // Accessors over the mapping, without building a graph.
    std::string_view node_id(NodeIndex n) const;
    std::optional<NodeIndex> find_id(std::string_view id) const;    // binary search
    std::vector<NodeIndex> find_name(std::string_view name) const;  // folded-name index
    std::vector<NodeIndex> nodes_with_label(std::string_view label) const;
    EdgeEnds edge_ends(EdgeIndex e) const;
    std::string_view relation_name(RelationId type) const;
    // Edges whose source is n (its forward run), ascending; edges whose target is n, ascending.
    std::vector<EdgeIndex> out_run(NodeIndex n) const;
    std::vector<EdgeIndex> in_run(NodeIndex n) const;

    // One node or edge decoded from the columns, equal to to_graph()'s (an edge's type in the
    // image's own relation order); every string it holds is checked as UTF-8 text.
    Node node(NodeIndex n) const;
    Edge edge(EdgeIndex e) const;
    // The property keys some node stores, sorted: one pass over the nodes' property blobs.
    std::vector<std::string> node_property_keys() const;

    // The whole graph, built from the columns; equal to what the canonical JSON text of the
    // graph that was written reads as.
    PropertyGraph to_graph() const;
    // Only the graph's attributes, relation types and (unless deferred) documents, into a new
    // graph `g`, as to_graph() sets them; returns the graph's RelationId for each image type.
    std::vector<RelationId> read_attributes(PropertyGraph& g, bool documents = true) const;
    // Section DOCUMENTS, checked (UTF-8, ids ascending), into an empty map.
    void read_documents(std::map<std::string, Document, std::less<>>& into) const;

    // O(size): every section's checksum, then the content rewritten from to_graph() must give
    // these very bytes (ids sorted and unique, edges in canonical order, every index consistent
    // with the columns). Throws InputError naming the first problem.
    void check() const;

    struct Raw;  // the checked section table (binary_image.cpp)

private:
    BaseImage() = default;
    void validate_layout();

    std::string name_;
    std::string owned_;  // bytes in memory (from_bytes), or empty
    const unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
    void* mapping_ = nullptr;  // munmap'd by the destructor
    std::unique_ptr<Raw> raw_;
};

// The graph the image holds, its content loaded on first access (PropertyGraph::attach_base):
// until then counts, find_id and edge ends are read from the mapping. Equal to to_graph() in
// every accessor.
PropertyGraph lazy_graph(std::shared_ptr<const BaseImage> image);

}  // namespace binary
}  // namespace liaison
