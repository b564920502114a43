#include "io/graph_rules.hpp"

#include <cmath>
#include <functional>
#include <unordered_set>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

std::optional<MemberProblem> time_problem(const TimeSpan& t) {
    if (t.date && (t.start || t.end))
        return MemberProblem{"date", "both 'date' and 'start'/'end'; expected one or the other"};
    if (t.start && t.end && t.end->last_day() < t.start->first_day())
        return MemberProblem{"end", fmt::format("'end' {} is before 'start' {}", t.end->to_string(),
                                                t.start->to_string())};
    return std::nullopt;
}

std::optional<MemberProblem> source_offsets_problem(const Source& s) {
    if (s.start.has_value() != s.end.has_value())
        return MemberProblem{s.start ? "start" : "end",
                             "a source offset alone; expected both 'start' and 'end' or neither"};
    if (s.start && *s.end < *s.start)
        return MemberProblem{"end",
                             fmt::format("source 'end' {} is before 'start' {}", *s.end, *s.start)};
    return std::nullopt;
}

std::string unknown_document_message(std::string_view document) {
    return fmt::format(
        "source names document '{}', which is not in graph.metadata.liaison.documents", document);
}

std::string node_id_message(std::string_view id) {
    return fmt::format(
        "node id '{}' is not an ASCII slug; expected lowercase letters, digits, '.', '_' or '-'",
        id);
}

// Whether Date::parse(d.to_string()) gives d back, decided without the text: formatting and
// parsing every date cost a replayed journal 7 % of its time.
bool is_writable_date(const Date& d) {
    if (d.year < 1 || d.year > 9999) return false;
    if (d.month == 0) return d.day == 0;
    if (d.month < 1 || d.month > 12) return false;
    if (d.day == 0) return true;
    const Date month{d.year, d.month, 0};  // its last day less its first is the month's length
    return d.day >= 1 && d.day <= month.last_day() - month.first_day() + 1;
}

