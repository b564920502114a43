// Who met, received, visited or signed with whom: a title set apart from its name by a comma,
// a headline's subject before its verb, a visit to "the kingdom", a denial far before the
// trigger, a passive with its subject left out, signers "عن الجانب" each side, and a verb of
// signing whose subject stands between it and the memorandum.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a title, a comma, then the name: one person, subject or object") {
    PropertyGraph g =
        run("استقبل قائد أركان الحرس الوطني، اللواء سالم ناصر العبري، صباح اليوم بمكتبه، "
            "رئيس الشرطة - المدير العام للأمن الأردني، السيد خالد محمود الحديد.");
    const auto host = node(g, "Person", "سالم ناصر العبري");
    const auto guest = node(g, "Person", "خالد محمود الحديد");
    REQUIRE(edge(g, "RECEIVED", host, guest));
    CHECK(!edge(g, "RECEIVED", guest, host));
    CHECK(count(g, "RECEIVED") == 1);
}

TEST_CASE("a date after the comma keeps the guest apart from the host's title") {
    PropertyGraph g = run("استقبل وزير الداخلية، اليوم الأحد، السيد خالد محمود الحديد.");
    CHECK(!edge(g, "RECEIVED", node(g, "Person", "خالد محمود الحديد"),
                node(g, "Person", "خالد محمود الحديد")));
    CHECK(count(g, "RECEIVED") <= 1);
}

TEST_CASE("a headline puts its subject before the verb") {
    PropertyGraph g =
        run("العبري يستقبل خالد محمود الحديد\n"
            "استقبل اللواء سالم ناصر العبري اليوم اللواء خالد محمود الحديد.");
    const liaison::Edge* e = edge(g, "RECEIVED", node(g, "Person", "سالم ناصر العبري"),
                                  node(g, "Person", "خالد محمود الحديد"));
    REQUIRE(e);
    CHECK(e->sources.size() == 2);
    CHECK(count(g, "RECEIVED") == 1);
}

