// Frames and their parties in the registers of the generality batch (backlog R3-R7): signers
// by side, a purpose after a memorandum, welcomers on arrival, duals of ministers and of guests,
// and a delegation headed by an unnamed office. Sentences written for these tests.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("a body behind the purpose of a memorandum signs nothing") {
    // Sudanese: two signers joined by و, the memorandum's purpose after ل.
    PropertyGraph g =
        run("وقّع مدير عام الجمارك اللواء حسن عبد الله ورئيس بعثة الاتحاد الأوروبي، بمقر الهيئة، "
            "مذكرة تفاهم لتطوير قدرات الإدارة العامة للجوازات في مجال التدريب.");
    const auto signer = node(g, "Person", "حسن عبد الله");
    REQUIRE(signer);
    CHECK(count(g, "SIGNED_MOU") == 1);
    CHECK(!edge(g, "SIGNED_MOU", signer, node(g, "Agency", "الإدارة العامة للجوازات")));
    // Levantine: بهدف opens the purpose; the two ministers still sign with each other.
    PropertyGraph h =
        run("ووقع وزير الداخلية العماني حمود بن فيصل البوسعيدي ونظيره الأردني مازن الفراية "
            "اتفاقية بهدف تطوير قدرات المديرية العامة للدفاع المدني.");
    CHECK(edge(h, "SIGNED_AGREEMENT", node(h, "Person", "حمود بن فيصل البوسعيدي"),
               node(h, "Person", "مازن الفراية")));
    CHECK(count(h, "SIGNED_AGREEMENT") == 1);
}

TEST_CASE("welcomers on arrival receive the guest, named or kept as roles") {
    // Iraqi minister in Kuwait: two unnamed welcomers after the airport.
    PropertyGraph g =
        run("وصل وزير الداخلية العراقي عبد الأمير الشمري إلى الكويت في زيارة رسمية، وكان في "
            "استقباله بمطار الكويت الدولي وكيل وزارة الداخلية الكويتية، والسفير العراقي لدى "
            "الكويت.");
    const auto guest = node(g, "Person", "عبد الأمير الشمري");
    REQUIRE(guest);
    CHECK(count(g, "RECEIVED") == 2);
    const liaison::Edge* e =
        edge(g, "RECEIVED", node(g, "Person", "السفير العراقي لدى الكويت"), guest);
    CHECK(e);
    // Yemeni: the guest named after a bare استقبال, the airport's name no welcomer.
    PropertyGraph h =
        run("وصل وزير الداخلية اليمني اللواء إبراهيم حيدان إلى جدة. وكان في استقبال الوزير حيدان "
            "لدى وصوله مطار الملك عبدالعزيز الدولي مدير عام الجوازات اللواء سليمان اليحيى.");
    CHECK(edge(h, "RECEIVED", node(h, "Person", "سليمان اليحيى"),
               node(h, "Person", "إبراهيم حيدان")));
    CHECK(count(h, "RECEIVED") == 1);
}

TEST_CASE("a dual of guests is the persons the host received last") {
    // Gulf: a reception of two guests, then talks with ضيفيه.
    PropertyGraph g =
        run("استقبل الفريق سمو الشيخ سيف بن زايد آل نهيان، نائب رئيس مجلس الوزراء وزير الداخلية، "
            "في أبوظبي اليوم، كلا من الأمين العام للمنظمة الدولية للشرطة الجنائية فالديسي "
            "أوركيزا، ووزير الداخلية الإيطالي ماتيو بيانتيدوزي. وبحث سموه مع ضيفيه سبل مكافحة "
            "الجريمة المنظمة.");
    const auto host = node(g, "Person", "سيف بن زايد آل نهيان");
    CHECK(edge(g, "MET_WITH", host, node(g, "Person", "فالديسي أوركيزا")));
    CHECK(edge(g, "MET_WITH", host, node(g, "Person", "ماتيو بيانتيدوزي")));
    CHECK(count(g, "MET_WITH") == 2);
}

