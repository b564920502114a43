// What a clause says around its trigger and who its parties are: a frequency after the verb (a
// schedule, no event), a reception restated by its pronouns (خلال استقباله له), مع after a noun
// of relations (no party), a later description of an unnamed official, a companion (يرافقه) who
// is no guest, the end of a visit going on, and the English passive of signing (signed by A and
// B). Sentences in several registers, written for these tests.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a meeting told with its frequency is a schedule, not a fact") {
    // Turkish press in Arabic, Gulf, Levantine: a committee's mandate after an agreement.
    PropertyGraph g =
        run("وقع وزير الداخلية التركي علي يرلي قايا ووزير الداخلية الأذربيجاني اتفاقية أمنية في "
            "أنقرة.\nوتنص الاتفاقية على إنشاء لجنة مشتركة تجتمع سنويا، وتبادل الخبرات بين الشرطة "
            "التركية ووزارة الداخلية الأذربيجانية.\nوأوضح أن فريق العمل يجتمع بشكل دوري مع الأمن "
            "العام الأردني.\nوأكد أن اللجنة ستجتمع مرتين في السنة مع مديرية الأمن العام الأردنية.");
    CHECK(count(g, "MET_WITH") == 0);
    CHECK(count(g, "SIGNED_AGREEMENT") == 1);
    // Iraqi: the same verb without a frequency is a meeting.
    PropertyGraph h =
        run("اجتمع وزير الداخلية العراقي عبد الأمير الشمري بالسفير الياباني في بغداد.");
    CHECK(count(h, "MET_WITH") == 1);
}

TEST_CASE("a reception restated by its pronouns: the subject received the other party") {
    // Syrian, Gulf, Jordanian and Iraqi wordings of one construction.
    for (const char* text :
         {"بحث وزير الداخلية محمد نذير العلي مع المدير العام للأمن العام اللبناني اللواء إلياس "
          "فرح، خلال استقباله له اليوم في مبنى الوزارة بدمشق، سبل التعاون.",
          "بحث وزير الداخلية الكويتي الشيخ فهد اليوسف مع السفير الأمريكي كارين ساساهارا، خلال "
          "استقباله له اليوم في مكتبه، سبل التعاون الأمني.",
          "تناول مدير الأمن العام اللواء عبيد الله المعايطة مع السفير الألماني برنهارد كامبمان، "
          "لدى استقباله له أمس، أوجه التعاون.",
          "ناقش وزير الداخلية العراقي عبد الأمير الشمري مع السفير الفرنسي باتريك دوريل، أثناء "
          "استقباله له في بغداد، ملفات ضبط الحدود."}) {
        CAPTURE(text);
        PropertyGraph g = run(text, "2026-01-13");
        CHECK(count(g, "MET_WITH") == 1);
        REQUIRE(count(g, "RECEIVED") == 1);
        for (const auto& e : g.edges())
            if (g.type_name(e) == "RECEIVED") {
                // The host is the verb's subject, named first in each sentence.
                const std::string host = g.node(e.source).names.ar;
                CHECK((host == "محمد نذير العلي" || host == "فهد اليوسف" ||
                       host == "عبيد الله المعايطة" || host == "عبد الأمير الشمري"));
            }
    }
    // Without the guest's pronoun the noun is no restatement of the meeting.
    PropertyGraph g =
        run("بحث وزير الداخلية الكويتي الشيخ فهد اليوسف مع السفير الأمريكي كارين ساساهارا سبل "
            "التعاون الأمني.");
    CHECK(count(g, "RECEIVED") == 0);
}

