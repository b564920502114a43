// BaseWriter: a PropertyGraph laid out as a base image. Nodes are sorted by id and edges put in
// the canonical writer's order, so the image holds exactly what the canonical JSON text holds
// and a reader gets the same indices as from that text. The output is a function of the graph
// alone (strings are numbered in one fixed traversal), which check() relies on.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <deque>
#include <exception>
#include <map>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/model/names.hpp"
#include "store/binary_format.hpp"
#include "store/binary_layout.hpp"
#include "store/binary_writer.hpp"

namespace liaison {

bool is_binary_store_path(std::string_view path) {
    constexpr std::string_view kSuffix = ".liaison";
    return path.size() > kSuffix.size() && path.substr(path.size() - kSuffix.size()) == kSuffix;
}

namespace binary {

namespace {

static_assert(std::endian::native == std::endian::little,
              "the base image is little-endian and written by copying arrays");

std::uint32_t pack(const std::optional<Date>& d) {
    if (!d) return 0;
    return static_cast<std::uint32_t>(static_cast<std::uint16_t>(d->year)) |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(d->month)) << 16 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(d->day)) << 24;
}

std::uint32_t narrow(std::size_t v, const char* what) {
    if (v >= UINT32_MAX)
        throw ArgumentError(fmt::format("too many {} for a base image (at most 2^32 - 2)", what));
    return static_cast<std::uint32_t>(v);
}

// Strings numbered in first-seen order; 0 is "".
class StringTable {
public:
    StringTable() { list_.emplace_back(); }
    std::uint32_t id(std::string_view s) {
        if (s.empty()) return 0;
        auto [it, fresh] = ids_.try_emplace(s, static_cast<std::uint32_t>(list_.size()));
        if (fresh) list_.push_back(s);
        if (list_.size() >= UINT32_MAX) throw ArgumentError("too many strings for a base image");
        return it->second;
    }
    void reserve(std::size_t count) {
        ids_.reserve(count);
        list_.reserve(count);
    }
    // For strings made while writing (folded keys): kept alive here.
    std::uint32_t own(std::string s) { return id(owned_.emplace_back(std::move(s))); }
    const std::vector<std::string_view>& list() const { return list_; }

private:
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::vector<std::string_view> list_;
    std::deque<std::string> owned_;
};

template <typename T>
void put(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(static_cast<std::uint8_t>(v) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_value(std::string& out, const Value& v, StringTable& strings) {
    auto tag = [&](Tag t) { out.push_back(static_cast<char>(t)); };
    switch (v.kind()) {
        case Value::Kind::Null:
            tag(Tag::Null);
            return;
        case Value::Kind::Bool:
            tag(v.as_bool() ? Tag::True : Tag::False);
            return;
        case Value::Kind::Int: {
            tag(Tag::Int);
            auto u = static_cast<std::uint64_t>(v.as_int());
            put_varint(out, (u << 1) ^ (v.as_int() < 0 ? ~std::uint64_t{0} : 0));  // zigzag
            return;
        }
        case Value::Kind::Float:
            tag(Tag::Float);
            put(out, v.as_float());
            return;
        case Value::Kind::String:
            tag(Tag::String);
            put_varint(out, strings.id(v.as_string()));
            return;
        case Value::Kind::Date:
            tag(Tag::Date);
            put(out, pack(v.as_date()));
            return;
        case Value::Kind::List:
            tag(Tag::List);
            put_varint(out, v.as_list().size());
            for (const Value& item : v.as_list()) put_value(out, item, strings);
            return;
        case Value::Kind::Temporal:
        case Value::Kind::Duration:
            tag(Tag::Typed);
            put_varint(out, strings.own(typed_key(v)));
            put_varint(out, strings.own(v.to_display()));
            return;
        default:
            break;  // maps, nodes, paths: never properties (why_not_storable)
    }
    throw ArgumentError(
        fmt::format("a property value of kind {} cannot be stored in a base image "
                    "of version {}",
                    Value::kind_name(v.kind()), kVersion));
}

void put_properties(std::string& blob, std::string& offsets, const Properties& props,
                    StringTable& strings) {
    put_varint(blob, props.size());
    for (const auto& [key, value] : props) {  // Properties keeps keys sorted
        put_varint(blob, strings.id(key));
        put_value(blob, value, strings);
    }
    put(offsets, static_cast<std::uint64_t>(blob.size()));
}

void put_sources(std::string& records, std::string& spans, std::string& offsets,
                 const Sources& sources, StringTable& strings) {
    for (const Source& s : sources) {
        auto index = narrow(records.size() / sizeof(SourceRecord), "sources");
        put(records, SourceRecord{strings.id(s.document), strings.id(s.quote)});
        if (s.start || s.end)
            put(spans, SpanRecord{index, s.start.has_value(), s.end.has_value(), 0,
                                  s.start.value_or(0), s.end.value_or(0)});
    }
    put(offsets, narrow(records.size() / sizeof(SourceRecord), "sources"));
}

TimeRecord time_of(const TimeSpan& t) { return {pack(t.date), pack(t.start), pack(t.end)}; }

// Offsets of a counting sort: offsets[k] = number of items with a key below k.
std::vector<std::uint32_t> offsets_of(const std::vector<std::uint32_t>& counts) {
    std::vector<std::uint32_t> off(counts.size() + 1, 0);
    for (std::size_t k = 0; k < counts.size(); ++k) off[k + 1] = off[k] + counts[k];
    return off;
}

template <typename T>
void put_all(std::string& out, const std::vector<T>& v) {
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Element i of a column sized in advance (the bytes of a std::string, hence memcpy).
template <typename T>
void put_at(std::string& out, std::size_t i, const T& v) {
    std::memcpy(out.data() + i * sizeof v, &v, sizeof v);
}

// An edge's place in the canonical order as packed keys (source and target ranks, then
// relation rank and first day) with the edge index last, which keeps ties in graph order as a
// stable sort would: comparing Edge structs through the graph touched two random cache lines
// per comparison. Edge ids are compared only between keys equal on the rest.
struct EdgeKey {
    std::uint64_t ends, type_day;
    EdgeIndex edge;
};

struct EdgeKeyLess {
    const PropertyGraph* g;
    bool operator()(const EdgeKey& a, const EdgeKey& b) const {
        if (a.ends != b.ends) return a.ends < b.ends;
        if (a.type_day != b.type_day) return a.type_day < b.type_day;
        if (int c = g->edge(a.edge).id.compare(g->edge(b.edge).id); c != 0) return c < 0;
        return a.edge < b.edge;
    }
};

// Keys [begin, end) of `keys`, built and sorted.
void sort_keys(const PropertyGraph& g, const std::vector<NodeIndex>& rank,
               const std::vector<std::uint32_t>& type_rank, std::vector<EdgeKey>& keys,
               std::size_t begin, std::size_t end) {
    for (std::size_t e = begin; e < end; ++e) {
        const Edge& x = g.edge(static_cast<EdgeIndex>(e));
        const std::int64_t day = x.time.first_day();  // INT64_MIN when open, else |day| < 2^24
        const std::uint64_t packed_day =
            day == INT64_MIN ? 0 : static_cast<std::uint64_t>(day + (std::int64_t{1} << 40));
        keys[e] = {std::uint64_t{rank[x.source]} << 32 | rank[x.target],
                   std::uint64_t{type_rank[x.type]} << 48 | packed_day, static_cast<EdgeIndex>(e)};
    }
    std::sort(keys.begin() + static_cast<std::ptrdiff_t>(begin),
              keys.begin() + static_cast<std::ptrdiff_t>(end), EdgeKeyLess{&g});
}

// Runs `work` on a second thread until wait(); joined on every path, so an exception on the
// calling thread cannot leave it running over the caller's locals. With `parallel` false it
// runs at once on the calling thread: the one-thread writer the tests compare against.
class Helper {
public:
    template <typename F>
    Helper(bool parallel, F work) {
        auto guarded = [this, work]() mutable {
            try {
                work();
            } catch (...) {
                error_ = std::current_exception();
            }
        };
        if (parallel)
            thread_ = std::thread(guarded);
        else
            guarded();
    }
    Helper(const Helper&) = delete;
    Helper& operator=(const Helper&) = delete;
    ~Helper() {
        if (thread_.joinable()) thread_.join();
    }
    void wait() {
        if (thread_.joinable()) thread_.join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::exception_ptr error_;
    std::thread thread_;
};

// The image, its independent parts on two threads when `parallel`.
std::string write_image(const PropertyGraph& g, bool parallel) {
    // A lazily loaded graph (compaction) is read whole below: load it once here rather than
    // decode it edge by edge from two threads until the lazy cache gives up.
    g.materialise();
    const std::size_t n = g.node_count(), m = g.edge_count();
    narrow(n + 1, "nodes");
    narrow(m + 1, "edges");
    std::vector<std::string> sec(kSectionKinds + 1);
    auto at = [&](Section s) -> std::string& { return sec[static_cast<std::uint32_t>(s)]; };
    StringTable strings;
    strings.reserve(3 * n + 64);  // an id, a name and its folded key per node, typically

    // Node order: by id bytes, as the canonical writer lists them.
    std::vector<NodeIndex> order(n), rank(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](NodeIndex a, NodeIndex b) { return g.node(a).id < g.node(b).id; });
    for (std::size_t i = 0; i < n; ++i) rank[order[i]] = static_cast<NodeIndex>(i);

    // Edge order: (source id, target id, relation name, first day, id), ties in graph order —
    // the canonical writer's (io/native_writer.cpp). Sources and targets compare by rank, since
    // ranks follow id order. One half is sorted on a second thread while this one lays out the
    // nodes, the other half after that; the two are merged below.
    const auto& types = g.relations().all();
    std::vector<std::uint32_t> type_rank(types.size());
    {
        std::vector<RelationId> by_name(types.size());
        std::iota(by_name.begin(), by_name.end(), 0);
        std::sort(by_name.begin(), by_name.end(),
                  [&](RelationId a, RelationId b) { return types[a].name < types[b].name; });
        for (std::size_t i = 0; i < by_name.size(); ++i)
            type_rank[by_name[i]] = static_cast<std::uint32_t>(i);
    }
    std::vector<EdgeKey> keys(m);
    const std::size_t half = m / 2;
    Helper first_half(parallel, [&] { sort_keys(g, rank, type_rank, keys, 0, half); });

    put(at(Section::GraphInfo), strings.id(g.graph_id));
    put(at(Section::GraphInfo), strings.id(g.graph_label));
    // Index definitions, sorted by name (the graph keeps them so; sorted again for safety).
    std::vector<const IndexDefinition*> indexes;
    for (const IndexDefinition& d : g.indexes) indexes.push_back(&d);
    std::sort(indexes.begin(), indexes.end(),
              [](const IndexDefinition* a, const IndexDefinition* b) { return a->name < b->name; });
    for (const IndexDefinition* d : indexes) {
        put(at(Section::GraphInfo), strings.id(d->name));
        put(at(Section::GraphInfo), std::uint32_t{d->relationships ? 1u : 0u});
        put(at(Section::GraphInfo), strings.id(d->label));
        put(at(Section::GraphInfo), narrow(d->properties.size(), "index properties"));
        for (const auto& p : d->properties) put(at(Section::GraphInfo), strings.id(p));
    }
    for (const RelationType& t : types)
        put(at(Section::Relations), RelationRecord{strings.id(t.name), strings.id(t.ar),
                                                   strings.id(t.en), t.symmetric, t.builtin, 0});

    // Labels: names sorted, numbered in that order.
    std::map<std::string_view, std::uint32_t> label_ids;
    for (const Node& node : g.nodes())
        for (const auto& l : node.labels) label_ids.emplace(l, 0);
    {
        std::uint32_t next = 0;
        for (auto& [name, id] : label_ids) {
            id = next++;
            put(at(Section::Labels), strings.id(name));
        }
    }
    std::vector<std::vector<std::uint32_t>> label_nodes(label_ids.size());
    std::vector<std::pair<std::string, std::uint32_t>> names;  // (folded key, node)
    names.reserve(n);

    put(at(Section::NodeLabelOffsets), std::uint32_t{0});
    put(at(Section::NodeAliasOffsets), std::uint32_t{0});
    put(at(Section::NodeSourceOffsets), std::uint32_t{0});
    put(at(Section::NodePropertyOffsets), std::uint64_t{0});
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = g.node(order[i]);
        const auto self = static_cast<std::uint32_t>(i);
        put(at(Section::NodeId), strings.id(node.id));
        for (const auto& l : node.labels) {
            std::uint32_t id = label_ids.at(l);
            put(at(Section::NodeLabels), id);
            if (label_nodes[id].empty() || label_nodes[id].back() != self)
                label_nodes[id].push_back(self);
        }
        put(at(Section::NodeLabelOffsets),
            narrow(at(Section::NodeLabels).size() / 4, "node labels"));
        put(at(Section::NodeNameEn), strings.id(node.names.en));
        put(at(Section::NodeNameAr), strings.id(node.names.ar));
        for (const auto& a : node.names.aliases) put(at(Section::NodeAliases), strings.id(a));
        put(at(Section::NodeAliasOffsets), narrow(at(Section::NodeAliases).size() / 4, "aliases"));
        put(at(Section::NodeTime), time_of(node.time));
        put_sources(at(Section::NodeSources), at(Section::NodeSourceSpans),
                    at(Section::NodeSourceOffsets), node.sources, strings);
        put_properties(at(Section::NodePropertyBlob), at(Section::NodePropertyOffsets),
                       node.properties, strings);
        auto add_name = [&](const std::string& name) {
            if (!name.empty()) names.emplace_back(fold_name(name), self);
        };
        add_name(node.names.ar);
        add_name(node.names.en);
        for (const auto& a : node.names.aliases) add_name(a);
    }

    sort_keys(g, rank, type_rank, keys, half, m);
    first_half.wait();
    std::vector<EdgeIndex> edges(m);
    {
        const EdgeKeyLess less{&g};
        std::size_t a = 0, b = half, o = 0;
        while (a < half && b < m)
            edges[o++] = less(keys[b], keys[a]) ? keys[b++].edge : keys[a++].edge;
        while (a < half) edges[o++] = keys[a++].edge;
        while (b < m) edges[o++] = keys[b++].edge;
    }
    std::vector<EdgeKey>().swap(keys);

    // The edges' fixed-width columns and adjacency on a second thread; the columns that number
    // strings (ids, sources, properties) here, in edge order, so strings keep their numbers.
    Helper columns(parallel, [&] {
        std::string &src = at(Section::EdgeSrc), &dst = at(Section::EdgeDst);
        std::string &type = at(Section::EdgeType), &time = at(Section::EdgeTime);
        src.resize(m * sizeof(std::uint32_t));
        dst.resize(m * sizeof(std::uint32_t));
        type.resize(m * sizeof(RelationId));
        time.resize(m * sizeof(TimeRecord));
        std::vector<std::uint32_t> out_count(n, 0), in_count(n, 0), type_count(types.size(), 0);
        std::vector<std::uint32_t> targets(m);
        std::vector<RelationId> type_of(m);
        for (std::size_t i = 0; i < m; ++i) {
            const Edge& e = g.edge(edges[i]);
            const std::uint32_t s = rank[e.source], t = rank[e.target];
            put_at(src, i, s);
            put_at(dst, i, t);
            put_at(type, i, e.type);
            put_at(time, i, time_of(e.time));
            targets[i] = t;
            type_of[i] = e.type;
            ++out_count[s];
            ++in_count[t];
            ++type_count[e.type];
        }
        // Adjacency: the forward CSR is the edge order itself; the reverse one by counting sort.
        put_all(at(Section::FwdOffsets), offsets_of(out_count));
        {
            std::vector<std::uint32_t> off = offsets_of(in_count), rev(m);
            put_all(at(Section::RevOffsets), off);
            for (std::size_t i = 0; i < m; ++i)
                rev[off[targets[i]]++] = static_cast<std::uint32_t>(i);
            put_all(at(Section::RevEdges), rev);
        }
        std::vector<std::uint32_t> off = offsets_of(type_count), by_type(m);
        put_all(at(Section::TypeOffsets), off);
        for (std::size_t i = 0; i < m; ++i)
            by_type[off[type_of[i]]++] = static_cast<std::uint32_t>(i);
        put_all(at(Section::TypeEdges), by_type);
    });
    {
        std::string& ids = at(Section::EdgeId);
        ids.resize(m * sizeof(std::uint32_t));
        std::string& props = at(Section::EdgePropertyOffsets);
        props.reserve((m + 1) * sizeof(std::uint64_t));
        put(props, std::uint64_t{0});
        std::string& sources = at(Section::EdgeSourceOffsets);
        sources.reserve((m + 1) * sizeof(std::uint32_t));
        put(sources, std::uint32_t{0});
        for (std::size_t i = 0; i < m; ++i) {
            const Edge& e = g.edge(edges[i]);
            put_at(ids, i, strings.id(e.id));
            put_sources(at(Section::EdgeSources), at(Section::EdgeSourceSpans), sources, e.sources,
                        strings);
            put_properties(at(Section::EdgePropertyBlob), props, e.properties, strings);
        }
    }
    columns.wait();
    {
        std::uint32_t total = 0;
        put(at(Section::LabelOffsets), total);
        for (const auto& list : label_nodes) {
            put_all(at(Section::LabelNodes), list);
            total += static_cast<std::uint32_t>(list.size());
            put(at(Section::LabelOffsets), total);
        }
    }

    // Folded-name index: distinct keys sorted by bytes, each with its nodes ascending.
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (std::size_t i = 0; i < names.size();) {
        std::size_t j = i;
        auto begin = static_cast<std::uint32_t>(i);
        while (j < names.size() && names[j].first == names[i].first) {
            put(at(Section::NamePostings), names[j].second);
            ++j;
        }
        put(at(Section::NameKeys), NameKeyRecord{strings.own(std::move(names[i].first)), begin});
        i = j;
    }
    put(at(Section::NameKeys), NameKeyRecord{0, narrow(names.size(), "names")});

    for (const auto& [id, d] : g.documents())
        put(at(Section::Documents),
            DocumentRecord{strings.id(d.id), strings.id(d.title), strings.id(d.outlet),
                           strings.id(d.file), strings.id(d.language), strings.id(d.url),
                           pack(d.date)});

    // The string table last: every section above has numbered its strings.
    {
        std::uint64_t offset = 0;
        put(at(Section::StringOffsets), offset);
        std::string& heap = at(Section::StringHeap);
        for (std::string_view s : strings.list()) {
            heap.append(s);
            offset += s.size();
            put(at(Section::StringOffsets), offset);
        }
    }

    // Assemble: header, directory, sections 8-byte aligned in kind order.
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.byte_order = kByteOrderMark;
    h.node_count = static_cast<std::uint32_t>(n);
    h.edge_count = static_cast<std::uint32_t>(m);
    h.document_count = narrow(g.documents().size(), "documents");
    h.string_count = static_cast<std::uint32_t>(strings.list().size());
    h.relation_count = static_cast<std::uint32_t>(types.size());
    h.label_count = static_cast<std::uint32_t>(label_ids.size());
    h.fold_version = kFoldVersion;
    h.section_count = kSectionKinds;
    h.directory_offset = sizeof(Header);
    std::vector<SectionEntry> dir(kSectionKinds);
    std::uint64_t offset = sizeof(Header) + kSectionKinds * sizeof(SectionEntry);
    for (std::uint32_t k = 1; k <= kSectionKinds; ++k) {
        offset = (offset + kAlign - 1) / kAlign * kAlign;
        const std::string& bytes = sec[k];
        SectionEntry& d = dir[k - 1];
        d.kind = k;
        d.element_bytes = element_bytes_of(static_cast<Section>(k));
        d.offset = offset;
        d.bytes = bytes.size();
        d.count = bytes.size() / d.element_bytes;
        offset += bytes.size();
    }
    h.file_bytes = offset;

    // Sections copied into place and checksummed on two threads, the largest first to the less
    // loaded one; the padding between them stays zero.
    std::string out(offset, '\0');
    std::vector<std::uint32_t> kinds(kSectionKinds), mine, theirs;
    std::iota(kinds.begin(), kinds.end(), 1u);
    std::stable_sort(kinds.begin(), kinds.end(), [&](std::uint32_t a, std::uint32_t b) {
        return sec[a].size() > sec[b].size();
    });
    std::uint64_t mine_bytes = 0, theirs_bytes = 0;
    for (std::uint32_t k : kinds) {
        const bool first = mine_bytes <= theirs_bytes;
        (first ? mine : theirs).push_back(k);
        (first ? mine_bytes : theirs_bytes) += sec[k].size();
    }
    auto place = [&](const std::vector<std::uint32_t>& list) {
        for (std::uint32_t k : list) {
            SectionEntry& d = dir[k - 1];
            d.crc = crc32_of(sec[k].data(), sec[k].size());
            std::memcpy(out.data() + d.offset, sec[k].data(), sec[k].size());
            std::string().swap(sec[k]);
        }
    };
    {
        Helper other(parallel, [&] { place(theirs); });
        place(mine);
        other.wait();
    }
    h.directory_crc = crc32_of(dir.data(), dir.size() * sizeof(SectionEntry));
    h.header_crc = crc32_of(&h, offsetof(Header, header_crc));
    std::memcpy(out.data(), &h, sizeof h);
    std::memcpy(out.data() + sizeof h, dir.data(), dir.size() * sizeof(SectionEntry));
    return out;
}

}  // namespace

std::string write_base(const PropertyGraph& g) { return write_image(g, true); }

std::string write_base_on_one_thread(const PropertyGraph& g) { return write_image(g, false); }

}  // namespace binary
}  // namespace liaison