TEST_CASE("a meeting between a dual or the two sides is one between the last pair") {
    // Lebanese: a bilateral meeting between the two ministers after a reception.
    PropertyGraph g =
        run("استقبل وزير الداخلية اللبناني أحمد الحجار نظيره الأردني مازن الفراية في بيروت. "
            "وسبق المؤتمر الصحفي اجتماع ثنائي بين الوزيرين في مقر الوزارة.");
    const liaison::Edge* e =
        edge(g, "MET_WITH", node(g, "Person", "أحمد الحجار"), node(g, "Person", "مازن الفراية"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.nominal.group");
    // Palestinian: a dual verb of talks after a reception states the talks too.
    PropertyGraph h =
        run("كما استقبل مدير الأمن العام اللواء عبيد الله المعايطة، في وقت لاحق، سفير اليابان "
            "لدى المملكة، وبحثا سبل التعاون في مجال التدريب.");
    const auto chief = node(h, "Person", "عبيد الله المعايطة");
    const auto envoy = node(h, "Person", "سفير اليابان لدى المملكة");
    CHECK(edge(h, "RECEIVED", chief, envoy));
    CHECK(edge(h, "MET_WITH", chief, envoy));
    // Without a pair before it, a dual names nobody; two that already met in the sentence
    // meet once.
    CHECK(count(run("وعقد اجتماع ثنائي بين الوزيرين في مقر الوزارة."), "MET_WITH") == 0);
    // Mauritanian: the two sides discussing cooperation between two bodies meet no one anew.
    PropertyGraph talks =
        run("استقبل قائد أركان الدرك الوطني اللواء أحمد ولد بكار قائد الحرس الوطني المالي الجنرال "
            "موسى ديارا. وتناول الطرفان واقع التعاون بين المؤسستين.");
    CHECK(count(talks, "MET_WITH") == 0);
    PropertyGraph once =
        run("كما التقى وزير الداخلية العراقي عبد الأمير الشمري وزير الداخلية الكويتي الشيخ فهد "
            "اليوسف، حيث استعرضا خطة العمل المشتركة.");
    CHECK(count(once, "MET_WITH") == 1);
}

TEST_CASE("a delegation headed by an unnamed office meets through that head") {
    // Palestinian: the head of the mission, unnamed, heads and represents it.
    PropertyGraph g =
        run("استقبل وزير الداخلية اللواء زياد هب الريح، اليوم الأربعاء، في مكتبه بمدينة رام الله، "
            "وفدا من بعثة الاتحاد الأوروبي لدعم الشرطة الفلسطينية، برئاسة رئيسة البعثة.");
    const auto head = node(g, "Person", "رئيسة البعثة");
    REQUIRE(head);
    const auto mission = node(g, "Organization", "بعثة الاتحاد الأوروبي لدعم الشرطة الفلسطينية");
    CHECK(edge(g, "RECEIVED", node(g, "Person", "زياد هب الريح"), head));
    CHECK(edge(g, "HEADS", head, mission));
    CHECK(edge(g, "REPRESENTS", head, mission));
    CHECK(!edge(g, "RECEIVED", node(g, "Person", "زياد هب الريح"), mission));
    // The office alone later is that head again, and a dual verb after a second reception is
    // the talks of that reception, not of the meeting before it.
    PropertyGraph later =
        run("استقبل وزير الداخلية اللواء زياد هب الريح وفدا من بعثة الاتحاد الأوروبي لدعم الشرطة "
            "الفلسطينية، برئاسة رئيسة البعثة. من جانبها، أكدت رئيسة البعثة استمرار الدعم، وبحثت مع "
            "الوزير تمويل مراكز الشرطة. كما استقبل الوزير، في وقت لاحق، سفير اليابان لدى فلسطين، "
            "وبحثا مشاريع الدفاع المدني.");
    const auto minister = node(later, "Person", "زياد هب الريح");
    CHECK(edge(later, "MET_WITH", minister, node(later, "Person", "رئيسة البعثة")));
    CHECK(edge(later, "MET_WITH", minister, node(later, "Person", "سفير اليابان لدى فلسطين")));
    // Lebanese: an office with a complement of its own represents the body, heads nothing.
    PropertyGraph h =
        run("التقى المدير العام لقوى الأمن الداخلي اللواء رائد عبدالله، اليوم في مكتبه ببيروت، "
            "وفدا من المنظمة الدولية للهجرة برئاسة رئيس قسم الحماية.");
    const auto division = node(h, "Person", "رئيس قسم الحماية");
    REQUIRE(division);
    CHECK(edge(h, "MET_WITH", node(h, "Person", "رائد عبدالله"), division));
    CHECK(edge(h, "REPRESENTS", division, node(h, "Organization", "المنظمة الدولية للهجرة")));
    CHECK(count(h, "HEADS") == 1);  // the director general's own
}

TEST_CASE("a side's signer written as the office of its body is that body's named head") {
    // Egyptian: وعن المنظمة مديرتها العامة after the parties were named after بين.
    PropertyGraph g =
        run("وصلت المديرة العامة للمنظمة الدولية للهجرة إيمي بوب إلى القاهرة أمس. وشهد وزير "
            "الداخلية المصري محمود توفيق توقيع مذكرة تفاهم بين مصلحة الجمارك المصرية والمنظمة "
            "الدولية للهجرة، وقعها عن المصلحة رئيسها الدكتور أحمد أموي، وعن المنظمة مديرتها "
            "العامة.");
    const liaison::Edge* e =
        edge(g, "SIGNED_MOU", node(g, "Person", "أحمد أموي"), node(g, "Person", "إيمي بوب"));
    REQUIRE(e);
    CHECK(property(e, "rule") == "frame.active.sides");
    CHECK(!edge(g, "SIGNED_MOU", node(g, "Person", "محمود توفيق"), node(g, "Person", "إيمي بوب")));
}

TEST_CASE("a signer and the counterpart joined to him sign with each other past a place") {
    // Maghrebi: the pair written with titles after commas, then the place and the agreement.
    PropertyGraph g =
        run("وقع المدير العام للجمارك التونسية، محمد علي بن صالح، ونظيره الجزائري، المدير العام "
            "للجمارك عبد الحفيظ بخوش، يوم الاثنين بتونس، اتفاقية للتعاون الجمركي.");
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Person", "محمد علي بن صالح"),
               node(g, "Person", "عبد الحفيظ بخوش")));
    CHECK(count(g, "SIGNED_AGREEMENT") == 1);
}

