// A person named again by a description (المسؤول العماني، الوزير الإيطالي، رئيس الوفد), a noun of
// meeting inside the verb's clause (في لقاء منفصل).
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a description is the one person of that country the article names") {
    PropertyGraph g =
        run("استقبل وزير الداخلية العماني، اللواء سالم ناصر العبري، اليوم بمسقط السيد خالد محمود "
            "الحديد.\n"
            "واستقبل المسؤول العماني، في لقاء منفصل، المفوضة العامة للشرطة الوطنية الفنلندية.");
    const auto host = node(g, "Person", "سالم ناصر العبري");
    REQUIRE(host);
    const auto guest = node(g, "Person", "المفوضة العامة للشرطة الوطنية الفنلندية");
    CHECK(edge(g, "RECEIVED", host, guest));
    // The description is no person of its own, and states no role of the person.
    CHECK(!node(g, "Person", "المسؤول العماني"));
    CHECK(count(g, "REPRESENTS") == 0);
}

TEST_CASE("a description nobody in the article answers names no one") {
    PropertyGraph g = run("واستقبل المسؤول الهولندي، في لقاء منفصل، السيد خالد محمود الحديد.");
    CHECK(!node(g, "Person", "المسؤول الهولندي"));
    CHECK(count(g, "RECEIVED") == 0);
}

TEST_CASE("the nationality beside a name lets a later description find the person") {
    PropertyGraph g =
        run("استقبل وزير الداخلية العماني، اللواء سالم ناصر العبري، نظيره الإيطالي ماركو بيلوتي.\n"
            "والتقى الوزير الإيطالي بعد ذلك السيد خالد محمود الحديد.");
    const auto guest = node(g, "Person", "ماركو بيلوتي");
    REQUIRE(guest);
    CHECK(edge(g, "MET_WITH", guest, node(g, "Person", "خالد محمود الحديد")));
    CHECK(!node(g, "Person", "الوزير الإيطالي"));
}