TEST_CASE("a country after a noun of relations and مع is no party of the meeting") {
    PropertyGraph g =
        run("اجتمع وزير الداخلية العراقي عبد الأمير الشمري اليوم بالسفير التركي في بغداد. وأكد "
            "الوزير خلال الاجتماع حرص العراق على تطوير علاقاته مع الجارة تركيا.\nاستقبل وزير "
            "الداخلية الكويتي الشيخ فهد اليوسف السفير الإيراني. وأكد خلال اللقاء أهمية العلاقات مع "
            "إيران.");
    for (const char* country : {"تركيا", "إيران"}) {
        CAPTURE(country);
        const auto c = node(g, "Country", country);
        REQUIRE(c);
        for (const auto& e : g.edges())
            CHECK(!(g.type_name(e) == "MET_WITH" && (e.source == *c || e.target == *c)));
    }
    // A meeting with a delegation of a country still meets it.
    PropertyGraph h =
        run("وعقد مدير الأمن العام الأردني اللواء عبيد الله المعايطة اجتماعا مع وفد من سوريا.");
    CHECK(count(h, "MET_WITH") == 1);
}

TEST_CASE("a later description is the unnamed official of that office and country") {
    // Kuwaiti wording: the French minister is never named; the companion is no guest; the end
    // of a visit going on plans nothing about the visit.
    PropertyGraph g =
        run("الكويت في 3 مارس /كونا/ استقبل الشيخ فهد اليوسف وزير الداخلية، اليوم، وزير الدولة "
            "الفرنسي لشؤون الأمن.\nوزار الوزير الفرنسي، يرافقه وكيل وزارة الداخلية، أكاديمية سعد "
            "العبدالله للعلوم الأمنية، حيث كان في استقباله آمر الأكاديمية.\nومن المقرر أن يلتقي "
            "الوزير الفرنسي غدا الأربعاء رئيس جهاز أمن الدولة، قبل أن يختتم زيارته للبلاد.",
            "2025-03-03");
    const auto guest = node(g, "Person", "وزير الدولة الفرنسي");
    REQUIRE(guest);
    CHECK(!node(g, "Person", "الوزير الفرنسي"));
    CHECK(edge(g, "RECEIVED", node(g, "Person", "فهد اليوسف"), guest));
    CHECK(edge(g, "RECEIVED", node(g, "Person", "آمر الأكاديمية"), guest));
    CHECK(!edge(g, "RECEIVED", node(g, "Person", "آمر الأكاديمية"),
                node(g, "Person", "وكيل وزارة الداخلية")));
    CHECK(property(edge(g, "MET_WITH", guest, node(g, "Person", "رئيس جهاز أمن الدولة")),
                   "status") == "planned");
    const auto* stay = edge(g, "VISITED", guest, node(g, "Country", "الكويت"));
    REQUIRE(stay);
    CHECK(property(stay, "status") != "planned");
    // Egyptian wording, a woman minister: the same description, the visit's end.
    PropertyGraph h =
        run("القاهرة (أ ش أ) - التقى وزير الداخلية اللواء محمود توفيق، اليوم، وزيرة الدولة "
            "الإيطالية للشؤون الداخلية.\nوزارت الوزيرة الإيطالية أكاديمية الشرطة، قبل أن تختتم "
            "زيارتها لمصر غدا.",
            "2025-09-16");
    const auto minister = node(h, "Person", "وزيرة الدولة الإيطالية");
    REQUIRE(minister);
    CHECK(!node(h, "Person", "الوزيرة الإيطالية"));
    const auto* visit = edge(h, "VISITED", minister, node(h, "Country", "مصر"));
    REQUIRE(visit);
    CHECK(property(visit, "status") != "planned");
}

TEST_CASE("English: a document signed by two persons in the passive") {
    PropertyGraph g = run(
        "Iraq and Jordan signed a memorandum of understanding on drug precursors. It was signed "
        "by Maj. Gen. Hussein Ali al-Tamimi, Director General of Iraq's General Directorate of "
        "Narcotics, and Brig. Hassan al-Qudah, Director of Jordan's Anti-Narcotics "
        "Department.\nThe memorandum was signed by Dubai Police Commander-in-Chief Lt. Gen. "
        "Abdullah Khalifa Al Marri and Europol Executive Director Catherine De Bolle.");
    CHECK(edge(g, "SIGNED_MOU", node(g, "Person", "Hussein Ali al-Tamimi"),
               node(g, "Person", "Hassan al-Qudah")));
    CHECK(edge(g, "SIGNED_MOU", node(g, "Person", "Abdullah Khalifa Al Marri"),
               node(g, "Person", "Catherine De Bolle")));
    // One signer named: no pair.
    PropertyGraph h = run("The agreement was signed by Interior Minister Ali Yerlikaya in Ankara.");
    CHECK(count(h, "SIGNED_AGREEMENT") == 0);
}

