// Projections of a lazily loaded binary store (rank, communities, paths) read only edge ends and
// types from the mapping when no weight property, label or window asks for content, and give
// exactly the loaded graph's projection (issue 16: pay for what a command touches).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/projection.hpp"
#include "liaison/render/view.hpp"
#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace liaison::analysis;
using namespace store_test;

namespace {

// Directed and symmetric relations, parallel edges, self-loops, dated and undated edges, a
// numeric edge property and two labels.
PropertyGraph network(std::uint32_t seed, int nodes, int edges) {
    std::mt19937 rng(seed);
    PropertyGraph g;
    const RelationId met = g.relations().declare({"MET_WITH", true, "", "", false});
    const RelationId visited = g.relation("VISITED");
    const RelationId heads = g.relation("HEADS");
    for (int i = 0; i < nodes; ++i) {
        Node n = person(fmt::format("n{:04}", i), fmt::format("Official {}", i));
        if (i % 4 == 0) n.labels = {"Country"};
        g.add_node(std::move(n));
    }
    for (int k = 0; k < edges; ++k) {
        Edge e;
        e.source = static_cast<NodeIndex>(rng() % nodes);
        e.target = k % 29 == 0 ? e.source : static_cast<NodeIndex>(rng() % nodes);
        e.type = k % 3 == 0 ? met : (k % 3 == 1 ? visited : heads);
        if (k % 2 == 0) e.time.date = Date::parse(fmt::format("2024-{:02}", 1 + k % 12));
        if (k % 4 == 0) e.properties.set("weight", Value(std::int64_t{1 + k % 5}));
        Edge twin = e;
        g.add_edge(std::move(e));
        if (k % 9 == 0) g.add_edge(std::move(twin));
    }
    return g;
}

void check_same(const Projection& a, const Projection& b) {
    CHECK(a.ids == b.ids);
    CHECK(a.vertex_of == b.vertex_of);
    CHECK(a.graph.origins() == b.graph.origins());
    CHECK(a.graph.directed() == b.graph.directed());
    const auto ea = a.graph.edges(), eb = b.graph.edges();
    REQUIRE(ea.size() == eb.size());
    for (std::size_t i = 0; i < ea.size(); ++i) {
        CHECK(ea[i].source == eb[i].source);
        CHECK(ea[i].target == eb[i].target);
        CHECK(ea[i].weight == eb[i].weight);
    }
}

}  // namespace

TEST_CASE("lazy projection: ends and types from the mapping, the loaded graph's result") {
    PropertyGraph g = network(11, 300, 2400);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "net.liaison");
    const PropertyGraph eager = image->to_graph();

    std::vector<ProjectionOptions> lean(4);
    lean[1].direction = ProjectionDirection::Directed;
    lean[1].weight = WeightMode::Count;
    lean[2].direction = ProjectionDirection::Reversed;
    lean[2].parallel = ParallelEdges::Max;
    lean[3].edge_types = {"MET_WITH", "VISITED"};
    for (std::size_t i = 0; i < lean.size(); ++i) {
        CAPTURE(i);
        PropertyGraph lazy = binary::lazy_graph(image);
        REQUIRE(lazy.lazy());
        const Projection p = project(lazy, lean[i]);
        check_same(p, project(eager, lean[i]));
        CHECK(lazy.lazy());  // nothing but ends, types and ids was read
        const Scores d = degree(p.graph, {});
        CHECK(d.value == degree(project(eager, lean[i]).graph, {}).value);
        // A ranking's names: a few nodes decoded, the graph still not loaded.
        for (NodeIndex n = 0; n < 20; ++n) CHECK(lazy.node(n).id == eager.node(n).id);
        CHECK(lazy.lazy());
    }

    // What asks for content (a weight property, labels, a window) reads it, with the same result.
    std::vector<ProjectionOptions> full(3);
    full[0].weight = WeightMode::Property;
    full[0].weight_property = "weight";
    full[1].labels = {"Person"};
    full[2].window.from = Date::parse("2024-03");
    full[2].window.to = Date::parse("2024-06");
    for (std::size_t i = 0; i < full.size(); ++i) {
        CAPTURE(i);
        PropertyGraph lazy = binary::lazy_graph(image);
        check_same(project(lazy, full[i]), project(eager, full[i]));
    }
}

TEST_CASE("lazy graph: listing every node of an edge-heavy graph does not load its edges") {
    PropertyGraph g = network(5, 2000, 20000);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "net.liaison");
    PropertyGraph lazy = binary::lazy_graph(image);
    for (NodeIndex n = 0; n < lazy.node_count(); ++n) CHECK(lazy.node(n).id == g.node(n).id);
    CHECK(lazy.lazy());  // 2,000 nodes of about 24,000 entities: under a quarter
}

TEST_CASE("lazy graph: a drawing's view (degree, cap, types) reads ends and types only") {
    PropertyGraph g = network(3, 400, 3000);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "net.liaison");
    const PropertyGraph eager = image->to_graph();
    PropertyGraph lazy = binary::lazy_graph(image);
    render::ViewSpec spec;
    spec.max_nodes = 40;
    spec.types = {"MET_WITH", "HEADS"};
    spec.labels = {"Person", "Country"};
    const std::vector<double> score = render::degree_scores(lazy);
    CHECK(score == render::degree_scores(eager));
    const render::View a = render::select_view(lazy, spec, score);
    const render::View b = render::select_view(eager, spec, render::degree_scores(eager));
    CHECK(a.nodes == b.nodes);
    CHECK(a.edges == b.edges);
    CHECK(a.dropped == b.dropped);
    CHECK(a.dropped_edges == b.dropped_edges);
    CHECK(lazy.lazy());
}
