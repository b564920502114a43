#include "liaison/extract/review.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "io/json_locate.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::extract {

namespace {

constexpr const char* kReview = "review";

std::string text_of(const Properties& p, std::string_view key) {
    const Value* v = p.get(key);
    if (!v || v->is_null()) return {};
    return v->kind() == Value::Kind::Float ? fmt::format("{:.2f}", v->as_float()) : v->to_display();
}

std::string end_name(const PropertyGraph& g, NodeIndex n) {
    const Node& node = g.node(n);
    std::string name = node.names.ar.empty() ? node.names.en : node.names.ar;
    return name.empty() ? node.id : name;
}

std::string first_quote(const Sources& sources) {
    return sources.empty() ? std::string() : sources.front().quote;
}

// Decodes one code point's length from its lead byte (the text is valid UTF-8).
std::size_t sequence_length(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

bool ends_sentence(std::string_view text, std::size_t at, std::size_t len) {
    std::string_view c = text.substr(at, len);
    return c == "." || c == "!" || c == "?" || c == "\n" || c == "؟" || c == "؛";
}

}  // namespace

const char* review_name(Review r) {
    switch (r) {
        case Review::Accepted:
            return "accepted";
        case Review::Rejected:
            return "rejected";
        case Review::Pending:
            break;
    }
    return "pending";
}

Review review_of(const Properties& p) {
    const Value* v = p.get(kReview);
    if (!v || v->kind() != Value::Kind::String) return Review::Pending;
    if (v->as_string() == "accepted") return Review::Accepted;
    if (v->as_string() == "rejected") return Review::Rejected;
    return Review::Pending;
}

std::vector<FactRef> review_order(const PropertyGraph& g) {
    std::vector<FactRef> out;
    std::vector<bool> needed(g.node_count(), false);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        out.push_back({true, e});
        needed[g.edge(e).source] = needed[g.edge(e).target] = true;
    }
    std::size_t edges = out.size();
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (!needed[n]) out.push_back({false, n});
    // In reading order: by the document and offset of each fact's first quote.
    auto place = [&](FactRef f) {
        const auto& sources = f.edge ? g.edge(f.index).sources : g.node(f.index).sources;
        if (sources.empty()) return std::pair<std::string, std::int64_t>{"\x7f", 0};
        return std::pair<std::string, std::int64_t>{sources.front().document,
                                                    sources.front().start.value_or(0)};
    };
    auto by_place = [&](FactRef a, FactRef b) { return place(a) < place(b); };
    std::stable_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(edges), by_place);
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(edges), out.end(), by_place);
    return out;
}

std::string fact_id(const PropertyGraph& g, FactRef f) {
    return f.edge ? g.edge(f.index).id.str() : g.node(f.index).id;
}

FactRef find_fact(const PropertyGraph& g, std::string_view id) {
    std::optional<FactRef> found;
    for (EdgeIndex e = 0; e < g.edge_count() && !found; ++e)
        if (g.edge(e).id == id) found = FactRef{true, e};
    if (auto n = g.find_id(id)) {
        if (found) throw LookupError(fmt::format("'{}' names both an edge and a node", id));
        found = FactRef{false, *n};
    }
    if (!found) throw LookupError(fmt::format("no fact with id '{}'", id));
    return *found;
}

void decide(PropertyGraph& g, FactRef f, Review r) {
    if (!f.edge) {
        Node n = g.node(f.index);
        n.properties.set(kReview, review_name(r));
        g.replace_node(f.index, std::move(n));
        return;
    }
    Edge e = g.edge(f.index);
    e.properties.set(kReview, review_name(r));
    if (r == Review::Accepted)
        for (NodeIndex end : {e.source, e.target})
            if (review_of(g.node(end).properties) == Review::Pending)
                decide(g, {false, end}, Review::Accepted);
    g.replace_edge(f.index, std::move(e));
}

