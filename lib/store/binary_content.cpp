// The content of a base image: the graph's attributes, the whole graph (to_graph) and single
// nodes and edges decoded on demand (what a lazily loaded graph touches), all read through the
// checked Reader, so a damaged file is refused with the section and entry, never read past.
#include <algorithm>

#include "liaison/core/utf8.hpp"
#include "store/binary_format.hpp"
#include "store/binary_indexes.hpp"
#include "store/binary_reader.hpp"

namespace liaison::binary {

using namespace detail;

// ---- the whole graph ---------------------------------------------------------------------------

namespace {

TimeSpan time_at(const Reader& r, Section s, std::uint64_t i) {
    auto t = r.get<TimeRecord>(s, i);
    TimeSpan out;
    out.date = unpack(t.date, r.file(), s, i);
    out.start = unpack(t.start, r.file(), s, i);
    out.end = unpack(t.end, r.file(), s, i);
    return out;
}

// Sources of entities of one kind, walking the sparse span records alongside.
class SourceReader {
public:
    SourceReader(const Reader& r, Section offsets, Section records, Section spans,
                 const std::vector<std::string_view>& documents)
        : r_(r), offsets_(offsets), records_(records), spans_(spans), documents_(documents) {}

    Sources at(std::uint64_t entity) {
        auto [a, b] = r_.range<std::uint32_t>(offsets_, entity, records_);
        if (a != expected_)
            fail(r_.file(), fmt::format("section {}, entry {}: starts at {} (expected {}, where "
                                        "the previous entity's sources end)",
                                        section_name(offsets_), entity, a, expected_));
        expected_ = b;
        Sources out;
        out.reserve(b - a);
        for (auto i = a; i < b; ++i) {
            auto rec = r_.get<SourceRecord>(records_, i);
            std::string_view doc = r_.string(rec.document, records_, i);
            if (!std::binary_search(documents_.begin(), documents_.end(), doc))
                fail(r_.file(), fmt::format("section {}, entry {}: document '{}' is not in "
                                            "section DOCUMENTS",
                                            section_name(records_), i, doc));
            Source s(std::string(doc), std::string(r_.string(rec.quote, records_, i)));
            if (span_ < r_.count(spans_)) {
                auto sp = r_.get<SpanRecord>(spans_, span_);
                if (sp.source < i)
                    fail(r_.file(), fmt::format("section {}, entry {}: source {} is out of order "
                                                "or past its section",
                                                section_name(spans_), span_, sp.source));
                if (sp.source == i) {
                    if (sp.has_start > 1 || sp.has_end > 1 || (!sp.has_start && !sp.has_end))
                        fail(r_.file(),
                             fmt::format("section {}, entry {}: flags {} {} (expected "
                                         "0 or 1, not both 0)",
                                         section_name(spans_), span_, sp.has_start, sp.has_end));
                    if (sp.has_start) s.start = sp.start;
                    if (sp.has_end) s.end = sp.end;
                    ++span_;
                }
            }
            out.push_back(std::move(s));
        }
        return out;
    }
    void finish() const {
        if (span_ != r_.count(spans_))
            fail(r_.file(), fmt::format("section {}, entry {}: names a source past section {}",
                                        section_name(spans_), span_, section_name(records_)));
    }

private:
    const Reader& r_;
    Section offsets_, records_, spans_;
    const std::vector<std::string_view>& documents_;
    std::uint64_t span_ = 0, expected_ = 0;
};

Properties properties_at(const Reader& r, Section offsets, Section blob, std::uint64_t i) {
    auto [a, b] = r.range<std::uint64_t>(offsets, i, blob);
    return BlobReader(r, blob, i, a, b).properties();
}

// The string heap: valid UTF-8 without NUL, every string starting on a character. O(heap):
// run when content is loaded, not at open.
void check_strings(const Reader& r, const std::string& file) {
    std::string_view heap(reinterpret_cast<const char*>(r.bytes(Section::StringHeap)),
                          r.count(Section::StringHeap));
    if (auto bad = find_invalid_utf8(heap))
        fail(file, fmt::format("section STRING_HEAP, byte {}: invalid UTF-8", *bad));
    if (auto nul = heap.find('\0'); nul != std::string_view::npos)
        fail(file, fmt::format("section STRING_HEAP, byte {}: a NUL byte", nul));
    const std::uint64_t s = r.count(Section::StringOffsets);
    std::uint64_t previous = 0;
    for (std::uint64_t i = 0; i < s; ++i) {
        auto off = r.get<std::uint64_t>(Section::StringOffsets, i);
        if (off < previous || off > heap.size() || (i == 0 && off != 0) ||
            (i + 1 == s && off != heap.size()) ||
            (off < heap.size() && (static_cast<unsigned char>(heap[off]) & 0xC0) == 0x80))
            fail(file, fmt::format("section STRING_OFFSETS, entry {}: offset {} (expected "
                                   "ascending offsets from 0 to {} on character starts)",
                                   i, off, heap.size()));
        previous = off;
    }
}

}  // namespace

namespace {

// A string of the small sections, checked on its own (the whole heap is checked only when the
// content is loaded).
std::string checked_text(const std::string& file, std::string_view v, Section s, std::uint64_t i) {
    if (find_invalid_utf8(v) || v.find('\0') != std::string_view::npos)
        fail(file, fmt::format("section {}, entry {}: a string that is not UTF-8 text",
                               section_name(s), i));
    return std::string(v);
}

}  // namespace

// The small sections every open reads (graph attributes, relation types; documents unless a
// lazy graph defers them).
std::vector<RelationId> BaseImage::read_attributes(PropertyGraph& g, bool documents) const {
    Reader r(data_, *raw_, name_);
    const std::string& file = name_;
    auto text = [&](std::string_view v, Section s, std::uint64_t i) {
        return checked_text(file, v, s, i);
    };
    g.graph_id = text(r.string_at(Section::GraphInfo, 0), Section::GraphInfo, 0);
    g.graph_label = text(r.string_at(Section::GraphInfo, 1), Section::GraphInfo, 1);
    g.indexes = read_index_definitions(
        r.count(Section::GraphInfo), [&](std::uint64_t k) { return r.u32(Section::GraphInfo, k); },
        [&](std::uint64_t k) {
            return text(r.string_at(Section::GraphInfo, k), Section::GraphInfo, k);
        },
        file);

    std::vector<RelationId> relation_of(r.count(Section::Relations));
    for (std::uint64_t i = 0; i < relation_of.size(); ++i) {
        auto rec = r.get<RelationRecord>(Section::Relations, i);
        RelationType t;
        t.name = text(r.string(rec.name, Section::Relations, i), Section::Relations, i);
        t.ar = text(r.string(rec.ar, Section::Relations, i), Section::Relations, i);
        t.en = text(r.string(rec.en, Section::Relations, i), Section::Relations, i);
        t.symmetric = rec.symmetric != 0;
        try {
            relation_of[i] = g.relations().declare(std::move(t));
        } catch (const ArgumentError& e) {
            fail(file, fmt::format("section RELATIONS, entry {}: {}", i, e.what()));
        }
    }

    if (documents) read_documents(g.documents());
    return relation_of;
}

void BaseImage::read_documents(std::map<std::string, Document, std::less<>>& into) const {
    Reader r(data_, *raw_, name_);
    const std::string& file = name_;
    std::string previous;
    for (std::uint64_t i = 0; i < r.count(Section::Documents); ++i) {
        auto rec = r.get<DocumentRecord>(Section::Documents, i);
        auto str = [&](std::uint32_t id) {
            return checked_text(file, r.string(id, Section::Documents, i), Section::Documents, i);
        };
        Document d;
        d.id = str(rec.id);
        d.title = str(rec.title);
        d.outlet = str(rec.outlet);
        d.file = str(rec.file);
        d.language = str(rec.language);
        d.url = str(rec.url);
        d.date = unpack(rec.date, file, Section::Documents, i);
        if (d.id.empty() || (i > 0 && d.id <= previous))
            fail(file, fmt::format("section DOCUMENTS, entry {}: id '{}' (expected non-empty ids "
                                   "in strictly ascending order)",
                                   i, d.id));
        previous = d.id;
        std::string key = d.id;
        into.emplace(std::move(key), std::move(d));
    }
}

PropertyGraph BaseImage::to_graph() const {
    Reader r(data_, *raw_, name_);
    const std::string& file = name_;
    check_strings(r, file);
    PropertyGraph g;
    std::vector<RelationId> relation_of = read_attributes(g);
    std::vector<std::string_view> doc_ids;  // sorted, as the map's keys (which do not move)
    for (const auto& [id, doc] : g.documents()) doc_ids.push_back(id);

    std::vector<std::string> labels(r.count(Section::Labels));
    for (std::uint64_t i = 0; i < labels.size(); ++i)
        labels[i] = std::string(r.string_at(Section::Labels, i));

    const std::uint64_t n = node_count(), m = edge_count();
    g.reserve_nodes(n);
    SourceReader node_sources(r, Section::NodeSourceOffsets, Section::NodeSources,
                              Section::NodeSourceSpans, doc_ids);
    for (std::uint64_t i = 0; i < n; ++i) {
        Node node;
        node.id = std::string(r.string_at(Section::NodeId, i));
        auto [la, lb] = r.range<std::uint32_t>(Section::NodeLabelOffsets, i, Section::NodeLabels);
        for (auto k = la; k < lb; ++k)
            node.labels.push_back(labels[r.index(
                Section::NodeLabels, k, r.u32(Section::NodeLabels, k), labels.size(), "label")]);
        node.names.en = std::string(r.string_at(Section::NodeNameEn, i));
        node.names.ar = std::string(r.string_at(Section::NodeNameAr, i));
        auto [aa, ab] = r.range<std::uint32_t>(Section::NodeAliasOffsets, i, Section::NodeAliases);
        for (auto k = aa; k < ab; ++k)
            node.names.aliases.emplace_back(r.string_at(Section::NodeAliases, k));
        node.time = time_at(r, Section::NodeTime, i);
        node.sources = node_sources.at(i);
        node.properties =
            properties_at(r, Section::NodePropertyOffsets, Section::NodePropertyBlob, i);
        try {
            g.add_node(std::move(node));
        } catch (const ArgumentError& e) {
            fail(file, fmt::format("section NODE_ID, entry {}: {}", i, e.what()));
        }
    }
    node_sources.finish();

    std::vector<Edge> edges(m);
    SourceReader edge_sources(r, Section::EdgeSourceOffsets, Section::EdgeSources,
                              Section::EdgeSourceSpans, doc_ids);
    for (std::uint64_t i = 0; i < m; ++i) {
        Edge& e = edges[i];
        EdgeEnds ends = edge_ends(static_cast<EdgeIndex>(i));
        e.source = ends.source;
        e.target = ends.target;
        e.type = relation_of[ends.type];
        e.id = std::string(r.string_at(Section::EdgeId, i));
        e.time = time_at(r, Section::EdgeTime, i);
        e.sources = edge_sources.at(i);
        e.properties = properties_at(r, Section::EdgePropertyOffsets, Section::EdgePropertyBlob, i);
    }
    edge_sources.finish();
    try {
        g.add_edges(std::move(edges));
    } catch (const ArgumentError& e) {
        fail(file, fmt::format("section EDGE_SRC: {}", e.what()));
    }
    return g;
}

// ---- one entity at a time --------------------------------------------------------------------

namespace {

// The sources of one entity: its records, and its spans found by binary search (they are sorted
// by source); each document must be one of section DOCUMENTS (sorted by id).
Sources sources_of(const Reader& r, Section offsets, Section records, Section spans,
                   std::uint64_t entity) {
    auto [a, b] = r.range<std::uint32_t>(offsets, entity, records);
    std::uint64_t lo = 0, hi = r.count(spans);
    while (lo < hi) {
        std::uint64_t mid = lo + (hi - lo) / 2;
        if (r.get<SpanRecord>(spans, mid).source < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    Sources out;
    out.reserve(b - a);
    for (auto i = a; i < b; ++i) {
        auto rec = r.get<SourceRecord>(records, i);
        std::string_view doc = r.string(rec.document, records, i);
        std::uint64_t dlo = 0, dhi = r.count(Section::Documents);
        while (dlo < dhi) {
            std::uint64_t mid = dlo + (dhi - dlo) / 2;
            auto d = r.get<DocumentRecord>(Section::Documents, mid);
            if (r.string(d.id, Section::Documents, mid) < doc)
                dlo = mid + 1;
            else
                dhi = mid;
        }
        if (dlo == r.count(Section::Documents) ||
            r.string(r.get<DocumentRecord>(Section::Documents, dlo).id, Section::Documents, dlo) !=
                doc)
            fail(r.file(), fmt::format("section {}, entry {}: document '{}' is not in section "
                                       "DOCUMENTS",
                                       section_name(records), i, doc));
        Source s(std::string(doc), std::string(r.string(rec.quote, records, i)));
        if (lo < r.count(spans)) {
            auto sp = r.get<SpanRecord>(spans, lo);
            if (sp.source == i) {
                if (sp.has_start > 1 || sp.has_end > 1 || (!sp.has_start && !sp.has_end))
                    fail(r.file(), fmt::format("section {}, entry {}: flags {} {} (expected 0 or "
                                               "1, not both 0)",
                                               section_name(spans), lo, sp.has_start, sp.has_end));
                if (sp.has_start) s.start = sp.start;
                if (sp.has_end) s.end = sp.end;
                ++lo;
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

Node BaseImage::node(NodeIndex n) const {
    Reader r(data_, *raw_, name_, true);
    Node node;
    node.id = std::string(r.string_at(Section::NodeId, n));
    if (!is_node_id(node.id))
        fail(name_, fmt::format("section NODE_ID, entry {}: '{}' is not a node id (an ASCII slug)",
                                n, node.id));
    auto [la, lb] = r.range<std::uint32_t>(Section::NodeLabelOffsets, n, Section::NodeLabels);
    for (auto k = la; k < lb; ++k)
        node.labels.emplace_back(r.string_at(
            Section::Labels, r.index(Section::NodeLabels, k, r.u32(Section::NodeLabels, k),
                                     r.count(Section::Labels), "label")));
    node.names.en = std::string(r.string_at(Section::NodeNameEn, n));
    node.names.ar = std::string(r.string_at(Section::NodeNameAr, n));
    auto [aa, ab] = r.range<std::uint32_t>(Section::NodeAliasOffsets, n, Section::NodeAliases);
    for (auto k = aa; k < ab; ++k)
        node.names.aliases.emplace_back(r.string_at(Section::NodeAliases, k));
    node.time = time_at(r, Section::NodeTime, n);
    node.sources = sources_of(r, Section::NodeSourceOffsets, Section::NodeSources,
                              Section::NodeSourceSpans, n);
    node.properties = properties_at(r, Section::NodePropertyOffsets, Section::NodePropertyBlob, n);
    return node;
}

Edge BaseImage::edge(EdgeIndex e) const {
    Reader r(data_, *raw_, name_, true);
    Edge out;
    EdgeEnds ends = edge_ends(e);
    out.source = ends.source;
    out.target = ends.target;
    out.type = ends.type;
    out.id = std::string(r.string_at(Section::EdgeId, e));
    out.time = time_at(r, Section::EdgeTime, e);
    out.sources = sources_of(r, Section::EdgeSourceOffsets, Section::EdgeSources,
                             Section::EdgeSourceSpans, e);
    out.properties = properties_at(r, Section::EdgePropertyOffsets, Section::EdgePropertyBlob, e);
    return out;
}

std::vector<std::string> BaseImage::node_property_keys() const {
    Reader r(data_, *raw_, name_, true);
    std::vector<std::uint32_t> ids;
    std::size_t limit = 4096;
    for (std::uint64_t n = 0; n < node_count(); ++n) {
        auto [a, b] =
            r.range<std::uint64_t>(Section::NodePropertyOffsets, n, Section::NodePropertyBlob);
        if (a == b) continue;
        BlobReader(r, Section::NodePropertyBlob, n, a, b).keys(ids);
        if (ids.size() > limit) {  // few distinct keys, many nodes: keep the list short
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            limit = 2 * ids.size() + 4096;
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<std::string> out;
    for (std::uint32_t id : ids) out.emplace_back(r.string(id, Section::NodePropertyBlob, 0));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace liaison::binary
