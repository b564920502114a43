#pragma once
// The fast path's rules for the small values of a native file (graph metadata, nodes, sources,
// property values), checked on a small document tree the SAX loader collects for each: every
// schema rule and semantic check of the validated path, giving up (throwing Bail) on anything
// else. Only lib/io/native_fast_reader.cpp includes this.
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/fast_id_table.hpp"
#include "liaison/core/error.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::detail::fast_path {

using Json = rapidjson::Value;
using Flags = unsigned;

struct Bail {};  // thrown to give up; never leaves the fast path

[[noreturn]] inline void bail() { throw Bail{}; }

// Strings are taken with their length: "\u0000" escapes are refused up front, so this is what
// the validated path's GetString() gives too.
inline std::string_view text_of(const Json& v) {
    if (!v.IsString()) bail();
    return {v.GetString(), v.GetStringLength()};
}

inline std::string_view nonempty_text(const Json& v) {
    std::string_view s = text_of(v);
    if (s.empty()) bail();
    return s;
}

// A source offset: an integer, not negative.
inline std::int64_t offset_of(const Json& v) {
    if (!v.IsInt64() || v.GetInt64() < 0) bail();
    return v.GetInt64();
}

inline bool digits(std::string_view s, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$, then a calendar date.
inline Date date_of(std::string_view s) {
    bool shape = (s.size() == 4 || s.size() == 7 || s.size() == 10) && digits(s, 0, 4);
    if (shape && s.size() >= 7) shape = s[4] == '-' && digits(s, 5, 2);
    if (shape && s.size() == 10) shape = s[7] == '-' && digits(s, 8, 2);
    if (!shape) bail();
    auto d = Date::parse(s);
    if (!d) bail();
    return *d;
}

inline Date date_of(const Json& v) { return date_of(text_of(v)); }

// ^[A-Za-z_][A-Za-z0-9_]*$
inline bool is_label(std::string_view s) {
    auto word = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (s.empty() || !word(s[0])) return false;
    for (char c : s)
        if (!word(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

constexpr std::uint64_t prefix_of(std::string_view s) { return IdTable::prefix_of(s); }

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

inline const Json& object_of(const Json& v) {
    if (!v.IsObject()) bail();
    return v;
}

inline const Json& array_of(const Json& v) {
    if (!v.IsArray()) bail();
    return v;
}

// A property value: a scalar, a typed value ({"date": ...}, {"datetime": ...}, ...), or (at the
// top only) a list of those.
inline Value value(const Json& v, bool in_list) {
    if (v.IsNull()) return Value();
    if (v.IsBool()) return Value(v.GetBool());
    if (v.IsInt64()) return Value(v.GetInt64());
    if (v.IsUint64()) bail();  // too large for an integer: the validated path says so
    if (v.IsDouble()) return Value(v.GetDouble());
    if (v.IsString()) return Value(std::string(text_of(v)));
    if (v.IsObject()) {
        if (v.MemberCount() != 1) bail();
        const auto& m = *v.MemberBegin();
        std::string_view key = text_of(m.name);
        if (key == "date") return Value(date_of(m.value));
        if (!is_typed_key(key)) bail();
        std::string error;
        auto typed = parse_typed(key, text_of(m.value), error);
        if (!typed) bail();
        return std::move(*typed);
    }
    if (in_list) bail();
    ValueList list;
    list.reserve(v.Size());
    for (const auto& item : v.GetArray()) list.push_back(value(item, true));
    return Value(std::move(list));
}

template <typename Item>
void check_time(const Item& item) {
    if (item.time.date && (item.time.start || item.time.end)) bail();
    if (item.time.start && item.time.end &&
        item.time.end->last_day() < item.time.start->first_day())
        bail();
}

// Converts the small values the loader collects: graph metadata, nodes, sources. Whether the
// documents that sources name exist is checked here once graph metadata is read, else at the end.
class ItemConverter {
public:
    explicit ItemConverter(PropertyGraph& g) : g_(g) {}

    bool documents_known() const { return documents_known_; }
    bool sources_unchecked() const { return sources_unchecked_; }

    void read_graph_metadata(const Json& meta) {
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
            if (documents) read_documents(*documents);
            if (relations) read_relations(*relations);
        }
        documents_known_ = true;
    }

    void read_sources(const Json& v, Sources& out) {
        for (const auto& s : array_of(v).GetArray()) {
            static constexpr Keys<4> kSource{{"document", "quote", "start", "end"}};
            Flags fields = 0;
            Source source;
            for (const auto& f : object_of(s).GetObject()) {
                switch (member_index(f.name, kSource, fields)) {
                    case 0:
                        source.document = nonempty_text(f.value);
                        break;
                    case 1:
                        source.quote = nonempty_text(f.value);
                        break;
                    case 2:
                        source.start = offset_of(f.value);
                        break;
                    default:
                        source.end = offset_of(f.value);
                }
            }
            // Both names, and both offsets or neither, in order.
            if ((fields & 3u) != 3u || (fields >> 2) == 1u || (fields >> 2) == 2u) bail();
            if (source.start && *source.end < *source.start) bail();
            if (!documents_known_)
                sources_unchecked_ = true;
            else if (!g_.documents().count(source.document))
                bail();
            out.push_back(std::move(source));
        }
    }

    // A node's value, {"label": ..., "metadata": ...}, into `n` (whose id is set).
    void read_node(const Json& v, Node& n) {
        Flags seen = 0;
        static constexpr Keys<2> kNode{{"label", "metadata"}};
        for (const auto& f : object_of(v).GetObject()) {
            if (member_index(f.name, kNode, seen) == 0)
                text_of(f.value);
            else
                read_node_metadata(f.value, n);
        }
    }

private:
    void read_documents(const Json& documents) {
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
            if (!g_.documents().emplace(std::move(id), std::move(d)).second) bail();
        }
    }

    void read_relations(const Json& relations) {
        static constexpr Keys<3> kRelation{{"symmetric", "ar", "en"}};
        std::vector<std::string_view> names;  // a handful: a repeat is found by looking
        for (const auto& m : relations.GetObject()) {
            RelationType t;
            t.name = text_of(m.name);
            if (std::find(names.begin(), names.end(), t.name) != names.end()) bail();
            names.push_back(text_of(m.name));
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
                g_.relations().declare(std::move(t));
            } catch (const ArgumentError&) {
                bail();
            }
        }
    }

    void read_node_metadata(const Json& meta, Node& n) {
        Flags common = 0, own = 0;
        static constexpr Keys<5> kCommon{{"properties", "date", "start", "end", "sources"}};
        static constexpr Keys<3> kNode{{"labels", "names", "aliases"}};
        for (const auto& m : object_of(meta).GetObject()) {
            const std::size_t c = kCommon.find(text_of(m.name));
            if (c < 5) {
                if (common & (1u << c)) bail();
                common |= 1u << c;
                switch (c) {
                    case 0:
                        for (const auto& p : object_of(m.value).GetObject()) {
                            std::string key(text_of(p.name));
                            if (n.properties.contains(key)) bail();  // a duplicate
                            n.properties.set(std::move(key), value(p.value, false));
                        }
                        break;
                    case 1:
                        n.time.date = date_of(m.value);
                        break;
                    case 2:
                        n.time.start = date_of(m.value);
                        break;
                    case 3:
                        n.time.end = date_of(m.value);
                        break;
                    default:
                        read_sources(m.value, n.sources);
                }
                continue;
            }
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

    PropertyGraph& g_;
    bool documents_known_ = false;    // graph metadata has been read
    bool sources_unchecked_ = false;  // a source was read before it
};

}  // namespace liaison::detail::fast_path
