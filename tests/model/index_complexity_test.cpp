// Building a graph is linear in its nodes however many share a label or a name: the label and
// name indexes count the elements they examine or move (detail::index_steps), so a quadratic
// step shows as a count, without timing anything.
#include <doctest/doctest.h>

#include <string>

#include "liaison/model/lookup.hpp"
#include "liaison/model/property_graph.hpp"
#include "model/index_stats.hpp"

using namespace liaison;

namespace {

Node shared(std::size_t i) {
    Node n;
    n.id = "n" + std::to_string(i);
    n.labels = {"Person"};
    n.names.en = "Same Name";
    n.names.ar = "الاسم نفسه";
    n.names.aliases = {"Same", "Same Name"};
    return n;
}

}  // namespace

TEST_CASE("adding nodes that share a label and names costs a bounded number of steps each") {
    constexpr std::size_t kNodes = 20000;
    PropertyGraph g;
    const std::uint64_t before = detail::index_steps();
    for (std::size_t i = 0; i < kNodes; ++i) g.add_node(shared(i));
    const std::uint64_t steps = detail::index_steps() - before;
    // One label and four names (two of them folding alike) per node.
    CHECK(steps <= 5 * kNodes);
    CHECK(g.nodes_with_label("Person").size() == kNodes);
    CHECK(g.find_name("same name").size() == kNodes);
    CHECK(g.find_name("الاسم نفسه").size() == kNodes);
}

TEST_CASE("replacing a node touches only its own lists") {
    PropertyGraph g;
    for (std::size_t i = 0; i < 1000; ++i) {
        Node n = shared(i);
        n.names = {};
        n.names.en = "Unique " + std::to_string(i);
        g.add_node(std::move(n));
    }
    const std::uint64_t before = detail::index_steps();
    Node last = g.node(999);
    last.names.en = "Renamed";
    g.replace_node(999, last);
    // Out of its label's list (the last element) and its old name's, into the new ones.
    CHECK(detail::index_steps() - before <= 6);
    CHECK(g.find_name("Renamed") == std::vector<NodeIndex>{999});
    CHECK(g.find_name("Unique 999").empty());
    CHECK(g.find_name("Unique 998") == std::vector<NodeIndex>{998});
    Node first = g.node(0);
    first.labels = {"Agency"};
    g.replace_node(0, first);
    CHECK(g.nodes_with_label("Person").size() == 999);
    CHECK(g.nodes_with_label("Agency") == std::vector<NodeIndex>{0});
}
