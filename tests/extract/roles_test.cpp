// Which offices head their body (roles.tsv): deputies, assistants, undersecretaries and former
// holders head none; a secretary general heads an organisation but not a ministry; an assistant
// minister heads the sector named after his title.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

namespace {

bool heads_anything(const PropertyGraph& g, std::optional<liaison::NodeIndex> person) {
    if (!person) return false;
    for (const auto& e : g.edges())
        if (g.type_name(e) == "HEADS" && e.source == *person) return true;
    return false;
}

}  // namespace

TEST_CASE("a deputy minister and an undersecretary head no ministry; the minister does") {
    PropertyGraph g =
        run("استقبل وزير الداخلية الكويتي الشيخ فهد يوسف سعود نائب وزير الداخلية السعودي "
            "الدكتور فيصل بن ناصر الهاجري، بحضور وكيل وزارة الداخلية الكويتية الفريق سعد خالد "
            "العتيبي.");
    auto minister = node(g, "Person", "فهد يوسف سعود");
    auto deputy = node(g, "Person", "فيصل بن ناصر الهاجري");
    auto under = node(g, "Person", "سعد خالد العتيبي");
    REQUIRE(minister);
    REQUIRE(deputy);
    REQUIRE(under);
    CHECK(heads_anything(g, minister));
    CHECK(!heads_anything(g, deputy));
    CHECK(!heads_anything(g, under));
}

TEST_CASE("a deputy of a body's head named after the title heads no body") {
    PropertyGraph g = run("وحضر اللقاء نائب رئيس أمن الدولة، الأستاذ سعد بن خالد المطرفي.");
    auto deputy = node(g, "Person", "سعد بن خالد المطرفي");
    REQUIRE(deputy);
    CHECK(!heads_anything(g, deputy));
}

TEST_CASE("an assistant minister heads the sector written after his title") {
    PropertyGraph g =
        run("وترأس الوفد اللواء كريم فتحي الشناوي مساعد وزير الداخلية لقطاع الأمن العام.");
    auto assistant = node(g, "Person", "كريم فتحي الشناوي");
    REQUIRE(assistant);
    CHECK(edge(g, "HEADS", assistant, node(g, "Agency", "قطاع الأمن العام")));
    CHECK(!edge(g, "HEADS", assistant, node(g, "Agency", "وزارة الداخلية")));
}

TEST_CASE("a secretary general of a ministry does not head it; of a council he does") {
    PropertyGraph g =
        run("وحضر الاجتماع الأمين العام لوزارة الداخلية. والتقى الوزير الأمين العام لمجلس وزراء "
            "الداخلية العرب الدكتور محمد بن علي كومان.");
    CHECK(!heads_anything(g, node(g, "Person", "الأمين العام لوزارة الداخلية")));
    auto koman = node(g, "Person", "محمد بن علي كومان");
    REQUIRE(koman);
    CHECK(heads_anything(g, koman));
}

TEST_CASE("a former minister heads nothing now") {
    PropertyGraph g = run("والتقى الوفد وزير الداخلية التونسي السابق، لطفي إبراهيم الرياحي.");
    auto former = node(g, "Person", "لطفي إبراهيم الرياحي");
    if (former) CHECK(!heads_anything(g, former));
    for (const auto& e : g.edges()) CHECK(g.type_name(e) != "HEADS");
}
