// The optimistic path of the native reader: an in-situ DOM parse without the schema validator,
// then a converter that checks every schema rule and semantic check itself. It keeps no
// positions and writes no messages: on anything it does not fully accept it gives up, and
// parse_graph_json runs the validated path, which finds the same input wrong and says where.
// Being stricter than the schema is always safe (valid but unusual files just take the slow
// path); being laxer never is, so every member of every object is checked, including duplicates.
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "io/native_reader_paths.hpp"

namespace liaison::detail {

namespace {

using Json = rapidjson::Value;
using Flags = unsigned;

struct Bail {};  // thrown to give up; never leaves this file

[[noreturn]] void bail() { throw Bail{}; }

// Strings are taken with their length: "\u0000" escapes are refused up front, so this is what
// the validated path's GetString() gives too.
std::string_view text_of(const Json& v) {
    if (!v.IsString()) bail();
    return {v.GetString(), v.GetStringLength()};
}

std::string_view nonempty_text(const Json& v) {
    std::string_view s = text_of(v);
    if (s.empty()) bail();
    return s;
}

bool digits(std::string_view s, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$, then a calendar date.
Date date_of(const Json& v) {
    std::string_view s = text_of(v);
    bool shape = (s.size() == 4 || s.size() == 7 || s.size() == 10) && digits(s, 0, 4);
    if (shape && s.size() >= 7) shape = s[4] == '-' && digits(s, 5, 2);
    if (shape && s.size() == 10) shape = s[7] == '-' && digits(s, 8, 2);
    if (!shape) bail();
    auto d = Date::parse(s);
    if (!d) bail();
    return *d;
}

// ^[A-Za-z_][A-Za-z0-9_]*$
bool is_label(std::string_view s) {
    auto word = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (s.empty() || !word(s[0])) return false;
    for (char c : s)
        if (!word(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

// Up to the first 8 bytes of a name as one integer: matching a member name against the allowed
// ones is then a few integer compares (tens of millions of names in a large file), not a
// memcmp call each.
constexpr std::uint64_t prefix_of(std::string_view s) {
    std::uint64_t p = 0;
    for (std::size_t i = 0; i < s.size() && i < 8; ++i)
        p |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
    return p;
}

// The member names an object of the schema allows.
template <std::size_t N>
struct Keys {
    std::array<std::string_view, N> names;
    std::array<std::uint64_t, N> prefixes{};

    constexpr explicit Keys(std::array<std::string_view, N> allowed) : names(allowed) {
        for (std::size_t i = 0; i < N; ++i) prefixes[i] = prefix_of(names[i]);
    }

    // The index of `key`, or N.
    std::size_t find(std::string_view key) const {
        const std::uint64_t p = prefix_of(key);
        for (std::size_t i = 0; i < N; ++i)
            if (prefixes[i] == p && names[i].size() == key.size() &&
                (key.size() <= 8 || names[i].substr(8) == key.substr(8)))
                return i;
        return N;
    }
};

// Which of an object's allowed members `key` is; gives up on any other key and on a repeat
// (the validated path reads the first of duplicates but validates all of them).
template <std::size_t N>
std::size_t member_index(const Json& key, const Keys<N>& allowed, Flags& seen) {
    const std::size_t i = allowed.find(text_of(key));
    if (i == N || (seen & (1u << i))) bail();
    seen |= 1u << i;
    return i;
}

const Json& object_of(const Json& v) {
    if (!v.IsObject()) bail();
    return v;
}

const Json& array_of(const Json& v) {
    if (!v.IsArray()) bail();
    return v;
}

// Node ids to indices. Millions of endpoint lookups dominate a load, so this is open addressing
// over one flat array with the hash beside the index, and the ids copied together into one
// small arena: a lookup touches two or three cache lines instead of the text of a 500 MB file.
class IdTable {
public:
    void reserve(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < 2 * count) capacity *= 2;
        if (capacity > slots_.size()) rehash(capacity);
        starts_.reserve(count + 1);
    }

    // False when the id is already there.
    bool insert(std::string_view id) {
        if (2 * (size() + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
        std::size_t i = 0;
        const Slot probe = slot_of(id, static_cast<NodeIndex>(size()), i);
        for (i &= mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.index == kNoIndex) {
                s = probe;
                arena_.append(id);
                starts_.push_back(arena_.size());
                return true;
            }
            if (same(s, probe, id)) return false;
        }
    }

    NodeIndex find(std::string_view id) const {
        std::size_t i = 0;
        const Slot probe = slot_of(id, kNoIndex, i);
        for (i &= mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.index == kNoIndex) return kNoIndex;
            if (same(s, probe, id)) return s.index;
        }
    }

private:
    // An id of up to 8 bytes is wholly in the slot (prefix and length), so a lookup of a short
    // id reads one cache line; longer ones compare the rest in the arena.
    struct Slot {
        std::uint64_t prefix = 0;
        std::uint32_t tag = 0;  // hash with its low byte replaced by min(length, 255)
        NodeIndex index = kNoIndex;
    };

    // The slot for an id, and where its probe starts (from bits the tag does not use).
    static Slot slot_of(std::string_view id, NodeIndex index, std::size_t& start) {
        std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then a final mix for the low bits
        for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
        h ^= h >> 32;
        h *= 0x9e3779b97f4a7c15ull;
        start = static_cast<std::size_t>(h & 0xFFFFFFFFu);
        auto tag = static_cast<std::uint32_t>(h >> 32) & ~0xFFu;
        tag |= static_cast<std::uint32_t>(std::min<std::size_t>(id.size(), 255));
        return {prefix_of(id), tag, index};
    }

    bool same(const Slot& s, const Slot& probe, std::string_view id) const {
        return s.tag == probe.tag && s.prefix == probe.prefix &&
               (id.size() <= 8 || key(s.index) == id);
    }

    std::size_t size() const { return starts_.size() - 1; }
    std::string_view key(NodeIndex n) const {
        return std::string_view(arena_).substr(starts_[n], starts_[n + 1] - starts_[n]);
    }

    void rehash(std::size_t capacity) {
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (NodeIndex k = 0; k < size(); ++k) {
            std::size_t i = 0;
            const Slot s = slot_of(key(k), k, i);
            i &= mask_;
            while (slots_[i].index != kNoIndex) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_ = std::vector<Slot>(16);
    std::size_t mask_ = 15;
    std::string arena_;
    std::vector<std::size_t> starts_{0};  // key k is arena_[starts_[k], starts_[k + 1])
};

class FastConverter {
public:
    PropertyGraph convert(const Json& root) {
        PropertyGraph g;
        Flags seen = 0;
        const Json* graph = nullptr;
        for (const auto& m : object_of(root).GetObject()) {
            member_index(m.name, Keys<1>{{"graph"}}, seen);
            graph = &object_of(m.value);
        }
        if (!graph) bail();

        static constexpr Keys<7> kGraph{
            {"id", "label", "type", "directed", "metadata", "nodes", "edges"}};
        const Json* nodes = nullptr;
        const Json* edges = nullptr;
        const Json* meta = nullptr;
        seen = 0;
        for (const auto& m : graph->GetObject()) {
            switch (member_index(m.name, kGraph, seen)) {
                case 0:
                    g.graph_id = text_of(m.value);
                    break;
                case 1:
                    g.graph_label = text_of(m.value);
                    break;
                case 2:
                    text_of(m.value);
                    break;
                case 3:
                    if (!m.value.IsBool()) bail();
                    break;
                case 4:
                    meta = &object_of(m.value);
                    break;
                case 5:
                    nodes = &object_of(m.value);
                    break;
                default:
                    edges = &array_of(m.value);
            }
        }
        if (!nodes) bail();
        // Documents and relations first: nodes and edges refer to them wherever they stand.
        if (meta) read_graph_metadata(g, *meta);
        read_nodes(g, *nodes);
        if (edges) read_edges(g, *edges);
        return g;
    }

private:
    void read_graph_metadata(PropertyGraph& g, const Json& meta) {
        Flags seen = 0;
        for (const auto& m : meta.GetObject()) {
            // Other members are valid (and ignored), but may hold anything: leave them to the
            // validated path rather than walk values of unbounded depth here.
            member_index(m.name, Keys<1>{{"liaison"}}, seen);
            static constexpr Keys<3> kProfile{{"profile", "documents", "relations"}};
            const Json* documents = nullptr;
            const Json* relations = nullptr;
            Flags inner = 0;
            for (const auto& p : object_of(m.value).GetObject()) {
                switch (member_index(p.name, kProfile, inner)) {
                    case 0:
                        if (!p.value.IsInt() || p.value.GetInt() != 1) bail();
                        break;
                    case 1:
                        documents = &object_of(p.value);
                        break;
                    default:
                        relations = &object_of(p.value);
                }
            }
            if (documents) read_documents(g, *documents);
            if (relations) read_relations(g, *relations);
        }
    }

    static void read_documents(PropertyGraph& g, const Json& documents) {
        static constexpr Keys<6> kDocument{{"title", "outlet", "date", "file", "language", "url"}};
        for (const auto& m : documents.GetObject()) {
            Document d;
            d.id = text_of(m.name);
            Flags seen = 0;
            for (const auto& f : object_of(m.value).GetObject()) {
                switch (member_index(f.name, kDocument, seen)) {
                    case 0:
                        d.title = text_of(f.value);
                        break;
                    case 1:
                        d.outlet = text_of(f.value);
                        break;
                    case 2:
                        d.date = date_of(f.value);
                        break;
                    case 3:
                        d.file = text_of(f.value);
                        break;
                    case 4:
                        d.language = text_of(f.value);
                        break;
                    default:
                        d.url = text_of(f.value);
                }
            }
            std::string id = d.id;
            if (!g.documents().emplace(std::move(id), std::move(d)).second) bail();
        }
    }

    static void read_relations(PropertyGraph& g, const Json& relations) {
        static constexpr Keys<3> kRelation{{"symmetric", "ar", "en"}};
        for (const auto& m : relations.GetObject()) {
            RelationType t;
            t.name = text_of(m.name);
            Flags seen = 0;
            for (const auto& f : object_of(m.value).GetObject()) {
                switch (member_index(f.name, kRelation, seen)) {
                    case 0:
                        if (!f.value.IsBool()) bail();
                        t.symmetric = f.value.GetBool();
                        break;
                    case 1:
                        t.ar = text_of(f.value);
                        break;
                    default:
                        t.en = text_of(f.value);
                }
            }
            if (!(seen & 1u)) bail();
            try {
                g.relations().declare(std::move(t));
            } catch (const ArgumentError&) {
                bail();
            }
        }
    }

    // A property value: a scalar, {"date": ...}, or (at the top only) a list of those.
    static Value value(const Json& v, bool in_list) {
        if (v.IsNull()) return Value();
        if (v.IsBool()) return Value(v.GetBool());
        if (v.IsInt64()) return Value(v.GetInt64());
        if (v.IsUint64()) bail();  // too large for an integer: the validated path says so
        if (v.IsDouble()) return Value(v.GetDouble());
        if (v.IsString()) return Value(std::string(text_of(v)));
        if (v.IsObject()) {
            if (v.MemberCount() != 1) bail();
            const auto& m = *v.MemberBegin();
            if (text_of(m.name) != "date") bail();
            return Value(date_of(m.value));
        }
        if (in_list) bail();
        ValueList list;
        list.reserve(v.Size());
        for (const auto& item : v.GetArray()) list.push_back(value(item, true));
        return Value(std::move(list));
    }

    // The members node and edge metadata share; false when `key` is not one of them.
    template <typename Item>
    bool read_common(const PropertyGraph& g, std::string_view key, const Json& v, Flags& seen,
                     Item& item) {
        static constexpr Keys<5> kCommon{{"properties", "date", "start", "end", "sources"}};
        const std::size_t i = kCommon.find(key);
        if (i == 5) return false;
        if (seen & (1u << i)) bail();
        seen |= 1u << i;
        switch (i) {
            case 0:
                for (const auto& p : object_of(v).GetObject())
                    item.properties.set(std::string(text_of(p.name)), value(p.value, false));
                break;
            case 1:
                item.time.date = date_of(v);
                break;
            case 2:
                item.time.start = date_of(v);
                break;
            case 3:
                item.time.end = date_of(v);
                break;
            default:
                for (const auto& s : array_of(v).GetArray()) {
                    static constexpr Keys<2> kSource{{"document", "quote"}};
                    Flags fields = 0;
                    Source source;
                    for (const auto& f : object_of(s).GetObject()) {
                        if (member_index(f.name, kSource, fields) == 0)
                            source.document = nonempty_text(f.value);
                        else
                            source.quote = nonempty_text(f.value);
                    }
                    if (fields != 3u) bail();
                    if (!g.documents().count(source.document)) bail();
                    item.sources.push_back(std::move(source));
                }
        }
        return true;
    }

    template <typename Item>
    static void check_time(const Item& item) {
        if (item.time.date && (item.time.start || item.time.end)) bail();
        if (item.time.start && item.time.end &&
            item.time.end->last_day() < item.time.start->first_day())
            bail();
    }

    void read_node_metadata(const PropertyGraph& g, const Json& meta, Node& n) {
        Flags common = 0, own = 0;
        static constexpr Keys<3> kNode{{"labels", "names", "aliases"}};
        for (const auto& m : object_of(meta).GetObject()) {
            if (read_common(g, text_of(m.name), m.value, common, n)) continue;
            switch (member_index(m.name, kNode, own)) {
                case 0:
                    for (const auto& l : array_of(m.value).GetArray()) {
                        std::string_view label = text_of(l);
                        if (!is_label(label)) bail();
                        n.labels.emplace_back(label);
                    }
                    break;
                case 1: {
                    static constexpr Keys<2> kNames{{"ar", "en"}};
                    Flags names = 0;
                    for (const auto& f : object_of(m.value).GetObject()) {
                        if (member_index(f.name, kNames, names) == 0)
                            n.names.ar = text_of(f.value);
                        else
                            n.names.en = text_of(f.value);
                    }
                    break;
                }
                default:
                    for (const auto& a : array_of(m.value).GetArray())
                        n.names.aliases.emplace_back(nonempty_text(a));
            }
        }
        check_time(n);
    }

    void read_nodes(PropertyGraph& g, const Json& nodes) {
        g.reserve_nodes(nodes.MemberCount());
        ids_.reserve(nodes.MemberCount());
        for (const auto& m : nodes.GetObject()) {
            std::string_view id = text_of(m.name);
            if (!is_node_id(id)) bail();
            if (!ids_.insert(id)) bail();
            Node n;
            n.id = id;
            Flags seen = 0;
            static constexpr Keys<2> kNode{{"label", "metadata"}};
            for (const auto& f : object_of(m.value).GetObject()) {
                if (member_index(f.name, kNode, seen) == 0)
                    text_of(f.value);
                else
                    read_node_metadata(g, f.value, n);
            }
            try {
                g.add_node(std::move(n));
            } catch (const ArgumentError&) {
                bail();
            }
        }
    }

    NodeIndex endpoint(const Json& v) const {
        NodeIndex n = ids_.find(nonempty_text(v));
        if (n == kNoIndex) bail();
        return n;
    }

    RelationId relation(const PropertyGraph& g, const Json& v) {
        // Files use a handful of types: remember the last one rather than search every time.
        std::string_view name = nonempty_text(v);
        if (name != last_relation_) {
            auto type = g.relations().find(name);
            if (!type) bail();
            last_relation_ = name;
            last_type_ = *type;
        }
        return last_type_;
    }

    void read_edges(PropertyGraph& g, const Json& edges) {
        static constexpr Keys<7> kEdge{
            {"id", "source", "target", "relation", "label", "directed", "metadata"}};
        std::vector<Edge> out;
        out.reserve(edges.Size());
        for (const auto& e : edges.GetArray()) {
            Edge edge;
            Flags seen = 0;
            for (const auto& m : object_of(e).GetObject()) {
                switch (member_index(m.name, kEdge, seen)) {
                    case 0:
                        edge.id = text_of(m.value);
                        break;
                    case 1:
                        edge.source = endpoint(m.value);
                        break;
                    case 2:
                        edge.target = endpoint(m.value);
                        break;
                    case 3:
                        edge.type = relation(g, m.value);
                        break;
                    case 4:
                        text_of(m.value);
                        break;
                    case 5:
                        if (!m.value.IsBool()) bail();
                        break;
                    default: {
                        Flags common = 0;
                        for (const auto& f : object_of(m.value).GetObject())
                            if (!read_common(g, text_of(f.name), f.value, common, edge)) bail();
                        check_time(edge);
                    }
                }
            }
            if ((seen & 0b1110u) != 0b1110u) bail();
            out.push_back(std::move(edge));
        }
        try {
            g.add_edges(std::move(out));
        } catch (const ArgumentError&) {
            bail();
        }
    }

    IdTable ids_;
    std::string_view last_relation_;
    RelationId last_type_ = 0;
};

// Invalid UTF-8 anywhere, skipping ASCII eight bytes at a time (the common case by far).
bool has_invalid_utf8(std::string_view text) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (!(word & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (find_invalid_utf8(text.substr(i, len))) return true;
        i += len;
    }
    return false;
}

}  // namespace

std::optional<PropertyGraph> parse_graph_json_fast_in_place(std::string& buffer, std::size_t size) {
    LIAISON_ASSERT(buffer.size() >= size + 8);
    std::string_view text(buffer.data(), size);
    // The validated path's pre-checks, as refusals. Nesting needs no check of its own: the
    // parse is iterative, and the converter refuses anything deeper than the schema allows.
    if (text.substr(0, 3) == "\xEF\xBB\xBF" || text.find('\0') != std::string_view::npos ||
        text.find("\\u0000") != std::string_view::npos || has_invalid_utf8(text))
        return std::nullopt;

    // Chunks above malloc's largest mmap threshold go back to the system when the parse is
    // done, instead of staying in the heap under the graph.
    constexpr std::size_t kChunk = std::size_t{64} << 20;
    rapidjson::MemoryPoolAllocator<> pool(std::min(kChunk, size * 4 + 4096));
    rapidjson::Document doc(&pool);
    doc.ParseInsitu<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(
        buffer.data());
    if (doc.HasParseError()) return std::nullopt;
    try {
        return FastConverter().convert(doc);
    } catch (const Bail&) {
        return std::nullopt;
    }
}

std::optional<PropertyGraph> parse_graph_json_fast(std::string_view text) {
    std::string buffer;
    buffer.reserve(text.size() + 8);
    buffer.append(text);
    buffer.append(8, '\0');
    return parse_graph_json_fast_in_place(buffer, text.size());
}

}  // namespace liaison::detail
