// The optional style file: a JSON object whose keys override parts of a Style.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fmt/format.h>

#include "liaison/render/style.hpp"

namespace liaison::render {

namespace {

using Json = rapidjson::Value;

class StyleReader {
public:
    explicit StyleReader(const std::string& name) : name_(name) {}

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        throw InputError(TextPosition{name_, 0, 0}, fmt::format("style key '{}': {}", key, what));
    }

    std::string string(const Json& v, const std::string& key) const {
        if (!v.IsString()) fail(key, "expected a string");
        std::string s(v.GetString(), v.GetStringLength());
        if (s.empty()) fail(key, "expected a non-empty string");
        return s;
    }

    double number(const Json& v, const std::string& key, double lo, double hi) const {
        if (!v.IsNumber()) fail(key, "expected a number");
        double d = v.GetDouble();
        if (d < lo || d > hi) fail(key, fmt::format("expected a number in [{}, {}]", lo, hi));
        return d;
    }

    const Json& object(const Json& v, const std::string& key) const {
        if (!v.IsObject()) fail(key, "expected an object");
        return v;
    }

    void node_style(const Json& v, const std::string& key, NodeStyle& out) const {
        for (const auto& m : object(v, key).GetObject()) {
            std::string field = m.name.GetString();
            std::string path = key + "." + field;
            if (field == "shape")
                out.shape = string(m.value, path);
            else if (field == "fill")
                out.fill = string(m.value, path);
            else if (field == "border")
                out.border = string(m.value, path);
            else if (field == "glyph") {
                if (!m.value.IsString()) fail(path, "expected a string");
                out.glyph = m.value.GetString();  // may be empty: no glyph
            } else
                fail(path, "unknown key (expected shape, fill, border or glyph)");
        }
    }

    void edge_style(const Json& v, const std::string& key, EdgeStyle& out) const {
        for (const auto& m : object(v, key).GetObject()) {
            std::string field = m.name.GetString();
            std::string path = key + "." + field;
            if (field == "color")
                out.color = string(m.value, path);
            else if (field == "line") {
                out.line = string(m.value, path);
                if (!is_line_style(out.line)) fail(path, "expected solid, dashed, dotted or bold");
            } else if (field == "width")
                out.width = number(m.value, path, 0.1, 20.0);
            else
                fail(path, "unknown key (expected color, line or width)");
        }
    }

private:
    std::string name_;
};

}  // namespace

Style apply_style_json(Style base, std::string_view json_text, const std::string& name) {
    rapidjson::Document doc;
    doc.Parse(json_text.data(), json_text.size());
    if (doc.HasParseError())
        throw InputError(TextPosition{name, 0, 0},
                         fmt::format("invalid JSON at byte {}: {}", doc.GetErrorOffset(),
                                     rapidjson::GetParseError_En(doc.GetParseError())));
    StyleReader r(name);
    if (!doc.IsObject()) r.fail("(root)", "expected an object");
    for (const auto& m : doc.GetObject()) {
        std::string key = m.name.GetString();
        const Json& v = m.value;
        if (key == "font")
            base.font = r.string(v, key);
        else if (key == "background")
            base.background = r.string(v, key);
        else if (key == "min_font")
            base.min_font = r.number(v, key, 4, 96);
        else if (key == "max_font")
            base.max_font = r.number(v, key, 4, 96);
        else if (key == "edge_font")
            base.edge_font = r.number(v, key, 4, 96);
        else if (key == "title_font")
            base.title_font = r.number(v, key, 4, 96);
        else if (key == "palette") {
            if (!v.IsArray() || v.Empty()) r.fail(key, "expected a non-empty array of colours");
            base.palette.clear();
            for (const auto& c : v.GetArray()) base.palette.push_back(r.string(c, key));
        } else if (key == "nodes") {
            for (const auto& n : r.object(v, key).GetObject()) {
                std::string label = n.name.GetString();
                NodeStyle& target = label == "*" ? base.other_node : base.labels[label];
                r.node_style(n.value, "nodes." + label, target);
            }
        } else if (key == "edges") {
            for (const auto& e : r.object(v, key).GetObject()) {
                std::string type = e.name.GetString();
                EdgeStyle& target = type == "*" ? base.other_edge : base.relations[type];
                r.edge_style(e.value, "edges." + type, target);
            }
        } else {
            r.fail(key, "unknown key");
        }
    }
    if (base.min_font > base.max_font) r.fail("min_font", "must not exceed max_font");
    return base;
}

}  // namespace liaison::render
