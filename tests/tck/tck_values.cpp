#include "tck_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace liaison::tck {

namespace {

struct TV {
    enum class Kind { Scalar, List, Map, Node, Rel, Path } kind = Kind::Scalar;
    std::string scalar;                              // Scalar: canonical text
    std::vector<TV> items;                           // List; Path: node, rel, node, ...
    std::vector<std::pair<std::string, TV>> fields;  // Map; Node / Rel properties
    std::vector<std::string> labels;                 // Node labels; Rel: {type}
    std::vector<bool> forward;                       // Path: direction of each relationship
};

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string render(const TV& v, bool sort_lists) {
    auto props = [&](const std::vector<std::pair<std::string, TV>>& f) {
        std::vector<std::pair<std::string, std::string>> kv;
        for (const auto& [k, x] : f) kv.emplace_back(k, render(x, sort_lists));
        std::sort(kv.begin(), kv.end());
        std::string out = "{";
        for (std::size_t i = 0; i < kv.size(); ++i)
            out += (i ? ", " : "") + kv[i].first + ": " + kv[i].second;
        return out + "}";
    };
    switch (v.kind) {
        case TV::Kind::Scalar:
            return v.scalar;
        case TV::Kind::List: {
            std::vector<std::string> parts;
            for (const auto& x : v.items) parts.push_back(render(x, sort_lists));
            if (sort_lists) std::sort(parts.begin(), parts.end());
            std::string out = "[";
            for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
            return out + "]";
        }
        case TV::Kind::Map:
            return props(v.fields);
        case TV::Kind::Node: {
            std::vector<std::string> labels = v.labels;
            std::sort(labels.begin(), labels.end());
            std::string out = "(";
            for (const auto& l : labels) out += ":" + l;
            return out + " " + props(v.fields) + ")";
        }
        case TV::Kind::Rel:
            return "[:" + v.labels.at(0) + " " + props(v.fields) + "]";
        case TV::Kind::Path: {
            std::string out = "<";
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i % 2 == 0) {
                    out += render(v.items[i], sort_lists);
                } else {
                    bool fwd = v.forward[i / 2];
                    out += (fwd ? "-" : "<-") + render(v.items[i], sort_lists) + (fwd ? "->" : "-");
                }
            }
            return out + ">";
        }
    }
    return "?";
}

// Results compare as Cypher's `=` does, where -0.0 equals 0.0.
std::string float_text(double d) { return query::format_float(d == 0.0 ? 0.0 : d); }

class Reader {
public:
    explicit Reader(const std::string& s) : s_(s) {}

    TV value() {
        skip();
        if (i_ >= s_.size()) fail("a value");
        char c = s_[i_];
        if (c == '\'' || c == '"') return scalar(quote(string_lit()));
        if (c == '[') {
            if (peek_at(1) == ':') return rel();
            ++i_;
            TV l;
            l.kind = TV::Kind::List;
            skip();
            if (peek_at(0) == ']') {
                ++i_;
                return l;
            }
            for (;;) {
                l.items.push_back(value());
                skip();
                if (peek_at(0) == ',') {
                    ++i_;
                    continue;
                }
                expect(']');
                return l;
            }
        }
        if (c == '{') {
            TV m;
            m.kind = TV::Kind::Map;
            m.fields = map_fields();
            return m;
        }
        if (c == '(') return node();
        if (c == '<') return path();
        return atom();
    }

