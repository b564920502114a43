// Reading a report spec: JSON parse, schema validation, then the checks a schema cannot express
// (which options a section type takes, dates, windows, parameter values).
#include "liaison/report/spec.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include <fmt/format.h>

#include "io/json_locate.hpp"
#include "io/json_strict.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::report {

namespace detail {
extern const char* const kSpecSchemaText;
}

namespace {

using Json = rapidjson::Value;
using Path = std::vector<std::string>;

constexpr std::array<const char*, 10> kKindNames = {
    "summary",  "rankings", "communities", "events",  "profiles",
    "timeline", "change",   "query",       "diagram", "provenance"};

const rapidjson::Document& schema_json() {
    static const rapidjson::Document doc = [] {
        rapidjson::Document d;
        d.Parse(detail::kSpecSchemaText);
        LIAISON_ASSERT(!d.HasParseError());
        return d;
    }();
    return doc;
}

const rapidjson::SchemaDocument& schema() {
    static const rapidjson::SchemaDocument sd(schema_json());
    return sd;
}

// The options each section type takes besides "type" and "title".
std::vector<std::string_view> allowed_keys(SectionKind k) {
    static const std::vector<std::string_view> projection = {
        "labels", "edge_types",      "from",    "to", "keep_undated", "direction",
        "weight", "weight_property", "fold_via"};
    auto with = [&](std::vector<std::string_view> extra) {
        extra.insert(extra.end(), projection.begin(), projection.end());
        return extra;
    };
    switch (k) {
        case SectionKind::Summary:
            return {};
        case SectionKind::Rankings:
            return with({"measures", "top", "show_labels"});
        case SectionKind::Communities:
            return with(
                {"algorithm", "resolution", "seed", "max_members", "min_size", "show_labels"});
        case SectionKind::Events:
            return {"entities", "meeting_types"};
        case SectionKind::Profiles:
            return {"entities", "limit"};
        case SectionKind::Timeline:
            return {"entities", "labels", "edge_types", "from", "to", "limit"};
        case SectionKind::Change:
            return {"before", "after", "labels", "edge_types", "limit"};
        case SectionKind::Query:
            return {"query", "params", "limit"};
        case SectionKind::Diagram:
            return {"ego",      "hops",       "event",       "from",   "to",
                    "labels",   "edge_types", "max_nodes",   "layout", "size_by",
                    "color_by", "group_by",   "edge_labels", "legend", "caption"};
        case SectionKind::Provenance:
            return {};
    }
    return {};
}

class SpecReader {
public:
    SpecReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    [[noreturn]] void fail(const Path& path, const std::string& message,
                           bool at_key = false) const {
        std::size_t offset = liaison::detail::locate_json_path(text_, path, 0, at_key);
        if (offset == std::string::npos) throw InputError({name_, 0, 0}, message);
        LineColumn lc = line_column_at(text_, offset);
        throw InputError({name_, lc.line, lc.column}, message);
    }

    std::vector<std::string> strings(const Json& v) const {
        std::vector<std::string> out;
        for (const auto& s : v.GetArray()) out.emplace_back(s.GetString(), s.GetStringLength());
        return out;
    }

    // Windows and bounds are read by the one window parser (liaison/analysis/window.hpp); a
    // spec names no network yet, so dates and ranges only. `from` takes its window's start.
    TimeWindow window(const Json& v, const Path& path) const {
        try {
            return analysis::window_from_bounds(v.GetString(), v.GetString(), path.back(),
                                                path.back());
        } catch (const ArgumentError& e) {
            fail(path, e.what());
        }
    }

    // A measure or algorithm name, checked against the analysis registry.
    void algorithm(analysis::AlgorithmKind kind, const Json& v, const Path& path) const {
        try {
            analysis::find_algorithm(kind, v.GetString(), path.back());
        } catch (const ArgumentError& e) {
            fail(path, e.what());
        }
    }

