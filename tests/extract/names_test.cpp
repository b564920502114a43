// Names the given-name list lacks (foreign names read by their shape after a complete title), a
// title repeated as an honorific, clause nouns after a bare title, a guest named by الضيف, places
// named after a person, "our" ambassador, and specific roles kept apart from other offices.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("unknown words after an envoy's posting are a foreign name (Gulf)") {
    PropertyGraph g =
        run("استقبل وزير الداخلية الكويتي الشيخ فهد اليوسف في مكتبه اليوم سفير كازاخستان لدى "
            "دولة الكويت أرمان إيسيتوف، وبحثا سبل التعاون.");
    const auto envoy = node(g, "Person", "أرمان إيسيتوف");
    REQUIRE(envoy);
    CHECK(edge(g, "REPRESENTS", envoy, node(g, "Country", "كازاخستان")));
    CHECK(edge(g, "RECEIVED", node(g, "Person", "فهد اليوسف"), envoy));
    CHECK(!node(g, "Person", "سفير كازاخستان"));
}

TEST_CASE("unknown words after a minister's nisba, before a preposition, are a name (Egyptian)") {
    PropertyGraph g = run("وصل وزير الداخلية المجري شاندور بينتير إلى القاهرة في زيارة رسمية.");
    const auto p = node(g, "Person", "شاندور بينتير");
    REQUIRE(p);
    CHECK(edge(g, "VISITED", p, node(g, "City", "القاهرة")));
    CHECK(!node(g, "Person", "وزير الداخلية المجري"));
}

TEST_CASE("a clause after a title is no foreign name (Levantine, Moroccan)") {
    // An article word, a verbal noun, a common noun or a pronoun ends the shape.
    PropertyGraph g = run("وبحث وزير الداخلية التركي سبل تعزيز التعاون مع نظيره.");
    CHECK(!node(g, "Person", "سبل تعزيز"));
    PropertyGraph h = run("والتقى وزير الداخلية الإسباني وكبار مساعديه، بالرباط.");
    CHECK(!node(g, "Person", "وكبار مساعديه"));
    CHECK(!node(h, "Person", "وكبار مساعديه"));
    // R8: a bare title followed by a verbal noun or a common noun.
    PropertyGraph k = run("وناقشت السفيرة مع الوزير تطوير منظومة العمل الأمني.");
    CHECK(!node(k, "Person", "تطوير منظومة"));
    PropertyGraph m = run("وبحثت رئيسة البعثة مع الوزير مشاريع البنية التحتية.");
    CHECK(!node(m, "Person", "مشاريع"));
}

TEST_CASE("a title repeated before the name is an honorific (Sudanese)") {
    PropertyGraph g =
        run("استقبل مدير عام قوات الشرطة الفريق أول شرطة خالد حسان بمكتبه اليوم سفير المملكة "
            "المتحدة لدى السودان السفير جايلز ليفر.");
    const auto envoy = node(g, "Person", "جايلز ليفر");
    REQUIRE(envoy);
    CHECK(edge(g, "REPRESENTS", envoy, node(g, "Country", "المملكة المتحدة")));
    CHECK(edge(g, "RECEIVED", node(g, "Person", "خالد حسان"), envoy));
    CHECK(!node(g, "Person", "سفير المملكة المتحدة لدى السودان"));
    // The second السفير states no embassy of its own.
    CHECK(!node(g, "Agency", "السفارة"));
    PropertyGraph h = run("التقى وزير الداخلية مساعد وزير الخارجية السفير أحمد كمال.");
    CHECK(node(h, "Person", "أحمد كمال"));
    CHECK(!node(h, "Agency", "السفارة"));
}

TEST_CASE("الضيف after a verb is the visitor the article named (Jordanian)") {
    PropertyGraph g =
        run("عمّان - بترا: استقبل وزير الداخلية الأردني مازن الفراية في عمّان اليوم وزير "
            "الداخلية المجري شاندور بينتير. وفي وقت لاحق، التقى الضيف مدير الأمن العام الأردني "
            "اللواء عبيد الله المعايطة.");
    const auto guest = node(g, "Person", "شاندور بينتير");
    const auto host = node(g, "Person", "عبيد الله المعايطة");
    REQUIRE(guest);
    REQUIRE(host);
    CHECK(edge(g, "MET_WITH", host, guest));
    CHECK(!node(g, "Person", "الضيف"));
}

TEST_CASE("a visit told in the present keeps the country out of the role (Omani)") {
    PropertyGraph g =
        run("ويزور الوزير المجري شاندور بينتير حاليا سلطنة عمان في زيارة رسمية تستغرق يومين.");
    CHECK(edge(g, "VISITED", node(g, "Person", "شاندور بينتير"), node(g, "Country", "عمان")));
    PropertyGraph h = run("ويزور الوزير الباكستاني سلطنة عمان حاليا في زيارة رسمية.");
    CHECK(!node(h, "Person", "الوزير الباكستاني سلطنة عمان"));
    CHECK(edge(h, "VISITED", node(h, "Person", "الوزير الباكستاني"), node(h, "Country", "عمان")));
}

