#include "extract/candidates.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "extract/regions.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

namespace {

const char* label_name(Label l) {
    switch (l) {
        case Label::Person:
            return "Person";
        case Label::Agency:
            return "Agency";
        case Label::Organization:
            return "Organization";
        case Label::Country:
            return "Country";
        case Label::City:
            return "City";
        case Label::Event:
            return "Event";
    }
    return "Person";
}

bool compatible(const Node& n, Label l) {
    switch (l) {
        case Label::Person:
            return n.has_label("Person");
        case Label::Agency:
        case Label::Organization:
            return n.has_label("Agency") || n.has_label("Organization");
        case Label::Country:
            return n.has_label("Country");
        case Label::City:
            return n.has_label("City");
        case Label::Event:
            return n.has_label("Event");
    }
    return false;
}

constexpr std::size_t kMaxQuotes = 16;

double rounded(double x) { return static_cast<double>(static_cast<long>(x * 100 + 0.5)) / 100; }

}  // namespace

CandidateWriter::CandidateWriter(const PropertyGraph* base) : base_(base) {
    if (!base_) return;
    for (NodeIndex n : base_->nodes_with_label("Country"))
        if (const Value* iso = base_->node(n).properties.get("iso3"))
            if (iso->kind() == Value::Kind::String) base_countries_.emplace(iso->as_string(), n);
}

std::string CandidateWriter::new_id(const std::string& wanted) {
    std::string id = wanted;
    for (int i = 2; used_ids_.count(id) || (base_ && base_->find_id(id)); ++i)
        id = fmt::format("{}-{}", wanted, i);
    used_ids_.insert(id);
    return id;
}

// With a database: the entity it already holds under any of these names (folded), so that the
// reviewer confirms a link instead of merging a duplicate later.
void CandidateWriter::link(Node& node, Label label) {
    std::vector<NodeIndex> found;
    if (label == Label::Country) {
        if (const Value* iso = node.properties.get("iso3")) {
            auto it = base_countries_.find(iso->as_string());
            if (it != base_countries_.end()) found.push_back(it->second);
        }
    }
    if (found.empty()) {
        std::vector<std::string> names = node.names.aliases;
        names.push_back(node.names.ar);
        names.push_back(node.names.en);
        for (const std::string& name : names) {
            if (name.empty()) continue;
            for (NodeIndex n : base_->find_name(name))
                if (compatible(base_->node(n), label) &&
                    std::find(found.begin(), found.end(), n) == found.end())
                    found.push_back(n);
        }
    }
    if (found.size() == 1) {
        used_ids_.erase(node.id);
        node.id = base_->node(found[0]).id;
        used_ids_.insert(node.id);
        node.properties.set("match", "existing");
    } else if (found.size() > 1) {
        node.properties.set("match", "ambiguous");
        ValueList ids;
        for (NodeIndex n : found) ids.emplace_back(base_->node(n).id);
        std::sort(ids.begin(), ids.end(),
                  [](const Value& x, const Value& y) { return x.as_string() < y.as_string(); });
        node.properties.set("match_ids", Value(std::move(ids)));
    } else {
        node.properties.set("match", "new");
    }
}