    Value param_value(const Json& v, const Path& path) const {
        if (v.IsNull()) return Value();
        if (v.IsBool()) return Value(v.GetBool());
        if (v.IsInt64()) return Value(static_cast<std::int64_t>(v.GetInt64()));
        if (v.IsNumber()) return Value(v.GetDouble());
        if (v.IsString()) return Value(std::string(v.GetString(), v.GetStringLength()));
        if (v.IsArray()) {
            ValueList list;
            std::size_t i = 0;
            for (const auto& item : v.GetArray()) {
                Path p = path;
                p.push_back(std::to_string(i++));
                list.push_back(param_value(item, p));
            }
            return Value(std::move(list));
        }
        fail(path, "expected a parameter value: null, a boolean, a number, a string or a list");
    }

    SectionSpec section(const Json& obj, std::size_t index) const {
        Path at = {"sections", std::to_string(index)};
        auto key_path = [&](const char* key) {
            Path p = at;
            p.emplace_back(key);
            return p;
        };
        SectionSpec s;
        s.position = index;
        s.kind = *parse_section_kind(obj["type"].GetString());
        // Options that belong to another section type are mistakes worth naming.
        auto allowed = allowed_keys(s.kind);
        for (const auto& m : obj.GetObject()) {
            std::string_view key(m.name.GetString(), m.name.GetStringLength());
            if (key == "type" || key == "title") continue;
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string list;
                for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(key_path(m.name.GetString()),
                     fmt::format("option '{}' does not apply to a {} section (it takes: {})", key,
                                 section_kind_name(s.kind), list.empty() ? "no options" : list),
                     true);
            }
        }
        auto has = [&](const char* k) { return obj.HasMember(k); };
        if (has("title")) s.title = obj["title"].GetString();
        ProjectionSpec& p = s.projection;
        if (has("labels")) p.labels = strings(obj["labels"]);
        if (has("edge_types")) p.edge_types = strings(obj["edge_types"]);
        if (has("from")) p.window.from = window(obj["from"], key_path("from")).from;
        if (has("to")) p.window.to = window(obj["to"], key_path("to")).to;
        if (p.window.from && p.window.to && p.window.to->last_day() < p.window.from->first_day())
            fail(key_path("to"), "the window ends before it starts ('to' is before 'from')");
        if (has("keep_undated")) p.keep_undated = obj["keep_undated"].GetBool();
        if (has("direction")) p.direction = obj["direction"].GetString();
        if (has("weight")) p.weight = obj["weight"].GetString();
        if (has("weight_property")) p.weight_property = obj["weight_property"].GetString();
        if (has("fold_via")) p.fold_via = obj["fold_via"].GetString();
        if (p.weight == "property" && p.weight_property.empty())
            fail(key_path("weight"), "weight \"property\" needs \"weight_property\" (its name)");
        if (!p.weight_property.empty() && p.weight != "property")
            fail(key_path("weight_property"), "\"weight_property\" needs \"weight\": \"property\"");
        if (!p.fold_via.empty() && p.direction != "undirected")
            fail(key_path("fold_via"), "a fold (\"fold_via\") is undirected; remove \"direction\"");

