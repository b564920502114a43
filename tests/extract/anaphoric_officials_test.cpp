// Unnamed officials whose body is written by its noun alone: رئيس الجامعة، آمر الأكاديمية name the
// university or the academy the article named before in full.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("an office with the noun of a body named before heads that body") {
    PropertyGraph g =
        run("وقعت شرطة عمان السلطانية اتفاقية مع جامعة نايف العربية للعلوم الأمنية. وفي مساء "
            "اليوم ذاته، التقى رئيس الجامعة السيدة كريستينا لوبيز.");
    auto head = node(g, "Person", "رئيس الجامعة");
    REQUIRE(head);
    CHECK(edge(g, "HEADS", head, node(g, "Organization", "جامعة نايف العربية للعلوم الأمنية")));
    // The honorific and name after it, without a comma, are someone else: the one met.
    auto guest = node(g, "Person", "كريستينا لوبيز");
    REQUIRE(guest);
    CHECK(edge(g, "MET_WITH", head, guest));
    CHECK(!edge(g, "HEADS", guest, node(g, "Organization", "جامعة نايف العربية للعلوم الأمنية")));
}

TEST_CASE("the head of an academy visited receives the visitor") {
    PropertyGraph g =
        run("وزار الوزير البريطاني الأكاديمية الملكية للشرطة، حيث كان في استقباله آمر الأكاديمية.");
    auto academy = node(g, "Agency", "الأكاديمية الملكية للشرطة");
    auto head = node(g, "Person", "آمر الأكاديمية");
    REQUIRE(academy);
    REQUIRE(head);
    CHECK(edge(g, "HEADS", head, academy));
    CHECK(edge(g, "RECEIVED", head, node(g, "Person", "الوزير البريطاني")));
    CHECK(edge(g, "VISITED", node(g, "Person", "الوزير البريطاني"), academy));
}

TEST_CASE("a definite title takes no body without ل or ب") {
    PropertyGraph g = run("زار الوزير الأكاديمية الملكية للشرطة بالمنامة.");
    for (liaison::NodeIndex n = 0; n < g.node_count(); ++n)
        CHECK(g.node(n).names.ar.find("الوزير الأكاديمية") == std::string::npos);
}

TEST_CASE("an unnamed envoy is named with his posting, as written") {
    PropertyGraph g = run("استقبل وزير الداخلية اليوم السفير الإيطالي بالقاهرة.");
    auto envoy = node(g, "Person", "السفير الإيطالي بالقاهرة");
    REQUIRE(envoy);
    CHECK(edge(g, "REPRESENTS", envoy, node(g, "Country", "إيطاليا")));
}
