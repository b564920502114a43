// The optimistic path of the native reader: one SAX pass over the text straight into the graph,
// without the schema validator and without a document tree, checking every schema rule and
// semantic check itself. It keeps no positions and writes no messages: on anything it does not
// fully accept it gives up, and parse_graph_json runs the validated path, which finds the same
// input wrong and says where. Being stricter than the schema is always safe (valid but unusual
// files just take the slow path); being laxer never is, so every member of every object is
// checked, including duplicates.
//
// Edges, the bulk of a large file, are read event by event. Everything else (graph metadata,
// nodes, sources, list and date property values) is small per item: each such value is collected
// into a small reusable document and converted from that tree (fast_items.hpp), which keeps
// that code simple.
#if __has_include(<malloc.h>)
#include <malloc.h>  // malloc_trim, where the C library is glibc
#endif

#include <rapidjson/document.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "io/fast_id_table.hpp"
#include "io/fast_items.hpp"
#include "io/json_strict.hpp"
#include "io/mapped_text.hpp"
#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"

namespace liaison::detail {

namespace {

using namespace fast_path;

// The SAX handler: a state machine over the file's structure that builds the graph as it goes.
// Handlers throw Bail (through the reader, which holds nothing but its own stack) to give up.
class Loader {
public:
    Loader(const rapidjson::StringStream& stream, MappedText& text)
        : stream_(stream), text_(text), items_(g_), capture_(&capture_pool_) {}

    // After a complete parse: map ids and relation names, check late sources, add the edges.
    PropertyGraph finish() {
        if (where_ != In::Done) bail();
        resolve_endpoints();
        resolve_relations();
        if (items_.sources_unchecked()) check_sources();
        try {
            g_.add_edges(std::move(edges_));
        } catch (const ArgumentError&) {
            bail();
        }
        return std::move(g_);
    }

