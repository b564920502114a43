// Folding a new network into a kept one; finding duplicates within one.
#include <doctest/doctest.h>

#include <algorithm>

#include "liaison/core/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/interchange/merge.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

PropertyGraph small() { return read_graph_file(LIAISON_TEST_DATA "/interchange/small.json"); }
PropertyGraph incoming() { return read_graph_file(LIAISON_TEST_DATA "/interchange/incoming.json"); }

MergeOptions named() {
    MergeOptions o;
    o.base_name = "small";
    o.incoming_name = "spreadsheet";
    return o;
}

ValueList merged_from(const Properties& p) {
    const Value* v = p.get("merged_from");
    return v ? v->as_list() : ValueList{};
}

// Two people share the alias "Ali": a name that matches both is ambiguous.
PropertyGraph with_two_alis() {
    PropertyGraph g = small();
    for (const char* id : {"ali-one", "ali-two"}) {
        Node n;
        n.id = id;
        n.labels = {"Person"};
        n.names.en = id;
        n.names.aliases = {"Ali"};
        g.add_node(n);
    }
    return g;
}

PropertyGraph one_ali() {
    PropertyGraph g;
    Node n;
    n.id = "ali";
    n.labels = {"Person"};
    n.names.ar = "علي";
    n.names.en = "ALI";
    g.add_node(n);
    return g;
}

}  // namespace

TEST_CASE("merge: entities match by id, ISO code and folded name; the rest are added") {
    MergeResult r = merge_graphs(small(), incoming(), named());
    REQUIRE(r.complete());
    auto how = [&](const std::string& id) {
        for (const auto& m : r.report.matched)
            if (m.incoming_id == id) return m.base_id + " by " + m.evidence;
        return std::string("added");
    };
    CHECK(how("h") == "hammouchi by name 'HAMMOUCHI'");
    CHECK(how("maroc") == "morocco by iso3 MAR");
    CHECK(how("vienna") == "vienna by id");
    CHECK(how("ga-93") == "ga-93 by id");
    CHECK(how("new-person") == "added");
    const PropertyGraph& g = r.graph;
    CHECK(g.node_count() == small().node_count() + 1);

    const Node& h = g.node(*g.find_id("hammouchi"));
    CHECK(h.has_label("Official"));  // labels accumulate
    CHECK(std::count(h.names.aliases.begin(), h.names.aliases.end(), "A. Hammouchi") == 1);
    CHECK(std::count(h.names.aliases.begin(), h.names.aliases.end(), "HAMMOUCHI") ==
          0);                                                // folds to a known name
    CHECK(h.properties.get("phone")->as_string() == "n/a");  // new property added
    CHECK(h.properties.get("title_en")->as_string() ==
          "Director-General, \"DGSN\"; DGST");  // base kept
    CHECK(merged_from(h.properties) == ValueList{Value("small"), Value("spreadsheet")});
    CHECK(h.sources.size() == 2);  // sources accumulate
    CHECK(std::any_of(r.report.conflicts.begin(), r.report.conflicts.end(),
                      [](const std::string& c) { return c.find("hammouchi: title_en") == 0; }));
    // The Arabic name of Vienna was missing in the base: it is filled in.
    CHECK(g.node(*g.find_id("vienna")).names.ar == "فيينا");
    // A node the new network does not mention carries no merged_from: it is the base's alone.
    CHECK(merged_from(g.node(*g.find_id("lonely")).properties).empty());
    CHECK(merged_from(g.node(*g.find_id("new-person")).properties) ==
          ValueList{Value("spreadsheet")});
}

TEST_CASE("merge: an edge already in the base gains sources; new edges are added and tagged") {
    MergeResult r = merge_graphs(small(), incoming(), named());
    const PropertyGraph& g = r.graph;
    CHECK(r.report.merged_edges == 2);  // both MET_WITH meetings (one written in reverse)
    CHECK(r.report.added_edges == 1);
    CHECK(g.edge_count() == small().edge_count() + 1);
    const auto& met = g.edges_of_type("MET_WITH");
    REQUIRE(met.size() == 2);
    for (EdgeIndex e : met) CHECK(merged_from(g.edge(e).properties).size() == 2);
    // doc-a differs between the inputs: the new one is renamed and its citations follow.
    CHECK(r.report.renamed_documents == std::vector<std::string>{"doc-a → doc-a-2"});
    CHECK(g.documents().at("doc-a-2").title == "A different article");
    CHECK(g.documents().at("doc-a").title == "مقال أول");
    bool cites_renamed = false;
    for (EdgeIndex e : met)
        for (const Source& s : g.edge(e).sources) cites_renamed |= s.document == "doc-a-2";
    CHECK(cites_renamed);
    // The result is a valid network.
    CHECK_NOTHROW(parse_graph_json(write_graph_json(g), "merged.json"));
}

TEST_CASE("merge: an ambiguous name is listed, never guessed") {
    MergeResult r = merge_graphs(with_two_alis(), one_ali(), named());
    CHECK_FALSE(r.complete());
    REQUIRE(r.report.ambiguous.size() == 1);
    const Ambiguity& a = r.report.ambiguous[0];
    CHECK(a.incoming_id == "ali");
    REQUIRE(a.candidates.size() == 2);
    CHECK(a.candidates[0].base_id == "ali-one");
    CHECK(a.candidates[1].base_id == "ali-two");
    CHECK(a.candidates[0].evidence == "name 'ALI'");

    SUBCASE("decided by a map file") {
        MergeOptions o = named();
        o.decisions =
            parse_merge_map("# decided\nali ali-two\n", "map.txt", with_two_alis(), one_ali());
        MergeResult d = merge_graphs(with_two_alis(), one_ali(), o);
        REQUIRE(d.complete());
        CHECK(d.report.matched.at(0).base_id == "ali-two");
        CHECK(d.graph.node(*d.graph.find_id("ali-two")).names.ar == "علي");
    }
    SUBCASE("decided interactively: a new entity") {
        MergeOptions o = named();
        int asked = 0;
        o.resolve = [&](const Ambiguity&) {
            ++asked;
            return std::optional<std::string>("");
        };
        MergeResult d = merge_graphs(with_two_alis(), one_ali(), o);
        CHECK(asked == 1);
        REQUIRE(d.complete());
        CHECK(d.graph.find_id("ali"));
    }
}

