// Each recogniser and frame on small sentences: countries, cities, agencies in context, persons
// by their titles, unnamed officials, verb frames, passive, lists, counterparts, planned facts,
// linking to a database.
#include <doctest/doctest.h>

#include "extract_test_util.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

TEST_CASE("countries by name and adjective, cities told apart from countries") {
    PropertyGraph g = run("زار الوفد الإسباني المغرب، ثم حل بمدينة تونس قبل أن يزور تونس.");
    auto spain = node(g, "Country", "إسبانيا");
    REQUIRE(spain);
    CHECK(g.node(*spain).properties.get("iso3")->as_string() == "ESP");
    CHECK(node(g, "Country", "المغرب"));
    CHECK(node(g, "City", "تونس"));
    CHECK(node(g, "Country", "تونس"));
}

TEST_CASE("an agency of the country in context takes the country written beside it") {
    PropertyGraph g = run("وقعت وزارة الداخلية السعودية اتفاقية مع الشرطة الوطنية النرويجية.");
    bool saudi_ministry = false;
    for (const auto& n : g.nodes())
        if (n.has_label("Agency") && n.id.find("sau") != std::string::npos) saudi_ministry = true;
    CHECK(saudi_ministry);
}

TEST_CASE("persons by title then name, name then title, title comma name") {
    PropertyGraph g =
        run("قال الدكتور عبد المجيد البنيان إن التعاون مهم. وأكد فيصل شهكار، رئيس جهاز الشرطة "
            "بالأمم المتحدة، ذلك. واستقبل المدير العام للأمن الوطني، عبد اللطيف حموشي، الوفد.");
    CHECK(node(g, "Person", "عبد المجيد البنيان"));
    CHECK(node(g, "Person", "فيصل شهكار"));
    auto h = node(g, "Person", "عبد اللطيف حموشي");
    REQUIRE(h);
    CHECK(!g.node(*h).properties.contains("unnamed"));
    // The office names what the person heads.
    bool heads = false;
    for (const auto& e : g.edges())
        if (g.type_name(e) == "HEADS" && e.source == *h) heads = true;
    CHECK(heads);
}

TEST_CASE("an official named only by role stays a role, never given a name") {
    PropertyGraph g =
        run("التقى عبد اللطيف حموشي بالمديرة العامة للشرطة النرويجية في فيينا.", "2023-11-29");
    auto role = node(g, "Person", "المديرة العامة للشرطة النرويجية");
    REQUIRE(role);
    CHECK(g.node(*role).properties.get("unnamed")->as_bool());
    const liaison::Edge* met = edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"), role);
    REQUIRE(met);
    CHECK(property(met, "review") == "pending");
    CHECK(!property(met, "rule").empty());
}

TEST_CASE("active verb: subject after the verb, object after مع or ب") {
    PropertyGraph g = run("التقى عبد اللطيف حموشي، يوم الاثنين، مع فيصل شهكار.", "2025-11-26");
    const liaison::Edge* e =
        edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"), node(g, "Person", "فيصل شهكار"));
    REQUIRE(e);
    CHECK(e->time.to_string() == "2025-11-24");
}

TEST_CASE("reception: active and passive voice keep the direction") {
    PropertyGraph g =
        run("استقبل رئيس المنظمة الدولية للشرطة الجنائية، اليوم الجمعة، المدير العام للأمن الوطني، "
            "عبد اللطيف حموشي.",
            "2023-12-01");
    auto host = node(g, "Person", "رئيس المنظمة الدولية للشرطة الجنائية");
    auto guest = node(g, "Person", "عبد اللطيف حموشي");
    const liaison::Edge* e = edge(g, "RECEIVED", host, guest);
    REQUIRE(e);
    CHECK(e->time.to_string() == "2023-12-01");
    CHECK(edge(g, "RECEIVED", guest, host) == nullptr);

    PropertyGraph p = run("استقبل عبد اللطيف حموشي من طرف رئيس المنظمة الدولية للشرطة الجنائية.");
    CHECK(edge(p, "RECEIVED", node(p, "Person", "رئيس المنظمة الدولية للشرطة الجنائية"),
               node(p, "Person", "عبد اللطيف حموشي")));
}

