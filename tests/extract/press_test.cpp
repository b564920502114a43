// Shapes met in a sample of real press from outlets the development articles lack (Gulf police
// commands, Levantine and Iraqi ministries): a given name that is also a city written with the
// article, rank qualifiers of speciality, the joined compound given name, and the home body of
// an article that names no country. Every sentence here is written for the test.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a given name that is a city only with the article opens the name") {
    // Levantine: خليل is a name, الخليل (Hebron) a city.
    PropertyGraph g =
        run("استقبل وزير الداخلية الأردني اللواء خليل يوسف العبادي، اليوم، السفير الكندي.");
    CHECK(node(g, "Person", "خليل يوسف العبادي"));
    CHECK(!node(g, "City", "الخليل"));
    PropertyGraph h = run("زار مدير الشرطة الفلسطينية اللواء سامي حمدان مدينة الخليل أمس.");
    CHECK(node(h, "City", "الخليل"));
    CHECK(node(h, "Person", "سامي حمدان"));
}

TEST_CASE("a rank's qualifier of speciality is part of the rank") {
    // Gulf: اللواء خبير; Egyptian and Saudi: اللواء طيار، العميد مهندس.
    PropertyGraph g =
        run("التقى اللواء خبير سالم راشد الكتبي مدير عام شرطة الشارقة، "
            "اليوم، العميد مهندس حسن فتحي عبد الرازق.");
    CHECK(node(g, "Person", "سالم راشد الكتبي"));
    CHECK(node(g, "Person", "حسن فتحي عبد الرازق"));
    CHECK(!node(g, "Person", "خبير سالم راشد الكتبي"));
    CHECK(edge(g, "MET_WITH", node(g, "Person", "سالم راشد الكتبي"),
               node(g, "Person", "حسن فتحي عبد الرازق")));
    PropertyGraph h = run("استقبل اللواء طيار ماجد فهد العتيبي وفدا من الشرطة الإيطالية.");
    CHECK(node(h, "Person", "ماجد فهد العتيبي"));
}

TEST_CASE("joined compound given names and names the list lacked open a name") {
    // Jordanian and Iraqi registers.
    PropertyGraph g =
        run("استقبل مدير الأمن العام اللواء عبيدالله سعيد الخوالدة سفير العراق "
            "لدى عمان قحطان جاسم الربيعي.");
    CHECK(node(g, "Person", "عبيدالله سعيد الخوالدة"));
    CHECK(node(g, "Person", "قحطان جاسم الربيعي"));
}

TEST_CASE("the home body of an article that names no country signs") {
    // Emirati agency copy: the credit says whose National Guard it is.
    PropertyGraph g =
        run("أبوظبي في 3 مارس /وام/ وقعت قيادة الحرس الوطني مذكرة تفاهم مع "
            "القيادة العامة لشرطة الشارقة لتبادل الخبرات.");
    const auto guard = node(g, "Agency", "قيادة الحرس الوطني");
    REQUIRE(guard);
    CHECK(edge(g, "SIGNED_MOU", guard, node(g, "Agency", "القيادة العامة لشرطة الشارقة")));
    // No credit: the dateline's city gives the country.
    PropertyGraph h = run("الرياض - وقعت المديرية العامة للجوازات مذكرة تفاهم مع شرطة دبي.");
    CHECK(edge(h, "SIGNED_MOU", node(h, "Agency", "المديرية العامة للجوازات"),
               node(h, "Agency", "شرطة دبي")));
}

TEST_CASE("a visit's noun with its visitor after a past or relative verb of doing") {
    // Iraqi: الزيارة التي يجريها X إلى; Sudanese: زيارة قام بها X إلى.
    PropertyGraph g =
        run("وتأتي الزيارة التي يجريها الفريق أول ركن سعد جاسم الربيعي إلى القاهرة "
            "بدعوة من نظيره المصري.");
    CHECK(edge(g, "VISITED", node(g, "Person", "سعد جاسم الربيعي"), node(g, "City", "القاهرة")));
    PropertyGraph h =
        run("وأكد الطرفان ذلك خلال زيارة قام بها الفريق شرطة عثمان محمد الحسن إلى "
            "إثيوبيا الأسبوع الماضي.");
    CHECK(edge(h, "VISITED", node(h, "Person", "عثمان محمد الحسن"), node(h, "Country", "إثيوبيا")));
}

TEST_CASE("a bare office takes the dateline's country, not a guest's nisba") {
    // Iraqi: the host's office has no country; only the guest's nisba names one.
    PropertyGraph g =
        run("بغداد - استقبل وزير الداخلية عبد الكريم حسن الساعدي، اليوم، وزير الداخلية الأردني "
            "مازن سالم العبادي.");
    const auto host = node(g, "Person", "عبد الكريم حسن الساعدي");
    CHECK(edge(g, "HEADS", host, node(g, "Agency", "Ministry of Interior (Iraq)")));
    CHECK(!edge(g, "HEADS", host, node(g, "Agency", "Ministry of Interior (Jordan)")));
    CHECK(edge(g, "HEADS", node(g, "Person", "مازن سالم العبادي"),
               node(g, "Agency", "Ministry of Interior (Jordan)")));
    // Egyptian: the guest's country in a construct (وزير داخلية جمهورية السودان).
    PropertyGraph h =
        run("القاهرة - التقى وزير الداخلية اللواء حسن محمود عبد الله، اليوم، وزير داخلية جمهورية "
            "السودان الفريق خالد عثمان إبراهيم.");
    const auto minister = node(h, "Person", "حسن محمود عبد الله");
    CHECK(edge(h, "HEADS", minister, node(h, "Agency", "Ministry of Interior (Egypt)")));
    CHECK(!edge(h, "HEADS", minister, node(h, "Agency", "Ministry of Interior (Sudan)")));
}

