#include "liaison/extract/score.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "liaison/core/json_text.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

namespace {

constexpr std::array<std::string_view, 5> kKinds = {"Person", "Organisation", "Country", "City",
                                                    "Event"};
constexpr std::array<std::string_view, 9> kRelationOrder = {
    "MET_WITH",   "RECEIVED",         "VISITED", "HOSTED",    "ATTENDED",
    "SIGNED_MOU", "SIGNED_AGREEMENT", "HEADS",   "REPRESENTS"};
constexpr std::array<std::string_view, 5> kInteractions = {"MET_WITH", "RECEIVED", "VISITED",
                                                           "SIGNED_MOU", "SIGNED_AGREEMENT"};
constexpr std::string_view kInteractionsRow = "interactions";
constexpr long kNone = -1;

// The scoring kind of an entity; nodes outside the five kinds still match among themselves
// (by their first label) so that relations to them can be compared.
std::string kind_of(const Node& n) {
    if (n.has_label("Person")) return "Person";
    if (n.has_label("Agency") || n.has_label("Organization")) return "Organisation";
    for (std::string_view k : {"Country", "City", "Event"})
        if (n.has_label(k)) return std::string(k);
    return n.labels.empty() ? std::string("-") : "other:" + n.labels.front();
}

struct EntityKeys {
    std::set<std::string> names;                     // folded
    std::vector<std::vector<std::string>> wordings;  // folded words of each name
    std::string iso3;
    long session = 0;             // an event's session number
    std::set<std::string> heads;  // an event's head nouns: the first word of each name
};

EntityKeys keys_of(const Node& n) {
    EntityKeys k;
    auto add = [&](const std::string& name) {
        if (name.empty()) return;
        std::string folded = fold_name(name);
        if (folded.empty() || !k.names.insert(folded).second) return;
        k.wordings.push_back(folded_words(name));
    };
    add(n.names.ar);
    add(n.names.en);
    for (const auto& a : n.names.aliases) add(a);
    if (const Value* v = n.properties.get("iso3"); v && v->kind() == Value::Kind::String)
        k.iso3 = v->as_string();
    if (const Value* v = n.properties.get("session"); v && v->kind() == Value::Kind::Int)
        k.session = static_cast<long>(v->as_int());
    for (const auto& w : k.wordings) {
        std::string head = w.front();
        // Without the article, so that الدورة and دورة are one head.
        if (head.rfind("\u0627\u0644", 0) == 0 && head.size() > 6) head.erase(0, 4);
        k.heads.insert(head);
    }
    return k;
}

// Whether all of `shorter` (two words or more) stands as a contiguous run inside `longer`.
bool is_run_of(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() < 2 || shorter.size() > longer.size()) return false;
    return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) !=
           longer.end();
}

// 0: a name or the ISO code is shared; 1: person words run; -1: no match.
int match_strength(const std::string& kind, const EntityKeys& a, const EntityKeys& b) {
    for (const auto& n : a.names)
        if (b.names.count(n)) return 0;
    if (kind == "Country" && !a.iso3.empty() && a.iso3 == b.iso3) return 0;
    if (kind == "Event") {
        // The same numbered session of the same kind of event (الدورة 93 / الدورة الثالثة
        // والتسعون), however the rest of the name is written.
        if (a.session > 0 && a.session == b.session)
            for (const auto& h : a.heads)
                if (b.heads.count(h)) return 1;
        for (const auto& wa : a.wordings)
            for (const auto& wb : b.wordings)
                if ((wa.size() >= 3 && is_run_of(wa, wb)) || (wb.size() >= 3 && is_run_of(wb, wa)))
                    return 1;
        return -1;
    }
    if (kind != "Person") return -1;
    for (const auto& wa : a.wordings)
        for (const auto& wb : b.wordings)
            if (is_run_of(wa, wb) || is_run_of(wb, wa)) return 1;
    return -1;
}

// Maximum one-to-one matching (Kuhn's augmenting paths); each left row lists its candidates in
// order of preference, so the first pass keeps the strongest pairs.
class Bipartite {
public:
    Bipartite(const std::vector<std::vector<std::size_t>>& adj, std::size_t right)
        : adj_(adj), left_of_(right, kNone), right_of_(adj.size(), kNone) {
        for (std::size_t l = 0; l < adj_.size(); ++l) {
            seen_.assign(right, false);
            augment(l);
        }
    }
    const std::vector<long>& right_of() const { return right_of_; }

private:
    bool augment(std::size_t l) {
        for (std::size_t r : adj_[l]) {
            if (seen_[r]) continue;
            seen_[r] = true;
            if (left_of_[r] == kNone || augment(static_cast<std::size_t>(left_of_[r]))) {
                left_of_[r] = static_cast<long>(l);
                right_of_[l] = static_cast<long>(r);
                return true;
            }
        }
        return false;
    }
    const std::vector<std::vector<std::size_t>>& adj_;
    std::vector<long> left_of_, right_of_;
    std::vector<bool> seen_;
};

