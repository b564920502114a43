// Bodies the lexicon knows in their press forms: news agencies' credits in a dateline, and an
// agency kept whole when an office's title runs into it.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a credit between slashes names the news agency, and the article's country") {
    PropertyGraph g =
        run("الدوحة في 3 مارس /قنا/ استقبل وزير الداخلية اليوم سفير فرنسا لدى دولة قطر.");
    CHECK(node(g, "Organization", "وكالة الأنباء القطرية"));
    // The office written without a country is the credited agency's country's.
    CHECK(node(g, "Agency", "وزارة الداخلية القطرية"));
}

TEST_CASE("a credit form is read only between slashes or brackets, or before a dateline dash") {
    PropertyGraph g = run("مسقط (العمانية) - زار الوفد الكلية العمانية للعلوم.");
    CHECK(node(g, "Organization", "وكالة الأنباء العمانية"));
    PropertyGraph h = run("وطنية - استقبل المدير العام اليوم وفدا من الشرطة.");
    CHECK(node(h, "Organization", "الوكالة الوطنية للإعلام"));
    // The same words elsewhere: an adjective, a preposition.
    PropertyGraph k = run("أشاد الوزير بالخبرة العمانية وقال إن الوحدة الوطنية تهمنا.");
    CHECK(!node(k, "Organization", "وكالة الأنباء العمانية"));
    CHECK(!node(k, "Organization", "الوكالة الوطنية للإعلام"));
    PropertyGraph m = run("باريس (أ ف ب) - أعلنت الوزارة.");
    CHECK(node(m, "Organization", "وكالة الأنباء الفرنسية"));
}

TEST_CASE("an office's title yields its last words to a known agency that goes on") {
    PropertyGraph g = run("التقى الوزير اليوم مفوض الشرطة الفيدرالية الأسترالية في كانبيرا.");
    auto afp = node(g, "Agency", "الشرطة الفيدرالية الأسترالية");
    REQUIRE(afp);
    PropertyGraph h = run("استقبل الوزير رئيس جهاز الاستخبارات الوطنية التركي في أنقرة.");
    CHECK(node(h, "Agency", "جهاز الاستخبارات الوطنية التركي"));
    CHECK(!node(h, "Agency", "جهاز المخابرات"));
}

TEST_CASE("a body head with a definite complement is a body the lexicon lacks") {
    PropertyGraph g = run("ومن المقرر أن يزور الوزير التركي غدا الأربعاء مركز القيادة الوطني.");
    auto body = node(g, "Agency", "مركز القيادة الوطني");
    REQUIRE(body);
    CHECK(edge(g, "VISITED", node(g, "Person", "الوزير التركي"), body));
    PropertyGraph h = run("حضر الاجتماع مدير عام الإدارة العامة للعلاقات والإعلام الأمني.");
    CHECK(node(h, "Agency", "الإدارة العامة للعلاقات والإعلام الأمني"));
    // An indefinite head with adjectives is no name.
    PropertyGraph k =
        run("اتفق الجانبان على إنشاء مركز إقليمي للتدريب ومركز مشترك لتحليل المخاطر.");
    CHECK(!node(k, "Agency", "مركز إقليمي للتدريب"));
    CHECK(!node(k, "Agency", "مركز مشترك لتحليل المخاطر"));
}

TEST_CASE("an unknown word after مدينة or ولاية is a city; العاصمة with a nisba is the capital") {
    PropertyGraph g = run("ومن المقرر أن يزور الوزير السنغالي يوم غد مدينة روصو الحدودية.");
    auto city = node(g, "City", "روصو");
    REQUIRE(city);
    CHECK(edge(g, "VISITED", node(g, "Person", "الوزير السنغالي"), city));
    PropertyGraph h = run("وكان اللواء سالم الكعبي قد وصل إلى العاصمة التونسية مساء الأحد.");
    auto tunis = node(h, "City", "Tunis");
    REQUIRE(tunis);
    CHECK(edge(h, "VISITED", node(h, "Person", "سالم الكعبي"), tunis));
    CHECK(!node(h, "City", "التونسية"));
    // "المدينة" with the article is "the city", and an ordinal is no name.
    PropertyGraph k = run("تجول الوفد في المدينة القديمة ثم زار الولاية الثانية.");
    CHECK(!node(k, "City", "القديمة"));
    CHECK(!node(k, "City", "الثانية"));
    // فرقة is no ف + الرقة, and الخمس ("the five") is no city.
    PropertyGraph m = run("أرسلت الدول الخمس فرقة أمنية إلى الحدود.");
    CHECK(!node(m, "City", "الرقة"));
    CHECK(!node(m, "City", "الخمس"));
}