        if (has("measures")) {
            s.measures = strings(obj["measures"]);
            for (std::size_t i = 0; i < s.measures.size(); ++i) {
                Path mp = key_path("measures");
                mp.push_back(std::to_string(i));
                algorithm(analysis::AlgorithmKind::Measure,
                          obj["measures"][static_cast<rapidjson::SizeType>(i)], mp);
            }
        }
        if (has("top")) s.top = obj["top"].GetUint64();
        if (has("show_labels")) s.show_labels = strings(obj["show_labels"]);
        if (has("algorithm")) {
            algorithm(analysis::AlgorithmKind::Communities, obj["algorithm"],
                      key_path("algorithm"));
            s.algorithm = analysis::find_algorithm(analysis::AlgorithmKind::Communities,
                                                   obj["algorithm"].GetString())
                              .name;
        }
        if (has("resolution")) s.resolution = obj["resolution"].GetDouble();
        if (has("seed")) s.seed = obj["seed"].GetUint64();
        if (has("max_members")) s.max_members = obj["max_members"].GetUint64();
        if (has("min_size")) s.min_size = obj["min_size"].GetUint64();
        if (has("entities")) s.entities = strings(obj["entities"]);
        if (has("meeting_types")) s.meeting_types = strings(obj["meeting_types"]);
        if (has("before")) s.before = window(obj["before"], key_path("before"));
        if (has("after")) s.after = window(obj["after"], key_path("after"));
        if (s.before.has_value() != s.after.has_value())
            fail(at, "a change section needs both \"before\" and \"after\" (or neither)");
        if (has("limit")) s.limit = obj["limit"].GetUint64();
        if (has("query")) s.query = obj["query"].GetString();
        if (s.kind == SectionKind::Query && s.query.empty())
            fail(at, "a query section needs \"query\" (the statement to run)");
        if (has("params")) {
            for (const auto& m : obj["params"].GetObject()) {
                Path pp = key_path("params");
                pp.emplace_back(m.name.GetString());
                s.params.emplace_back(m.name.GetString(), param_value(m.value, pp));
            }
            std::sort(s.params.begin(), s.params.end(),
                      [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        if (has("ego")) s.ego = obj["ego"].GetString();
        if (has("hops")) s.hops = obj["hops"].GetInt();
        if (has("event")) s.event = obj["event"].GetString();
        if (!s.ego.empty() && !s.event.empty())
            fail(key_path("event"), "a diagram shows an ego network or an event, not both");
        if (has("max_nodes")) s.max_nodes = obj["max_nodes"].GetUint64();
        if (has("layout")) s.layout = obj["layout"].GetString();
        if (has("size_by")) {
            algorithm(analysis::AlgorithmKind::Measure, obj["size_by"], key_path("size_by"));
            s.size_by = obj["size_by"].GetString();
        }
        if (has("color_by")) s.color_by = obj["color_by"].GetString();
        if (has("group_by")) s.group_by = obj["group_by"].GetString();
        if (has("edge_labels")) s.edge_labels = obj["edge_labels"].GetBool();
        if (has("legend")) s.legend = obj["legend"].GetBool();
        if (has("caption")) s.caption = obj["caption"].GetString();
        return s;
    }

private:
    std::string_view text_;
    const std::string& name_;
};

using Validator = rapidjson::GenericSchemaValidator<rapidjson::SchemaDocument, rapidjson::Document>;

// "expected …" for the schema keyword that failed, reading the rule from the schema itself.
std::string describe_failure(const Validator& v) {
    std::string keyword = v.GetInvalidSchemaKeyword();
    rapidjson::StringBuffer sp;
    v.GetInvalidSchemaPointer().StringifyUriFragment(sp);
    std::string schema_ptr = sp.GetString();
    if (!schema_ptr.empty() && schema_ptr[0] == '#') schema_ptr.erase(0, 1);
    const Json* rule = rapidjson::Pointer(schema_ptr.c_str()).Get(schema_json());
    auto join = [](const Json& array) {
        std::string out;
        for (const auto& x : array.GetArray()) {
            if (!out.empty()) out += ", ";
            out += x.IsString() ? x.GetString() : "?";
        }
        return out;
    };
    if (rule && rule->IsObject()) {
        if (keyword == "required" && rule->HasMember("required"))
            return "expected an object with the members " + join((*rule)["required"]);
        if (keyword == "additionalProperties" && rule->HasMember("properties")) {
            std::string names;
            for (const auto& m : (*rule)["properties"].GetObject())
                names += (names.empty() ? "" : ", ") + std::string(m.name.GetString());
            return "unknown member; expected only " + names;
        }
        if (keyword == "type" && rule->HasMember("type") && (*rule)["type"].IsString())
            return std::string("expected a value of type ") + (*rule)["type"].GetString();
        if (keyword == "enum" && rule->HasMember("enum"))
            return "expected one of " + join((*rule)["enum"]);
        if (keyword == "pattern" && schema_ptr.find("date") != std::string::npos)
            return "expected a date written YYYY, YYYY-MM or YYYY-MM-DD";
        if (keyword == "minLength") return "expected a non-empty string";
        if (keyword == "minItems") return "expected a non-empty list";
        if (keyword == "minimum" && rule->HasMember("minimum"))
            return fmt::format("expected a number >= {}", (*rule)["minimum"].GetDouble());
        if (keyword == "maximum" && rule->HasMember("maximum"))
            return fmt::format("expected a number <= {}", (*rule)["maximum"].GetDouble());
    }
    return fmt::format("expected a value satisfying the schema rule '{}'", keyword);
}

}  // namespace

const char* section_kind_name(SectionKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::optional<SectionKind> parse_section_kind(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (name == kKindNames[i]) return static_cast<SectionKind>(i);
    return std::nullopt;
}

ReportSpec parse_spec(std::string_view text, const std::string& name, const std::string& base_dir) {
    if (auto bad = find_invalid_utf8(text)) {
        LineColumn lc = line_column_at(text, *bad);
        throw InputError({name, lc.line, lc.column}, "invalid UTF-8");
    }
    if (std::size_t deep = liaison::detail::find_nesting_over(text, 32);
        deep != std::string::npos) {
        LineColumn lc = line_column_at(text, deep);
        throw InputError({name, lc.line, lc.column}, "nested too deeply (more than 32 levels)");
    }
    rapidjson::Document doc;
    if (auto bad = liaison::detail::parse_strict<rapidjson::kParseStopWhenDoneFlag>(text, doc)) {
        LineColumn lc = line_column_at(text, bad->offset);
        throw InputError({name, lc.line, lc.column}, bad->message);
    }
    if (doc.HasParseError()) {
        LineColumn lc = line_column_at(text, doc.GetErrorOffset());
        throw InputError(
            {name, lc.line, lc.column},
            std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    SpecReader reader(text, name);
    Validator validator(schema());
    if (!doc.Accept(validator)) {
        Path path;
        const auto& ptr = validator.GetInvalidDocumentPointer();
        for (std::size_t i = 0; i < ptr.GetTokenCount(); ++i)
            path.emplace_back(ptr.GetTokens()[i].name, ptr.GetTokens()[i].length);
        rapidjson::StringBuffer dp;
        ptr.Stringify(dp);
        reader.fail(path, fmt::format("at {}: {}", dp.GetSize() ? dp.GetString() : "/",
                                      describe_failure(validator)));
    }
    ReportSpec spec;
    spec.source_name = name;
    spec.source_text = std::string(text);
    if (doc.HasMember("title")) spec.title = doc["title"].GetString();
    if (doc.HasMember("seed")) spec.seed = doc["seed"].GetUint64();
    for (const auto& in : doc["inputs"].GetArray()) {
        std::filesystem::path p(in.GetString());
        spec.input_names.push_back(p.filename().string());
        spec.inputs.push_back(
            p.is_absolute() || base_dir.empty()
                ? p.string()
                : (std::filesystem::path(base_dir) / p).lexically_normal().string());
    }
    std::size_t index = 0;
    for (const auto& s : doc["sections"].GetArray())
        spec.sections.push_back(reader.section(s, index++));
    return spec;
}

ReportSpec read_spec_file(const std::string& path) {
    std::string text = read_file(path);
    return parse_spec(text, path, std::filesystem::path(path).parent_path().string());
}

ReportSpec default_spec(const std::string& input) {
    ReportSpec spec;
    spec.inputs = {input};
    spec.input_names = {std::filesystem::path(input).filename().string()};
    auto add = [&](SectionKind k) -> SectionSpec& {
        SectionSpec s;
        s.kind = k;
        s.position = spec.sections.size();
        spec.sections.push_back(std::move(s));
        return spec.sections.back();
    };
    add(SectionKind::Summary);
    add(SectionKind::Rankings);
    add(SectionKind::Communities);
    add(SectionKind::Events);
    add(SectionKind::Profiles);
    add(SectionKind::Change);
    SectionSpec& diagram = add(SectionKind::Diagram);
    diagram.color_by = "community";
    add(SectionKind::Timeline);
    add(SectionKind::Provenance);
    return spec;
}

}  // namespace liaison::report
