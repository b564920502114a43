#include "liaison/interchange/merge.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/model/names.hpp"

namespace liaison {

namespace {

constexpr const char* kMergedFrom = "merged_from";

std::vector<std::string> all_names(const Node& n) {
    std::vector<std::string> out;
    if (!n.names.ar.empty()) out.push_back(n.names.ar);
    if (!n.names.en.empty()) out.push_back(n.names.en);
    out.insert(out.end(), n.names.aliases.begin(), n.names.aliases.end());
    return out;
}

bool shares_label(const Node& a, const Node& b) {
    return std::any_of(a.labels.begin(), a.labels.end(),
                       [&](const std::string& l) { return b.has_label(l); });
}

const std::string* iso3_of(const Node& n) {
    const Value* v = n.properties.get("iso3");
    return v && v->kind() == Value::Kind::String && !v->as_string().empty() ? &v->as_string()
                                                                            : nullptr;
}

// Adds the input names to merged_from: the base's first when the fact had none yet.
void tag(Properties& p, const std::string& base_name, const std::string& incoming_name,
         bool existed_in_base) {
    ValueList list;
    if (const Value* v = p.get(kMergedFrom); v && v->kind() == Value::Kind::List)
        list = v->as_list();
    auto add = [&](const std::string& name) {
        if (std::find(list.begin(), list.end(), Value(name)) == list.end()) list.emplace_back(name);
    };
    if (existed_in_base && list.empty()) add(base_name);
    add(incoming_name);
    p.set(kMergedFrom, Value(std::move(list)));
}

void add_sources(Sources& into, const Sources& more) {
    for (const Source& s : more)
        if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
}

class Merger {
public:
    Merger(const PropertyGraph& base, const PropertyGraph& incoming, const MergeOptions& o)
        : in_(incoming), o_(o), out_(base) {
        for (NodeIndex i = 0; i < base.node_count(); ++i)
            if (const std::string* iso = iso3_of(base.node(i))) by_iso_[*iso].push_back(i);
    }

    MergeResult run() {
        merge_relations();
        merge_documents();
        std::vector<std::optional<NodeIndex>> match(in_.node_count());
        for (NodeIndex i = 0; i < in_.node_count(); ++i) match[i] = decide(i);
        if (!report_.ambiguous.empty()) return {PropertyGraph{}, std::move(report_)};
        std::vector<NodeIndex> where(in_.node_count());
        for (NodeIndex i = 0; i < in_.node_count(); ++i)
            where[i] = match[i] ? fold_node(*match[i], in_.node(i)) : add_node(in_.node(i));
        for (const Edge& e : in_.edges()) merge_edge(e, where[e.source], where[e.target]);
        return {std::move(out_), std::move(report_)};
    }

private:
    // nullopt: a new entity; otherwise the base node it matches. Ambiguities are recorded.
    std::optional<NodeIndex> decide(NodeIndex i) {
        const Node& n = in_.node(i);
        auto matched = [&](NodeIndex b, std::string evidence) {
            report_.matched.push_back({n.id, out_.node(b).id, std::move(evidence)});
            return std::optional<NodeIndex>(b);
        };
        if (auto d = o_.decisions.find(n.id); d != o_.decisions.end()) {
            if (d->second.empty()) return std::nullopt;
            if (auto b = out_.find_id(d->second)) return matched(*b, "map");
            throw ArgumentError(fmt::format("map: no entity '{}' in the base", d->second));
        }
        if (auto b = out_.find_id(n.id)) return matched(*b, "id");
        std::vector<MatchCandidate> candidates;
        std::vector<NodeIndex> indices;
        if (const std::string* iso = iso3_of(n); iso && by_iso_.count(*iso)) {
            for (NodeIndex b : by_iso_[*iso]) {
                candidates.push_back({out_.node(b).id, "iso3 " + *iso});
                indices.push_back(b);
            }
        } else {
            std::map<NodeIndex, std::string> found;
            for (const std::string& name : all_names(n))
                for (NodeIndex b : out_.find_name(name))
                    found.emplace(b, fmt::format("name '{}'", name));
            bool any_label = std::any_of(found.begin(), found.end(), [&](const auto& f) {
                return shares_label(n, out_.node(f.first));
            });
            for (const auto& [b, evidence] : found) {
                if (any_label && !shares_label(n, out_.node(b))) continue;
                candidates.push_back({out_.node(b).id, evidence});
                indices.push_back(b);
            }
        }
        if (candidates.empty()) return std::nullopt;
        if (candidates.size() == 1) return matched(indices[0], candidates[0].evidence);
        Ambiguity a{n.id, n.display_name(), candidates};
        if (o_.resolve) {
            if (auto choice = o_.resolve(a)) {
                if (choice->empty()) return std::nullopt;
                if (auto b = out_.find_id(*choice)) return matched(*b, "chosen");
            }
        }
        report_.ambiguous.push_back(std::move(a));
        return std::nullopt;
    }

