// The journal's JSON for operations. Values use the native format's encoding (dates as
// {"date": "YYYY-MM-DD"}, temporal values as {"datetime": …}, floats always with a fraction or
// exponent), so both read the same way.
#include <cstddef>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include "io/json_locate.hpp"
#include "io/json_strict.hpp"
#include "io/json_value.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/store/ops.hpp"
#include "store/op_names.hpp"
#include "store/ops_sax.hpp"

namespace liaison::store {

namespace {

using json::Writer;
using Json = rapidjson::Value;
constexpr int kMaxNesting = 16;

// --- encoding -------------------------------------------------------------------------------

void field(Writer& w, const char* key, const std::string& s) {
    if (s.empty()) return;
    w.Key(key);
    json::write_string(w, s);
}

void common(Writer& w, const Properties& props, const TimeSpan& time, const Sources& sources) {
    if (!props.empty()) {
        w.Key("properties");
        w.StartObject();
        for (const auto& [k, v] : props) {
            json::write_string(w, k);
            json::write_value(w, v);
        }
        w.EndObject();
    }
    if (time.date) field(w, "date", time.date->to_string());
    if (time.start) field(w, "start", time.start->to_string());
    if (time.end) field(w, "end", time.end->to_string());
    if (!sources.empty()) {
        w.Key("sources");
        json::write_sources(w, sources);
    }
}

void node(Writer& w, const Node& n) {
    w.StartObject();
    w.Key("id");
    json::write_string(w, n.id);
    w.Key("labels");
    w.StartArray();
    for (const auto& l : n.labels) json::write_string(w, l);
    w.EndArray();
    field(w, "ar", n.names.ar);
    field(w, "en", n.names.en);
    if (!n.names.aliases.empty()) {
        w.Key("aliases");
        w.StartArray();
        for (const auto& a : n.names.aliases) json::write_string(w, a);
        w.EndArray();
    }
    common(w, n.properties, n.time, n.sources);
    w.EndObject();
}

void edge(Writer& w, const EdgeData& e) {
    w.StartObject();
    field(w, "id", e.id);
    w.Key("source");
    json::write_string(w, e.source);
    w.Key("relation");
    json::write_string(w, e.relation);
    w.Key("target");
    json::write_string(w, e.target);
    common(w, e.properties, e.time, e.sources);
    w.EndObject();
}

void ref(Writer& w, const EdgeRef& r) {
    w.StartObject();
    w.Key("source");
    json::write_string(w, r.source);
    w.Key("relation");
    json::write_string(w, r.relation);
    w.Key("target");
    json::write_string(w, r.target);
    w.Key("ordinal");
    w.Uint(r.ordinal);
    w.EndObject();
}

void op(Writer& w, const Op& o) {
    w.StartObject();
    w.Key("op");
    w.String(op_name(o.kind));
    switch (o.kind) {
        case OpKind::AddNode:
        case OpKind::PutNode:
            w.Key("node");
            node(w, o.node);
            break;
        case OpKind::RemoveNode:
        case OpKind::RemoveDocument:
            w.Key("id");
            json::write_string(w, o.id);
            break;
        case OpKind::AddEdge:
            w.Key("edge");
            edge(w, o.edge);
            break;
        case OpKind::PutEdge:
            w.Key("ref");
            ref(w, o.ref);
            w.Key("edge");
            edge(w, o.edge);
            break;
        case OpKind::RemoveEdge:
            w.Key("ref");
            ref(w, o.ref);
            break;
        case OpKind::PutDocument: {
            const Document& d = o.document;
            w.Key("document");
            w.StartObject();
            w.Key("id");
            json::write_string(w, d.id);
            field(w, "title", d.title);
            field(w, "outlet", d.outlet);
            if (d.date) field(w, "date", d.date->to_string());
            field(w, "file", d.file);
            field(w, "language", d.language);
            field(w, "url", d.url);
            w.EndObject();
            break;
        }
        case OpKind::DeclareRelation:
            w.Key("relation");
            w.StartObject();
            w.Key("name");
            json::write_string(w, o.relation.name);
            w.Key("symmetric");
            w.Bool(o.relation.symmetric);
            field(w, "ar", o.relation.ar);
            field(w, "en", o.relation.en);
            w.EndObject();
            break;
        case OpKind::SetGraphInfo:
            w.Key("id");
            json::write_string(w, o.id);
            w.Key("label");
            json::write_string(w, o.label);
            break;
        case OpKind::CreateIndex:
            w.Key("index");
            w.StartObject();
            w.Key("name");
            json::write_string(w, o.index.name);
            w.Key("entity");
            json::write_string(w, o.index.relationships ? "relationship" : "node");
            w.Key("label");
            json::write_string(w, o.index.label);
            w.Key("properties");
            w.StartArray();
            for (const auto& p : o.index.properties) json::write_string(w, p);
            w.EndArray();
            w.EndObject();
            break;
        case OpKind::DropIndex:
            w.Key("id");
            json::write_string(w, o.id);
            break;
    }
    w.EndObject();
}

// --- decoding -------------------------------------------------------------------------------

class Decoder {
public:
    explicit Decoder(const std::string& name) : name_(name) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError({name_, 0, 0}, fmt::format("operation {}: {}", index_ + 1, what));
    }