TEST_CASE("a delegation led by a named head meets through him past a dated adverbial") {
    // Jordanian: the date with its numbers and the place stand between the noun and مع.
    PropertyGraph g =
        run("عقد مدير عام الجمارك الأردنية اللواء أحمد العكاليك، يوم الثلاثاء الموافق 14 أكتوبر "
            "2025، بمقر الدائرة في عمّان، اجتماعا موسعا مع وفد مصلحة الجمارك المصرية برئاسة "
            "الدكتور حسام الدين فؤاد.");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "أحمد العكاليك"),
               node(g, "Person", "حسام الدين فؤاد")));
    // The head represents the body the delegation is of, and signs for it as one of the sides.
    PropertyGraph h = run(
        "عقد مدير عام الجمارك الأردنية اللواء أحمد العكاليك اجتماعا موسعا مع وفد مصلحة الجمارك "
        "المصرية برئاسة الدكتور حسام الدين فؤاد. وقال مدير الجمارك إن الجانبين وقعا مذكرة تفاهم "
        "بشأن تبادل البيانات.");
    const auto egyptian = node(h, "Agency", "مصلحة الجمارك المصرية");
    CHECK(edge(h, "REPRESENTS", node(h, "Person", "حسام الدين فؤاد"), egyptian));
    CHECK(edge(h, "SIGNED_MOU", node(h, "Agency", "الجمارك الأردنية"), egyptian));
}

TEST_CASE("a signer's partner may be a country after مع; a purpose states no meeting") {
    // Saudi: the masdar's agent signs with the country after مع.
    PropertyGraph g =
        run("وجاءت الزيارة بعد أيام من توقيع نائب رئيس أمن الدولة السعودي عبد الله بن فهد العويس، "
            "الثلاثاء الماضي، اتفاقية أمنية مماثلة مع المغرب.");
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Person", "عبد الله بن فهد العويس"),
               node(g, "Country", "المغرب")));
    // Moroccan: بحث inside the agreement's purpose (من أجل … والبحث عنها) is no talks.
    PropertyGraph h =
        run("وقع المدير العام للجمارك التونسية، محمد علي بن صالح، ونظيره الجزائري، المدير العام "
            "للجمارك عبد الحفيظ بخوش، اتفاقية للمساعدة الإدارية من أجل الوقاية من المخالفات "
            "الجمركية والبحث عنها.");
    CHECK(count(h, "SIGNED_AGREEMENT") == 1);
    CHECK(count(h, "MET_WITH") == 0);
}

TEST_CASE("a name in brackets after another is a gloss, no party") {
    // Qatari: the force's short name after the chain of offices is no subject of the talks.
    PropertyGraph g =
        run("عقد وزير الداخلية القطري الشيخ خليفة بن حمد آل ثاني قائد قوة الأمن الداخلي (لخويا)، "
            "اليوم، جلسة مباحثات مع وزير الداخلية الأردني مازن الفراية.");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "خليفة بن حمد آل ثاني"),
               node(g, "Person", "مازن الفراية")));
    CHECK(count(g, "MET_WITH") == 1);
}

TEST_CASE("a visit with its own agent after a signing is a fact of its own") {
    // Turkish press in Arabic: the purpose of the agreement ends at the comma; the visit done by
    // the minister (يجريها) is his, not an adverbial of the signing.
    PropertyGraph g =
        run("وقعت تركيا وأذربيجان، الخميس، اتفاقية للتعاون في مجال مكافحة الجريمة المنظمة، خلال "
            "زيارة يجريها وزير الداخلية الأذربيجاني ولايات إيفازوف إلى العاصمة أنقرة.");
    CHECK(edge(g, "SIGNED_AGREEMENT", node(g, "Country", "تركيا"), node(g, "Country", "أذربيجان")));
    CHECK(edge(g, "VISITED", node(g, "Person", "ولايات إيفازوف"), node(g, "City", "أنقرة")));
}
