#include "scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "liaison/query/query.hpp"
#include "tck_procedures.hpp"
#include "tck_values.hpp"

namespace liaison::tck {

namespace {

using query::QueryResult;

// What the TCK's side effects count: nodes, relationships, distinct labels, and properties
// (entity, key, value) of the graph, as multisets.
struct State {
    std::multiset<std::string> nodes, rels, labels, props;
};

// Relationships have no identity of their own in the graph: two of one type between the same
// nodes look alike, so a query that deletes one and creates another would seem to change
// nothing. Before each query the runner names the relationships that have no id; those created
// by the query are the ones without one.
void name_relationships(PropertyGraph& g, std::size_t& next) {
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        if (!g.edge(e).id.empty()) continue;
        Edge named = g.edge(e);
        named.id = fmt::format("tck-rel-{}", next++);
        g.replace_edge(e, std::move(named));
    }
}

State capture(PropertyGraph& g) {
    State s;
    query::QueryResult empty;
    for (const auto& n : g.nodes()) {
        s.nodes.insert(n.id);
        for (const auto& l : n.labels)
            if (!s.labels.count(l)) s.labels.insert(l);
        for (const auto& [k, v] : n.properties)
            s.props.insert(n.id + "." + k + "=" + v.to_display());
    }
    for (EdgeIndex i = 0; i < g.edge_count(); ++i) {
        const Edge& e = g.edge(i);
        std::string id = g.node(e.source).id + "-" + g.type_name(e) + "->" + g.node(e.target).id +
                         " " + (e.id.empty() ? fmt::format("new-{}", i) : e.id);
        s.rels.insert(id);
        for (const auto& [k, v] : e.properties) s.props.insert(id + "." + k + "=" + v.to_display());
    }
    return s;
}

std::size_t minus(const std::multiset<std::string>& a, const std::multiset<std::string>& b) {
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out.size();
}

std::map<std::string, std::size_t> effects(const State& before, const State& after) {
    return {{"+nodes", minus(after.nodes, before.nodes)},
            {"-nodes", minus(before.nodes, after.nodes)},
            {"+relationships", minus(after.rels, before.rels)},
            {"-relationships", minus(before.rels, after.rels)},
            {"+labels", minus(after.labels, before.labels)},
            {"-labels", minus(before.labels, after.labels)},
            {"+properties", minus(after.props, before.props)},
            {"-properties", minus(before.props, after.props)}};
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

struct Run {
    std::optional<QueryResult> result;
    std::optional<query::QueryError> error;
    std::string other_error;
    State before, after;
};

}  // namespace

Outcome run_scenario(const Scenario& s, const std::string& graphs_dir) {
    PropertyGraph g;
    query::ValueMap params;
    Run run;
    TestProcedures procedures;
    bool executed = false;
    std::size_t named = 0;  // relationships named so far
    auto failed = [](std::string m) { return Outcome{Outcome::Status::Failed, std::move(m)}; };
    for (const Step& step : s.steps) {
        const std::string& t = step.text;
        if (t == "an empty graph" || t == "any graph") continue;
        if (t.rfind("the ", 0) == 0 && t.size() > 10 && t.substr(t.size() - 6) == " graph") {
            std::string name = t.substr(4, t.size() - 10);
            std::filesystem::path p = std::filesystem::path(graphs_dir) / name / (name + ".cypher");
            std::ifstream in(p);
            if (!in) return {Outcome::Status::Skipped, "unknown graph " + name};
            std::stringstream text;
            text << in.rdbuf();
            try {
                query::execute(g, text.str());
            } catch (const std::exception& e) {
                return failed(fmt::format("setting up graph {}: {}", name, e.what()));
            }
            continue;
        }
        if (t.rfind("there exists a procedure ", 0) == 0) {
            try {
                procedures.add(t.substr(25), step.table);
            } catch (const std::exception& e) {
                return failed(fmt::format("declaring a procedure: {}", e.what()));
            }
            continue;
        }
        if (t == "having executed:") {
            try {
                query::execute(g, step.doc, params);
            } catch (const std::exception& e) {
                return failed(fmt::format("setup query failed: {}", e.what()));
            }
            continue;
        }
        if (t == "parameters are:") {
            for (const auto& row : step.table) {
                if (row.size() != 2) return failed("malformed parameters table");
                query::map_set(params, row[0], query::parse_parameter(row[1]));
            }
            continue;
        }
        if (t == "executing query:" || t == "executing control query:") {
            run = Run();
            name_relationships(g, named);
            run.before = capture(g);
            executed = true;
            try {
                run.result = query::execute(g, step.doc, params);
            } catch (const query::QueryError& e) {
                run.error = e;
            } catch (const std::exception& e) {
                run.other_error = e.what();
            }
            run.after = capture(g);
            continue;
        }
        if (!executed) return {Outcome::Status::Skipped, "unsupported step: " + t};
        if (!run.other_error.empty()) return failed("unexpected error: " + run.other_error);
        if (t.rfind("the result should be", 0) == 0) {
            if (run.error) return failed(std::string("unexpected error: ") + run.error->what());
            const QueryResult& r = *run.result;
            if (t == "the result should be empty") {
                if (!r.rows.empty())
                    return failed(fmt::format("expected no rows, got {}", r.rows.size()));
                continue;
            }
            bool ordered = t.find("in order") != std::string::npos &&
                           t.find("in any order") == std::string::npos;
            bool sort_lists = t.find("ignoring element order for lists") != std::string::npos;
            if (step.table.empty()) return failed("no expected table");
            if (step.table[0] != r.columns)
                return failed(fmt::format("columns: expected [{}], got [{}]",
                                          join(step.table[0], ", "), join(r.columns, ", ")));
            std::vector<std::string> want, have;
            try {
                for (std::size_t i = 1; i < step.table.size(); ++i) {
                    std::vector<std::string> cells;
                    for (const auto& c : step.table[i])
                        cells.push_back(canonical_expected(c, sort_lists));
                    want.push_back(join(cells, " | "));
                }
            } catch (const std::exception& e) {
                return {Outcome::Status::Skipped,
                        std::string("cannot read expected value: ") + e.what()};
            }
            for (const auto& row : r.rows) {
                std::vector<std::string> cells;
                for (const auto& v : row) cells.push_back(canonical_actual(r, v, sort_lists));
                have.push_back(join(cells, " | "));
            }
            if (!ordered) {
                std::sort(want.begin(), want.end());
                std::sort(have.begin(), have.end());
            }
            if (want != have)
                return failed(fmt::format("rows differ:\n       expected: {}\n       actual:   {}",
                                          join(want, "; "), join(have, "; ")));
            continue;
        }
        if (t.rfind("a ", 0) == 0 && t.find(" should be raised at ") != std::string::npos) {
            std::string type = t.substr(2, t.find(' ', 2) - 2);
            bool compile = t.find("compile time") != std::string::npos;
            bool any = t.find("any time") != std::string::npos;
            if (!run.error) return failed("expected " + type + ", but the query succeeded");
            if (run.error->category() != type)
                return failed(fmt::format("expected {}, got {}", type, run.error->what()));
            if (!any && run.error->compile_time() != compile)
                return failed(fmt::format("expected the error at {}, got {}",
                                          compile ? "compile time" : "runtime", run.error->what()));
            continue;
        }
        if (t == "no side effects" || t == "the side effects should be:") {
            if (run.error) return failed(std::string("unexpected error: ") + run.error->what());
            auto got = effects(run.before, run.after);
            std::map<std::string, std::size_t> want;
            for (const auto& row : step.table)
                if (row.size() == 2) want[row[0]] = std::stoul(row[1]);
            for (const auto& [k, n] : got) {
                std::size_t w = want.count(k) ? want[k] : 0;
                if (w != n)
                    return failed(fmt::format("side effect {}: expected {}, got {}", k, w, n));
            }
            continue;
        }
        return {Outcome::Status::Skipped, "unsupported step: " + t};
    }
    return {};
}

}  // namespace liaison::tck