TEST_CASE("a title and a name after a landmark's noun name the place (Saudi)") {
    PropertyGraph g =
        run("وكان في استقبال الوزير لدى وصوله مطار الملك فهد الدولي وكيل وزارة الداخلية.");
    CHECK(!node(g, "Person", "فهد الدولي"));
    CHECK(node(g, "Person", "وكيل وزارة الداخلية"));
}

TEST_CASE("سفير بلادنا is the ambassador of the article's own country (Yemeni)") {
    PropertyGraph g =
        run("عدن - سبأ: استقبل وزير الداخلية اليمني اللواء إبراهيم حيدان في عدن سفير بلادنا "
            "لدى مصر.");
    const auto envoy = node(g, "Person", "سفير بلادنا لدى مصر");
    REQUIRE(envoy);
    CHECK(edge(g, "REPRESENTS", envoy, node(g, "Country", "اليمن")));
    CHECK(edge(g, "RECEIVED", node(g, "Person", "إبراهيم حيدان"), envoy));
}

TEST_CASE("a specific role is not another office's holder (Iraqi)") {
    PropertyGraph g =
        run("وعقد قائد حرس الحدود اللواء سعد الربيعي اجتماعا مع الملحق العسكري الفرنسي، بحضور "
            "السفير الفرنسي في بغداد باتريك دوريل.");
    const auto attache = node(g, "Person", "الملحق العسكري الفرنسي");
    REQUIRE(attache);
    CHECK(edge(g, "REPRESENTS", attache, node(g, "Country", "فرنسا")));
    CHECK(edge(g, "MET_WITH", node(g, "Person", "سعد الربيعي"), attache));
    CHECK(
        !edge(g, "MET_WITH", node(g, "Person", "سعد الربيعي"), node(g, "Person", "باتريك دوريل")));
}

TEST_CASE(
    "after a rank, an unknown word and a family name before a break are a name (Palestinian)") {
    PropertyGraph g = run("وحضر اللقاء مدير عام الشرطة اللواء علام السقا، ومستشار الوزير.");
    const auto p = node(g, "Person", "علام السقا");
    REQUIRE(p);
    CHECK(edge(g, "HEADS", p, node(g, "Agency", "الشرطة")));
    CHECK(!node(g, "Person", "مدير عام الشرطة"));
    // Without the break the words are the clause (a verbal noun, a definite complement).
    PropertyGraph h = run("وبحث مدير عام الشرطة اللواء تنفيذ الخطة الأمنية مع الوفد.");
    CHECK(!node(h, "Person", "تنفيذ الخطة"));
}

TEST_CASE("a role behind لل is named with its article (Algerian)") {
    PropertyGraph g =
        run("وحضر اللقاء مدير شرطة الحدود ممثلا للمدير العام للأمن الوطني، وعدد من الإطارات.");
    CHECK(node(g, "Person", "المدير العام للأمن الوطني"));
    CHECK(!node(g, "Person", "للمدير العام للأمن الوطني"));
}

TEST_CASE("a name after a counterpart and its nisba is a person of that country (Iraqi)") {
    PropertyGraph g =
        run("وكان وزير الداخلية قد أجرى اتصالا هاتفيا بنظيره التركي علي يرلي كايا، اتفقا "
            "خلاله على عقد اجتماع في أنقرة.");
    CHECK(node(g, "Person", "علي يرلي كايا"));
    // علاقات حسن الجوار is a phrase, not a person named حسن.
    PropertyGraph h = run("وأكد الجانبان حرصهما على علاقات حسن الجوار بين البلدين.");
    CHECK(!node(h, "Person", "حسن الجوار"));
}

TEST_CASE("an assistant director is not the director (Jordanian)") {
    PropertyGraph g =
        run("استقبل مدير الأمن العام اللواء عبيد الله المعايطة السفير البريطاني. وفي سياق متصل، "
            "استقبل مساعد مدير الأمن العام للعمليات في اليوم ذاته وفدا من الشرطة الفلسطينية.");
    CHECK(node(g, "Person", "مساعد مدير الأمن العام"));
    CHECK(node(g, "Person", "عبيد الله المعايطة"));
}

TEST_CASE("a portfolio is part of the office (Syrian)") {
    PropertyGraph g = run("وحضر الاجتماع معاون الوزير للشؤون الأمنية وعدد من الضباط.");
    CHECK(node(g, "Person", "معاون الوزير للشؤون الأمنية"));
    PropertyGraph h =
        run("والتقى اللواء فرح معاون وزير الداخلية للشؤون الأمنية العميد سامر يوسف الخطيب.");
    CHECK(node(h, "Person", "سامر يوسف الخطيب"));
    CHECK(!node(h, "Person", "وزير الداخلية"));
    // Before a country the portfolio is read as before (وزير الدولة لشؤون الأمن في …).
    PropertyGraph k = run("التقى الوزير بوزير الدولة لشؤون الأمن في المملكة المتحدة.");
    CHECK(!node(k, "Person", "وزير الدولة لشؤون الأمن"));
}
