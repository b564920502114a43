// Reading the native format. The validated path: UTF-8 check, nesting check, one SAX pass that
// parses and validates against the schema together, then conversion with the checks a schema
// cannot express. parse_graph_json tries the fast path first (native_fast_reader.cpp) and comes
// here only when it gives up, so every message is this path's.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fmt/format.h>

#include "io/graph_rules.hpp"
#include "io/json_locate.hpp"
#include "io/json_strict.hpp"
#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/model/names.hpp"
#include "store/binary_format.hpp"

namespace liaison {

namespace detail {
extern const char* const kGraphSchemaText;
}

namespace {

constexpr int kMaxNesting = 64;
using Json = rapidjson::Value;
using Path = std::vector<std::string>;

const rapidjson::Document& schema_json() {
    static const rapidjson::Document doc = [] {
        rapidjson::Document d;
        d.Parse(detail::kGraphSchemaText);
        LIAISON_ASSERT(!d.HasParseError());
        return d;
    }();
    return doc;
}

const rapidjson::SchemaDocument& schema() {
    static const rapidjson::SchemaDocument sd(schema_json());
    return sd;
}

std::string join(const Json& array) {
    std::string out;
    for (const auto& v : array.GetArray()) {
        if (!out.empty()) out += ", ";
        if (v.IsString()) out += v.GetString();
    }
    return out;
}

std::string member_names(const Json& object) {
    std::string out;
    for (const auto& m : object.GetObject()) {
        if (!out.empty()) out += ", ";
        out += m.name.GetString();
    }
    return out;
}

// Turns the validator's failing keyword into "what was expected", reading the schema itself.
using Validator = rapidjson::GenericSchemaValidator<rapidjson::SchemaDocument, rapidjson::Document>;

// The failing value's path, as the locator's steps.
Path failure_path(const Validator& v) {
    Path path;
    const auto& ptr = v.GetInvalidDocumentPointer();
    for (std::size_t i = 0; i < ptr.GetTokenCount(); ++i)
        path.emplace_back(ptr.GetTokens()[i].name, ptr.GetTokens()[i].length);
    return path;
}

std::string describe_schema_failure(const Validator& v) {
    std::string keyword = v.GetInvalidSchemaKeyword();
    rapidjson::StringBuffer sp, dp;
    v.GetInvalidSchemaPointer().StringifyUriFragment(sp);
    v.GetInvalidDocumentPointer().Stringify(dp);
    std::string where = dp.GetSize() ? dp.GetString() : "/";
    std::string schema_ptr = sp.GetString();
    if (!schema_ptr.empty() && schema_ptr[0] == '#') schema_ptr.erase(0, 1);
    const Json* rule = rapidjson::Pointer(schema_ptr.c_str()).Get(schema_json());
    std::string expected;
    if (rule && rule->IsObject()) {
        if (keyword == "required" && rule->HasMember("required"))
            expected = "an object with the members " + join((*rule)["required"]);
        else if (keyword == "additionalProperties" && rule->HasMember("properties"))
            expected = "only the members " + member_names((*rule)["properties"]);
        else if (keyword == "type" && rule->HasMember("type"))
            expected = (*rule)["type"].IsString()
                           ? std::string("a value of type ") + (*rule)["type"].GetString()
                           : "a value of type " + join((*rule)["type"]);
        else if (keyword == "pattern" && schema_ptr.find("date") != std::string::npos)
            expected = "a date written YYYY, YYYY-MM or YYYY-MM-DD";
        else if (keyword == "pattern" && rule->HasMember("pattern"))
            expected = std::string("a string matching ") + (*rule)["pattern"].GetString();
        else if (keyword == "minimum")
            expected = "a non-negative integer";
        else if (keyword == "minLength")
            expected = "a non-empty string";
        else if (keyword == "enum" && rule->HasMember("enum"))
            expected = "profile 1";
        else if (keyword == "anyOf")
            expected =
                "a property value: null, a boolean, a number, a string, a typed value "
                "({\"date\": \"YYYY-MM-DD\"}, {\"datetime\": \"2015-07-21T21:40Z\"}, "
                "{\"duration\": \"P1D\"}, …), or a list of these";
    }
    if (expected.empty())
        expected = fmt::format("a value satisfying the schema rule '{}'", keyword);
    return fmt::format("at {}: expected {}", where, expected);
}

// The native format names its keyed maps: a repeated key there is a repeated id.
std::string strict_message(const detail::JsonProblem& p) {
    if (p.kind != detail::JsonProblem::Kind::DuplicateMember) return p.message;
    if (p.path == Path{"graph", "nodes"}) return fmt::format("duplicate node id '{}'", p.key);
    if (p.path == Path{"graph", "metadata", "liaison", "documents"})
        return fmt::format("duplicate document id '{}'", p.key);
    if (p.path == Path{"graph", "metadata", "liaison", "relations"})
        return fmt::format("duplicate relation type '{}'", p.key);
    if (p.path == Path{"graph", "metadata", "liaison", "indexes"})
        return fmt::format("duplicate index name '{}'", p.key);
    return p.message;
}

class Converter {
public:
    Converter(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    [[noreturn]] void fail_at(std::size_t offset, const std::string& message) const {
        LineColumn lc = line_column_at(text_, offset);
        throw InputError({name_, lc.line, lc.column}, message);
    }
    [[noreturn]] void fail(const Path& path, const std::string& message, int occurrence = 0,
                           bool at_key = false) const {
        std::size_t offset = detail::locate_json_path(text_, path, occurrence, at_key);
        if (offset == std::string::npos) throw InputError({name_, 0, 0}, message);
        fail_at(offset, message);
    }

    PropertyGraph convert(const Json& root) {
        PropertyGraph g;
        const Json& graph = root["graph"];
        if (graph.HasMember("id")) g.graph_id = graph["id"].GetString();
        if (graph.HasMember("label")) g.graph_label = graph["label"].GetString();
        if (graph.HasMember("metadata") && graph["metadata"].HasMember("liaison"))
            read_profile(g, graph["metadata"]["liaison"]);
        read_nodes(g, graph["nodes"]);
        if (graph.HasMember("edges")) read_edges(g, graph["edges"]);
        return g;
    }

private:
    void read_profile(PropertyGraph& g, const Json& meta) {
        if (meta.HasMember("documents")) {
            for (const auto& m : meta["documents"].GetObject()) {
                Document d;
                d.id = m.name.GetString();
                Path path{"graph", "metadata", "liaison", "documents", d.id};
                const Json& v = m.value;
                auto str = [&](const char* key) {
                    return v.HasMember(key) ? std::string(v[key].GetString()) : std::string();
                };
                d.title = str("title");
                d.outlet = str("outlet");
                d.file = str("file");
                d.language = str("language");
                d.url = str("url");
                if (v.HasMember("date")) d.date = date(v["date"], path, "date");
                if (!g.documents().emplace(d.id, d).second)
                    fail(path, fmt::format("duplicate document id '{}'", d.id), 1, true);
            }
        }
        if (meta.HasMember("indexes")) read_indexes(g, meta["indexes"]);
        if (meta.HasMember("relations")) {
            for (const auto& m : meta["relations"].GetObject()) {
                RelationType t;
                t.name = m.name.GetString();
                t.symmetric = m.value["symmetric"].GetBool();
                if (m.value.HasMember("ar")) t.ar = m.value["ar"].GetString();
                if (m.value.HasMember("en")) t.en = m.value["en"].GetString();
                try {
                    g.relations().declare(t);
                } catch (const ArgumentError& e) {
                    fail({"graph", "metadata", "liaison", "relations", t.name}, e.what());
                }
            }
        }
    }

    // The schema has checked the shape; the rules of index_definition.hpp are checked here.
    void read_indexes(PropertyGraph& g, const Json& indexes) {
        for (const auto& m : indexes.GetObject()) {
            IndexDefinition d;
            d.name = m.name.GetString();
            const Json& v = m.value;
            d.relationships = std::string_view(v["entity"].GetString()) == "relationship";
            const char* target = d.relationships ? "type" : "label";
            Path path{"graph", "metadata", "liaison", "indexes", d.name};
            if (!v.HasMember(target) || v.HasMember(d.relationships ? "label" : "type"))
                fail(path, fmt::format("index '{}' on {}s needs '{}' (and not '{}')", d.name,
                                       d.relationships ? "relationship" : "node", target,
                                       d.relationships ? "label" : "type"));
            d.label = v[target].GetString();
            for (const auto& p : v["properties"].GetArray())
                d.properties.emplace_back(p.GetString());
            try {
                add_index(g.indexes, std::move(d));
            } catch (const ArgumentError& e) {
                fail(path, e.what());
            }
        }
    }

    Date date(const Json& v, const Path& path, const char* key) const {
        auto d = Date::parse(v.GetString());
        if (!d) {
            Path p = path;
            p.emplace_back(key);
            fail(p, fmt::format("'{}' is not a calendar date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                                v.GetString()));
        }
        return *d;
    }

    Value value(const Json& v, const Path& path) const {
        if (v.IsNull()) return Value();
        if (v.IsBool()) return Value(v.GetBool());
        if (v.IsInt64()) return Value(v.GetInt64());
        if (v.IsUint64()) fail(path, detail::kIntegerOutOfRange);  // StrictJson refuses first
        if (v.IsDouble()) return Value(v.GetDouble());
        if (v.IsString()) return Value(std::string(v.GetString(), v.GetStringLength()));
        if (v.IsObject()) {  // the schema let one member through, naming the type
            const auto& m = *v.MemberBegin();
            std::string key(m.name.GetString(), m.name.GetStringLength());
            if (key == "date") return Value(date(m.value, path, "date"));
            std::string error;
            auto typed = parse_typed(key, {m.value.GetString(), m.value.GetStringLength()}, error);
            if (!typed) {
                Path p = path;
                p.push_back(key);
                fail(p, error);
            }
            return *typed;
        }
        ValueList list;
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
            Path p = path;
            p.push_back(std::to_string(i));
            list.push_back(value(v[i], p));
        }
        return Value(std::move(list));
    }

    // Properties, time and sources, shared by nodes and edges.
    template <typename Item>
    void read_common(const PropertyGraph& g, const Json& meta, const Path& path, Item& item) {
        if (meta.HasMember("properties")) {
            for (const auto& m : meta["properties"].GetObject()) {
                Path p = path;
                p.insert(p.end(), {"properties", m.name.GetString()});
                item.properties.set(m.name.GetString(), value(m.value, p));
            }
        }
        if (meta.HasMember("date")) item.time.date = date(meta["date"], path, "date");
        if (meta.HasMember("start")) item.time.start = date(meta["start"], path, "start");
        if (meta.HasMember("end")) item.time.end = date(meta["end"], path, "end");
        auto at = [&](const char* key) {
            Path p = path;
            p.emplace_back(key);
            return p;
        };
        if (auto problem = detail::time_problem(item.time))
            fail(at(problem->key), problem->message);
        if (meta.HasMember("sources")) {
            const Json& list = meta["sources"];
            for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
                const Json& src = list[i];
                Source s{src["document"].GetString(), src["quote"].GetString()};
                Path p = path;
                p.insert(p.end(), {"sources", std::to_string(i)});
                if (!g.documents().count(s.document))
                    fail(p, detail::unknown_document_message(s.document));
                if (src.HasMember("start")) s.start = src["start"].GetInt64();
                if (src.HasMember("end")) s.end = src["end"].GetInt64();
                if (auto problem = detail::source_offsets_problem(s)) {
                    p.emplace_back(problem->key);
                    fail(p, problem->message);
                }
                item.sources.push_back(std::move(s));
            }
        }
    }

    void read_nodes(PropertyGraph& g, const Json& nodes) {
        // Duplicate ids were refused while parsing (StrictJson).
        for (const auto& m : nodes.GetObject()) {
            Node n;
            n.id = m.name.GetString();
            Path path{"graph", "nodes", n.id};
            if (!is_node_id(n.id)) fail(path, detail::node_id_message(n.id), 0, true);
            if (m.value.HasMember("metadata")) {
                const Json& meta = m.value["metadata"];
                path.emplace_back("metadata");
                if (meta.HasMember("labels"))
                    for (const auto& l : meta["labels"].GetArray())
                        n.labels.emplace_back(l.GetString());
                if (meta.HasMember("names")) {
                    const Json& names = meta["names"];
                    if (names.HasMember("ar")) n.names.ar = names["ar"].GetString();
                    if (names.HasMember("en")) n.names.en = names["en"].GetString();
                }
                if (meta.HasMember("aliases"))
                    for (const auto& a : meta["aliases"].GetArray())
                        n.names.aliases.emplace_back(a.GetString());
                read_common(g, meta, path, n);
            }
            g.add_node(std::move(n));
        }
    }

    void read_edges(PropertyGraph& g, const Json& edges) {
        for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
            const Json& e = edges[i];
            Path path{"graph", "edges", std::to_string(i)};
            Edge edge;
            if (e.HasMember("id")) edge.id = e["id"].GetString();
            auto endpoint = [&](const char* key) {
                auto n = g.find_id(e[key].GetString());
                if (!n) {
                    Path p = path;
                    p.emplace_back(key);
                    fail(p, fmt::format("edge {} '{}' is not a node of this network", key,
                                        e[key].GetString()));
                }
                return *n;
            };
            edge.source = endpoint("source");
            edge.target = endpoint("target");
            auto type = g.relations().find(e["relation"].GetString());
            if (!type) {
                Path p = path;
                p.emplace_back("relation");
                fail(p,
                     fmt::format("unknown relation type '{}': its direction is not known; declare "
                                 "it in graph.metadata.liaison.relations with \"symmetric\"",
                                 e["relation"].GetString()));
            }
            edge.type = *type;
            if (e.HasMember("metadata")) {
                path.emplace_back("metadata");
                read_common(g, e["metadata"], path, edge);
            }
            g.add_edge(std::move(edge));
        }
    }