    Value single_value(const Json& v) const { return value(v, 0); }

    std::vector<Op> ops(const Json& array) {
        if (!array.IsArray()) throw InputError({name_, 0, 0}, "expected a list of operations");
        std::vector<Op> out;
        for (const Json& o : array.GetArray()) {
            out.push_back(op(o));
            ++index_;
        }
        return out;
    }

private:
    const Json& member(const Json& obj, const char* key) const {
        if (!obj.IsObject()) fail(fmt::format("expected an object holding '{}'", key));
        auto it = obj.FindMember(key);
        if (it == obj.MemberEnd()) fail(fmt::format("missing '{}'", key));
        return it->value;
    }
    const Json* optional(const Json& obj, const char* key) const {
        auto it = obj.FindMember(key);
        return it == obj.MemberEnd() ? nullptr : &it->value;
    }
    std::string text(const Json& v, const char* what) const {
        if (!v.IsString()) fail(fmt::format("'{}' must be a string", what));
        return std::string(v.GetString(), v.GetStringLength());
    }
    std::string text_of(const Json& obj, const char* key) const {
        return text(member(obj, key), key);
    }
    std::string text_or_empty(const Json& obj, const char* key) const {
        const Json* v = optional(obj, key);
        return v ? text(*v, key) : std::string();
    }
    std::vector<std::string> texts(const Json& obj, const char* key) const {
        std::vector<std::string> out;
        const Json* v = optional(obj, key);
        if (!v) return out;
        if (!v->IsArray()) fail(fmt::format("'{}' must be a list of strings", key));
        for (const Json& s : v->GetArray()) out.push_back(text(s, key));
        return out;
    }
    std::optional<Date> date(const Json& obj, const char* key) const {
        const Json* v = optional(obj, key);
        if (!v) return std::nullopt;
        auto d = Date::parse(text(*v, key));
        if (!d) fail(fmt::format("'{}' is not a date YYYY[-MM[-DD]]", key));
        return d;
    }
    Value value(const Json& v, int depth) const {
        if (depth > kMaxNesting) fail("property value nested too deeply");
        if (v.IsNull()) return Value();
        if (v.IsBool()) return Value(v.GetBool());
        if (v.IsInt64()) return Value(v.GetInt64());
        if (v.IsUint64()) fail("integer too large; expected at most 9223372036854775807");
        if (v.IsDouble()) return Value(v.GetDouble());
        if (v.IsString()) return Value(std::string(v.GetString(), v.GetStringLength()));
        if (v.IsObject()) {
            std::string error;
            auto typed = json::read_typed(v, error);
            if (!typed) fail(error);
            return std::move(*typed);
        }
        ValueList list;
        for (const Json& item : v.GetArray()) list.push_back(value(item, depth + 1));
        return Value(std::move(list));
    }
    template <typename Item>
    void common(const Json& obj, Item& item) const {
        if (const Json* p = optional(obj, "properties")) {
            if (!p->IsObject()) fail("'properties' must be an object");
            for (const auto& m : p->GetObject())
                item.properties.set(text(m.name, "properties"), value(m.value, 0));
        }
        item.time.date = date(obj, "date");
        item.time.start = date(obj, "start");
        item.time.end = date(obj, "end");
        if (const Json* s = optional(obj, "sources")) {
            if (!s->IsArray()) fail("'sources' must be a list");
            for (const Json& src : s->GetArray()) {
                std::string error;
                auto source = json::read_source(src, error);
                if (!source) fail(error);
                item.sources.push_back(std::move(*source));
            }
        }
    }
    Node node(const Json& obj) const {
        Node n;
        n.id = text_of(obj, "id");
        n.labels = texts(obj, "labels");
        n.names.ar = text_or_empty(obj, "ar");
        n.names.en = text_or_empty(obj, "en");
        n.names.aliases = texts(obj, "aliases");
        common(obj, n);
        return n;
    }
    EdgeData edge(const Json& obj) const {
        EdgeData e;
        e.source = text_of(obj, "source");
        e.relation = text_of(obj, "relation");
        e.target = text_of(obj, "target");
        e.id = text_or_empty(obj, "id");
        common(obj, e);
        return e;
    }
    EdgeRef ref(const Json& obj) const {
        EdgeRef r{text_of(obj, "source"), text_of(obj, "relation"), text_of(obj, "target"), 0};
        const Json& ord = member(obj, "ordinal");
        if (!ord.IsUint()) fail("'ordinal' must be a non-negative integer");
        r.ordinal = ord.GetUint();
        return r;
    }
    Op op(const Json& o) const {
        std::string name = text_of(o, "op");
        Op out;
        bool known = false;
        for (OpKind k : kAllKinds)
            if (name == op_name(k)) out.kind = k, known = true;
        if (!known) fail(fmt::format("unknown operation '{}'", name));
        switch (out.kind) {
            case OpKind::AddNode:
            case OpKind::PutNode:
                out.node = node(member(o, "node"));
                break;
            case OpKind::RemoveNode:
            case OpKind::RemoveDocument:
                out.id = text_of(o, "id");
                break;
            case OpKind::AddEdge:
                out.edge = edge(member(o, "edge"));
                break;
            case OpKind::PutEdge:
                out.ref = ref(member(o, "ref"));
                out.edge = edge(member(o, "edge"));
                break;
            case OpKind::RemoveEdge:
                out.ref = ref(member(o, "ref"));
                break;
            case OpKind::PutDocument: {
                const Json& d = member(o, "document");
                out.document.id = text_of(d, "id");
                out.document.title = text_or_empty(d, "title");
                out.document.outlet = text_or_empty(d, "outlet");
                out.document.date = date(d, "date");
                out.document.file = text_or_empty(d, "file");
                out.document.language = text_or_empty(d, "language");
                out.document.url = text_or_empty(d, "url");
                break;
            }
            case OpKind::DeclareRelation: {
                const Json& r = member(o, "relation");
                out.relation.name = text_of(r, "name");
                const Json& sym = member(r, "symmetric");
                if (!sym.IsBool()) fail("'symmetric' must be true or false");
                out.relation.symmetric = sym.GetBool();
                out.relation.ar = text_or_empty(r, "ar");
                out.relation.en = text_or_empty(r, "en");
                break;
            }
            case OpKind::SetGraphInfo:
                out.id = text_of(o, "id");
                out.label = text_of(o, "label");
                break;
            case OpKind::CreateIndex: {
                const Json& x = member(o, "index");
                out.index.name = text_of(x, "name");
                std::string entity = text_of(x, "entity");
                if (entity != "node" && entity != "relationship")
                    fail("'entity' must be \"node\" or \"relationship\"");
                out.index.relationships = entity == "relationship";
                out.index.label = text_of(x, "label");
                out.index.properties = texts(x, "properties");
                break;
            }
            case OpKind::DropIndex:
                out.id = text_of(o, "id");
                break;
        }
        return out;
    }

