// Subjects of several persons and the clause of a frame: compound subjects for every relation,
// a dual or plural standing for the last group, the agents of a nominal visit, chaired meetings
// and co-chairs, relative clauses after the trigger, كما carrying on the subject, and modality
// across an inserted source or from a present tense with a weekday.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("persons joined by و after the verb, then an adverbial, are all its subjects") {
    PropertyGraph g =
        run("ومن المنتظر أن يلتقي وزير الداخلية الفرنسي جيرالد دارمانان ونظيره الإسباني فرناندو "
            "غراندي مارلاسكا خلال الزيارة وزير الداخلية المغربي عبد الوافي لفتيت.");
    const auto darmanin = node(g, "Person", "جيرالد دارمانان");
    const auto marlaska = node(g, "Person", "فرناندو غراندي مارلاسكا");
    const auto laftit = node(g, "Person", "عبد الوافي لفتيت");
    const liaison::Edge* first = edge(g, "MET_WITH", darmanin, laftit);
    CHECK(first);
    CHECK(property(first, "status") == "planned");
    CHECK(edge(g, "MET_WITH", marlaska, laftit));
    // The two subjects travel together; they do not meet each other.
    CHECK(!edge(g, "MET_WITH", darmanin, marlaska));
}

TEST_CASE("a visit's compound subject visits, and الوزيرين later stands for both") {
    PropertyGraph g =
        run("يتوجه وزير الداخلية الإيطالي ماتيو بيانتيدوزي ونظيرته الألمانية نانسي فيزر إلى "
            "الرباط.\nوأوضح المصدر أن الوزيرين سيصلان إلى طنجة مساء الأحد.");
    const auto piantedosi = node(g, "Person", "ماتيو بيانتيدوزي");
    const auto faeser = node(g, "Person", "نانسي فيزر");
    CHECK(edge(g, "VISITED", piantedosi, node(g, "City", "الرباط")));
    CHECK(edge(g, "VISITED", faeser, node(g, "City", "الرباط")));
    const liaison::Edge* later = edge(g, "VISITED", faeser, node(g, "City", "طنجة"));
    CHECK(later);
    CHECK(property(later, "status") == "planned");
    CHECK(property(later, "rule") == "frame.active.group");
    CHECK(edge(g, "VISITED", piantedosi, node(g, "City", "طنجة")));
}

TEST_CASE("the agents of زيارة قام بها visit, and a dual verb with a pronoun takes them") {
    PropertyGraph g =
        run("وجاءت الزيارة بعد زيارة قام بها وزير الداخلية الجزائري إبراهيم مراد ووزير الداخلية "
            "التونسي خالد النوري إلى نواكشوط، التقيا خلالها وزير الداخلية الموريتاني محمد أحمد "
            "ولد محمد الأمين.");
    const auto merad = node(g, "Person", "إبراهيم مراد");
    const auto nouri = node(g, "Person", "خالد النوري");
    const auto city = node(g, "City", "نواكشوط");
    CHECK(edge(g, "VISITED", merad, city));
    CHECK(edge(g, "VISITED", nouri, city));
    CHECK(count(g, "MET_WITH") == 2);
    CHECK(!edge(g, "MET_WITH", merad, nouri));
    for (const auto& e : g.edges())
        if (g.type_name(e) == "MET_WITH") CHECK(property(&e, "rule") == "frame.active.group");
}

TEST_CASE("الوزيران are the two ministers who met, not an official who received one of them") {
    PropertyGraph g =
        run("التقى وزير الداخلية الجزائري إبراهيم مراد بوزير الداخلية التونسي خالد النوري.\nكما "
            "استقبل الوزير الأول الجزائري نذير العرباوي الوزير التونسي.\nومن المرتقب أن يتنقل "
            "الوزيران غدا إلى وهران.");
    const auto city = node(g, "City", "وهران");
    CHECK(edge(g, "VISITED", node(g, "Person", "إبراهيم مراد"), city));
    CHECK(edge(g, "VISITED", node(g, "Person", "خالد النوري"), city));
    CHECK(count(g, "VISITED") == 2);
}

TEST_CASE("the chair of a meeting meets each participant listed, who do not meet each other") {
    PropertyGraph g =
        run("ترأس الرئيس التونسي قيس سعيد اجتماعا أمنيا شارك فيه كل من وزير الداخلية كمال الفقي، "
            "ووزير الدفاع الوطني عماد مميش.");
    const auto chair = node(g, "Person", "قيس سعيد");
    const auto feki = node(g, "Person", "كمال الفقي");
    const auto memmich = node(g, "Person", "عماد مميش");
    CHECK(edge(g, "MET_WITH", chair, feki));
    CHECK(edge(g, "MET_WITH", chair, memmich));
    CHECK(!edge(g, "MET_WITH", feki, memmich));
    CHECK(property(edge(g, "MET_WITH", chair, feki), "rule") == "frame.active.chair");
}