    // --- rapidjson handler --------------------------------------------------------------------
    bool Null() { return depth_ ? forward(capture_.Null()) : scalar(Scalar{Scalar::kNull}); }
    bool Bool(bool b) {
        if (depth_) return forward(capture_.Bool(b));
        Scalar s{Scalar::kBool};
        s.b = b;
        return scalar(s);
    }
    bool Int(int i) { return depth_ ? forward(capture_.Int(i)) : integer(i); }
    bool Uint(unsigned u) { return depth_ ? forward(capture_.Uint(u)) : integer(u); }
    bool Int64(std::int64_t i) { return depth_ ? forward(capture_.Int64(i)) : integer(i); }
    bool Uint64(std::uint64_t u) {
        if (depth_) return forward(capture_.Uint64(u));
        // Too large for an integer: the validated path says so.
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) bail();
        return integer(static_cast<std::int64_t>(u));
    }
    bool Double(double d) {
        // A double the validated path refuses (an integer beyond int64, overflow, underflow).
        std::size_t start = 0;
        const std::string_view all(text_.data(), text_.size());
        if (!number_problem(number_at(all, stream_.Tell(), start), d).empty()) bail();
        if (depth_) return forward(capture_.Double(d));
        Scalar s{Scalar::kDouble};
        s.d = d;
        return scalar(s);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { bail(); }
    bool String(const char* str, rapidjson::SizeType length, bool copy) {
        if (depth_) return forward(capture_.String(str, length, copy));
        Scalar s{Scalar::kString};
        s.text = {str, length};
        return scalar(s);
    }
    bool Key(const char* str, rapidjson::SizeType length, bool copy) {
        if (depth_) return forward(capture_.Key(str, length, copy));
        key({str, length});
        return true;
    }
    bool StartObject() {
        if (depth_) {
            deeper();
            return forward(capture_.StartObject());
        }
        text_.advance(stream_.Tell());
        start(true);
        return true;
    }
    bool EndObject(rapidjson::SizeType members) {
        if (depth_) return end_captured(capture_.EndObject(members));
        end_object();
        return true;
    }
    bool StartArray() {
        if (depth_) {
            deeper();
            return forward(capture_.StartArray());
        }
        start(false);
        return true;
    }
    bool EndArray(rapidjson::SizeType count) {
        if (depth_) return end_captured(capture_.EndArray(count));
        if (where_ != In::Edges) bail();
        where_ = In::Graph;
        return true;
    }

private:
    // Where the parse is, outside collected values.
    enum class In : std::uint8_t { Top, Root, Graph, Nodes, Edges, Edge, EdgeMeta, Props, Done };
    // What a collected value is for.
    enum class For : std::uint8_t { GraphMeta, Node, Sources, Property };

    // An edge's endpoint ids, looked up when the edge ends: by then the table's cell for each is
    // in the cache, as the lookup was started (prefetched) when the id was read.
    struct Endpoint {
        std::string id;
        std::uint64_t hash = 0;
        void ask(const IdTable& ids, std::string_view text) {
            id.assign(text);
            hash = IdTable::hash_of(text);
            ids.prefetch(hash);
        }
    };

    struct Scalar {
        // k-names: plain Null, Bool, ... would shadow the SAX handler's member functions.
        enum Kind { kNull, kBool, kInt, kDouble, kString } kind;
        explicit Scalar(Kind k) : kind(k) {}
        bool b = false;
        std::int64_t i = 0;
        double d = 0;
        std::string_view text;

        std::string_view string() const {
            if (kind != kString) bail();
            return text;
        }
        std::string_view nonempty() const {
            if (string().empty()) bail();
            return text;
        }
        void boolean() const {
            if (kind != kBool) bail();
        }
        Value value() const {
            switch (kind) {
                case kNull:
                    return Value();
                case kBool:
                    return Value(b);
                case kInt:
                    return Value(i);
                case kDouble:
                    return Value(d);
                default:
                    return Value(std::string(text));
            }
        }
    };

    bool integer(std::int64_t i) {
        Scalar s{Scalar::kInt};
        s.i = i;
        return scalar(s);
    }

    // The reader recurses once per level of nesting: bounding the depth here (far beyond
    // anything the schema allows in a collected value) bounds its stack.
    void deeper() {
        if (++depth_ > kMaxDepth) bail();
    }

    bool forward(bool ok) {
        if (!ok) bail();
        return true;
    }

    void collect(For what) {
        collecting_ = what;
        depth_ = 1;
        if (!capture_.StartObject()) bail();
    }
    void collect_array(For what) {
        collecting_ = what;
        depth_ = 1;
        if (!capture_.StartArray()) bail();
    }

    // The end of an object or array inside a collected value; at the outermost, convert it.
    bool end_captured(bool ok) {
        forward(ok);
        if (--depth_ > 0) return true;
        auto none = [](rapidjson::Document&) { return true; };
        capture_.Populate(none);  // moves the value built by the events into the document
        switch (collecting_) {
            case For::GraphMeta:
                items_.read_graph_metadata(capture_);
                break;
            case For::Node: {
                Node n;
                n.id = std::move(node_id_);
                items_.read_node(capture_, n);
                nodes_.push_back(std::move(n));
                break;
            }
            case For::Sources:
                items_.read_sources(capture_, edges_.back().sources);
                break;
            case For::Property:
                edges_.back().properties.set(std::move(property_), value(capture_, false));
        }
        capture_.SetNull();
        capture_pool_.Clear();
        return true;
    }

    void key(std::string_view k) {
        static constexpr Keys<1> kRoot{{"graph"}};
        static constexpr Keys<7> kGraph{
            {"id", "label", "type", "directed", "metadata", "nodes", "edges"}};
        static constexpr Keys<7> kEdge{
            {"id", "source", "target", "relation", "label", "directed", "metadata"}};
        static constexpr Keys<5> kCommon{{"properties", "date", "start", "end", "sources"}};
        switch (where_) {
            case In::Root:
                member_ = member(k, kRoot, root_seen_);
                break;
            case In::Graph:
                member_ = member(k, kGraph, graph_seen_);
                break;
            case In::Edge:
                member_ = member(k, kEdge, edge_seen_);
                break;
            case In::EdgeMeta:
                member_ = member(k, kCommon, meta_seen_);
                break;
            case In::Props:
                property_.assign(k);
                if (edges_.back().properties.contains(property_)) bail();  // a duplicate
                break;
            case In::Nodes:
                node_key(k);
                break;
            default:
                bail();
        }
    }

    template <std::size_t N>
    static std::size_t member(std::string_view k, const Keys<N>& allowed, Flags& seen) {
        const std::size_t i = allowed.find(k);
        if (i == N || (seen & (1u << i))) bail();
        seen |= 1u << i;
        return i;
    }

    bool scalar(const Scalar& s) {
        switch (where_) {
            case In::Graph:
                switch (member_) {
                    case 0:
                        g_.graph_id = s.string();
                        break;
                    case 1:
                        g_.graph_label = s.string();
                        break;
                    case 2:
                        s.string();
                        break;
                    case 3:
                        s.boolean();
                        break;
                    default:
                        bail();
                }
                break;
            case In::Edge: {
                Edge& e = edges_.back();
                switch (member_) {
                    case 0:
                        e.id = s.string();
                        break;
                    case 1:
                        source_.ask(ids_, s.nonempty());
                        break;
                    case 2:
                        target_.ask(ids_, s.nonempty());
                        break;
                    case 3:
                        e.type = relation(s.nonempty());
                        break;
                    case 4:
                        s.string();
                        break;
                    case 5:
                        s.boolean();
                        break;
                    default:
                        bail();
                }
                break;
            }
            case In::EdgeMeta: {
                TimeSpan& t = edges_.back().time;
                switch (member_) {
                    case 1:
                        t.date = date_of(s.string());
                        break;
                    case 2:
                        t.start = date_of(s.string());
                        break;
                    case 3:
                        t.end = date_of(s.string());
                        break;
                    default:
                        bail();
                }
                break;
            }
            case In::Props:
                edges_.back().properties.set(std::move(property_), s.value());
                break;
            default:
                bail();
        }
        return true;
    }

    void start(bool object) {
        switch (where_) {
            case In::Top:
                if (!object) bail();
                where_ = In::Root;
                return;
            case In::Root:
                if (!object) bail();
                where_ = In::Graph;
                return;
            case In::Graph:
                if (object && member_ == 4) return collect(For::GraphMeta);
                if (object && member_ == 5) {
                    where_ = In::Nodes;
                    return;
                }
                if (!object && member_ == 6) {
                    edges_start_ = stream_.Tell();
                    where_ = In::Edges;
                    return;
                }
                bail();
            case In::Nodes:
                if (!object) bail();
                return collect(For::Node);
            case In::Edges:
                if (!object) bail();
                new_edge();
                where_ = In::Edge;
                return;
            case In::Edge:
                if (!object || member_ != 6) bail();
                meta_seen_ = 0;
                where_ = In::EdgeMeta;
                return;
            case In::EdgeMeta:
                if (object && member_ == 0) {
                    where_ = In::Props;
                    return;
                }
                if (!object && member_ == 4) return collect_array(For::Sources);
                bail();
            case In::Props:
                return object ? collect(For::Property) : collect_array(For::Property);
            default:
                bail();
        }
    }

    void end_object() {
        switch (where_) {
            case In::Root:
                if (!root_seen_) bail();
                where_ = In::Done;
                return;
            case In::Graph:
                if (!nodes_done_) bail();
                where_ = In::Root;
                return;
            case In::Nodes:
                add_nodes();
                where_ = In::Graph;
                return;
            case In::Edge: {
                if ((edge_seen_ & 0b1110u) != 0b1110u) bail();
                Edge& e = edges_.back();
                e.source = endpoint(source_);
                e.target = endpoint(target_);
                where_ = In::Edges;
                return;
            }
            case In::EdgeMeta:
                check_time(edges_.back());
                where_ = In::Edge;
                return;
            case In::Props:
                where_ = In::EdgeMeta;
                return;
            default:
                bail();
        }
    }

    // The key of a member of "nodes": a new node's id.
    void node_key(std::string_view id) {
        if (!is_node_id(id)) bail();
        bool added = false;
        const IdTable::Slot slot = ids_.intern(id, IdTable::hash_of(id), added);
        if (added) node_of_slot_.push_back(kNoIndex);
        if (node_of_slot_[slot] != kNoIndex) bail();  // a duplicate id
        node_of_slot_[slot] = static_cast<NodeIndex>(nodes_.size());
        node_id_.assign(id);
    }

    void add_nodes() {
        g_.reserve_nodes(nodes_.size());
        for (Node& n : nodes_) {
            try {
                g_.add_node(std::move(n));
            } catch (const ArgumentError&) {
                bail();
            }
        }
        nodes_ = {};
        nodes_done_ = true;
    }

    void new_edge() {
        // The edge count is not known up front: once some edges are in, reserve for as many as
        // the rest of the text could hold at their average size, so the list is not regrown
        // (and copied) through gigabytes. Room never touched costs address space, not memory.
        if (edges_.size() == kSample) {
            const std::size_t used = stream_.Tell() - edges_start_;
            const std::size_t rest = text_.size() - edges_start_;
            edges_.reserve(static_cast<std::size_t>(static_cast<double>(rest) /
                                                    static_cast<double>(used) * kSample * 1.02) +
                           kSample);
        }
        edges_.emplace_back();
        edge_seen_ = 0;
    }

    NodeIndex endpoint(const Endpoint& end) {
        bool added = false;
        const IdTable::Slot slot = ids_.intern(end.id, end.hash, added);
        if (added) {
            if (nodes_done_) bail();  // not a node of this network
            node_of_slot_.push_back(kNoIndex);
        }
        return slot;
    }

    // Files use a handful of types: remember the last one rather than search every time.
    RelationId relation(std::string_view name) {
        if (name == last_relation_) return last_slot_;
        auto it = std::find(relation_names_.begin(), relation_names_.end(), name);
        if (it == relation_names_.end()) {
            if (relation_names_.size() > std::numeric_limits<RelationId>::max()) bail();
            it = relation_names_.emplace(relation_names_.end(), name);
        }
        last_relation_ = *it;
        last_slot_ = static_cast<RelationId>(it - relation_names_.begin());
        return last_slot_;
    }

    // Edges hold id slots until the nodes are known; slots are node indices when the nodes
    // came first, as in most files, and then there is nothing to do.
    void resolve_endpoints() {
        bool identity = node_of_slot_.size() == g_.node_count();
        for (std::size_t k = 0; identity && k < node_of_slot_.size(); ++k)
            identity = node_of_slot_[k] == k;
        if (identity) return;
        for (Edge& e : edges_) {
            e.source = node_of_slot_[e.source];
            e.target = node_of_slot_[e.target];
            if (e.source == kNoIndex || e.target == kNoIndex) bail();
        }
    }

    void resolve_relations() {
        std::vector<RelationId> type(relation_names_.size());
        bool identity = true;
        for (std::size_t k = 0; k < type.size(); ++k) {
            auto t = g_.relations().find(relation_names_[k]);
            if (!t) bail();
            type[k] = *t;
            identity = identity && *t == k;
        }
        if (!identity)
            for (Edge& e : edges_) e.type = type[e.type];
    }

    void check_sources() const {
        auto check = [&](const Sources& sources) {
            for (const Source& s : sources)
                if (!g_.documents().count(s.document)) bail();
        };
        for (const Node& n : g_.nodes()) check(n.sources);
        for (const Edge& e : edges_) check(e.sources);
    }

    static constexpr std::size_t kSample = 1024;
    static constexpr int kMaxDepth = 16;

    const rapidjson::StringStream& stream_;
    MappedText& text_;
    PropertyGraph g_;
    ItemConverter items_;

    In where_ = In::Top;
    std::size_t member_ = 0;  // which member of the current object the next value is
    Flags root_seen_ = 0, graph_seen_ = 0, edge_seen_ = 0, meta_seen_ = 0;
    bool nodes_done_ = false;

    IdTable ids_;
    Endpoint source_, target_;
    std::vector<NodeIndex> node_of_slot_;  // kNoIndex until the slot's node is read
    std::string node_id_;                  // of the node being collected
    std::vector<Node> nodes_;              // until "nodes" ends, then added at once

    std::vector<Edge> edges_;  // endpoints are id slots, types relation slots, until finish()
    std::size_t edges_start_ = 0;
    std::vector<std::string> relation_names_;
    std::string last_relation_;
    RelationId last_slot_ = 0;
    std::string property_;  // the name of the property being read

    // Collected values: a small document reused for each, in a pool that starts in place.
    For collecting_ = For::Node;
    int depth_ = 0;  // nesting inside the collected value; 0 when not collecting
    char capture_buffer_[16384];
    rapidjson::MemoryPoolAllocator<> capture_pool_{capture_buffer_, sizeof capture_buffer_};
    rapidjson::Document capture_;
};

// The SAX pass over a whole text, or nullopt.
std::optional<PropertyGraph> load(MappedText& text) {
    if (!text.ok()) return std::nullopt;
    try {
        rapidjson::StringStream stream(text.data());
        Loader loader(stream, text);
        rapidjson::Reader reader;
        // Nesting needs no check of its own: the loader refuses anything deeper than the schema
        // allows as soon as it starts, so the recursive (and faster) parse cannot go deep.
        const bool parsed =
            static_cast<bool>(reader.Parse<rapidjson::kParseFullPrecisionFlag>(stream, loader));
        // The text is checked as the parse goes, and the rest (past where it stopped) now.
        if (!text.accepted() || !parsed) return std::nullopt;
        return loader.finish();
    } catch (const Bail&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<PropertyGraph> parse_graph_json_fast(std::string_view text) {
    MappedText copy(text);
    return load(copy);
}

std::optional<PropertyGraph> read_graph_file_fast(const std::string& path) {
    MappedText file(MappedText::File{path});
    std::optional<PropertyGraph> g = load(file);
#ifdef __GLIBC__
    // The loader's tables, freed now, lie between the graph's allocations: give their pages back
    // rather than leave them counted in the graph's footprint.
    ::malloc_trim(0);
#endif
    return g;
}

}  // namespace liaison::detail