    std::string_view text_;
    const std::string& name_;
};

}  // namespace

PropertyGraph detail::parse_graph_json_validated(std::string_view text, const std::string& name) {
    Converter conv(text, name);
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        conv.fail_at(0, "byte order mark; expected UTF-8 text without a BOM");
    if (auto bad = find_invalid_utf8(text))
        conv.fail_at(*bad, fmt::format("invalid UTF-8 (byte 0x{:02X}); expected UTF-8 text",
                                       static_cast<unsigned char>(text[*bad])));
    if (text.find('\0') != std::string_view::npos)
        conv.fail_at(text.find('\0'), "NUL byte; expected JSON text");
    if (auto deep = detail::find_nesting_over(text, kMaxNesting); deep != std::string::npos)
        conv.fail_at(deep, fmt::format("nesting deeper than {} levels; expected a liaison network",
                                       kMaxNesting));

    // Padded, NUL-terminated copy: RapidJSON 1.1.0 can read past the end of a buffer on a
    // truncated UTF-8 sequence (upstream #1636); the text is validated above as well.
    std::string buffer;
    buffer.reserve(text.size() + 8);
    buffer.append(text);
    buffer.append(8, '\0');

    if (auto bad = detail::find_unkept_escape(text)) conv.fail_at(bad->offset, bad->message);

    rapidjson::Document doc;
    Validator validator(schema(), doc);
    rapidjson::Reader reader;
    rapidjson::StringStream stream(buffer.c_str());
    detail::StrictJson<Validator> strict(validator, text, stream);
    auto generate = [&](rapidjson::Document&) {
        return static_cast<bool>(
            reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(
                stream, strict));
    };
    doc.Populate(generate);
    if (const auto& p = strict.problem()) conv.fail_at(p->offset, strict_message(*p));
    if (reader.HasParseError()) {
        std::size_t offset = reader.GetErrorOffset();
        if (!validator.IsValid()) {
            // The document is complete up to the failure, so the failing value can be found.
            Path path = failure_path(validator);
            bool at_key =
                std::string(validator.GetInvalidSchemaKeyword()) == "additionalProperties";
            std::size_t at = detail::locate_json_path(text, path, 0, at_key);
            conv.fail_at(at != std::string::npos ? at : offset, describe_schema_failure(validator));
        }
        std::string what = rapidjson::GetParseError_En(reader.GetParseErrorCode());
        if (offset >= text.size()) what = "unexpected end of file (truncated?): " + what;
        conv.fail_at(offset, "invalid JSON: " + what);
    }
    return conv.convert(doc);
}

PropertyGraph parse_graph_json(std::string_view text, const std::string& name) {
    if (auto g = detail::parse_graph_json_fast(text)) return std::move(*g);
    return detail::parse_graph_json_validated(text, name);
}

PropertyGraph read_graph_file(const std::string& path) {
    if (is_binary_store_path(path)) return binary::BaseImage::open_file(path)->to_graph();
    if (auto g = detail::read_graph_file_fast(path)) return std::move(*g);
    // Read whole for the validated path, which also reports any failure to read.
    return detail::parse_graph_json_validated(read_file(path), path);
}

}  // namespace liaison
