// Person names after titles and ranks (compound given names, a rank used as a given name, a
// given name that is also an honorific or a place, postings), and an office written again that
// stands for the person named in it earlier.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a given name closed by الله is one name") {
    PropertyGraph g =
        run("بحث مدير الأمن العام اللواء الدكتور عبيد الله المعايطة مع السفير "
            "البريطاني سبل تطوير التدريب.");
    CHECK(node(g, "Person", "عبيد الله المعايطة"));
    CHECK(!node(g, "Person", "عبيد"));
}

TEST_CASE("عبد joined to a name with the article opens a name") {
    PropertyGraph g =
        run("واجتمع وزير الداخلية العراقي الفريق أول ركن عبدالأمير كامل الشمري "
            "بقادة الشرطة في بغداد.");
    const auto p = node(g, "Person", "عبدالأمير كامل الشمري");
    REQUIRE(p);
    CHECK(edge(g, "HEADS", p, node(g, "Agency", "وزارة الداخلية العراقية")));
}

TEST_CASE("a bare rank after a rank is the given name") {
    PropertyGraph g =
        run("استقبل المدير العام لقوى الأمن الداخلي اللواء رائد عبدالله، في مكتبه، "
            "السفير الفرنسي في لبنان.");
    const auto p = node(g, "Person", "رائد عبدالله");
    REQUIRE(p);
    CHECK(!node(g, "Person", "عبدالله"));
    CHECK(edge(g, "HEADS", p, node(g, "Agency", "قوى الأمن الداخلي")));
}

TEST_CASE("after title and comma, الشيخ before one word is the name") {
    PropertyGraph g =
        run("وأشاد وزير المالية والميزانية السنغالي، الشيخ ديبا، بمستوى التعاون الجمركي.");
    CHECK(node(g, "Person", "الشيخ ديبا"));
    CHECK(!node(g, "Person", "وزير المالية والميزانية السنغالي"));
    // Any other honorific stays an honorific: one word after it is no name.
    PropertyGraph h =
        run("وأشاد وزير المالية والميزانية السنغالي، السيد ديبا، بمستوى التعاون الجمركي.");
    CHECK(!node(h, "Person", "السيد ديبا"));
}

TEST_CASE("a posting with ب does not end the title before the name") {
    PropertyGraph g =
        run("التقى وزير الداخلية خالد النوري بسفير الولايات المتحدة الأمريكية "
            "بتونس بيل بازي.");
    const auto p = node(g, "Person", "بيل بازي");
    REQUIRE(p);
    CHECK(edge(g, "REPRESENTS", p, node(g, "Country", "الولايات المتحدة")));
    CHECK(!node(g, "Person", "سفير الولايات المتحدة الأمريكية بتونس"));
}

TEST_CASE("a given name that is also a country opens the name after a title") {
    PropertyGraph g = run("وصلت رئيسة الحكومة الإيطالية جورجيا ميلوني إلى تونس.");
    const auto p = node(g, "Person", "جورجيا ميلوني");
    REQUIRE(p);
    CHECK(!node(g, "Country", "جورجيا"));
    CHECK(edge(g, "VISITED", p, node(g, "Country", "تونس")));
    // Without a name after it, the country is the office's complement.
    PropertyGraph h = run("زار وزير الداخلية جورجيا الأسبوع الماضي.");
    CHECK(node(h, "Country", "جورجيا"));
}

TEST_CASE("a rank joined by و after a comma opens the next person") {
    PropertyGraph g =
        run("حضر الحفل الجنرال دو كور دارمي محمد حرمو، قائد الدرك الملكي، والجنرال هوبير "
            "بونو، المدير العام للدرك الوطني الفرنسي.");
    const auto bono = node(g, "Person", "هوبير بونو");
    REQUIRE(bono);
    CHECK(!edge(g, "HEADS", bono, node(g, "Agency", "الدرك الملكي")));
    CHECK(edge(g, "HEADS", node(g, "Person", "محمد حرمو"), node(g, "Agency", "الدرك الملكي")));
}

TEST_CASE("an office written again is the person named in it earlier") {
    PropertyGraph g = run(
        "ووقع عن الجانب السعودي نائب رئيس أمن الدولة، الأستاذ عبد الله بن فهد العويس، الاتفاقية.\n"
        "وكان نائب رئيس أمن الدولة السعودي قد زار الرباط الثلاثاء الماضي.");
    const auto p = node(g, "Person", "عبد الله بن فهد العويس");
    REQUIRE(p);
    CHECK(!node(g, "Person", "نائب رئيس أمن الدولة السعودي"));
    CHECK(edge(g, "VISITED", p, node(g, "City", "الرباط")));
}

TEST_CASE("offices written one after another are held by the name after the last") {
    PropertyGraph g =
        run("بحث النائب الأول لرئيس مجلس الوزراء وزير الداخلية الشيخ فهد يوسف سعود "
            "الصباح مساء أمس مع الأمين العام لمجلس وزراء الداخلية العرب الدكتور "
            "محمد بن علي كومان في مكتبه.\n"
            "وكان الأمين العام قد زار الدوحة في جولة خليجية.");
    // الصباح, a family name that is also "the morning", ends the name.
    const auto host = node(g, "Person", "فهد يوسف سعود الصباح");
    const auto guest = node(g, "Person", "محمد بن علي كومان");
    REQUIRE(host);
    REQUIRE(guest);
    CHECK(edge(g, "MET_WITH", host, guest));
    // The bare office later is the secretary general named before.
    CHECK(edge(g, "VISITED", guest, node(g, "City", "الدوحة")));
    CHECK(!edge(g, "VISITED", host, node(g, "City", "الدوحة")));
}