Tally& row(std::vector<Tally>& rows, std::string_view name) {
    for (Tally& t : rows)
        if (t.name == name) return t;
    rows.push_back(Tally{std::string(name)});
    return rows.back();
}

bool is_planned(const Edge& e) {
    const Value* v = e.properties.get("status");
    return v && v->kind() == Value::Kind::String && v->as_string() == "planned";
}

std::string rule_of(const Properties& p) {
    const Value* v = p.get("rule");
    return v && v->kind() == Value::Kind::String ? v->as_string() : std::string("(no rule)");
}

// Gold node index for each predicted node (kNone when unmatched); fills the entity rows.
std::vector<long> match_entities(const PropertyGraph& pred, const PropertyGraph& gold,
                                 ScoreReport& report) {
    std::map<std::string, std::vector<NodeIndex>> gold_by_kind, pred_by_kind;
    for (NodeIndex i = 0; i < gold.node_count(); ++i)
        gold_by_kind[kind_of(gold.node(i))].push_back(i);
    for (NodeIndex i = 0; i < pred.node_count(); ++i)
        pred_by_kind[kind_of(pred.node(i))].push_back(i);
    for (std::string_view k : kKinds) row(report.entities, k);

    std::vector<long> gold_of(pred.node_count(), kNone);
    for (const auto& [kind, golds] : gold_by_kind) {
        auto p = pred_by_kind.find(kind);
        long matched = 0;
        if (p != pred_by_kind.end()) {
            const std::vector<NodeIndex>& preds = p->second;
            std::vector<EntityKeys> pkeys;
            for (NodeIndex i : preds) pkeys.push_back(keys_of(pred.node(i)));
            std::vector<std::vector<std::size_t>> adj(golds.size());
            for (std::size_t g = 0; g < golds.size(); ++g) {
                EntityKeys gk = keys_of(gold.node(golds[g]));
                std::vector<std::pair<int, std::size_t>> found;
                for (std::size_t q = 0; q < preds.size(); ++q)
                    if (int s = match_strength(kind, gk, pkeys[q]); s >= 0) found.push_back({s, q});
                std::stable_sort(found.begin(), found.end());
                for (const auto& f : found) adj[g].push_back(f.second);
            }
            Bipartite m(adj, preds.size());
            for (std::size_t g = 0; g < golds.size(); ++g)
                if (long q = m.right_of()[g]; q != kNone) {
                    gold_of[preds[static_cast<std::size_t>(q)]] = golds[g];
                    ++matched;
                } else if (kind == "Person") {
                    report.errors.push_back("miss  Person " + gold.node(golds[g]).names.ar);
                }
            // Persons only: the other kinds would flood the list of relation errors.
            if (kind == "Person")
                for (NodeIndex q : preds)
                    if (gold_of[q] == kNone)
                        report.errors.push_back("false Person " + pred.node(q).names.ar);
        }
        if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) continue;
        Tally& t = row(report.entities, kind);
        t.gold = static_cast<long>(golds.size());
        t.matched = matched;
    }
    for (const auto& [kind, preds] : pred_by_kind)
        if (std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end())
            row(report.entities, kind).predicted = static_cast<long>(preds.size());
    return gold_of;
}

bool symmetric_type(const PropertyGraph& a, const PropertyGraph& b, const std::string& type) {
    if (auto id = a.relations().find(type)) return a.relations().get(*id).symmetric;
    if (auto id = b.relations().find(type)) return b.relations().get(*id).symmetric;
    return false;
}

// A relation's identity for matching: type, status and gold-side ends (sorted if symmetric).
std::string relation_key(const std::string& type, bool planned, long s, long t, bool symmetric) {
    if (symmetric && s > t) std::swap(s, t);
    return fmt::format("{}|{}|{}|{}", type, planned ? 'p' : 'a', s, t);
}

