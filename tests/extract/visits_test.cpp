// Visits told in a relative clause about the visitor: the visitor is the person named right
// before الذي, and a host country written without its name is never the visitor's own.
#include <doctest/doctest.h>

#include <optional>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("the person before الذي visits, not the sentence's subject") {
    PropertyGraph g =
        run("الدوحة - عقد وزير الداخلية القطري الشيخ حمد بن ناصر آل ثاني جلسة مباحثات مع وزير "
            "الداخلية التركي مراد كمال أوزتورك والوفد المرافق، الذي يزور البلاد حاليا.");
    auto guest = node(g, "Person", "مراد كمال أوزتورك");
    auto host = node(g, "Person", "حمد بن ناصر آل ثاني");
    REQUIRE(guest);
    REQUIRE(host);
    CHECK(edge(g, "VISITED", guest, node(g, "Country", "قطر")));
    CHECK(!edge(g, "VISITED", host, node(g, "Country", "تركيا")));
    CHECK(!edge(g, "VISITED", guest, node(g, "Country", "تركيا")));
}

TEST_CASE("a working visit to 'our country' goes to the country the article is written from") {
    PropertyGraph g =
        run("انواكشوط - وقع الطرفان الاتفاقية. ووقعها عن الجانب السعودي اللواء سعد بن خالد "
            "المطرفي، الذي يقوم بزيارة عمل لبلادنا على رأس وفد أمني.");
    auto guest = node(g, "Person", "سعد بن خالد المطرفي");
    REQUIRE(guest);
    CHECK(edge(g, "VISITED", guest, node(g, "Country", "موريتانيا")));
    CHECK(!edge(g, "VISITED", guest, node(g, "Country", "السعودية")));
}

TEST_CASE("a visit named in the relative clause goes to the place written after the verb") {
    PropertyGraph g =
        run("التقى وزير الداخلية البحريني الفريق أول راشد بن عبدالله آل خليفة بالمفوض العام "
            "للشرطة الهولندية خالد يوسف المهندي، الذي يزور مملكة البحرين حاليا.");
    auto guest = node(g, "Person", "خالد يوسف المهندي");
    REQUIRE(guest);
    CHECK(edge(g, "VISITED", guest, node(g, "Country", "البحرين")));
    CHECK(!edge(g, "VISITED", node(g, "Person", "راشد بن عبدالله آل خليفة"),
                node(g, "Country", "البحرين")));
}

TEST_CASE("the direct object of an active visit verb may be a body") {
    PropertyGraph g =
        run("ومن المقرر أن يزور الوزير الأردني غدا الثلاثاء الأكاديمية الملكية للشرطة.");
    auto academy = node(g, "Agency", "الأكاديمية الملكية للشرطة");
    REQUIRE(academy);
    const liaison::Edge* e = edge(g, "VISITED", node(g, "Person", "الوزير الأردني"), academy);
    REQUIRE(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("the head of the body just named, by its pronoun, visits in the relative clause") {
    PropertyGraph g =
        run("وقعت الاتفاقية شرطة عمان السلطانية وجامعة نايف العربية للعلوم الأمنية. ووقعها عن "
            "الشرطة المفتش العام، وعن الجامعة معالي رئيسها، الذي يزور سلطنة عمان حاليا.");
    auto nauss = node(g, "Organization", "جامعة نايف العربية للعلوم الأمنية");
    REQUIRE(nauss);
    std::optional<liaison::NodeIndex> head;
    for (liaison::NodeIndex n = 0; n < g.node_count(); ++n)
        if (g.node(n).has_label("Person") && edge(g, "HEADS", n, nauss)) head = n;
    REQUIRE(head);
    CHECK(edge(g, "VISITED", head, node(g, "Country", "عمان")));
}

TEST_CASE("a visit to 'our country' is never to the country the visitor signs for") {
    PropertyGraph g =
        run("انواكشوط - وأشرف على توقيع الاتفاقية من الجانب الموريتاني المدير العام للأمن الوطني، "
            "الفريق سيدي ولد أحمد، ومن الجانب السعودي نائب رئيس أمن الدولة، الأستاذ فهد بن سعد "
            "القحطاني، الذي يقوم بزيارة عمل لبلادنا على رأس وفد أمني.");
    auto guest = node(g, "Person", "فهد بن سعد القحطاني");
    REQUIRE(guest);
    CHECK(edge(g, "VISITED", guest, node(g, "Country", "موريتانيا")));
}

TEST_CASE("a body visited with its city written after it is a visit to both") {
    PropertyGraph g = run("وزار الوزير الإماراتي أمس المعهد الملكي للشرطة بالقنيطرة.");
    auto visitor = node(g, "Person", "الوزير الإماراتي");
    CHECK(edge(g, "VISITED", visitor, node(g, "City", "القنيطرة")));
    CHECK(edge(g, "VISITED", visitor, node(g, "Agency", "المعهد الملكي للشرطة")));
}