    const std::string& name_;
    std::size_t index_ = 0;
};

}  // namespace

std::string encode_ops(const std::vector<Op>& ops) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    for (const Op& o : ops) op(w, o);
    w.EndArray();
    return std::string(buf.GetString(), buf.GetSize());
}

namespace {
void parse_json(std::string_view json, const std::string& name, rapidjson::Document& doc) {
    if (auto bad = find_invalid_utf8(json))
        throw InputError({name, 0, 0}, fmt::format("invalid UTF-8 at byte {}", *bad));
    if (json.find('\0') != std::string_view::npos)
        throw InputError({name, 0, 0}, "NUL byte; expected JSON text");
    if (detail::find_nesting_over(json, kMaxNesting) != std::string::npos)
        throw InputError({name, 0, 0}, fmt::format("nesting deeper than {} levels", kMaxNesting));
    // Strict: what the journal cannot keep exactly (duplicate members, lone surrogates, NUL
    // escapes, numbers out of range) is refused, as the native reader refuses it.
    if (auto bad = detail::parse_strict<rapidjson::kParseIterativeFlag |
                                        rapidjson::kParseFullPrecisionFlag>(json, doc))
        throw InputError({name, 0, 0}, fmt::format("{} at byte {}", bad->message, bad->offset));
    if (doc.HasParseError())
        throw InputError({name, 0, 0},
                         fmt::format("invalid JSON at byte {}: {}", doc.GetErrorOffset(),
                                     rapidjson::GetParseError_En(doc.GetParseError())));
}
}  // namespace

std::vector<Op> decode_ops(std::string_view json, const std::string& name) {
    if (auto ops = decode_ops_directly(json)) return std::move(*ops);
    return decode_ops_through_tree(json, name);
}

std::vector<Op> decode_ops_through_tree(std::string_view json, const std::string& name) {
    // A journal record's tree fits here: replay decodes tens of thousands of records, and a
    // fresh pool took a 64 KiB chunk from the heap for each.
    alignas(std::max_align_t) char chunk[16384];
    rapidjson::MemoryPoolAllocator<> pool(chunk, sizeof chunk);
    rapidjson::Document doc(&pool);
    parse_json(json, name, doc);
    return Decoder(name).ops(doc);
}

Value decode_value(std::string_view json, const std::string& name) {
    rapidjson::Document doc;
    parse_json(json, name, doc);
    try {
        return Decoder(name).single_value(doc);
    } catch (const InputError& e) {
        // "operation 1: …" means nothing here; keep the reason.
        std::string m = e.message();
        auto colon = m.find(": ");
        throw InputError({name, 0, 0}, colon == std::string::npos ? m : m.substr(colon + 2));
    }
}

}  // namespace liaison::store