TEST_CASE("a dash between two offices makes them one person's, of the second's country") {
    PropertyGraph g =
        run("استقبل السيد علي بداوي، المدير العام للأمن الوطني، في الجزائر العاصمة، "
            "رئيس الشرطة - المدير العام للأمن العمومي بالجمهورية الإيطالية، السيد "
            "فيتوريو بيزاني.");
    const auto guest = node(g, "Person", "فيتوريو بيزاني");
    REQUIRE(guest);
    CHECK(edge(g, "RECEIVED", node(g, "Person", "علي بداوي"), guest));
    CHECK(!node(g, "Person", "رئيس الشرطة"));
    // The police he heads are Italy's, not those of the country the article is placed in.
    CHECK(edge(g, "HEADS", guest, node(g, "Agency", "National Police (Italy)")));
}

TEST_CASE("an office joined by و after another office is another person") {
    PropertyGraph g =
        run("كما ناقش الوزير مع الأمين العام لمجلس وزراء الداخلية العرب والدكتور "
            "عبد المجيد البنيان رئيس جامعة نايف العربية للعلوم الأمنية سبل التعاون.");
    CHECK(node(g, "Person", "الأمين العام لمجلس وزراء الداخلية العرب"));
    CHECK(node(g, "Person", "عبد المجيد البنيان"));
}

TEST_CASE("a headline's rank and surname before its verb is the person named in the body") {
    PropertyGraph g =
        run("اللواء عبدالله عرض التعاون في التدريب مع فرنسا\n"
            "استقبل المدير العام لقوى الأمن الداخلي اللواء رائد عبدالله، في مكتبه، "
            "السفير الفرنسي في لبنان، وعرض معه سبل التعاون في التدريب.");
    CHECK(!node(g, "Person", "عبدالله عرض"));
    const auto p = node(g, "Person", "رائد عبدالله");
    REQUIRE(p);
    // وعرض is no mention of a person named «… عرض».
    CHECK(edge(g, "RECEIVED", p, node(g, "Person", "السفير الفرنسي")));
    CHECK(count(g, "RECEIVED") == 1);
}

TEST_CASE("a bare office after a verb is its subject, the honorific after it the object") {
    PropertyGraph g =
        run("ألقى اللواء أحمد عبد الرحمن شوقي، وزير الداخلية، كلمة في افتتاح المؤتمر.\n"
            "واستقبل الوزير بعد الجلسة السيد أمادو ديالو، المدير التنفيذي "
            "لأفريبول.");
    const auto host = node(g, "Person", "أحمد عبد الرحمن شوقي");
    const auto guest = node(g, "Person", "أمادو ديالو");
    REQUIRE(host);
    REQUIRE(guest);
    CHECK(edge(g, "HEADS", guest, node(g, "Organization", "الأفريبول")));
    // Without an adverb between, the honorific still opens the object.
    PropertyGraph h =
        run("ألقى اللواء أحمد عبد الرحمن شوقي، وزير الداخلية، كلمة في افتتاح المؤتمر.\n"
            "ثم استقبل الوزير السيد أمادو ديالو في مقر الوزارة.");
    CHECK(edge(h, "RECEIVED", node(h, "Person", "أحمد عبد الرحمن شوقي"),
               node(h, "Person", "أمادو ديالو")));
}

TEST_CASE("after the last word of lineage a name takes the father's name and one family name") {
    PropertyGraph g =
        run("بحث وزير الداخلية مع الدكتور محمد بن علي كومان سبل التعاون الأمني.\n"
            "واستقبل سعادة الشيخ خليفة بن حمد بن خليفة آل ثاني الوفد.");
    CHECK(node(g, "Person", "محمد بن علي كومان"));
    CHECK(!node(g, "Person", "محمد بن علي كومان سبل التعاون"));
    CHECK(node(g, "Person", "خليفة بن حمد بن خليفة آل ثاني"));
}

TEST_CASE("الضيف with a nationality is the visitor, not the envoy of that country") {
    PropertyGraph g =
        run("استقبل السيد علي بداوي، المدير العام للأمن الوطني، رئيس الشرطة الإيطالية، السيد "
            "فيتوريو بيزاني، بحضور سفير إيطاليا بالجزائر، السيد ألبرتو كوتيلو.\n"
            "وزار الضيف الإيطالي بعد ذلك مدينة وهران.");
    const auto guest = node(g, "Person", "فيتوريو بيزاني");
    REQUIRE(guest);
    CHECK(edge(g, "VISITED", guest, node(g, "City", "وهران")));
    CHECK(!edge(g, "VISITED", node(g, "Person", "ألبرتو كوتيلو"), node(g, "City", "وهران")));
    CHECK(!node(g, "Person", "الضيف الإيطالي"));
}

TEST_CASE("a given name written with the article after a name is its family name") {
    PropertyGraph g = run("وأجرى الشيخ فهد اليوسف اتصالا هاتفيا بنظيره العماني.");
    CHECK(node(g, "Person", "فهد اليوسف"));
    CHECK(!node(g, "Person", "فهد اليوسف اتصالا هاتفيا"));
}
