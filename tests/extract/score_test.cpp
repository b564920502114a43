// Scoring an extraction against a gold network: entity matching, relations, rules, dates.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "liaison/core/date.hpp"
#include "liaison/extract/score.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
using liaison::extract::ScoreReport;
using liaison::extract::Tally;

namespace {

NodeIndex person(PropertyGraph& g, const std::string& id, const std::string& ar,
                 const std::string& en = "", const std::string& rule = "") {
    Node n;
    n.id = id;
    n.labels = {"Person"};
    n.names.ar = ar;
    n.names.en = en;
    if (!rule.empty()) n.properties.set("rule", rule);
    return g.add_node(n);
}

NodeIndex entity(PropertyGraph& g, const std::string& id, const std::string& label,
                 const std::string& ar, const std::string& iso3 = "") {
    Node n;
    n.id = id;
    n.labels = {label};
    n.names.ar = ar;
    if (!iso3.empty()) n.properties.set("iso3", iso3);
    return g.add_node(n);
}

void edge(PropertyGraph& g, NodeIndex s, const std::string& type, NodeIndex t,
          const std::string& date = "", bool planned = false, const std::string& rule = "") {
    Edge e;
    e.type = g.relation(type);
    e.source = s;
    e.target = t;
    if (!date.empty()) e.time.date = Date::parse(date);
    if (planned) e.properties.set("status", "planned");
    if (!rule.empty()) e.properties.set("rule", rule);
    g.add_edge(e);
}

const Tally& row(const std::vector<Tally>& rows, const std::string& name) {
    for (const Tally& t : rows)
        if (t.name == name) return t;
    FAIL("no row " << name);
    return rows.front();
}

}  // namespace

TEST_CASE("score: precision and recall are 1 when their denominators are 0") {
    Tally t{"x"};
    CHECK(t.precision() == 1.0);
    CHECK(t.recall() == 1.0);
    t.gold = 4;
    t.predicted = 2;
    t.matched = 1;
    CHECK(t.precision() == doctest::Approx(0.5));
    CHECK(t.recall() == doctest::Approx(0.25));
}

TEST_CASE("score: entities match by folded names, iso3 and person word runs, one to one") {
    PropertyGraph gold, pred;
    person(gold, "h", "عبد اللطيف الحموشي", "Abdellatif Hammouchi");
    person(gold, "f", "فيصل شهكار");
    entity(gold, "mar", "Country", "المغرب", "MAR");
    entity(gold, "esp", "Country", "إسبانيا", "ESP");
    entity(gold, "dgsn", "Agency", "المديرية العامة للأمن الوطني");
    entity(gold, "vienna", "City", "فيينا");

    person(pred, "p1", "الحُمُوشي عبد اللطيف");  // not a run: words reordered
    person(pred, "p2", "اللطيف الحموشي");      // a two-word run of the gold's Arabic name
    person(pred, "p3", "فيصل");                // a single word is not enough
    entity(pred, "c1", "Country", "المملكة المغربية", "MAR");            // by iso3
    entity(pred, "c2", "Country", "اسبانيا");                            // folded hamza
    entity(pred, "o1", "Organization", "المديريه العامه للامن الوطني");  // Agency ≈ Organization
    entity(pred, "t1", "City", "Vienna");                                // no shared name

    ScoreReport r = extract::score(pred, gold);
    const Tally& p = row(r.entities, "Person");
    CHECK(p.gold == 2);
    CHECK(p.predicted == 3);
    CHECK(p.matched == 1);
    const Tally& c = row(r.entities, "Country");
    CHECK(c.matched == 2);
    CHECK(row(r.entities, "Organisation").matched == 1);
    CHECK(row(r.entities, "City").matched == 0);
    CHECK(row(r.entities, "Event").gold == 0);
    CHECK(r.entities.size() == 5);
    CHECK(r.entities[1].name == "Organisation");
}

TEST_CASE("score: two predictions of one gold entity count once") {
    PropertyGraph gold, pred;
    person(gold, "a", "طلال", "Tal Goldstein");
    person(pred, "x", "Tal Goldstein");
    person(pred, "y", "TAL GOLDSTEIN");
    ScoreReport r = extract::score(pred, gold);
    CHECK(row(r.entities, "Person").matched == 1);
    CHECK(row(r.entities, "Person").precision() == doctest::Approx(0.5));
}

TEST_CASE("score: the matching is maximal, not greedy") {
    // Gold "A B C" could take either prediction; gold "B C D" only the second. A greedy pass in
    // gold order would give "B C" to the first gold and leave the second unmatched.
    PropertyGraph gold, pred;
    person(gold, "g1", "Alpha Beta Gamma");
    person(gold, "g2", "Beta Gamma Delta");
    person(pred, "p1", "Beta Gamma");
    person(pred, "p2", "Alpha Beta");
    ScoreReport r = extract::score(pred, gold);
    CHECK(row(r.entities, "Person").matched == 2);
}

