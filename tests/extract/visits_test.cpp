// Visits told in a relative clause about the visitor: the visitor is the person named right
// before الذي, and a host country written without its name is never the visitor's own.
#include <doctest/doctest.h>

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