    NodeIndex add_node(Node n) {
        rename_sources(n.sources);
        if (out_.find_id(n.id)) {  // decided "new" although the id is taken
            std::string base = n.id;
            for (int k = 2; out_.find_id(n.id); ++k) n.id = fmt::format("{}-{}", base, k);
        }
        tag(n.properties, o_.base_name, o_.incoming_name, false);
        report_.added_nodes.push_back(n.id);
        return out_.add_node(std::move(n));
    }

    NodeIndex fold_node(NodeIndex b, Node n) {
        rename_sources(n.sources);
        Node m = out_.node(b);
        for (const auto& l : n.labels)
            if (!m.has_label(l)) m.labels.push_back(l);
        std::set<std::string> folded;
        for (const auto& name : all_names(m)) folded.insert(fold_name(name));
        auto alias = [&](const std::string& name) {
            if (name.empty() || !folded.insert(fold_name(name)).second) return;
            m.names.aliases.push_back(name);
        };
        if (m.names.ar.empty() && !n.names.ar.empty()) {
            m.names.ar = n.names.ar;
            folded.insert(fold_name(n.names.ar));
        }
        if (m.names.en.empty() && !n.names.en.empty()) {
            m.names.en = n.names.en;
            folded.insert(fold_name(n.names.en));
        }
        alias(n.names.ar);
        alias(n.names.en);
        for (const auto& a : n.names.aliases) alias(a);
        for (const auto& [key, value] : n.properties) {
            const Value* have = m.properties.get(key);
            if (!have)
                m.properties.set(key, value);
            else if (!(*have == value) && key != kMergedFrom)
                report_.conflicts.push_back(fmt::format("{}: {}: base {}, {} {} (kept the base's)",
                                                        m.id, key, have->to_display(),
                                                        o_.incoming_name, value.to_display()));
        }
        if (m.time.empty())
            m.time = n.time;
        else if (!n.time.empty() && !(m.time == n.time))
            report_.conflicts.push_back(fmt::format("{}: time: base {}, {} {} (kept the base's)",
                                                    m.id, m.time.to_string(), o_.incoming_name,
                                                    n.time.to_string()));
        add_sources(m.sources, n.sources);
        tag(m.properties, o_.base_name, o_.incoming_name, true);
        out_.replace_node(b, std::move(m));
        return b;
    }

