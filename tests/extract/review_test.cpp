// Review decisions on a candidates file: order, accept / reject / edit, decisions files, the
// sentence around a quote, and the review page's data.
#include <doctest/doctest.h>

#include <string>

#include "extract/review_page.hpp"
#include "liaison/core/error.hpp"
#include "liaison/extract/review.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
using namespace liaison::extract;

namespace {

const std::string kDir = LIAISON_TEST_DATA "/extract/review/";

PropertyGraph candidates() { return read_graph_file(kDir + "r01-rabat-finland.candidates.json"); }

Review state_of(const PropertyGraph& g, const std::string& id) {
    FactRef f = find_fact(g, id);
    return review_of(f.edge ? g.edge(f.index).properties : g.node(f.index).properties);
}

}  // namespace

TEST_CASE("review: edges first in reading order, then the nodes no edge needs") {
    PropertyGraph g = candidates();
    std::vector<std::string> ids;
    for (FactRef f : review_order(g)) ids.push_back(fact_id(g, f));
    CHECK(ids == std::vector<std::string>{"c1", "c2", "c3", "c4", "rabat", "finland"});
}

TEST_CASE("review: accepting an edge accepts its pending ends, not a rejected one") {
    PropertyGraph g = candidates();
    decide(g, find_fact(g, "fin-police"), Review::Rejected);
    decide(g, find_fact(g, "c2"), Review::Accepted);
    CHECK(state_of(g, "c2") == Review::Accepted);
    CHECK(state_of(g, "finnish-police-commissioner") == Review::Accepted);
    CHECK(state_of(g, "fin-police") == Review::Rejected);
    CHECK(state_of(g, "c1") == Review::Pending);
    CHECK_THROWS_AS(find_fact(g, "c99"), LookupError);
}

TEST_CASE("review: edits change type, ends, date and names, and refuse what does not fit") {
    PropertyGraph g = candidates();
    FactRef c3 = find_fact(g, "c3");
    edit_fact(g, c3, {.type = "RECEIVED", .target = "fin-police", .date = "2025-11"});
    const Edge& e = g.edge(c3.index);
    CHECK(g.type_name(e) == "RECEIVED");
    CHECK(g.node(e.target).id == "fin-police");
    CHECK(e.time.to_string() == "2025-11");
    edit_fact(g, c3, {.date = ""});
    CHECK(g.edge(c3.index).time.empty());
    CHECK_THROWS_WITH_AS(edit_fact(g, c3, {.date = "2025-02-30"}),
                         doctest::Contains("c3: date: '2025-02-30' is not a date"), ArgumentError);
    CHECK_THROWS_WITH_AS(edit_fact(g, c3, {.source = "nobody"}),
                         doctest::Contains("c3: source: no node 'nobody'"), ArgumentError);
    CHECK_THROWS_AS(edit_fact(g, c3, {.ar = "x"}), ArgumentError);

    FactRef rabat = find_fact(g, "rabat");
    edit_fact(g, rabat, {.en = "Rabat-Salé", .match = "rabat"});
    CHECK(g.node(rabat.index).names.en == "Rabat-Salé");
    CHECK(g.node(rabat.index).properties.get("match")->as_string() == "existing");
    CHECK_THROWS_AS(edit_fact(g, rabat, {.type = "HOSTED"}), ArgumentError);
}

TEST_CASE("review: a decisions file is applied all or nothing, errors at line and column") {
    PropertyGraph g = candidates();
    apply_decisions(g,
                    R"({"decisions": [{"id": "c1", "review": "accepted"},
                                      {"id": "c4", "review": "rejected", "date": "2026"}]})",
                    "d.json");
    CHECK(state_of(g, "c1") == Review::Accepted);
    CHECK(state_of(g, "bd-alltyf-hmwshy") == Review::Accepted);
    CHECK(state_of(g, "c4") == Review::Rejected);
    CHECK(g.edge(find_fact(g, "c4").index).time.to_string() == "2026");

    PropertyGraph h = candidates();
    std::string bad =
        "{\"decisions\": [{\"id\": \"c2\", \"review\": \"accepted\"},\n"
        "  {\"id\": \"c3\", \"review\": \"maybe\"}]}";
    CHECK_THROWS_WITH_AS(apply_decisions(h, bad, "d.json"),
                         doctest::Contains("d.json:2:26: review: 'maybe' is not accepted"),
                         InputError);
    CHECK(state_of(h, "c2") == Review::Pending);  // nothing applied
    CHECK_THROWS_WITH_AS(apply_decisions(h, R"({"decisions": [{"id": "c9"}]})", "d.json"),
                         doctest::Contains("d.json:1:23: no fact with id 'c9'"), InputError);
    CHECK_THROWS_WITH_AS(
        apply_decisions(h, R"({"decisions": [{"id": "c1", "colour": 1}]})", "d.json"),
        doctest::Contains("unknown field 'colour'"), InputError);
    CHECK_THROWS_WITH_AS(apply_decisions(h, "{\"decisions\": [", "d.json"),
                         doctest::Contains("d.json:1:16: not valid JSON"), InputError);
}

TEST_CASE("review: the sentence around a quote, by code-point offsets") {
    std::string text = "أولى. استقبل حموشي الوفد؟ ثالثة\nرابعة";
    // "حموشي" is code points 13..18.
    auto q = code_point_span(text, 13, 18);
    REQUIRE(q);
    CHECK(text.substr(q->begin, q->end - q->begin) == "حموشي");
    auto s = sentence_around(text, 13, 18);
    REQUIRE(s);
    CHECK(text.substr(s->begin, s->end - s->begin) == "استقبل حموشي الوفد؟");
    CHECK_FALSE(sentence_around(text, 30, 99));
}

TEST_CASE("review: the page embeds the data safely and loads nothing") {
    PropertyGraph g = candidates();
    Node n = g.node(*g.find_id("rabat"));
    n.names.en = "</script><b>";
    g.replace_node(*g.find_id("rabat"), n);
    std::string page = review_page(g, {{"r01-rabat-finland", "نص"}});
    CHECK(page.find("<\\/script><b>") != std::string::npos);
    CHECK(page.find("</script><b>") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("\"text\":\"نص\"") != std::string::npos);
}

TEST_CASE("review: hostile decisions files are refused with a position, never a crash") {
    PropertyGraph g = candidates();
    for (const char* text : {"[]", R"({"decisions": {}})", R"({"decisions": [7]})",
                             R"({"decisions": [{"id": 7}]})", R"({"decisions": [{"review": "x"}]})",
                             R"({"decisions": [{"id": "c1", "date": ["2025"]}]})", "",
                             "{\"decisions\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]"
                             "]]]]]]]]]]]]]]]]]}"}) {
        INFO(text);
        CHECK_THROWS_WITH_AS(apply_decisions(g, text, "d.json"), doctest::Contains("d.json:"),
                             InputError);
    }
    CHECK(state_of(g, "c1") == Review::Pending);
}
