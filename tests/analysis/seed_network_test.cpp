// The seed network (graphs/morocco-interpol.json): the projections the peer fixtures were built
// from, and the analysts' questions on it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "fixtures.hpp"
#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/ranking.hpp"
#include "liaison/analysis/time_slices.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
using namespace liaison::analysis;

namespace {

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";

using IdEdges = std::map<std::pair<std::string, std::string>, double>;

IdEdges id_edges(const std::vector<WeightedEdge>& edges, const std::vector<std::string>& ids) {
    IdEdges out;
    for (const WeightedEdge& e : edges) out[{ids[e.source], ids[e.target]}] = e.weight;
    return out;
}

// The projection equals the fixture's graph, id by id (vertex numbers may differ).
void check_same(const Projection& p, const fixtures::Fixture& f) {
    std::vector<std::string> ids = p.ids, nodes = f.nodes;
    std::sort(ids.begin(), ids.end());
    std::sort(nodes.begin(), nodes.end());
    CHECK(ids == nodes);
    CHECK(p.graph.directed() == f.directed);
    CHECK(id_edges(p.graph.edges(), p.ids) == id_edges(f.csr().edges(), f.nodes));
}

}  // namespace

TEST_CASE("seed network: projections match the ones the peers checked") {
    if (!std::filesystem::exists(kSeed)) {
        MESSAGE("no seed network; skipped");
        return;
    }
    const PropertyGraph g = read_graph_file(kSeed);
    check_same(project(g), fixtures::load("seed"));
    ProjectionOptions directed;
    directed.direction = ProjectionDirection::Directed;
    check_same(project(g, directed), fixtures::load("seed_directed"));
    ProjectionOptions fold;
    fold.fold_via = "Event";
    fold.edge_types = {"ATTENDED"};
    fold.weight = WeightMode::Count;
    check_same(project(g, fold), fixtures::load("seed_fold"));
}

TEST_CASE("seed network: the analysts' questions") {
    if (!std::filesystem::exists(kSeed)) {
        MESSAGE("no seed network; skipped");
        return;
    }
    const PropertyGraph g = read_graph_file(kSeed);
    Projection p = project(g);
    SUBCASE("the security chief is the broker and the most connected") {
        Scores b = betweenness(p.graph);
        CHECK(p.ids[ranking(b.value, p.ids).front()] == "abdellatif-hammouchi");
        Scores d = degree(p.graph);
        CHECK(p.ids[ranking(d.value, p.ids).front()] == "abdellatif-hammouchi");
    }
    SUBCASE("communities are a valid partition with clear structure") {
        Partition c = leiden(p.graph, {.seed = 1});
        CHECK(c.count >= 3);
        CHECK(c.modularity > 0.4);
    }
    SUBCASE("Vienna 2023 against Marrakech 2025: ties formed") {
        auto when = [&](const char* event) {
            const TimeSpan& t = g.node(*g.find_id(event)).time;
            return TimeWindow{t.start, t.end};
        };
        SliceDiff d = diff_slices(g, when("interpol-ga-91"), when("interpol-ga-93"));
        CHECK(d.formed.size() > 20);
        std::set<std::string> formed;
        for (const Tie& t : d.formed) {
            formed.insert(g.node(t.source).id + " " + g.relations().get(t.type).name + " " +
                          g.node(t.target).id);
        }
        CHECK(formed.count("abdellatif-hammouchi MET_WITH abdulmajeed-al-banyan") == 1);
        CHECK(std::find(d.entered.begin(), d.entered.end(), *g.find_id("interpol-ga-93")) !=
              d.entered.end());
        CHECK(std::find(d.left.begin(), d.left.end(), *g.find_id("interpol-ga-91")) !=
              d.left.end());
    }
}
