// Constructions of press registers the first development articles lacked (q01–q08): Sudanese
// police rank chains with a bracketed branch, the place of a meeting written right after the name,
// and the EU police mission in Palestine.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a police rank with its branch in brackets does not cut the name") {
    PropertyGraph g =
        run("التقى وزير الداخلية السوداني الفريق شرطة (حقوقي) عثمان أحمد الطيب، اليوم، "
            "سفير دولة الكويت لدى الخرطوم.");
    CHECK(node(g, "Person", "عثمان أحمد الطيب"));
    CHECK(!node(g, "Person", "وزير الداخلية السوداني الفريق شرطة"));
}

TEST_CASE("an office or a seat after the name is no word of the name") {
    PropertyGraph g =
        run("استقبل مدير الأمن العام اللواء عمر سعيد الهاشمي بمكتبه اليوم السفير الإيطالي.");
    const auto p = node(g, "Person", "عمر سعيد الهاشمي");
    REQUIRE(p);
    CHECK(!node(g, "Person", "عمر سعيد الهاشمي بمكتبه"));
    PropertyGraph h = run("التقى وزير الداخلية الفريق سالم حمد بمقر الوزارة السفير الياباني.");
    CHECK(node(h, "Person", "سالم حمد"));
}

TEST_CASE("the EU police mission in Palestine is a known body") {
    PropertyGraph g =
        run("استقبل وزير الداخلية الفلسطيني وفدا من بعثة الاتحاد الأوروبي لدعم الشرطة "
            "الفلسطينية (يوبول كوبس) في رام الله.");
    CHECK(node(g, "Organization", "بعثة الاتحاد الأوروبي لدعم الشرطة الفلسطينية"));
}

TEST_CASE("those present at a signing do not sign") {
    PropertyGraph g =
        run("ووقع وزير الداخلية الأردني مازن الفراية ونظيره العراقي عبد الأمير الشمري مذكرة "
            "تفاهم. وحضر التوقيع مدير الأمن العام اللواء عبيد الله المعايطة، ومدير إدارة "
            "مكافحة المخدرات.");
    const auto signer = node(g, "Person", "مازن الفراية");
    const auto witness = node(g, "Person", "عبيد الله المعايطة");
    REQUIRE(signer);
    REQUIRE(witness);
    CHECK(edge(g, "SIGNED_MOU", node(g, "Person", "عبد الأمير الشمري"), signer));
    for (const auto& e : g.edges())
        CHECK(!(g.type_name(e) == "SIGNED_MOU" && (e.source == *witness || e.target == *witness)));
}
