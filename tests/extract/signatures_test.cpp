// Parties of a signature written after بين or as a dual subject; name spans that a word with
// a clitic must not start or cut; a bare office of a country resolved to the person named in it.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a memorandum between two bodies links them, whoever signs") {
    PropertyGraph g =
        run("وتوج اللقاء بتوقيع مذكرة تفاهم بين المديرية العامة لمراقبة التراب "
            "الوطني وجهاز أمن الدولة القطري.");
    const liaison::Edge* e =
        edge(g, "SIGNED_MOU", node(g, "Agency", "المديرية العامة لمراقبة التراب الوطني"),
             node(g, "Agency", "جهاز أمن الدولة القطري"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.nominal.between");
    CHECK(count(g, "SIGNED_MOU") == 1);
}

TEST_CASE("an agreement between two governments links their countries") {
    PropertyGraph g =
        run("ووقع الجانبان اتفاقا للتعاون في مجال مكافحة الهجرة بين حكومتي جمهورية "
            "مصر العربية والجمهورية الإيطالية.");
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Country", "مصر"), node(g, "Country", "إيطاليا")));
}

TEST_CASE("two officials in the dual sign: the persons of the meeting before") {
    PropertyGraph g =
        run("استقبل اللواء أحمد عبد الرحمن شوقي، وزير الداخلية، اليوم، الوزير "
            "الإيطالي ماتيو بيانكوني. ووقع الوزيران، في ختام اللقاء، اتفاقية "
            "للتعاون.");
    const auto host = node(g, "Person", "أحمد عبد الرحمن شوقي");
    const auto guest = node(g, "Person", "ماتيو بيانكوني");
    REQUIRE(edge(g, "RECEIVED", host, guest));
    const liaison::Edge* e = edge(g, "SIGNED_AGREEMENT", host, guest);
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.dual");
    // Without a meeting of two persons before it, a dual names nobody.
    PropertyGraph alone = run("ووقع الوزيران اتفاقية للتعاون الأمني.");
    CHECK(count(alone, "SIGNED_AGREEMENT") == 0);
}

TEST_CASE("a three-letter name word keeps its و or ف; a clitic before the article starts no name") {
    PropertyGraph g =
        run("استقبل قائد أركان الدرك الوطني، اللواء أحمد ولد بكار، الوفد. والتقى "
            "المدير العام للأمن العام اللبناني اللواء إلياس فرح بالوزير. وحضر "
            "المدير التنفيذي للوكالة الأوروبية والوفد المرافق له.");
    CHECK(node(g, "Person", "أحمد ولد بكار"));
    CHECK(node(g, "Person", "إلياس فرح"));
    CHECK(!node(g, "Person", "والوفد المرافق"));
    CHECK(!node(g, "Person", "للوكالة الأوروبية"));
}

TEST_CASE("a bare office of a country is the person the article names in it") {
    PropertyGraph g =
        run("وصل وزير الداخلية الإيطالي ماتيو بيانكوني إلى القاهرة. ويلتقي الوزير "
            "الإيطالي غدا وزير الخارجية المصري.");
    CHECK(!node(g, "Person", "الوزير الإيطالي"));
    const liaison::Edge* e = edge(g, "MET_WITH", node(g, "Person", "ماتيو بيانكوني"),
                                  node(g, "Person", "وزير الخارجية المصري"));
    REQUIRE(e);
    // غدا in the clause: the meeting is to come.
    CHECK(property(e, "status") == "planned");
}

TEST_CASE("two countries joined after the verb sign with each other") {
    PropertyGraph g =
        run("وقعت الجمهورية الإسلامية الموريتانية والمملكة العربية السعودية، اليوم الجمعة "
            "بانواكشوط، اتفاقية للتعاون الأمني.");
    const liaison::Edge* e = edge(g, "SIGNED_AGREEMENT", node(g, "Country", "موريتانيا"),
                                  node(g, "Country", "المملكة العربية السعودية"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.joined");
    // Met, not signed: two countries never meet.
    PropertyGraph met = run("والتقت موريتانيا والسعودية في اجتماع للتعاون.");
    CHECK(count(met, "MET_WITH") == 0);
}

TEST_CASE("a second nationality joined by و names the same kind of body of that country") {
    PropertyGraph g = run("الجمارك المغربية والسنغالية توقعان بدكار اتفاقية للمساعدة الإدارية.");
    const auto senegal = node(g, "Agency", "الجمارك السنغالية");
    REQUIRE(senegal);
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Agency", "الجمارك المغربية"), senegal));
}

TEST_CASE("the second party after بين may carry its و on a word before its name") {
    PropertyGraph g =
        run("وجرى توقيع مذكرة تفاهم بين المديرية العامة للأمن الوطني المغربي وآلية "
            "\"أفريبول\" لإنشاء مركز للتدريب.");
    CHECK(edge(g, "SIGNED_MOU", node(g, "Agency", "المديرية العامة للأمن الوطني المغربي"),
               node(g, "Organization", "أفريبول")));
}

TEST_CASE("officials who witness a signing between bodies are not its signers") {
    PropertyGraph g =
        run("استقبل وزير الداخلية السعودي الأمير عبد العزيز بن سعود نظيره العراقي عبد الأمير "
            "الشمري. وشهد الوزيران توقيع مذكرة تفاهم بين المديرية العامة لمكافحة المخدرات "
            "السعودية ووزارة الداخلية العراقية.");
    CHECK(count(g, "SIGNED_MOU") == 1);
    CHECK(!edge(g, "SIGNED_MOU", node(g, "Person", "عبد العزيز بن سعود"),
                node(g, "Person", "عبد الأمير الشمري")));
}

TEST_CASE("each side's signer after من الجانب, a role when the side names nobody") {
    PropertyGraph g =
        run("وأشرف على توقيع الاتفاقية من الجانب الموريتاني اللواء محمد ولد أحمد، ومن "
            "الجانب السعودي المدير العام لمكافحة المخدرات.");
    const liaison::Edge* e = edge(g, "SIGNED_AGREEMENT", node(g, "Person", "محمد ولد أحمد"),
                                  node(g, "Person", "المدير العام لمكافحة المخدرات"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.sides");
}

TEST_CASE(
    "the two countries sign: the countries of an earlier meeting, passing over persons "
    "not placed") {
    PropertyGraph g =
        run("استقبل رئيس الأمن العام البحريني اللواء عيسى يوسف البوعينين وكيل وزارة الداخلية "
            "الكويتية الفريق خالد عبدالعزيز المطيري. ويرتبط البلدان باتفاقية للتعاون الأمني "
            "وقعاها عام 2011.");
    const liaison::Edge* e =
        edge(g, "SIGNED_AGREEMENT", node(g, "Country", "البحرين"), node(g, "Country", "الكويت"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.generic");
}

TEST_CASE("a word of lineage makes a name, and a run of a longer name is that person") {
    PropertyGraph g =
        run("التقى الفريق المطيري بوزير الداخلية البحريني الفريق أول الشيخ دعيج بن سلمان آل "
            "خليفة. ورحب الشيخ دعيج بن سلمان بالوفد.");
    const auto duaij = node(g, "Person", "دعيج بن سلمان آل خليفة");
    REQUIRE(duaij);
    CHECK(!node(g, "Person", "سلمان آل خليفة"));
    CHECK(!node(g, "Person", "دعيج بن سلمان"));
}

TEST_CASE("an office right after a name an honorific opened is that person's") {
    PropertyGraph g =
        run("عقد سعادة الشيخ خليفة بن حمد بن خليفة آل ثاني وزير الداخلية القطري، اليوم، جلسة "
            "مباحثات مع وزير الداخلية التركي علي يرلي كايا.");
    const auto minister = node(g, "Person", "خليفة بن حمد بن خليفة آل ثاني");
    REQUIRE(minister);
    CHECK(edge(g, "HEADS", minister, node(g, "Agency", "وزارة الداخلية القطرية")));
}