TEST_CASE("signatories in an agent phrase sign with each other") {
    // Iraqi: one عن for both sides.
    PropertyGraph g =
        run("وقعت وزارة الداخلية العراقية والشرطة الإيطالية مذكرة تفاهم للتعاون، ووقع المذكرة عن "
            "الجانبين اللواء حسين علي الزبيدي، والعميد جوزيبي بيانكي.");
    const auto iraqi = node(g, "Person", "حسين علي الزبيدي");
    const auto italian = node(g, "Person", "جوزيبي بيانكي");
    CHECK(edge(g, "SIGNED_MOU", iraqi, italian));
    CHECK(!edge(g, "SIGNED_MOU", iraqi, node(g, "Agency", "Ministry of Interior (Iraq)")));
    CHECK(count(g, "MET_WITH") == 0);
    // Gulf: the passive's agents after من قبل, the first one's office in commas.
    PropertyGraph h =
        run("وتم توقيع الاتفاقية من قبل اللواء سالم راشد الظاهري، مدير عام الشرطة، والدكتور أحمد "
            "سالم النعيمي.");
    CHECK(edge(h, "SIGNED_AGREEMENT", node(h, "Person", "سالم راشد الظاهري"),
               node(h, "Person", "أحمد سالم النعيمي")));
    CHECK(count(h, "MET_WITH") == 0);
    // Moroccan: من طرف.
    PropertyGraph m =
        run("ووقع الاتفاقية من طرف العقيد يوسف الإدريسي، والسيد بيير مارتان، مدير التعاون الدولي.");
    CHECK(edge(m, "SIGNED_AGREEMENT", node(m, "Person", "يوسف الإدريسي"),
               node(m, "Person", "بيير مارتان")));
    // Sudanese: من جانب before each side's body.
    PropertyGraph s =
        run("وقّع الاتفاقية من جانب الشرطة اللواء عثمان محمد الحسن، ومن جانب الجمارك الفريق "
            "إبراهيم علي أحمد.");
    CHECK(edge(s, "SIGNED_AGREEMENT", node(s, "Person", "عثمان محمد الحسن"),
               node(s, "Person", "إبراهيم علي أحمد")));
    CHECK(count(s, "MET_WITH") == 0);
}

TEST_CASE("an office between commas after a signer's name is his, never a party") {
    // Emirati: two signers after the verb, each with an office in commas.
    PropertyGraph g = run(
        "وقعت القيادة العامة لشرطة الشارقة مذكرة تفاهم مع هيئة الموانئ والجمارك والمنطقة الحرة، "
        "ووقعها اللواء سيف راشد الشامسي، القائد العام لشرطة الشارقة، والسيد خالد أحمد المطوع، "
        "مدير عام الهيئة.");
    const auto police = node(g, "Person", "سيف راشد الشامسي");
    CHECK(edge(g, "SIGNED_MOU", police, node(g, "Person", "خالد أحمد المطوع")));
    CHECK(edge(g, "HEADS", police, node(g, "Agency", "القيادة العامة لشرطة الشارقة")));
    CHECK(!edge(g, "SIGNED_MOU", police, node(g, "Agency", "القيادة العامة لشرطة الشارقة")));
    // Levantine: the other signer after مع.
    PropertyGraph h =
        run("وقعت مديرية الأمن العام مذكرة تفاهم مع هيئة الموانئ والجمارك، ووقعها اللواء سامر يوسف "
            "الحمد، مدير عام الشرطة، مع الدكتور أحمد سالم النعيمي.");
    const auto director = node(h, "Person", "سامر يوسف الحمد");
    CHECK(edge(h, "SIGNED_MOU", director, node(h, "Person", "أحمد سالم النعيمي")));
    CHECK(count(h, "MET_WITH") == 0);
}

TEST_CASE("with no dateline a bare office takes no guest's country") {
    // Gulf: only the guest's nisba names a country; the host's is unknown, not Italy.
    PropertyGraph g =
        run("التقى اللواء عمر سالم الكعبي، مدير عام الشرطة، السفير الإيطالي جوزيبي بيانكي.");
    const auto host = node(g, "Person", "عمر سالم الكعبي");
    REQUIRE(host);
    CHECK(edge(g, "MET_WITH", host, node(g, "Person", "جوزيبي بيانكي")));
    for (const auto& e : g.edges())
        if (g.type_name(e) == "HEADS" && e.source == *host)
            CHECK(g.node(e.target).names.en.find("Ital") == std::string::npos);
}
