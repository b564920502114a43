#include "interchange/assemble.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace liaison {

namespace {

bool has_arabic(std::string_view s) {
    // U+0600..U+06FF are encoded with lead bytes D8..DB.
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b >= 0xD8 && b <= 0xDB;
    });
}

bool is_label(std::string_view s) {
    if (s.empty()) return false;
    auto alpha = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (!alpha(s[0])) return false;
    return std::all_of(s.begin(), s.end(),
                       [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == s.npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Labels and aliases arrive as lists, or as text joined by ';' (and ':' for Neo4j labels).
std::vector<std::string> split_list(const Value& v, std::string_view separators) {
    std::vector<std::string> out;
    if (v.kind() == Value::Kind::List) {
        for (const Value& item : v.as_list()) out.push_back(trim(item.to_display()));
    } else if (!v.is_null()) {
        std::string text = v.to_display();
        std::size_t start = 0;
        for (;;) {
            std::size_t at = text.find_first_of(separators, start);
            out.push_back(trim(std::string_view(text).substr(start, at - start)));
            if (at == text.npos) break;
            start = at + 1;
        }
    }
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
}

std::optional<Date> date_of(const Value& v, std::string_view key, std::string& error) {
    if (v.kind() == Value::Kind::Date) return v.as_date();
    std::string text = trim(v.to_display());
    if (auto d = Date::parse(text)) return d;
    error = fmt::format("{}: '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", key, text);
    return std::nullopt;
}

bool as_flag(const Value& v, bool& out) {
    if (v.kind() == Value::Kind::Bool) {
        out = v.as_bool();
        return true;
    }
    std::string t = v.to_display();
    if (t == "true" || t == "True" || t == "1")
        out = true;
    else if (t == "false" || t == "False" || t == "0")
        out = false;
    else
        return false;
    return true;
}

// Attributes every element shares: time and sources. True when the key was one of them.
bool apply_common(TimeSpan& time, Sources& sources, std::string_view key, const Value& v,
                  std::string& error) {
    if (key == "date" || key == "start" || key == "end") {
        auto d = date_of(v, key, error);
        (key == "date" ? time.date : key == "start" ? time.start : time.end) = d;
        return true;
    }
    if (key == "time") {  // GEXF: "DATE" or "START/END" (either side may be empty)
        std::string text = trim(v.to_display());
        std::size_t slash = text.find('/');
        std::string err;
        if (slash == text.npos) {
            time.date = date_of(Value(text), key, error);
        } else {
            std::string a = text.substr(0, slash), b = text.substr(slash + 1);
            if (!a.empty()) time.start = date_of(Value(a), key, error);
            if (!b.empty()) time.end = date_of(Value(b), key, error);
        }
        return true;
    }
    if (key == "sources") {
        if (auto s = flat::parse_sources_json(v.to_display(), error)) sources = std::move(*s);
        return true;
    }
    return false;
}

std::string check_time(const TimeSpan& t) {
    if (t.date && (t.start || t.end)) return "date cannot be given together with start/end";
    if (t.start && t.end && t.end->last_day() < t.start->first_day())
        return fmt::format("end {} is before start {}", t.end->to_string(), t.start->to_string());
    return {};
}

}  // namespace

std::string slugify(std::string_view text) {
    std::string out;
    for (char c : text) {
        char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_';
        if (keep)
            out += l;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    while (!out.empty() && !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= '0' && out[0] <= '9')))
        out.erase(0, 1);
    return out;
}

std::string GraphAssembler::slug_for(const std::string& original) {
    std::string base = slugify(original);
    if (base.empty()) base = "n-" + std::to_string(++renamed_);
    std::string id = base;
    for (int k = 2; g_.find_id(id); ++k) id = fmt::format("{}-{}", base, k);
    return id;
}

void GraphAssembler::add_node(ImportedNode in) {
    if (by_original_.count(in.id)) {
        log_.report(in.where, fmt::format("duplicate node id '{}'", in.id));
        return;
    }
    Node n;
    std::string fallback_name;
    bool ok = true;
    // A "labels" attribute, even empty, is liaison's own export: its nodes come back as they
    // were (labels and names are optional), not with the defaults for foreign input.
    bool as_exported = false;
    for (auto& [key, v] : in.attributes) {
        std::string error;
        if (key == "labels") {
            as_exported = true;
            n.labels = split_list(v, ";:");
            for (const auto& l : n.labels)
                if (!is_label(l))
                    error = fmt::format("label '{}' is not a word of letters, digits and _", l);
        } else if (key == "name_ar") {
            n.names.ar = trim(v.to_display());
        } else if (key == "name_en") {
            n.names.en = trim(v.to_display());
        } else if (key == "aliases") {
            n.names.aliases = split_list(v, ";");
        } else if (key == "label" || key == "name") {
            if (fallback_name.empty()) fallback_name = trim(v.to_display());
        } else if (key == "id") {
            continue;
        } else if (!apply_common(n.time, n.sources, key, v, error)) {
            if (auto p = flat::property_of(key, false)) n.properties.set(*p, std::move(v));
        }
        if (!error.empty()) {
            log_.report(in.where, fmt::format("node '{}': {}", in.id, error));
            ok = false;
        }
    }
    if (std::string e = check_time(n.time); !e.empty()) {
        log_.report(in.where, fmt::format("node '{}': {}", in.id, e));
        ok = false;
    }
    if (!ok) return;
    if (in.id.empty()) {
        log_.report(in.where, "node without an id");
        return;
    }
    if (n.labels.empty() && !as_exported) n.labels.push_back("Entity");
    // (Cytoscape's "name" is the display name, the id for a node without names.)
    const bool named_by_attribute = !fallback_name.empty() && fallback_name != in.id;
    if (n.names.ar.empty() && n.names.en.empty() && (!as_exported || named_by_attribute)) {
        std::string name = fallback_name.empty() ? in.id : fallback_name;
        (has_arabic(name) ? n.names.ar : n.names.en) = name;
    }
    if (is_node_id(in.id) && !g_.find_id(in.id)) {
        n.id = in.id;
    } else {
        n.id = slug_for(in.id);
        n.properties.set("original_id", Value(in.id));
        notes_.push_back(fmt::format("{}: node id '{}' is not a slug; imported as '{}'",
                                     in.where.to_string(), in.id, n.id));
    }
    declare_documents(n.sources);
    by_original_[in.id] = g_.add_node(std::move(n));
}

void GraphAssembler::add_edge(ImportedEdge edge) { edges_.push_back(std::move(edge)); }

std::optional<NodeIndex> GraphAssembler::endpoint(const std::string& id,
                                                  const TextPosition& where) {
    if (auto it = by_original_.find(id); it != by_original_.end()) return it->second;
    if (!create_missing_) {
        log_.report(where, fmt::format("edge refers to unknown node '{}'", id));
        return std::nullopt;
    }
    add_node({id, where, {}});
    auto it = by_original_.find(id);
    return it == by_original_.end() ? std::nullopt : std::optional<NodeIndex>(it->second);
}

void GraphAssembler::declare_documents(const Sources& sources) {
    for (const Source& s : sources) {
        if (g_.documents().count(s.document)) continue;
        Document d;
        d.id = s.document;
        g_.documents()[d.id] = d;
        notes_.push_back(
            fmt::format("document '{}' is cited but not described; declared with "
                        "its id only",
                        s.document));
    }
}

PropertyGraph GraphAssembler::finish() {
    for (ImportedEdge& in : edges_) {
        Edge e;
        e.id = in.id;
        std::string type, foreign_type;
        std::optional<bool> symmetric;
        bool ok = true;
        for (auto& [key, v] : in.attributes) {
            std::string error;
            if (key == "type" || key == "relation") {
                type = trim(v.to_display());
            } else if (key == "label") {
                foreign_type = trim(v.to_display());
            } else if (key == "symmetric") {
                bool flag = false;
                if (as_flag(v, flag))
                    symmetric = flag;
                else
                    error = fmt::format("symmetric: '{}' is not true or false", v.to_display());
            } else if (key == "id" || key == "key" || key == "source" || key == "target") {
                continue;
            } else if (!apply_common(e.time, e.sources, key, v, error)) {
                if (auto p = flat::property_of(key, true)) e.properties.set(*p, std::move(v));
            }
            if (!error.empty()) {
                log_.report(in.where, error);
                ok = false;
            }
        }
        if (type.empty()) type = foreign_type.empty() ? "LINKED_TO" : foreign_type;
        if (std::string err = check_time(e.time); !err.empty()) {
            log_.report(in.where, err);
            ok = false;
        }
        auto s = endpoint(in.source, in.where);
        auto t = endpoint(in.target, in.where);
        if (!ok || !s || !t) continue;
        e.source = *s;
        e.target = *t;
        try {
            if (auto known = g_.relations().find(type)) {
                if (symmetric && *symmetric != g_.relations().get(*known).symmetric)
                    throw ArgumentError(fmt::format("relation type '{}' is {}", type,
                                                    *symmetric ? "directed" : "symmetric"));
                e.type = *known;
            } else {
                e.type = g_.relations().declare({type, symmetric.value_or(!directed_), "", ""});
            }
        } catch (const ArgumentError& err) {
            log_.report(in.where, err.what());
            continue;
        }
        declare_documents(e.sources);
        g_.add_edge(std::move(e));
    }
    edges_.clear();
    log_.finish();
    return std::move(g_);
}

}  // namespace liaison