namespace {

bool is_label_word(std::string_view s) {
    auto head = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (s.empty() || !head(s[0])) return false;
    for (char c : s)
        if (!head(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

// Walks the graph; `where` names the entity being checked and `field` the member inside it, so
// that a message reads "node 'a', sources[0].quote: …".
class RuleChecker {
public:
    RuleChecker(const PropertyGraph& g, const std::string& name) : g_(g), name_(name) {}

    void run() {
        where_ = "graph";
        text(g_.graph_id, "id");
        text(g_.graph_label, "label");
        for (const RelationType& t : g_.relations().all()) {
            where_ = fmt::format("relation type '{}'", t.name);
            text(t.name, "name");
            text(t.ar, "ar");
            text(t.en, "en");
        }
        std::vector<IndexDefinition> indexes;
        for (const IndexDefinition& d : g_.indexes) {
            where_ = fmt::format("index '{}'", d.name);
            text(d.name, "name");
            text(d.label, d.relationships ? "type" : "label");
            for (const auto& p : d.properties) text(p, "properties");
            try {
                add_index(indexes, d);
            } catch (const ArgumentError& e) {
                fail("", e.what());
            }
        }
        for (const auto& [id, d] : g_.documents()) {
            where_ = fmt::format("document '{}'", id);
            text(id, "id");
            if (id.empty()) fail("id", "an empty document id; expected a non-empty id");
            if (d.id != id) fail("id", fmt::format("'{}' differs from its key", d.id));
            for (auto [key, value] : {std::pair{"title", &d.title},
                                      {"outlet", &d.outlet},
                                      {"file", &d.file},
                                      {"language", &d.language},
                                      {"url", &d.url}})
                text(*value, key);
            if (d.date) date(*d.date, "date");
        }
        for (NodeIndex n = 0; n < g_.node_count(); ++n) node(g_.node(n), n);
        for (EdgeIndex e = 0; e < g_.edge_count(); ++e) edge(g_.edge(e), e);
    }

    // One entity about to enter g (not yet in it): its id's uniqueness is the caller's check.
    void node(const Node& n, NodeIndex index = kNoIndex) {
        where_.assign("node '").append(n.id).append("'");
        text(n.id, "id");
        if (!is_node_id(n.id)) fail("", node_id_message(n.id));
        if (index != kNoIndex && g_.find_id(n.id) != index)
            fail("", fmt::format("duplicate node id '{}'", n.id));
        for (const auto& l : n.labels)
            if (!is_label_word(l)) {
                text(l, "labels");
                fail("labels", fmt::format("label '{}'; expected a string matching "
                                           "^[A-Za-z_][A-Za-z0-9_]*$",
                                           l));
            }
        text(n.names.ar, "names.ar");
        text(n.names.en, "names.en");
        for (const auto& a : n.names.aliases) {
            text(a, "aliases");
            if (a.empty()) fail("aliases", "an empty alias; expected a non-empty string");
        }
        time(n.time);
        sources(n.sources);
        properties(n.properties);
    }

    void edge(const Edge& e, EdgeIndex index = kNoIndex) {
        edge_ = &e;
        edge_index_ = index;
        text(e.id, "id");
        time(e.time);
        sources(e.sources);
        properties(e.properties);
    }

private:
    // Built only for a message: the walk itself formats nothing.
    std::string where() const {
        if (!edge_) return where_;
        const Edge& e = *edge_;
        std::string ends = fmt::format("('{}' -[{}]-> '{}')", g_.node_id(e.source), g_.type_name(e),
                                       g_.node_id(e.target));
        // An edge of g is named by its index too; one about to be added has none yet.
        if (edge_index_ == kNoIndex) return "edge " + ends;
        return fmt::format("edge {} {}", edge_index_, ends);
    }

    [[noreturn]] void fail(std::string_view field, const std::string& message) const {
        std::string at = field.empty() ? where() : fmt::format("{}, {}", where(), field);
        throw InputError({name_, 0, 0}, fmt::format("{}: {}", at, message));
    }

    // What is wrong with a string, or empty: checked on every string of the graph, so the field's
    // name is only made when a message needs it.
    static std::string text_problem(std::string_view s) {
        if (auto bad = find_invalid_utf8(s))
            return fmt::format("invalid UTF-8 (byte 0x{:02X}); expected UTF-8 text",
                               static_cast<unsigned char>(s[*bad]));
        if (s.find('\0') != std::string_view::npos)
            return "a NUL character; expected text without NUL";
        return {};
    }
    void text(std::string_view s, std::string_view field) const {
        if (std::string p = text_problem(s); !p.empty()) fail(field, p);
    }
    template <typename Field>
    void text_at(std::string_view s, const Field& field) const {
        if (std::string p = text_problem(s); !p.empty()) fail(field(), p);
    }

    void date(const Date& d, std::string_view field) const {
        // Bulk imports repeat a few thousand dates over millions of edges: each distinct one is
        // written out and parsed back once.
        const auto key = static_cast<std::uint32_t>(static_cast<std::uint16_t>(d.year)) << 16 |
                         static_cast<std::uint32_t>(static_cast<std::uint8_t>(d.month)) << 8 |
                         static_cast<std::uint8_t>(d.day);
        if (writable_dates_.count(key)) return;
        if (is_writable_date(d)) {
            writable_dates_.insert(key);
            return;
        }
        fail(field, fmt::format("year {}, month {}, day {} is not a calendar date; expected "
                                "YYYY, YYYY-MM or YYYY-MM-DD with a year from 1 to 9999",
                                d.year, d.month, d.day));
    }

    void time(const TimeSpan& t) const {
        if (t.date) date(*t.date, "date");
        if (t.start) date(*t.start, "start");
        if (t.end) date(*t.end, "end");
        if (auto p = time_problem(t)) fail(p->key, p->message);
    }

    void sources(const Sources& list) const {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Source& s = list[i];
            auto member = [&](const char* key) {
                return key ? fmt::format("sources[{}].{}", i, key) : fmt::format("sources[{}]", i);
            };
            text_at(s.document, [&] { return member("document"); });
            text_at(s.quote, [&] { return member("quote"); });
            if (s.document.empty()) fail(member("document"), "expected a non-empty document id");
            if (s.quote.empty()) fail(member("quote"), "expected a non-empty quote");
            if (!g_.documents().count(s.document))
                fail(member(nullptr), unknown_document_message(s.document));
            for (auto [key, offset] : {std::pair{"start", &s.start}, {"end", &s.end}})
                if (*offset && **offset < 0)
                    fail(member(key), fmt::format("{}; expected a non-negative integer", **offset));
            if (auto p = source_offsets_problem(s)) fail(member(p->key), p->message);
        }
    }

    // `field` gives the value's place (the property key, then list positions) for a message.
    template <typename Field>
    void value(const Value& v, const Field& field) const {
        switch (v.kind()) {
            case Value::Kind::Null:
            case Value::Kind::Bool:
            case Value::Kind::Int:
                return;
            case Value::Kind::Float:
                if (!std::isfinite(v.as_float()))
                    fail(field(), "a non-finite float (NaN or infinity); expected a finite number");
                return;
            case Value::Kind::String:
                text_at(v.as_string(), field);
                return;
            case Value::Kind::Date:
                if (!is_writable_date(v.as_date())) date(v.as_date(), field());
                return;
            default:
                break;
        }
        if (auto why = why_not_storable(v)) fail(field(), *why);
        if (v.kind() != Value::Kind::List) return;
        for (std::size_t i = 0; i < v.as_list().size(); ++i) {
            // One type for every depth, so the template's instantiations end here.
            std::function<std::string()> item = [&] { return fmt::format("{}[{}]", field(), i); };
            value(v.as_list()[i], item);
        }
    }

    void properties(const Properties& props) const {
        for (const auto& [key, v] : props) {
            text_at(key, [] { return std::string("properties"); });
            value(v, [&] { return "properties." + key; });
        }
    }

    const PropertyGraph& g_;
    const std::string& name_;
    mutable std::unordered_set<std::uint32_t> writable_dates_;
    std::string where_;
    const Edge* edge_ = nullptr;  // the edge being checked, else where_ names the entity
    EdgeIndex edge_index_ = kNoIndex;
};

}  // namespace

void check_graph_rules(const PropertyGraph& g, const std::string& name) {
    RuleChecker(g, name).run();
}

void check_node_rules(const PropertyGraph& g, const Node& n, const std::string& name) {
    RuleChecker(g, name).node(n);
}

void check_edge_rules(const PropertyGraph& g, const Edge& e, const std::string& name) {
    RuleChecker(g, name).edge(e);
}

}  // namespace liaison::detail