void edit_fact(PropertyGraph& g, FactRef f, const FactEdit& edit) {
    std::string id = fact_id(g, f);
    if (!f.edge) {
        if (edit.type || edit.source || edit.target || edit.date)
            throw ArgumentError(
                fmt::format("{} is a node: only its names and match can change", id));
        Node n = g.node(f.index);
        if (edit.ar) n.names.ar = *edit.ar;
        if (edit.en) n.names.en = *edit.en;
        if (n.names.ar.empty() && n.names.en.empty())
            throw ArgumentError(fmt::format("{}: a node needs an Arabic or an English name", id));
        if (edit.match) {
            if (edit.match->empty())
                throw ArgumentError(fmt::format("{}: match: expected a database id or 'new'", id));
            if (*edit.match == "new") {
                n.properties.set("match", "new");
                n.properties.erase("match_ids");
            } else {
                if (!is_node_id(*edit.match))
                    throw ArgumentError(
                        fmt::format("{}: match: '{}' is not a node id", id, *edit.match));
                n.properties.set("match", "existing");
                n.properties.set("match_ids", Value(ValueList{Value(*edit.match)}));
            }
        }
        g.replace_node(f.index, std::move(n));
        return;
    }
    if (edit.ar || edit.en || edit.match)
        throw ArgumentError(fmt::format("{} is an edge: names and match belong to nodes", id));
    Edge e = g.edge(f.index);
    if (edit.type) {
        if (!is_relation_name(*edit.type))
            throw ArgumentError(fmt::format(
                "{}: type: '{}' is not a relation name (UPPER_SNAKE_CASE)", id, *edit.type));
        e.type = g.relation(*edit.type);
    }
    auto end = [&](const std::optional<std::string>& to, NodeIndex& slot, const char* field) {
        if (!to) return;
        auto n = g.find_id(*to);
        if (!n) throw ArgumentError(fmt::format("{}: {}: no node '{}'", id, field, *to));
        slot = *n;
    };
    end(edit.source, e.source, "source");
    end(edit.target, e.target, "target");
    if (edit.date) {
        e.time = TimeSpan{};
        if (!edit.date->empty()) {
            e.time.date = Date::parse(*edit.date);
            if (!e.time.date)
                throw ArgumentError(fmt::format(
                    "{}: date: '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", id, *edit.date));
        }
    }
    g.replace_edge(f.index, std::move(e));
}

void apply_decisions(PropertyGraph& g, std::string_view json, const std::string& name) {
    auto fail = [&](std::size_t offset, const std::string& what) -> InputError {
        LineColumn lc = line_column_at(json, std::min(offset, json.size()));
        return InputError({name, lc.line, lc.column}, what);
    };
    if (std::size_t deep = detail::find_nesting_over(json, 16); deep != std::string::npos)
        throw fail(deep, "nested too deeply for a decisions file");
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (doc.HasParseError()) throw fail(doc.GetErrorOffset(), "not valid JSON");
    if (!doc.IsObject() || !doc.HasMember("decisions") || !doc["decisions"].IsArray())
        throw fail(0, "expected an object {\"decisions\": [...]}");

    PropertyGraph work = g;  // all or nothing
    const auto& list = doc["decisions"].GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const rapidjson::Value& d = list[i];
        auto at = [&](const char* field) {
            std::vector<std::string> path{"decisions", std::to_string(i)};
            if (field) path.emplace_back(field);
            return detail::locate_json_path(json, path);
        };
        if (!d.IsObject()) throw fail(at(nullptr), "expected a decision object");
        auto text = [&](const char* field) -> std::optional<std::string> {
            if (!d.HasMember(field)) return std::nullopt;
            if (!d[field].IsString())
                throw fail(at(field), fmt::format("{}: expected a string", field));
            return std::string(d[field].GetString(), d[field].GetStringLength());
        };
        for (auto m = d.MemberBegin(); m != d.MemberEnd(); ++m) {
            std::string_view key(m->name.GetString(), m->name.GetStringLength());
            static constexpr std::string_view kKnown[] = {
                "id", "review", "type", "source", "target", "date", "ar", "en", "match"};
            if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown))
                throw fail(detail::locate_json_path(
                               json, {"decisions", std::to_string(i), std::string(key)}, 0, true),
                           fmt::format("unknown field '{}' (expected id, review, type, source, "
                                       "target, date, ar, en, match)",
                                       key));
        }
        auto id = text("id");
        if (!id) throw fail(at(nullptr), "a decision needs an \"id\"");
        FactRef f;
        try {
            f = find_fact(work, *id);
        } catch (const LookupError& e) {
            throw fail(at("id"), e.what());
        }
        FactEdit edit{text("type"), text("source"), text("target"), text("date"),
                      text("ar"),   text("en"),     text("match")};
        try {
            edit_fact(work, f, edit);
        } catch (const ArgumentError& e) {
            throw fail(at(nullptr), e.what());
        }
        if (auto r = text("review")) {
            Review v = *r == "accepted"   ? Review::Accepted
                       : *r == "rejected" ? Review::Rejected
                       : *r == "pending"
                           ? Review::Pending
                           : throw fail(at("review"), fmt::format("review: '{}' is not "
                                                                  "accepted, rejected or pending",
                                                                  *r));
            decide(work, f, v);
        }
    }
    g = std::move(work);
}