TEST_CASE("a visit to the kingdom is a visit to the host's country") {
    PropertyGraph g =
        run("الرباط – استقبل اللواء سالم ناصر العبري اليوم بالرباط السيد خالد محمود الحديد، "
            "الذي يقوم بزيارة عمل للمملكة تستغرق يومين.");
    const liaison::Edge* e =
        edge(g, "VISITED", node(g, "Person", "خالد محمود الحديد"), node(g, "Country", "المغرب"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active");
}

TEST_CASE("a denial reaches the trigger after it, however far") {
    PropertyGraph g =
        run("ونفت وزارة الداخلية، في بيان أصدرته مساء أمس، ما تداولته بعض المواقع الإخبارية "
            "بشأن لقاء بين اللواء سالم ناصر العبري واللواء خالد محمود الحديد.");
    CHECK(count(g, "MET_WITH") == 0);
}

TEST_CASE("a passive with no one before its agent receives the article's person") {
    PropertyGraph g =
        run("حل اللواء سالم ناصر العبري بالقاهرة. واستُقبل المسؤول الأمني، يوم الثلاثاء، من "
            "طرف وزير الداخلية، السيد خالد محمود الحديد.");
    const liaison::Edge* e = edge(g, "RECEIVED", node(g, "Person", "خالد محمود الحديد"),
                                  node(g, "Person", "سالم ناصر العبري"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.passive");
}

TEST_CASE("each side's signer after عن; a bare verb signs what was signed before") {
    PropertyGraph g =
        run("وقعت وزارة الداخلية في دولة الكويت ووزارة الداخلية في مملكة البحرين، اليوم، مذكرة "
            "تفاهم للتعاون الأمني. ووقع المذكرة عن الجانب الكويتي اللواء سالم ناصر العبري، "
            "وعن الجانب البحريني اللواء خالد محمود الحديد.");
    const liaison::Edge* e = edge(g, "SIGNED_MOU", node(g, "Person", "سالم ناصر العبري"),
                                  node(g, "Person", "خالد محمود الحديد"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.sides");
    CHECK(count(g, "SIGNED_AGREEMENT") == 0);
    CHECK(count(g, "SIGNED_MOU") == 2);
    // One side only names nobody to sign with.
    PropertyGraph one = run("ووقع الاتفاقية عن الجانب الكويتي اللواء سالم ناصر العبري.");
    CHECK(count(one, "SIGNED_AGREEMENT") == 0);
}

TEST_CASE("a delegation from a body visits as that body") {
    PropertyGraph g = run("ومن المقرر أن يزور وفد من جهاز أمن الدولة القطري مدريد الشهر المقبل.");
    const liaison::Edge* e =
        edge(g, "VISITED", node(g, "Agency", "جهاز أمن الدولة القطري"), node(g, "City", "مدريد"));
    REQUIRE(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("a bare office after the verb is the subject named before") {
    PropertyGraph g =
        run("استقبل اللواء سالم ناصر العبري اليوم السفير الأردني. ومن المرتقب أن يلتقي الوزير "
            "غدا اللواء خالد محمود الحديد.");
    const liaison::Edge* e = edge(g, "MET_WITH", node(g, "Person", "سالم ناصر العبري"),
                                  node(g, "Person", "خالد محمود الحديد"));
    REQUIRE(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("an envoy's post after لدى is no party to a meeting") {
    PropertyGraph g =
        run("والتقى اللواء سالم ناصر العبري السيدة مريم خالد الحديد ممثلة المكتب لدى دول مجلس "
            "التعاون لدول الخليج العربية.");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "سالم ناصر العبري"),
               node(g, "Person", "مريم خالد الحديد")));
    CHECK(count(g, "MET_WITH") == 1);
}

TEST_CASE("a partner of cooperation is no party to a meeting") {
    PropertyGraph g = run("اللواء سالم ناصر العبري يبحث في ليون تعزيز التعاون مع الإنتربول.");
    CHECK(count(g, "MET_WITH") == 0);
    PropertyGraph met = run("اللواء سالم ناصر العبري يبحث في ليون مع الإنتربول تعزيز التعاون.");
    CHECK(count(met, "MET_WITH") == 1);
}

TEST_CASE("a visitor written as an official of a country is the person of that country") {
    PropertyGraph g =
        run("استقبل وزير الداخلية المغربي عبد الوافي لفتيت اليوم وزير الداخلية السنغالي مامادو "
            "غاي. وجاء اللقاء في ختام زيارة عمل قام بها المسؤول السنغالي إلى المغرب.");
    CHECK(edge(g, "VISITED", node(g, "Person", "مامادو غاي"), node(g, "Country", "المغرب")));
    CHECK(count(g, "VISITED") == 1);
}

TEST_CASE("two parties joined by and before the verb sign with each other") {
    PropertyGraph g = run("Iraq and Jordan signed a memorandum of understanding on Tuesday.");
    const liaison::Edge* e =
        edge(g, "SIGNED_MOU", node(g, "Country", "Iraq"), node(g, "Country", "Jordan"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.joined");
    PropertyGraph planned = run(
        "Officials said the UAE Ministry of Interior and Europol were expected to sign a working "
        "arrangement.");
    const liaison::Edge* p =
        edge(planned, "SIGNED_AGREEMENT", node(planned, "Agency", "Ministry of Interior (UAE)"),
             node(planned, "Organization", "Europol"));
    REQUIRE(p);
    CHECK(property(p, "status") == "planned");
    // A comma between the pair and the verb: they are no subject of it.
    PropertyGraph apart = run("Iraq and Jordan, officials said, signed a memorandum.");
    CHECK(count(apart, "SIGNED_MOU") == 0);
}

TEST_CASE("the two sides that sign are the bodies, or countries, of the last meeting") {
    const std::string meeting =
        "استقبل وزير الداخلية العراقي قاسم الساعدي وزير الداخلية التركي علي كايا.\n";
    PropertyGraph g =
        run(meeting + "وأضاف البيان أن الجانبين وقعا في ختام المباحثات مذكرة تفاهم للتعاون.");
    const liaison::Edge* e = edge(g, "SIGNED_MOU", node(g, "Agency", "وزارة الداخلية العراقية"),
                                  node(g, "Agency", "وزارة الداخلية التركية"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.generic");
    CHECK(count(g, "SIGNED_AGREEMENT") == 0);
    PropertyGraph c = run(meeting + "ويرتبط البلدان باتفاقية للتعاون الأمني وقعاها عام 2011.");
    CHECK(edge(c, "SIGNED_AGREEMENT", node(c, "Country", "العراق"), node(c, "Country", "تركيا")));
    // No meeting before: the sides are unknown.
    PropertyGraph none = run("وأضاف البيان أن الجانبين وقعا مذكرة تفاهم للتعاون.");
    CHECK(count(none, "SIGNED_MOU") == 0);
}