TEST_CASE("coordinated lists give one fact each; countries only through a meeting") {
    PropertyGraph g =
        run("أجرى عبد اللطيف حموشي مباحثات مع رؤساء وفود قطر، تركيا وباكستان. وتعرف قطر وتركيا "
            "نموا اقتصاديا.");
    auto h = node(g, "Person", "عبد اللطيف حموشي");
    CHECK(edge(g, "MET_WITH", h, node(g, "Country", "قطر")));
    CHECK(edge(g, "MET_WITH", h, node(g, "Country", "تركيا")));
    CHECK(edge(g, "MET_WITH", h, node(g, "Country", "باكستان")));
    CHECK(count(g, "MET_WITH") == 3);
}

TEST_CASE("persons joined by و after مع are each met") {
    PropertyGraph g =
        run("ناقش عبد اللطيف حموشي مع فيصل شهكار والدكتور عبد المجيد البنيان سبل التعاون.");
    auto h = node(g, "Person", "عبد اللطيف حموشي");
    CHECK(edge(g, "MET_WITH", h, node(g, "Person", "فيصل شهكار")));
    CHECK(edge(g, "MET_WITH", h, node(g, "Person", "عبد المجيد البنيان")));
}

TEST_CASE("نظيره is the subject's counterpart of the country named after it") {
    PropertyGraph g = run(
        "التقى عمر حيجاوي بيرشنر، المدير العام لمصالح حماية الدولة والاستخبارات بجمهورية النمسا، "
        "مسؤولين. ثم التقى عبد اللطيف حموشي، المدير العام للأمن الوطني، نظيره النمساوي.");
    CHECK(edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"),
               node(g, "Person", "عمر حيجاوي بيرشنر")));
}

TEST_CASE("planned wording is proposed as planned; negated facts are not proposed") {
    PropertyGraph g = run("ومن المقرر أن يلتقي عبد اللطيف حموشي مع فيصل شهكار.");
    const liaison::Edge* e =
        edge(g, "MET_WITH", node(g, "Person", "عبد اللطيف حموشي"), node(g, "Person", "فيصل شهكار"));
    REQUIRE(e);
    CHECK(property(e, "status") == "planned");
    PropertyGraph n = run("ولم يلتق عبد اللطيف حموشي مع فيصل شهكار.");
    CHECK(count(n, "MET_WITH") == 0);
}

TEST_CASE("visits and memoranda") {
    PropertyGraph g =
        run("قام عبد اللطيف حموشي بزيارة عمل إلى العاصمة النمساوية فيينا. ووقع عبد اللطيف حموشي "
            "مذكرة تفاهم مع الشرطة الفيدرالية الإثيوبية.");
    auto h = node(g, "Person", "عبد اللطيف حموشي");
    CHECK(edge(g, "VISITED", h, node(g, "City", "فيينا")));
    CHECK(count(g, "VISITED") == 1);
    CHECK(count(g, "SIGNED_MOU") == 1);
}

TEST_CASE("with a database, mentions link to its entities instead of new ones") {
    PropertyGraph base;
    liaison::Node n;
    n.id = "abdellatif-hammouchi";
    n.labels = {"Person"};
    n.names.ar = "عبد اللطيف حموشي";
    n.names.aliases = {"الحموشي"};
    base.add_node(n);
    liaison::Node c;
    c.id = "qatar";
    c.labels = {"Country"};
    c.names.en = "Qatar";
    c.properties.set("iso3", "QAT");
    base.add_node(c);
    liaison::extract::Article a;
    a.id = "t";
    a.file = "t.txt";
    a.text = "أجرى عبد اللطيف الحموشي مباحثات مع وفد قطر.";
    liaison::extract::Options o;
    o.base = &base;
    PropertyGraph g = liaison::extract::extract({a}, o);
    auto h = g.find_id("abdellatif-hammouchi");
    REQUIRE(h);
    CHECK(g.node(*h).properties.get("match")->as_string() == "existing");
    auto q = g.find_id("qatar");
    REQUIRE(q);
    CHECK(edge(g, "MET_WITH", h, q));
}