std::vector<FactSummary> summarize(const PropertyGraph& g) {
    std::vector<FactSummary> out;
    for (FactRef f : review_order(g)) {
        FactSummary s;
        s.id = fact_id(g, f);
        // What nodes and edges show alike.
        auto describe = [&s](const TimeSpan& time, const Properties& props,
                             const Sources& sources) {
            s.date = time.empty() ? std::string() : time.to_string();
            s.confidence = text_of(props, "confidence");
            s.rule = text_of(props, "rule");
            s.review = review_name(review_of(props));
            s.quote = first_quote(sources);
        };
        if (f.edge) {
            const Edge& e = g.edge(f.index);
            s.kind = "edge";
            s.type = g.type_name(e);
            if (const Value* st = e.properties.get("status"); st && st->to_display() == "planned")
                s.type += " (planned)";
            s.source = end_name(g, e.source);
            s.target = end_name(g, e.target);
            describe(e.time, e.properties, e.sources);
        } else {
            const Node& n = g.node(f.index);
            s.kind = "node";
            for (const auto& l : n.labels) s.type += (s.type.empty() ? "" : ",") + l;
            s.source = end_name(g, f.index);
            describe(n.time, n.properties, n.sources);
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<Span> code_point_span(std::string_view text, std::int64_t start, std::int64_t end) {
    if (start < 0 || end < start) return std::nullopt;
    std::size_t pos = 0;
    std::int64_t cp = 0;
    Span s;
    bool have_begin = false;
    for (;;) {
        if (cp == start) {
            s.begin = pos;
            have_begin = true;
        }
        if (cp == end) {
            s.end = pos;
            return have_begin ? std::optional<Span>(s) : std::nullopt;
        }
        if (pos >= text.size()) return std::nullopt;
        pos += sequence_length(static_cast<unsigned char>(text[pos]));
        ++cp;
    }
}

std::optional<Span> sentence_around(std::string_view text, std::int64_t start, std::int64_t end) {
    auto q = code_point_span(text, start, end);
    if (!q || q->end > text.size()) return std::nullopt;
    Span s{0, text.size()};
    // Forward from the text's start, remembering the last sentence end before the quote.
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t len = sequence_length(static_cast<unsigned char>(text[pos]));
        if (ends_sentence(text, pos, len)) {
            if (pos + len <= q->begin) s.begin = pos + len;
            if (pos + len >= q->end) {
                s.end = pos + len;
                break;
            }
        }
        pos += len;
    }
    while (s.begin < q->begin && (text[s.begin] == ' ' || text[s.begin] == '\n')) ++s.begin;
    return s;
}

}  // namespace liaison::extract