TEST_CASE("score: relations need type, matched ends, direction and status") {
    PropertyGraph gold, pred;
    NodeIndex gh = person(gold, "h", "الحموشي");
    NodeIndex gs = person(gold, "s", "شهكار");
    NodeIndex gm = entity(gold, "mar", "Country", "المغرب", "MAR");
    NodeIndex ga = entity(gold, "a", "Country", "النمسا", "AUT");
    edge(gold, gh, "MET_WITH", gs, "2025-11-24");
    edge(gold, gh, "VISITED", ga, "2023-11-28");
    edge(gold, gh, "REPRESENTS", gm);
    edge(gold, gs, "MET_WITH", gm, "", true);  // planned

    NodeIndex ph = person(pred, "p1", "الحموشي", "", "title-name");
    NodeIndex ps = person(pred, "p2", "شهكار", "", "title-name");
    NodeIndex pm = entity(pred, "c1", "Country", "المغرب", "MAR");
    NodeIndex pa = entity(pred, "c2", "Country", "النمسا", "AUT");
    edge(pred, ps, "MET_WITH", ph, "2025-11-24", false, "met");      // symmetric: reversed is fine
    edge(pred, pa, "VISITED", ph, "2023-11-28", false, "visit");     // directed: reversed is wrong
    edge(pred, ph, "REPRESENTS", pm, "2023-11-28", false, "title");  // right, a date too many
    edge(pred, ps, "MET_WITH", pm, "", false, "met");  // asserted, the gold's is planned

    ScoreReport r = extract::score(pred, gold);
    CHECK(row(r.relations, "MET_WITH").gold == 2);
    CHECK(row(r.relations, "MET_WITH").matched == 1);
    CHECK(row(r.relations, "VISITED").matched == 0);
    CHECK(row(r.relations, "REPRESENTS").matched == 1);
    const Tally& inter = row(r.relations, "interactions");
    CHECK(inter.gold == 3);  // two MET_WITH, one VISITED; REPRESENTS is not an interaction
    CHECK(inter.predicted == 3);
    CHECK(inter.matched == 1);
    CHECK(r.relations.back().name == "interactions");
    CHECK(r.relations.front().name == "MET_WITH");
    CHECK(r.dated == 2);
    CHECK(r.dated_right == 1);

    CHECK(row(r.rules, "met").predicted == 2);
    CHECK(row(r.rules, "met").matched == 1);
    CHECK(row(r.rules, "visit").matched == 0);
    CHECK(row(r.rules, "title-name").matched == 2);
    CHECK(row(r.rules, "(no rule)").predicted == 2);  // the two countries
}

TEST_CASE("score: planned matches planned") {
    PropertyGraph gold, pred;
    edge(gold, person(gold, "a", "Amal Ziani"), "MET_WITH", person(gold, "b", "Badr Hilali"), "",
         true);
    edge(pred, person(pred, "a", "Amal Ziani"), "MET_WITH", person(pred, "b", "Badr Hilali"), "",
         true);
    ScoreReport r = extract::score(pred, gold);
    CHECK(row(r.relations, "MET_WITH").matched == 1);
    CHECK(r.dated == 0);
}

TEST_CASE("score: reports add up per name, and print") {
    PropertyGraph gold, pred;
    edge(gold, person(gold, "a", "Amal Ziani"), "HOSTED", person(gold, "b", "Badr Hilali"));
    edge(pred, person(pred, "a", "Amal Ziani"), "HOSTED", person(pred, "b", "Badr Hilali"));
    ScoreReport one = extract::score(pred, gold);
    PropertyGraph gold2, pred2;
    edge(gold2, person(gold2, "a", "Amal Ziani"), "HEADS", entity(gold2, "o", "Agency", "Police"));
    ScoreReport two = extract::score(pred2, gold2);

    ScoreReport total;
    total.add(one);
    total.add(two);
    CHECK(row(total.entities, "Person").gold == 3);
    CHECK(row(total.entities, "Person").matched == 2);
    CHECK(row(total.relations, "HOSTED").matched == 1);
    CHECK(row(total.relations, "HEADS").gold == 1);
    CHECK(row(total.relations, "HEADS").recall() == 0.0);
    // HOSTED sorts before HEADS (the contract's order), interactions last.
    CHECK(total.relations.front().name == "HOSTED");
    CHECK(total.relations.back().name == "interactions");

    std::string json = extract::to_json(total);
    CHECK(json.find(R"({"name":"HEADS","gold":1,"predicted":0,"matched":0,"precision":1.0000,)"
                    R"("recall":0.0000})") != std::string::npos);
    CHECK(json.find(R"("dates":{"dated":0,"right":0,"share":1.0000})") != std::string::npos);
    std::string table = extract::to_table(total);
    CHECK(table.find("Organisation") != std::string::npos);
    CHECK(table.find("interactions") != std::string::npos);
}

TEST_CASE("score: every gold file of the development set matches itself completely") {
    namespace fs = std::filesystem;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(LIAISON_TEST_DATA "/extract/gold")) {
        if (entry.path().extension() != ".json") continue;
        PropertyGraph gold = read_graph_file(entry.path().string());
        ScoreReport r = extract::score(gold, gold);
        for (const auto* rows : {&r.entities, &r.relations}) {
            for (const Tally& t : *rows) {
                INFO(entry.path().filename().string() << " " << t.name);
                CHECK(t.matched == t.gold);
                CHECK(t.predicted == t.gold);
            }
        }
        CHECK(r.dated_right == r.dated);
        ++files;
    }
    CHECK(files >= 10);
}
