// Parties of a signature written after بين or as a dual subject; name spans that a word with
// a clitic must not start or cut; a bare office of a country resolved to the person named in it.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a memorandum between two bodies links them, whoever signs") {
    PropertyGraph g =
        run("وتوج اللقاء بتوقيع مذكرة تفاهم بين المديرية العامة لمراقبة التراب "
            "الوطني وجهاز أمن الدولة القطري.");
    const liaison::Edge* e =
        edge(g, "SIGNED_MOU", node(g, "Agency", "المديرية العامة لمراقبة التراب الوطني"),
             node(g, "Agency", "جهاز أمن الدولة القطري"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.nominal.between");
    CHECK(count(g, "SIGNED_MOU") == 1);
}

TEST_CASE("an agreement between two governments links their countries") {
    PropertyGraph g =
        run("ووقع الجانبان اتفاقا للتعاون في مجال مكافحة الهجرة بين حكومتي جمهورية "
            "مصر العربية والجمهورية الإيطالية.");
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Country", "مصر"), node(g, "Country", "إيطاليا")));
}

TEST_CASE("two officials in the dual sign: the persons of the meeting before") {
    PropertyGraph g =
        run("استقبل اللواء أحمد عبد الرحمن شوقي، وزير الداخلية، اليوم، الوزير "
            "الإيطالي ماتيو بيانكوني. ووقع الوزيران، في ختام اللقاء، اتفاقية "
            "للتعاون.");
    const auto host = node(g, "Person", "أحمد عبد الرحمن شوقي");
    const auto guest = node(g, "Person", "ماتيو بيانكوني");
    REQUIRE(edge(g, "RECEIVED", host, guest));
    const liaison::Edge* e = edge(g, "SIGNED_AGREEMENT", host, guest);
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.dual");
    // Without a meeting of two persons before it, a dual names nobody.
    PropertyGraph alone = run("ووقع الوزيران اتفاقية للتعاون الأمني.");
    CHECK(count(alone, "SIGNED_AGREEMENT") == 0);
}

TEST_CASE("a three-letter name word keeps its و or ف; a clitic before the article starts no name") {
    PropertyGraph g =
        run("استقبل قائد أركان الدرك الوطني، اللواء أحمد ولد بكار، الوفد. والتقى "
            "المدير العام للأمن العام اللبناني اللواء إلياس فرح بالوزير. وحضر "
            "المدير التنفيذي للوكالة الأوروبية والوفد المرافق له.");
    CHECK(node(g, "Person", "أحمد ولد بكار"));
    CHECK(node(g, "Person", "إلياس فرح"));
    CHECK(!node(g, "Person", "والوفد المرافق"));
    CHECK(!node(g, "Person", "للوكالة الأوروبية"));
}

TEST_CASE("a bare office of a country is the person the article names in it") {
    PropertyGraph g =
        run("وصل وزير الداخلية الإيطالي ماتيو بيانكوني إلى القاهرة. ويلتقي الوزير "
            "الإيطالي غدا وزير الخارجية المصري.");
    CHECK(!node(g, "Person", "الوزير الإيطالي"));
    const liaison::Edge* e = edge(g, "MET_WITH", node(g, "Person", "ماتيو بيانكوني"),
                                  node(g, "Person", "وزير الخارجية المصري"));
    REQUIRE(e);
    // غدا in the clause: the meeting is to come.
    CHECK(property(e, "status") == "planned");
}
