// Meetings, receptions and visits: the guest of "كان في استقباله", the subject of a relative
// clause, lists opened by كلا من, peers and delegations by their country's adjective, a coming
// week as planned, and English subjects written before the verb.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("the one named after كان في استقباله received the guest of the sentence") {
    PropertyGraph g =
        run("وكان السيد خالد النوري قد حل بمطار الجزائر مساء أمس، حيث كان في استقباله الأمين العام "
            "لوزارة الداخلية.");
    const auto guest = node(g, "Person", "خالد النوري");
    REQUIRE(guest);
    std::size_t received = 0;
    for (const auto& e : g.edges())
        if (g.type_name(e) == "RECEIVED") {
            CHECK(e.target == *guest);
            CHECK(e.source != *guest);
            ++received;
        }
    CHECK(received == 1);
}

TEST_CASE("a relative pronoun before the verb makes the one it follows the visitor") {
    PropertyGraph g =
        run("تحادث الوزير السعيد سعيود مع السيد خالد النوري، الذي يقوم بزيارة عمل إلى الجزائر.");
    CHECK(edge(g, "VISITED", node(g, "Person", "خالد النوري"), node(g, "Country", "الجزائر")));
    CHECK(!edge(g, "VISITED", node(g, "Person", "السعيد سعيود"), node(g, "Country", "الجزائر")));
    CHECK(edge(g, "MET_WITH", node(g, "Person", "السعيد سعيود"), node(g, "Person", "خالد النوري")));
}

TEST_CASE("كلا من opens the list of those met, one fact each") {
    PropertyGraph g =
        run("والتقى الوزير إبراهيم حيدان كلا من وزير الداخلية المصري اللواء محمود توفيق، ووزير "
            "الداخلية العماني السيد حمود بن فيصل البوسعيدي.");
    const auto subject = node(g, "Person", "إبراهيم حيدان");
    CHECK(edge(g, "MET_WITH", subject, node(g, "Person", "محمود توفيق")));
    CHECK(edge(g, "MET_WITH", subject, node(g, "Person", "حمود بن فيصل البوسعيدي")));
    CHECK(count(g, "MET_WITH") == 2);
}

TEST_CASE("a country's adjective is a party as a delegation's or peers', not an official's") {
    PropertyGraph official =
        run("وأجرى عبد اللطيف حموشي مباحثات مع مفوض الشرطة الفيدرالية الأسترالية.");
    CHECK(!edge(official, "MET_WITH", node(official, "Person", "عبد اللطيف حموشي"),
                node(official, "Country", "أستراليا")));
    PropertyGraph ambassadors = run("مدير الأمن العام يلتقي السفيرين البريطاني والكندي.");
    CHECK(!edge(ambassadors, "MET_WITH", node(ambassadors, "Person", "مدير الأمن العام"),
                node(ambassadors, "Country", "كندا")));
    CHECK(count(ambassadors, "MET_WITH") == 0);
    PropertyGraph delegations = run(
        "وتباحث المدير العام للأمن الوطني، السيد علي بداوي، مع رئيسي الوفدين النيجري والتشادي.");
    const auto badaoui = node(delegations, "Person", "علي بداوي");
    CHECK(edge(delegations, "MET_WITH", badaoui, node(delegations, "Country", "تشاد")));
    PropertyGraph peers = run("وعلى هامش المؤتمر، التقى اللواء عماد حداد نظيريه الأردني والعراقي.");
    CHECK(edge(peers, "MET_WITH", node(peers, "Person", "عماد حداد"),
               node(peers, "Country", "الأردن")));
}

TEST_CASE("نظيره right after the verb is the counterpart, named as written when unknown") {
    PropertyGraph g = run("وكان الوزير عبد الأمير الشمري قد التقى نظيره الإيراني في بغداد.");
    CHECK(
        !edge(g, "MET_WITH", node(g, "Person", "عبد الأمير الشمري"), node(g, "Country", "إيران")));
    CHECK(edge(g, "MET_WITH", node(g, "Person", "عبد الأمير الشمري"),
               node(g, "Person", "نظيره الإيراني")));
}

TEST_CASE("a coming week or month plans the fact") {
    PropertyGraph g = run("ويتوجه الوزير أحمد الحجار الأسبوع المقبل إلى القاهرة.");
    const liaison::Edge* e =
        edge(g, "VISITED", node(g, "Person", "أحمد الحجار"), node(g, "City", "القاهرة"));
    REQUIRE(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("English writes the subject first, its title after it") {
    PropertyGraph g =
        run("Lieutenant General Rashid Saeed Al Mazrouei, Commander-in-Chief of Dubai Police, on "
            "Tuesday received Maj. Gen. Ahmad Sultan.");
    CHECK(edge(g, "RECEIVED", node(g, "Person", "Rashid Saeed Al Mazrouei"),
               node(g, "Person", "Ahmad Sultan")));
    CHECK(count(g, "RECEIVED") == 1);
    PropertyGraph passive = run(
        "The Syrian delegation, led by Maj. Gen. Ahmad Sultan, head of Syria's General "
        "Anti-Narcotics Administration, was received by Iraq's Deputy National Security Adviser, "
        "Dr. Hamid al-Shatri.");
    CHECK(edge(passive, "RECEIVED", node(passive, "Person", "Hamid al-Shatri"),
               node(passive, "Person", "Ahmad Sultan")));
    CHECK(count(passive, "RECEIVED") == 1);
}

TEST_CASE("a news agency of the credit line is no subject; reported speech names no party") {
    PropertyGraph g = run(
        "الكويت - 20 - 1 (كونا) -- استقبل النائب الأول لرئيس مجلس الوزراء وزير الداخلية الشيخ "
        "فهد يوسف سعود الصباح اليوم الأمين العام لمجلس وزراء الداخلية العرب الدكتور محمد بن علي "
        "كومان.");
    for (const auto& e : g.edges())
        if (g.type_name(e) == "RECEIVED") CHECK(!g.node(e.source).has_label("Organization"));
    PropertyGraph said = run(
        "وأكد الوزير قاسم الساعدي، خلال المباحثات، أن العراق لن يسمح باستخدام أراضيه للاعتداء على "
        "تركيا وإيران وسوريا.");
    CHECK(count(said, "MET_WITH") == 0);
}

TEST_CASE("two persons joined by و right after the verb both meet the one after them") {
    PropertyGraph g =
        run("والتقى اللواء سالم العبري واللواء خالد الحديد، اليوم، وزير الداخلية كمال الفقي.");
    const auto minister = node(g, "Person", "كمال الفقي");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "سالم العبري"), minister));
    CHECK(edge(g, "MET_WITH", node(g, "Person", "خالد الحديد"), minister));
    CHECK(!edge(g, "MET_WITH", node(g, "Person", "سالم العبري"), node(g, "Person", "خالد الحديد")));
}
