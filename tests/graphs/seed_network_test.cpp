// The shipped seed network: valid, canonical, and every fact backed by a verbatim quote.
#include <doctest/doctest.h>

#include <filesystem>

#include "liaison/io/native_format.hpp"
#include "liaison/io/provenance.hpp"
#include "liaison/model/lookup.hpp"

using namespace liaison;

namespace {
const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
}

TEST_CASE("the seed network is valid and canonical") {
    std::string text = read_file(kSeed);
    PropertyGraph g = parse_graph_json(text, kSeed);
    CHECK(g.node_count() > 100);
    CHECK(g.edge_count() > 150);
    CHECK(write_graph_json(g) == text);
}

TEST_CASE("every node and edge cites a quote found verbatim in its article") {
    if (!std::filesystem::exists(LIAISON_SEEDS_DIR)) {
        MESSAGE("seed articles not found at " LIAISON_SEEDS_DIR "; skipped");
        return;
    }
    PropertyGraph g = read_graph_file(kSeed);
    auto problems = check_provenance(g, LIAISON_SEEDS_DIR, true);
    for (const auto& p : problems) MESSAGE(p);
    CHECK(problems.empty());
    CHECK(g.documents().size() == 5);
}

TEST_CASE("the seed network holds the facts the articles state") {
    PropertyGraph g = read_graph_file(kSeed);
    NodeIndex h = resolve(g, "الحموشي");
    CHECK(resolve(g, "Hammouchi") == h);
    CHECK(resolve(g, "عبد اللطيف حموشي") == h);
    CHECK(g.node(h).id == "abdellatif-hammouchi");
    int met = 0;
    g.for_each_incident(h, Direction::Both, [&](EdgeIndex e, NodeIndex) {
        met += g.type_name(g.edge(e)) == "MET_WITH";
    });
    CHECK(met >= 40);
    CHECK(g.edges_of_type("SIGNED_MOU").size() == 2);
    for (const char* iso : {"MAR", "AUT", "NOR", "ETH", "QAT", "TUR", "SAU", "PAK", "ARE"}) {
        bool found = false;
        for (NodeIndex c : g.nodes_with_label("Country"))
            if (auto v = g.node(c).properties.get("iso3"); v && v->as_string() == iso) found = true;
        CHECK_MESSAGE(found, iso);
    }
    auto ga93 = g.node(resolve(g, "interpol-ga-93"));
    CHECK(ga93.properties.get("session")->as_int() == 93);
    CHECK(ga93.time.start->to_string() == "2025-11-24");
    CHECK(ga93.time.end->to_string() == "2025-11-27");
}
