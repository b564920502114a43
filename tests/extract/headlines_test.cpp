// Headlines and the parties read through others: a headline fact kept only when the body names
// its parties and taking the body's status, the ل of purpose, a delegation read through its
// head, a meal in a guest's honour, and signatures of minutes and of "الموقعة بين البلدين".
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

namespace {

std::size_t edges_between(const PropertyGraph& g, const char* type,
                          std::optional<liaison::NodeIndex> a) {
    std::size_t n = 0;
    for (const auto& e : g.edges())
        if (g.type_name(e) == type && a && (e.source == *a || e.target == *a)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a headline's office is the official the body names, and its fact the body's") {
    PropertyGraph g =
        run("وزير الداخلية يستقبل رئيس الحرس المدني الإسباني\n"
            "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، اليوم الاثنين بمقر الوزارة، "
            "المديرة العامة للحرس المدني الإسباني، التي تزور المغرب.");
    const auto minister = node(g, "Person", "عبد الوافي لفتيت");
    const auto guest = node(g, "Person", "المديرة العامة للحرس المدني الإسباني");
    REQUIRE(minister);
    REQUIRE(guest);
    CHECK(edge(g, "RECEIVED", minister, guest));
    CHECK(count(g, "RECEIVED") == 1);
    // The headline's wording is a name of the same official, not a second person.
    CHECK(node(g, "Person", "رئيس الحرس المدني الإسباني") == guest);
}

TEST_CASE("a headline party the body never names gives no fact") {
    PropertyGraph g =
        run("وزير الداخلية يستقبل سفير اليابان\n"
            "استقبل وزير الداخلية عبد الوافي لفتيت، اليوم بالرباط، سفير إسبانيا لدى المملكة.");
    CHECK(count(g, "RECEIVED") == 1);
    const auto japan = node(g, "Person", "سفير اليابان");
    CHECK(edges_between(g, "RECEIVED", japan) == 0);
}

TEST_CASE("a body receives nobody in a headline; its head does") {
    PropertyGraph g =
        run("Dubai Police receives Europol\n"
            "Lieutenant General Abdullah Khalifa Al Marri, Commander-in-Chief of Dubai Police, met "
            "officials of Europol on Monday.");
    CHECK(!edge(g, "RECEIVED", node(g, "Agency", "Dubai Police"), node(g, "Agency", "Europol")));
}

TEST_CASE("a headline in the present tense takes the status of the body's planned fact") {
    PropertyGraph g =
        run("وزير الداخلية المغربي يزور مدريد\n"
            "ومن المقرر أن يزور وزير الداخلية المغربي السيد عبد الوافي لفتيت، يوم الخميس المقبل، "
            "العاصمة الإسبانية مدريد لبحث ملف الهجرة مع نظيره الإسباني.",
            "2026-03-02");
    const auto minister = node(g, "Person", "عبد الوافي لفتيت");
    const auto madrid = node(g, "City", "مدريد");
    REQUIRE(edge(g, "VISITED", minister, madrid));
    CHECK(count(g, "VISITED") == 1);
    CHECK(property(edge(g, "VISITED", minister, madrid), "status") == "planned");
    // لبحث says what the trip is for: no meeting.
    CHECK(count(g, "MET_WITH") == 0);
}

TEST_CASE("a generic body of a headline is the body of that country the text names") {
    PropertyGraph g =
        run("الجمارك المغربية والسنغالية توقعان اتفاقية للتعاون\n"
            "داكار - وقعت إدارة الجمارك والضرائب غير المباشرة والجمارك السنغالية، اليوم "
            "الجمعة بداكار، اتفاقية للمساعدة الإدارية المتبادلة.");
    const auto moroccan = node(g, "Agency", "إدارة الجمارك والضرائب غير المباشرة");
    REQUIRE(moroccan);
    CHECK(edge(g, "SIGNED_AGREEMENT", moroccan, node(g, "Agency", "الجمارك السنغالية")));
    // The headline's wording is a name of the same body, not a second one.
    CHECK(node(g, "Agency", "الجمارك المغربية") == moroccan);
}

TEST_CASE("a verb behind the ل of purpose opens no fact") {
    PropertyGraph g = run("حل وفد أمني مغربي بمدينة لاهاي لبحث التعاون مع الشرطة الهولندية.");
    CHECK(count(g, "MET_WITH") == 0);
}

TEST_CASE("a delegation whose head is stated takes part through its head, later mentions too") {
    PropertyGraph g =
        run("استقبل وزير الداخلية السوري أنس خطاب، اليوم بدمشق، وفدا من الأمن العام الأردني "
            "برئاسة اللواء عبيد الله المعايطة.");
    const auto head = node(g, "Person", "عبيد الله المعايطة");
    REQUIRE(head);
    CHECK(edge(g, "RECEIVED", node(g, "Person", "أنس خطاب"), head));
    CHECK(count(g, "RECEIVED") == 1);
    PropertyGraph later =
        run("بحث وزير الداخلية السوري أنس خطاب مع وفد أمني أردني برئاسة اللواء عبيد الله "
            "المعايطة سبل التعاون.\n"
            "وكان الوفد الأردني قد التقى صباح اليوم محافظ دمشق ماهر مروان.");
    const auto jordanian = node(later, "Person", "عبيد الله المعايطة");
    CHECK(edge(later, "MET_WITH", node(later, "Person", "أنس خطاب"), jordanian));
    CHECK(edge(later, "MET_WITH", jordanian, node(later, "Person", "ماهر مروان")));
    CHECK(edges_between(later, "MET_WITH", node(later, "Country", "الأردن")) == 0);
}

TEST_CASE("a meal in a guest's honour is a meeting; a welcome is no reception") {
    PropertyGraph dinner =
        run("وأقام وزير الداخلية عبد الوافي لفتيت مأدبة عشاء على شرف وزير الداخلية الإسباني "
            "فرناندو غراندي مارلاسكا.");
    CHECK(edge(dinner, "MET_WITH", node(dinner, "Person", "عبد الوافي لفتيت"),
               node(dinner, "Person", "فرناندو غراندي مارلاسكا")));
    PropertyGraph welcome =
        run("ورحب وزير الداخلية عبد الوافي لفتيت في بداية الجلسة بوزير الداخلية الإسباني فرناندو "
            "غراندي مارلاسكا.");
    CHECK(count(welcome, "RECEIVED") == 0);
}

TEST_CASE("minutes are no memorandum; الموقعة بين البلدين signs for the two countries") {
    PropertyGraph g =
        run("والتقى وزير الداخلية العراقي عبد الأمير الشمري نظيره الإيراني إسكندر مؤمني في "
            "بغداد، حيث وقع الجانبان محضرا لتفعيل مذكرة التفاهم الأمنية الموقعة بين البلدين "
            "عام 2023.");
    const auto iraq = node(g, "Country", "العراق");
    const auto iran = node(g, "Country", "إيران");
    CHECK(edge(g, "SIGNED_MOU", iraq, iran));
    CHECK(count(g, "SIGNED_MOU") == 1);
    // A statement cited as the source is no object of the verb.
    PropertyGraph cited =
        run("التقى وزير الداخلية عبد الوافي لفتيت بالرباط وزير الداخلية الإسباني فرناندو غراندي "
            "مارلاسكا.\n"
            "ووقع الوزيران، حسب بيان للوزارة، مذكرة تفاهم في مجال الهجرة.");
    CHECK(edge(cited, "SIGNED_MOU", node(cited, "Person", "عبد الوافي لفتيت"),
               node(cited, "Person", "فرناندو غراندي مارلاسكا")));
}

TEST_CASE("a body noun in the dual with في البلدين is that body of each country") {
    PropertyGraph g =
        run("التقى وزير الداخلية القطري الشيخ خليفة بن حمد آل ثاني نظيره التركي علي يرلي كايا.\n"
            "وترتبط وزارتا الداخلية في البلدين بمذكرة تفاهم في مجال التدريب الأمني.");
    CHECK(edge(g, "SIGNED_MOU", node(g, "Agency", "وزارة الداخلية القطرية"),
               node(g, "Agency", "وزارة الداخلية التركية")));
    CHECK(count(g, "SIGNED_MOU") == 1);
}