    void done() {
        skip();
        if (i_ != s_.size()) fail("the end of the value");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("expected " + what + " at offset " + std::to_string(i_) +
                                 " in: " + s_);
    }
    char peek_at(std::size_t k) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n')) ++i_;
    }
    void expect(char c) {
        skip();
        if (peek_at(0) != c) fail(std::string("'") + c + "'");
        ++i_;
    }
    static TV scalar(std::string text) {
        TV v;
        v.scalar = std::move(text);
        return v;
    }

    std::string string_lit() {
        char q = s_[i_++];
        std::string out;
        while (i_ < s_.size() && s_[i_] != q) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                char e = s_[i_ + 1];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                i_ += 2;
            } else {
                out += s_[i_++];
            }
        }
        if (i_ >= s_.size()) fail("the end of a string");
        ++i_;
        return out;
    }

    std::string name() {
        skip();
        if (peek_at(0) == '`') {
            ++i_;
            std::string out;
            while (i_ < s_.size() && s_[i_] != '`') out += s_[i_++];
            ++i_;
            return out;
        }
        std::size_t a = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) ||
                                  s_[i_] == '_' || static_cast<unsigned char>(s_[i_]) >= 0x80))
            ++i_;
        if (a == i_) fail("a name");
        return s_.substr(a, i_ - a);
    }

    std::vector<std::pair<std::string, TV>> map_fields() {
        expect('{');
        std::vector<std::pair<std::string, TV>> out;
        skip();
        if (peek_at(0) == '}') {
            ++i_;
            return out;
        }
        for (;;) {
            std::string k = name();
            expect(':');
            out.emplace_back(k, value());
            skip();
            if (peek_at(0) == ',') {
                ++i_;
                continue;
            }
            expect('}');
            return out;
        }
    }

    TV node() {
        expect('(');
        TV n;
        n.kind = TV::Kind::Node;
        skip();
        while (peek_at(0) == ':') {
            ++i_;
            n.labels.push_back(name());
            skip();
        }
        if (peek_at(0) == '{') n.fields = map_fields();
        expect(')');
        return n;
    }

    TV rel() {
        expect('[');
        expect(':');
        TV r;
        r.kind = TV::Kind::Rel;
        r.labels.push_back(name());
        skip();
        if (peek_at(0) == '{') r.fields = map_fields();
        expect(']');
        return r;
    }

    TV path() {
        expect('<');
        TV p;
        p.kind = TV::Kind::Path;
        p.items.push_back(node());
        for (;;) {
            skip();
            if (peek_at(0) == '>') {
                ++i_;
                return p;
            }
            bool back = false;
            if (peek_at(0) == '<') back = true, ++i_;
            expect('-');
            p.items.push_back(rel());
            expect('-');
            bool fwd = false;
            if (peek_at(0) == '>') fwd = true, ++i_;
            if (fwd == back) fail("a relationship direction");
            p.forward.push_back(fwd);
            p.items.push_back(node());
        }
    }

    TV atom() {
        std::size_t a = i_;
        while (i_ < s_.size() && !std::strchr(",]}) \t", s_[i_])) ++i_;
        std::string t = s_.substr(a, i_ - a);
        if (t == "null" || t == "true" || t == "false") return scalar(t);
        if (t == "NaN") return scalar("NaN");
        if (t == "Inf" || t == "Infinity") return scalar("Infinity");
        if (t == "-Inf" || t == "-Infinity") return scalar("-Infinity");
        bool is_float = t.find_first_of(".eE") != std::string::npos;
        try {
            std::size_t used = 0;
            if (!is_float) {
                long long v = std::stoll(t, &used);
                if (used == t.size()) return scalar(std::to_string(v));
            } else {
                double d = std::stod(t, &used);
                if (used == t.size()) return scalar(float_text(d));
            }
        } catch (const std::exception&) {
        }
        fail("a literal");
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

TV from_actual(const query::QueryResult& r, const query::Value& v) {
    using K = query::Value::Kind;
    TV out;
    switch (v.kind()) {
        case K::Null:
            out.scalar = "null";
            break;
        case K::Bool:
            out.scalar = v.as_bool() ? "true" : "false";
            break;
        case K::Int:
            out.scalar = std::to_string(v.as_int());
            break;
        case K::Float:
            out.scalar = float_text(v.as_float());
            break;
        case K::String:
            out.scalar = quote(v.as_string());
            break;
        case K::Date:
            out.scalar = quote(v.as_date().to_string());
            break;
        case K::Temporal:
            out.scalar = quote(to_string(v.as_temporal()));
            break;
        case K::Duration:
            out.scalar = quote(to_string(v.as_duration()));
            break;
        case K::List:
            out.kind = TV::Kind::List;
            for (const auto& x : v.as_list()) out.items.push_back(from_actual(r, x));
            break;
        case K::Map:
            out.kind = TV::Kind::Map;
            for (const auto& [k, x] : v.as_map()) out.fields.emplace_back(k, from_actual(r, x));
            break;
        case K::Node: {
            out.kind = TV::Kind::Node;
            auto it = r.nodes.find(v.as_node().index);
            if (it != r.nodes.end()) {
                out.labels = it->second.labels;
                for (const auto& [k, x] : it->second.properties)
                    out.fields.emplace_back(k, from_actual(r, x));
            }
            break;
        }
        case K::Relationship: {
            out.kind = TV::Kind::Rel;
            auto it = r.rels.find(v.as_rel().index);
            out.labels.push_back(it != r.rels.end() ? it->second.type : "?");
            if (it != r.rels.end())
                for (const auto& [k, x] : it->second.properties)
                    out.fields.emplace_back(k, from_actual(r, x));
            break;
        }
        case K::Path: {
            out.kind = TV::Kind::Path;
            const auto& p = v.as_path();
            out.items.push_back(from_actual(r, query::NodeRef{p.nodes[0]}));
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                auto it = r.rels.find(p.rels[i]);
                out.forward.push_back(it == r.rels.end() || it->second.source == p.nodes[i]);
                out.items.push_back(from_actual(r, query::RelRef{p.rels[i]}));
                out.items.push_back(from_actual(r, query::NodeRef{p.nodes[i + 1]}));
            }
            break;
        }
    }
    return out;
}

}  // namespace

std::string canonical_expected(const std::string& text, bool sort_lists) {
    Reader r(text);
    TV v = r.value();
    r.done();
    return render(v, sort_lists);
}

std::string canonical_actual(const query::QueryResult& result, const query::Value& v,
                             bool sort_lists) {
    return render(from_actual(result, v), sort_lists);
}

}  // namespace liaison::tck