TEST_CASE("co-chairs of two sides (ترأس الجانب A X، فيما ترأس الجانب B Y) meet") {
    PropertyGraph g =
        run("وترأس الجانب المغربي المدير العام للأمن الوطني عبد اللطيف حموشي، فيما ترأس الجانب "
            "الإسباني المدير العام للشرطة الوطنية فرانسيسكو باردو.");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"),
               node(g, "Person", "فرانسيسكو باردو")));
    // Chairing alone is no meeting.
    PropertyGraph one = run("وترأس الجانب المغربي المدير العام للأمن الوطني عبد اللطيف حموشي.");
    CHECK(count(one, "MET_WITH") == 0);
}

TEST_CASE("a relative clause after the trigger names no party; كما carries on the subject") {
    PropertyGraph g =
        run("استقبل وزير الداخلية المغربي عبد الوافي لفتيت نظيره الإسباني فرناندو غراندي "
            "مارلاسكا.\nكما التقى الأمين العام لمجلس وزراء الداخلية العرب، الذي أشاد بالتعاون الذي "
            "تبديه المديرية العامة للأمن الوطني.");
    const auto laftit = node(g, "Person", "عبد الوافي لفتيت");
    const auto secretary = node(g, "Person", "الأمين العام لمجلس وزراء الداخلية العرب");
    CHECK(edge(g, "MET_WITH", laftit, secretary));
    CHECK(count(g, "MET_WITH") == 1);
}

TEST_CASE("a planned wording reaches past an inserted source to the clause after أن") {
    PropertyGraph g =
        run("ويرتقب، حسب ما أفادت به المصادر ذاتها لوكالة الأنباء الرسمية، أن يلتقي عبد اللطيف "
            "حموشي نظيره الإسباني فرانسيسكو باردو بمدريد.");
    const liaison::Edge* e = edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"),
                                  node(g, "Person", "فرانسيسكو باردو"));
    CHECK(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("a verb in the present with a weekday is planned, unless the day is today") {
    PropertyGraph coming =
        run("يتوجه وزير الداخلية الإيطالي ماتيو بيانتيدوزي إلى تونس يوم الأحد.", "2025-06-13");
    const liaison::Edge* visit = edge(coming, "VISITED", node(coming, "Person", "ماتيو بيانتيدوزي"),
                                      node(coming, "Country", "تونس"));
    CHECK(visit);
    CHECK(property(visit, "status") == "planned");
    PropertyGraph today =
        run("يلتقي وزير الداخلية الإيطالي ماتيو بيانتيدوزي نظيره التونسي خالد النوري اليوم "
            "الجمعة.",
            "2025-06-13");
    const liaison::Edge* met = edge(today, "MET_WITH", node(today, "Person", "ماتيو بيانتيدوزي"),
                                    node(today, "Person", "خالد النوري"));
    CHECK(met);
    CHECK(property(met, "status") != "planned");
    // A visit under way since a day is no plan.
    PropertyGraph since =
        run("ويزور وزير الداخلية الإيطالي ماتيو بيانتيدوزي تونس منذ الأحد.", "2025-06-13");
    for (const auto& e : since.edges()) CHECK(property(&e, "status") != "planned");
    // The past tense with a weekday is what happened.
    PropertyGraph past =
        run("التقى وزير الداخلية الإيطالي ماتيو بيانتيدوزي نظيره التونسي خالد النوري يوم الأحد.",
            "2025-06-13");
    CHECK(property(edge(past, "MET_WITH", node(past, "Person", "ماتيو بيانتيدوزي"),
                        node(past, "Person", "خالد النوري")),
                   "status") != "planned");
}

TEST_CASE("two persons joined by و right before a noun of meeting meet each other") {
    PropertyGraph g =
        run("استقبل وزير الداخلية الليبي عماد الطرابلسي نظيره الإيطالي ماتيو بيانتيدوزي في "
            "طرابلس.\nومن المقرر أن يعقد الطرابلسي وبيانتيدوزي اجتماعا في روما.");
    const liaison::Edge* e = edge(g, "MET_WITH", node(g, "Person", "عماد الطرابلسي"),
                                  node(g, "Person", "ماتيو بيانتيدوزي"));
    CHECK(e);
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("على أن opens a clause of what is arranged to follow: planned") {
    PropertyGraph g =
        run("وحل المدير العام للأمن الوطني عبد اللطيف حموشي بمدريد، على أن يختتم زيارته بلقاء مع "
            "وزير الداخلية الإسباني فرناندو غراندي مارلاسكا.");
    const auto hammouchi = node(g, "Person", "عبد اللطيف حموشي");
    const liaison::Edge* met =
        edge(g, "MET_WITH", hammouchi, node(g, "Person", "فرناندو غراندي مارلاسكا"));
    CHECK(met);
    CHECK(property(met, "status") == "planned");
    // The arrival before it is stated.
    CHECK(property(edge(g, "VISITED", hammouchi, node(g, "City", "مدريد")), "status") != "planned");
}