TEST_CASE("merge: map files are checked with positions") {
    PropertyGraph base = with_two_alis();
    CHECK_THROWS_WITH(parse_merge_map("ali nobody\n", "m.txt", base, one_ali()),
                      "m.txt:1:5: no entity 'nobody' in the base");
    CHECK_THROWS_WITH(parse_merge_map("\n  ghost new\n", "m.txt", base, one_ali()),
                      "m.txt:2:3: no entity 'ghost' in the new network");
    CHECK_THROWS_WITH(parse_merge_map("ali\n", "m.txt", base, one_ali()),
                      "m.txt:1:1: expected INCOMING_ID BASE_ID (or new)");
}

TEST_CASE("merge: contradicting relation directions are refused") {
    PropertyGraph other = one_ali();
    other.relations().declare({"VISITED", true, "", ""});
    CHECK_THROWS_AS(merge_graphs(small(), other, named()), InputError);
}

TEST_CASE("dedupe: duplicates are found with their evidence, strongest first") {
    PropertyGraph g = small();
    Node dup;
    dup.id = "hammouchi-dup";
    dup.labels = {"Person"};
    dup.names.ar = "الحُمُّوشي";  // folds to an alias of hammouchi
    g.add_node(dup);
    Node maroc;
    maroc.id = "maroc";
    maroc.labels = {"Country"};
    maroc.names.en = "Maroc";
    maroc.properties.set("iso3", Value("MAR"));
    g.add_node(maroc);
    Node assembly;
    assembly.id = "ga-93-copy";
    assembly.labels = {"Event"};
    assembly.names.en = "Interpol General Assembly 93rd";
    g.add_node(assembly);

    auto pairs = find_duplicates(g);
    REQUIRE(pairs.size() == 3);
    CHECK(g.node(pairs[0].a).id == "maroc");
    CHECK(g.node(pairs[0].b).id == "morocco");
    CHECK(pairs[0].score == 1.0);
    CHECK(pairs[0].evidence.at(0) == "same iso3 MAR");
    CHECK(g.node(pairs[1].a).id == "hammouchi");
    CHECK(g.node(pairs[1].b).id == "hammouchi-dup");
    CHECK(pairs[1].score == doctest::Approx(0.9));
    CHECK(g.node(pairs[2].a).id == "ga-93");
    CHECK(pairs[2].score == doctest::Approx(0.5));
}

TEST_CASE("dedupe: the seed network's distinct entities are not paired on numbers") {
    PropertyGraph g = read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json");
    for (const DuplicatePair& p : find_duplicates(g)) {
        CAPTURE(g.node(p.a).id);
        CAPTURE(g.node(p.b).id);
        // Assemblies 91 and 93 differ only by their number: never a duplicate.
        CHECK_FALSE((g.node(p.a).id == "interpol-ga-91" && g.node(p.b).id == "interpol-ga-93"));
    }
}

TEST_CASE("merge: a network made in a spreadsheet folds into the seed network") {
    std::vector<NamedText> files;
    for (const char* name : {"people.csv", "meetings.csv"}) {
        std::string path = std::string(LIAISON_TEST_DATA "/interchange/spreadsheet/") + name;
        files.push_back({path, read_file(path)});
    }
    PropertyGraph sheet = import_csv(files).graph;
    PropertyGraph seed = read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json");
    MergeOptions o;
    o.base_name = "morocco-interpol";
    o.incoming_name = "spreadsheet";
    MergeResult r = merge_graphs(seed, sheet, o);
    REQUIRE(r.complete());
    std::map<std::string, std::string> matched;
    for (const auto& m : r.report.matched) matched[m.incoming_id] = m.base_id + " by " + m.evidence;
    CHECK(matched["hammouchi-sheet"] == "abdellatif-hammouchi by name 'الحَمُّوشي'");
    CHECK(matched["mar"] == "morocco by iso3 MAR");
    CHECK(matched["esp"] == "spain by iso3 ESP");
    CHECK(r.report.added_nodes == std::vector<std::string>{"marlaska", "madrid-talks"});
    CHECK(r.report.added_edges == 5);
    const PropertyGraph& g = r.graph;
    CHECK(g.node_count() == seed.node_count() + 2);
    CHECK(g.edge_count() == seed.edge_count() + 5);
    // Hammouchi's new meeting is attached to the seed's entity, and tagged with its origin.
    NodeIndex h = *g.find_id("abdellatif-hammouchi");
    bool met_marlaska = false;
    g.for_each_incident(h, Direction::Both, [&](EdgeIndex e, NodeIndex other) {
        if (g.node(other).id == "marlaska" && g.type_name(g.edge(e)) == "MET_WITH")
            met_marlaska = merged_from(g.edge(e).properties) == ValueList{Value("spreadsheet")};
    });
    CHECK(met_marlaska);
    CHECK(g.node(h).names.aliases.end() != std::find(g.node(h).names.aliases.begin(),
                                                     g.node(h).names.aliases.end(),
                                                     "A. Hammouchi"));
    CHECK_NOTHROW(parse_graph_json(write_graph_json(g), "merged.json"));
}