TEST_CASE("an arrival in a city on a visit to the host country visits both") {
    // Saudi and Bahraini wordings: the country is named only as المملكة.
    PropertyGraph g = run(
        "جدة (واس) استقبل الأمير عبدالعزيز بن سعود بن نايف وزير الداخلية، اليوم، وزير الداخلية "
        "العراقي الفريق أول ركن عبدالأمير كامل الشمري.\nوكان معالي الفريق أول ركن الشمري قد وصل "
        "إلى جدة مساء أمس في زيارة رسمية للمملكة تستغرق ثلاثة أيام.",
        "2025-08-12");
    const auto guest = node(g, "Person", "عبدالأمير كامل الشمري");
    CHECK(edge(g, "VISITED", guest, node(g, "City", "جدة")));
    CHECK(edge(g, "VISITED", guest, node(g, "Country", "المملكة العربية السعودية")));
    PropertyGraph h =
        run("وصل وزير الداخلية الأردني مازن الفراية مساء أمس إلى المنامة في زيارة عمل للمملكة "
            "تستغرق يومين.",
            "2025-03-03");
    const auto visitor = node(h, "Person", "مازن الفراية");
    CHECK(edge(h, "VISITED", visitor, node(h, "City", "المنامة")));
    CHECK(edge(h, "VISITED", visitor, node(h, "Country", "البحرين")));
}

TEST_CASE("the next leg of a trip told in the present with بعدها is planned") {
    PropertyGraph g = run(
        "مسقط (العمانية) التقى وزير الداخلية العماني حمود بن فيصل البوسعيدي اليوم وزير الداخلية "
        "الباكستاني محسن نقوي الذي يزور السلطنة في زيارة تستغرق يومين، يتوجه بعدها إلى "
        "الدوحة.\nالرياض (واس) وصل وزير الداخلية اليمني إبراهيم حيدان إلى الرياض، ويتوجه بعدها "
        "إلى أبوظبي.",
        "2026-11-30");
    CHECK(property(edge(g, "VISITED", node(g, "Person", "محسن نقوي"), node(g, "City", "الدوحة")),
                   "status") == "planned");
    const auto yemeni = node(g, "Person", "إبراهيم حيدان");
    CHECK(property(edge(g, "VISITED", yemeni, node(g, "City", "أبوظبي")), "status") == "planned");
    const auto* arrival = edge(g, "VISITED", yemeni, node(g, "City", "الرياض"));
    REQUIRE(arrival);
    CHECK(property(arrival, "status") != "planned");
}

TEST_CASE("a delegation led by a named head visits and is received through him") {
    // Moroccan, Emirati and Jordanian wordings of يقوده after the delegation.
    PropertyGraph g =
        run("حل وفد من المديرية العامة للأمن الوطني، يقوده الوالي محمد الإدريسي، أمس "
            "بمدينة لاهاي الهولندية.",
            "2026-06-10");
    CHECK(edge(g, "VISITED", node(g, "Person", "محمد الإدريسي"), node(g, "City", "لاهاي")));
    PropertyGraph h =
        run("حل وفد أمني إماراتي، يقوده اللواء سالم مبارك الشامسي، يوم الخميس بالمعهد "
            "الملكي للشرطة بالقنيطرة.",
            "2026-03-13");
    CHECK(edge(h, "VISITED", node(h, "Person", "سالم مبارك الشامسي"), node(h, "City", "القنيطرة")));
    PropertyGraph j =
        run("استقبل وزير الداخلية الأردني مازن الفراية وفدا يقوده العميد سامر الخطيب في مكتبه.");
    CHECK(edge(j, "RECEIVED", node(j, "Person", "مازن الفراية"), node(j, "Person", "سامر الخطيب")));
    CHECK(count(j, "RECEIVED") == 1);
}