// "TYPE source -> target [planned] [time] {rule} «quote»" for the error list.
std::string describe(const PropertyGraph& g, const Edge& e) {
    auto name = [&](NodeIndex n) {
        const Node& node = g.node(n);
        return node.names.ar.empty() ? node.display_name() : node.names.ar;
    };
    std::string out = fmt::format("{} {} -> {}", g.type_name(e), name(e.source), name(e.target));
    if (is_planned(e)) out += " planned";
    if (!e.time.empty()) out += " " + e.time.to_string();
    if (e.properties.get("rule")) out += " {" + rule_of(e.properties) + "}";
    if (!e.sources.empty()) out += " \u00ab" + e.sources.front().quote + "\u00bb";
    return out;
}

// Which predicted edges matched a gold one; fills relation rows and dates.
std::vector<bool> match_relations(const PropertyGraph& pred, const PropertyGraph& gold,
                                  const std::vector<long>& gold_of, ScoreReport& report) {
    std::unordered_map<std::string, std::vector<EdgeIndex>> bucket;
    for (EdgeIndex e = 0; e < pred.edge_count(); ++e) {
        const Edge& pe = pred.edge(e);
        const std::string& type = pred.type_name(pe);
        row(report.relations, type).predicted++;
        long s = gold_of[pe.source], t = gold_of[pe.target];
        if (s == kNone || t == kNone) continue;
        bucket[relation_key(type, is_planned(pe), s, t, symmetric_type(gold, pred, type))]
            .push_back(e);
    }
    std::vector<std::vector<std::size_t>> adj(gold.edge_count());
    for (EdgeIndex g = 0; g < gold.edge_count(); ++g) {
        const Edge& ge = gold.edge(g);
        const std::string& type = gold.type_name(ge);
        row(report.relations, type).gold++;
        auto b = bucket.find(relation_key(type, is_planned(ge), ge.source, ge.target,
                                          symmetric_type(gold, pred, type)));
        if (b == bucket.end()) continue;
        // Parallel candidates: the one with the same time first.
        for (int pass = 0; pass < 2; ++pass)
            for (EdgeIndex e : b->second)
                if ((pred.edge(e).time == ge.time) == (pass == 0)) adj[g].push_back(e);
    }
    Bipartite m(adj, pred.edge_count());
    std::vector<bool> matched(pred.edge_count(), false);
    for (EdgeIndex g = 0; g < gold.edge_count(); ++g) {
        long p = m.right_of()[g];
        const Edge& ge = gold.edge(g);
        if (p == kNone) {
            report.errors.push_back("miss  " + describe(gold, ge));
            continue;
        }
        const Edge& pe = pred.edge(static_cast<EdgeIndex>(p));
        matched[static_cast<std::size_t>(p)] = true;
        row(report.relations, gold.type_name(ge)).matched++;
        if (!ge.time.empty() || !pe.time.empty()) {
            ++report.dated;
            if (ge.time == pe.time)
                ++report.dated_right;
            else
                report.errors.push_back(
                    fmt::format("date  {} (gold {})", describe(pred, pe), ge.time.to_string()));
        }
    }
    for (EdgeIndex e = 0; e < pred.edge_count(); ++e)
        if (!matched[e]) report.errors.push_back("false " + describe(pred, pred.edge(e)));
    return matched;
}

void order_relations(std::vector<Tally>& rows) {
    auto rank = [](const std::string& name) {
        auto it = std::find(kRelationOrder.begin(), kRelationOrder.end(), name);
        return name == kInteractionsRow ? kRelationOrder.size() + 1
                                        : static_cast<std::size_t>(it - kRelationOrder.begin());
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Tally& a, const Tally& b) {
        auto ra = rank(a.name), rb = rank(b.name);
        return ra != rb ? ra < rb : a.name < b.name;
    });
}

double ratio(long num, long den) {
    return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

std::string json_rows(const std::vector<Tally>& rows) {
    std::string out = "[";
    for (const Tally& t : rows) {
        if (out.size() > 1) out += ",";
        out += fmt::format(
            "{{\"name\":{},\"gold\":{},\"predicted\":{},\"matched\":{},\"precision\":{:.4f},"
            "\"recall\":{:.4f}}}",
            json_quote(t.name), t.gold, t.predicted, t.matched, t.precision(), t.recall());
    }
    return out + "]";
}

// Rules have no gold: their gold and recall columns show "-".
void table_rows(std::string& out, std::string_view heading, const std::vector<Tally>& rows,
                bool with_gold = true) {
    std::size_t width = 24;
    for (const Tally& t : rows) width = std::max(width, t.name.size() + 1);
    out += fmt::format("{:<{}} {:>6} {:>9} {:>7} {:>9} {:>7}\n", heading, width, "gold",
                       "predicted", "matched", "precision", "recall");
    for (const Tally& t : rows) {
        std::string gold = with_gold ? std::to_string(t.gold) : "-";
        std::string recall = with_gold ? fmt::format("{:.3f}", t.recall()) : "-";
        out += fmt::format("{:<{}} {:>6} {:>9} {:>7} {:>9.3f} {:>7}\n", t.name, width, gold,
                           t.predicted, t.matched, t.precision(), recall);
    }
}

}  // namespace

