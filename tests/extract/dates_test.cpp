// Which date a fact carries: its sentence's, else the event it happened at, else the nearest date
// earlier in its paragraph, else the lead's; periods only as precise as written.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

namespace {

std::string time_of(const PropertyGraph& g, const char* type) {
    for (const auto& e : g.edges())
        if (g.type_name(e) == type) return e.time.to_string();
    return "(none)";
}

}  // namespace

TEST_CASE("a fact with no date takes the nearest one stated earlier in its paragraph") {
    PropertyGraph g =
        run("خبر\nحل عبد اللطيف حموشي بالرباط يوم 3 مارس 2026. والتقى حموشي بفيصل شهكار.\n");
    CHECK(time_of(g, "MET_WITH") == "2026-03-03");
}

TEST_CASE("a role is not dated by the sentence that mentions it") {
    PropertyGraph g = run(
        "خبر\nالتقى المدير العام للأمن الوطني، عبد اللطيف حموشي، يوم 3 مارس 2026 بفيصل شهكار.\n");
    for (const auto& e : g.edges())
        if (g.type_name(e) == "HEADS") CHECK(e.time.empty());
}

TEST_CASE("a planned fact does not inherit the date of what was done") {
    PropertyGraph g =
        run("خبر\nالتقى عبد اللطيف حموشي يوم 3 مارس 2026 بفيصل شهكار. ومن المرتقب أن يزور حموشي "
            "مدريد خلال الأسابيع المقبلة.\n");
    for (const auto& e : g.edges())
        if (g.type_name(e) == "VISITED") CHECK(e.time.empty());
}

TEST_CASE("a year after a noun of year is a year; next year is the article's plus one") {
    PropertyGraph g = run("خبر\nومن المقرر أن تستضيف تونس الدورة المقبلة للمؤتمر خلال عام 2027.\n");
    CHECK(time_of(g, "HOSTED") == "2027");
    PropertyGraph h =
        run("خبر\nومن المنتظر أن يزور عبد اللطيف حموشي مدريد مطلع العام المقبل.\n", "2025-11-20");
    CHECK(time_of(h, "VISITED") == "2026");
}

TEST_CASE("a bare المقبل is no day; a weekday followed by it is the next such day") {
    PropertyGraph g = run("خبر\nيزور عبد اللطيف حموشي مدريد خلال الأشهر المقبلة.\n", "2025-11-20");
    CHECK(time_of(g, "VISITED") == "");
    // 2025-11-20 is a Thursday: الاثنين المقبل is 2025-11-24.
    PropertyGraph h = run("خبر\nيزور عبد اللطيف حموشي مدريد يوم الاثنين المقبل.\n", "2025-11-20");
    CHECK(time_of(h, "VISITED") == "2025-11-24");
}

TEST_CASE("an English ordinal day in a dateline gives the article its date") {
    PropertyGraph g = run(
        "Chiefs meet\nRABAT, 4th March, 2026 (MAP) -- Moroccan police chief Abdellatif Hammouchi "
        "received Interpol Secretary General Valdecy Urquiza in Rabat.\n");
    REQUIRE(g.documents().size() == 1);
    const auto& doc = g.documents().begin()->second;
    REQUIRE(doc.date);
    CHECK(doc.date->to_string() == "2026-03-04");
}

TEST_CASE("the same day points back to the last date named, across paragraphs") {
    PropertyGraph g =
        run("خبر\nحل عبد اللطيف حموشي بالرباط يوم 3 مارس 2026.\nوفي مساء اليوم ذاته، التقى "
            "حموشي بفيصل شهكار.\n",
            "2026-03-04");
    CHECK(time_of(g, "MET_WITH") == "2026-03-03");
}

TEST_CASE("a meeting on the sidelines of an event takes the event's span, not the lead's day") {
    PropertyGraph g = run(
        "خبر\nحل عبد اللطيف حموشي بمراكش يوم 20 نونبر 2025.\nانطلقت بمراكش أعمال الدورة الثالثة "
        "والتسعين للجمعية العامة للأنتربول خلال الفترة من 24 إلى 27 نونبر 2025.\nوعلى هامش الدورة، "
        "التقى عبد اللطيف حموشي مع فيصل شهكار.\n");
    CHECK(time_of(g, "MET_WITH") == "2025-11-24 .. 2025-11-27");
}

TEST_CASE("a fact takes the date written right after its own words, not the sentence's first") {
    PropertyGraph g =
        run("خبر\nوكان حموشي قد التقى فيصل شهكار في الرباط خلال مارس 2026، حيث جددا العمل بمذكرة "
            "التفاهم الموقعة بين المغرب وباكستان في يونيو 2019.\n");
    CHECK(time_of(g, "SIGNED_MOU") == "2019-06");
}

TEST_CASE("an end written apart from its start closes the range of the sentence's first day") {
    PropertyGraph g =
        run("خبر\nانطلقت يوم الاثنين 9 مارس 2026 أشغال المؤتمر الإقليمي الرابع لأمن الحدود، الذي "
            "تحتضنه تونس إلى غاية 11 مارس الجاري.\n");
    CHECK(time_of(g, "HOSTED") == "2026-03-09 .. 2026-03-11");
}

TEST_CASE("an English dateline writes the day after the month") {
    PropertyGraph g =
        run("Chiefs meet\nRABAT, March 4, 2026 (MAP) -- Moroccan police chief Abdellatif Hammouchi "
            "met Pakistani official Faisal Shahkar.\n");
    CHECK(time_of(g, "MET_WITH") == "2026-03-04");
}

TEST_CASE("a planned fact on a bare weekday is on the next one; the next day follows it") {
    // 2023-06-16 is a Friday: the coming Sunday and Monday are 18 and 19 June.
    PropertyGraph g =
        run("خبر\nيتوجه وزير الداخلية الفرنسي جيرالد دارمانان إلى تونس يومي الأحد والإثنين.\n",
            "2023-06-16");
    CHECK(time_of(g, "VISITED") == "2023-06-18 .. 2023-06-19");
    PropertyGraph h =
        run("خبر\nوصل جيرالد دارمانان إلى تونس الأحد 18 يونيو 2023 وغادرها في اليوم التالي.\n");
    CHECK(time_of(h, "VISITED") == "2023-06-18 .. 2023-06-19");
}