NodeIndex CandidateWriter::node_for(const Analysis& a, std::uint32_t entity, const Document& doc) {
    const Entity& e = a.entities[entity];
    Source src{doc.id, a.slice(e.start, e.end), static_cast<std::int64_t>(e.start),
               static_cast<std::int64_t>(e.end)};
    auto it = by_key_.find(e.key);
    if (it != by_key_.end()) {
        Node n = g_.node(it->second);
        if (std::find(n.sources.begin(), n.sources.end(), src) == n.sources.end() &&
            !src.quote.empty()) {
            n.sources.push_back(src);
            g_.replace_node(it->second, std::move(n));
        }
        return it->second;
    }
    Node n;
    n.labels = {label_name(e.label)};
    n.names.ar = e.ar;
    n.names.en = e.en;
    for (const std::string& alias : e.aliases)
        if (fold_name(alias) != fold_name(e.ar) &&
            std::find(n.names.aliases.begin(), n.names.aliases.end(), alias) ==
                n.names.aliases.end())
            n.names.aliases.push_back(alias);
    std::string wanted;
    switch (e.label) {
        case Label::Country:
            wanted = a.lex.countries[e.lex].id;
            n.properties.set("iso3", a.lex.countries[e.lex].iso3);
            break;
        case Label::City:
            // A city or body the lexicons do not list (bodies.cpp) is named by its words.
            wanted = e.lex == kNone ? slug(e.ar) : a.lex.cities[e.lex].key;
            break;
        case Label::Agency:
        case Label::Organization: {
            wanted = e.lex == kNone ? slug(e.ar) : a.lex.agencies[e.lex].key;
            if (!wanted.empty() && wanted[0] == '@') {
                wanted.erase(0, 1);
                if (e.country != kNone)
                    wanted = slug(a.lex.countries[e.country].iso3) + "-" + wanted;
            }
            break;
        }
        case Label::Person:
            wanted = slug(e.en.empty() ? e.ar : e.en);
            if (e.unnamed) n.properties.set("unnamed", true);
            break;
        case Label::Event:
            wanted = slug(e.en);
            if (e.session > 0) n.properties.set("session", static_cast<std::int64_t>(e.session));
            n.time = e.time;
            break;
    }
    n.id = new_id(slug(wanted));
    n.properties.set("confidence", rounded(e.confidence));
    n.properties.set("rule", e.rule);
    n.properties.set("review", "pending");
    if (!src.quote.empty()) n.sources.push_back(src);
    if (base_) link(n, e.label);
    if (auto same = g_.find_id(n.id)) {
        // Two spellings this run told apart are one entity of the database.
        by_key_.emplace(e.key, *same);
        return *same;
    }
    const NodeIndex idx = g_.add_node(std::move(n));
    by_key_.emplace(e.key, idx);
    return idx;
}

void CandidateWriter::add(const Analysis& a, const Document& doc) {
    g_.documents()[doc.id] = doc;
    std::vector<bool> needed(a.entities.size(), false);
    for (const Fact& f : a.facts) needed[f.a] = needed[f.b] = true;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i)
        if (!a.entities[i].weak || needed[i]) node_for(a, i, doc);
    for (const Fact& f : a.facts) {
        if (f.relation == "VISITED")
            g_.relations().declare({"VISITED", false, "زار", "visited", false});
        if (f.relation == "SIGNED_AGREEMENT")
            g_.relations().declare(
                {"SIGNED_AGREEMENT", true, "وقّع اتفاقية مع", "signed an agreement with", false});
        const RelationId type = g_.relation(f.relation);
        NodeIndex s = node_for(a, f.a, doc), t = node_for(a, f.b, doc);
        if (s == t) continue;
        const bool symmetric = g_.relations().get(type).symmetric;
        if (symmetric && g_.node(s).id > g_.node(t).id) std::swap(s, t);
        const std::string key = fmt::format("{}|{}|{}|{}", f.relation, g_.node(s).id, g_.node(t).id,
                                            f.planned ? "planned" : "");
        Source src{doc.id, a.slice(f.start, f.end), static_cast<std::int64_t>(f.start),
                   static_cast<std::int64_t>(f.end)};
        auto it = edge_keys_.find(key);
        if (it != edge_keys_.end()) {
            // A reviewer needs a few quotes, not every repetition of a run-on text.
            if (g_.edge(it->second).sources.size() >= kMaxQuotes) continue;
            Edge e = g_.edge(it->second);
            if (std::find(e.sources.begin(), e.sources.end(), src) == e.sources.end())
                e.sources.push_back(src);
            const Value* c = e.properties.get("confidence");
            if (c && c->as_float() < f.confidence)
                e.properties.set("confidence", rounded(f.confidence));
            if (e.time.empty()) e.time = f.time;
            g_.replace_edge(it->second, std::move(e));
            continue;
        }
        Edge e;
        e.id = fmt::format("c{}", next_edge_++);
        e.type = type;
        e.source = s;
        e.target = t;
        e.time = f.time;
        e.properties.set("confidence", rounded(f.confidence));
        e.properties.set("rule", f.rule);
        e.properties.set("review", "pending");
        if (f.planned) e.properties.set("status", "planned");
        e.sources.push_back(src);
        edge_keys_.emplace(key, g_.add_edge(std::move(e)));
    }
}

}  // namespace liaison::extract