double Tally::precision() const { return ratio(matched, predicted); }
double Tally::recall() const { return ratio(matched, gold); }

void ScoreReport::add(const ScoreReport& other) {
    auto sum = [](std::vector<Tally>& into, const std::vector<Tally>& from) {
        for (const Tally& t : from) {
            Tally& r = row(into, t.name);
            r.gold += t.gold;
            r.predicted += t.predicted;
            r.matched += t.matched;
        }
    };
    sum(entities, other.entities);
    sum(relations, other.relations);
    sum(rules, other.rules);
    order_relations(relations);
    std::sort(rules.begin(), rules.end(),
              [](const Tally& a, const Tally& b) { return a.name < b.name; });
    dated += other.dated;
    dated_right += other.dated_right;
    documents_dated += other.documents_dated;
    documents_dated_right += other.documents_dated_right;
    errors.insert(errors.end(), other.errors.begin(), other.errors.end());
}

ScoreReport score(const PropertyGraph& predicted, const PropertyGraph& gold) {
    ScoreReport report;
    std::vector<long> gold_of = match_entities(predicted, gold, report);
    std::vector<bool> edge_matched = match_relations(predicted, gold, gold_of, report);

    Tally interactions{std::string(kInteractionsRow)};
    for (const Tally& t : report.relations)
        if (std::find(kInteractions.begin(), kInteractions.end(), t.name) != kInteractions.end()) {
            interactions.gold += t.gold;
            interactions.predicted += t.predicted;
            interactions.matched += t.matched;
        }
    report.relations.push_back(interactions);
    order_relations(report.relations);

    for (NodeIndex n = 0; n < predicted.node_count(); ++n) {
        Tally& t = row(report.rules, rule_of(predicted.node(n).properties));
        t.predicted++;
        if (gold_of[n] != kNone) t.matched++;
    }
    for (EdgeIndex e = 0; e < predicted.edge_count(); ++e) {
        Tally& t = row(report.rules, rule_of(predicted.edge(e).properties));
        t.predicted++;
        if (edge_matched[e]) t.matched++;
    }
    std::sort(report.rules.begin(), report.rules.end(),
              [](const Tally& a, const Tally& b) { return a.name < b.name; });
    return report;
}

void score_document_dates(const PropertyGraph& predicted, const PropertyGraph& gold,
                          ScoreReport& report) {
    for (const auto& [id, doc] : gold.documents()) {
        if (!doc.date) continue;
        ++report.documents_dated;
        const auto& docs = predicted.documents();
        const auto it = docs.find(id);
        if (it != docs.end() && it->second.date && *it->second.date == *doc.date)
            ++report.documents_dated_right;
    }
}

std::string to_json(const ScoreReport& r) {
    return fmt::format(
        "{{\"entities\":{},\"relations\":{},\"rules\":{},\"dates\":{{\"dated\":{},\"right\":{},"
        "\"share\":{:.4f}}},\"documents\":{{\"dated\":{},\"right\":{}}}}}\n",
        json_rows(r.entities), json_rows(r.relations), json_rows(r.rules), r.dated, r.dated_right,
        ratio(r.dated_right, r.dated), r.documents_dated, r.documents_dated_right);
}

std::string to_table(const ScoreReport& r) {
    std::string out;
    table_rows(out, "entity", r.entities);
    out += "\n";
    table_rows(out, "relation", r.relations);
    out += "\n";
    table_rows(out, "rule", r.rules, false);
    out += fmt::format("\ndates right: {} of {} matched relations with a time ({:.1f}%)\n",
                       r.dated_right, r.dated, 100.0 * ratio(r.dated_right, r.dated));
    if (r.documents_dated)
        out += fmt::format("document dates read from the text: {} of {}\n", r.documents_dated_right,
                           r.documents_dated);
    return out;
}

std::string errors_text(const ScoreReport& r) {
    std::string out;
    for (const std::string& e : r.errors) out += e + "\n";
    return out;
}

}  // namespace liaison::extract