    void merge_edge(Edge e, NodeIndex s, NodeIndex t) {
        rename_sources(e.sources);
        const RelationType& type = in_.relations().get(e.type);
        e.type = *out_.relations().find(type.name);
        e.source = s;
        e.target = t;
        std::optional<EdgeIndex> same;
        out_.for_each_incident(s, Direction::Both, [&](EdgeIndex x, NodeIndex) {
            const Edge& b = out_.edge(x);
            if (same || b.type != e.type || !(b.time == e.time)) return;
            if (!b.id.empty() && !e.id.empty() && b.id != e.id) return;
            bool ends = (b.source == s && b.target == t) ||
                        (type.symmetric && b.source == t && b.target == s);
            if (ends) same = x;
        });
        if (!same) {
            tag(e.properties, o_.base_name, o_.incoming_name, false);
            out_.add_edge(std::move(e));
            ++report_.added_edges;
            return;
        }
        Edge m = out_.edge(*same);
        for (const auto& [key, value] : e.properties)
            if (!m.properties.get(key)) m.properties.set(key, value);
        add_sources(m.sources, e.sources);
        tag(m.properties, o_.base_name, o_.incoming_name, true);
        out_.replace_edge(*same, std::move(m));
        ++report_.merged_edges;
    }

    void merge_relations() {
        for (const RelationType& t : in_.relations().all()) {
            if (t.builtin) continue;
            try {
                out_.relations().declare(t);
            } catch (const ArgumentError& e) {
                throw InputError({o_.incoming_name, 0, 0}, e.what());
            }
        }
    }

    void merge_documents() {
        for (const auto& [id, d] : in_.documents()) {
            auto have = out_.documents().find(id);
            if (have == out_.documents().end()) {
                out_.documents()[id] = d;
            } else if (!(have->second == d)) {
                std::string fresh = id;
                for (int k = 2; out_.documents().count(fresh) || in_.documents().count(fresh); ++k)
                    fresh = fmt::format("{}-{}", id, k);
                Document copy = d;
                copy.id = fresh;
                out_.documents()[fresh] = copy;
                renamed_[id] = fresh;
                report_.renamed_documents.push_back(fmt::format("{} → {}", id, fresh));
            }
        }
    }

    void rename_sources(Sources& sources) const {
        for (Source& s : sources)
            if (auto r = renamed_.find(s.document); r != renamed_.end()) s.document = r->second;
    }

    const PropertyGraph& in_;
    const MergeOptions& o_;
    PropertyGraph out_;
    MergeReport report_;
    std::map<std::string, std::vector<NodeIndex>> by_iso_;
    std::map<std::string, std::string> renamed_;
};

}  // namespace

MergeResult merge_graphs(const PropertyGraph& base, const PropertyGraph& incoming,
                         const MergeOptions& options) {
    return Merger(base, incoming, options).run();
}

std::map<std::string, std::string> parse_merge_map(std::string_view text, const std::string& name,
                                                   const PropertyGraph& base,
                                                   const PropertyGraph& incoming) {
    std::map<std::string, std::string> out;
    std::size_t line = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == text.npos) end = text.size();
        std::string_view row = text.substr(start, end - start);
        start = end + 1;
        ++line;
        if (std::size_t hash = row.find('#'); hash != row.npos) row = row.substr(0, hash);
        std::vector<std::pair<std::string, std::size_t>> words;  // text, column
        for (std::size_t i = 0; i < row.size();) {
            if (row[i] == ' ' || row[i] == '\t' || row[i] == '\r') {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < row.size() && row[j] != ' ' && row[j] != '\t' && row[j] != '\r') ++j;
            words.emplace_back(std::string(row.substr(i, j - i)), i + 1);
            i = j;
        }
        if (words.empty()) continue;
        if (words.size() != 2)
            throw InputError({name, line, words[0].second},
                             "expected INCOMING_ID BASE_ID (or new)");
        const auto& [from, from_col] = words[0];
        const auto& [to, to_col] = words[1];
        if (!incoming.find_id(from))
            throw InputError({name, line, from_col},
                             fmt::format("no entity '{}' in the new network", from));
        if (to != "new" && !base.find_id(to))
            throw InputError({name, line, to_col}, fmt::format("no entity '{}' in the base", to));
        out[from] = to == "new" ? "" : to;
    }
    return out;
}

}  // namespace liaison
