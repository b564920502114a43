// Named events and their frames: a head with its ordinal or number, adjectives and complement is
// one Event however often the article names it; hosting and attending link countries, bodies and
// persons to it; the scorer matches events by session number and head.
#include <doctest/doctest.h>

#include "extract/lexicon.hpp"
#include "extract_test_util.hpp"
#include "liaison/core/error.hpp"
#include "liaison/extract/score.hpp"
#include "liaison/model/property_graph.hpp"

using namespace extract_test;
using liaison::PropertyGraph;

namespace {

std::size_t count_label(const PropertyGraph& g, const char* label) {
    std::size_t n = 0;
    for (const auto& nd : g.nodes()) n += nd.has_label(label) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("a session with a compound ordinal is one event, later mentions included") {
    PropertyGraph g =
        run("انطلقت بالرباط أشغال الدورة الخامسة والثلاثين للجمعية العامة لمنظمة الشرطة "
            "الأفريقية. وتحتضن المملكة المغربية هذه الدورة بمشاركة وفود من السنغال ومالي والنيجر. "
            "وتتواصل أشغال الجمعية العامة الخامسة والثلاثين إلى غاية الجمعة.");
    REQUIRE(count_label(g, "Event") == 1);
    auto event =
        node(g, "Event", "الدورة الخامسة والثلاثين للجمعية العامة لمنظمة الشرطة الأفريقية");
    REQUIRE(event);
    CHECK(g.node(*event).properties.get("session")->as_int() == 35);
    // The second way of writing it is an alias.
    CHECK(node(g, "Event", "الجمعية العامة الخامسة والثلاثين") == event);
    CHECK(edge(g, "HOSTED", node(g, "Country", "المغرب"), event));
    for (const char* c : {"السنغال", "مالي", "النيجر"})
        CHECK(edge(g, "ATTENDED", node(g, "Country", c), event));
}

TEST_CASE("a bare noun of meeting or a press conference is no event") {
    PropertyGraph g = run("عقد الوزير اجتماعا مع نظيره، ثم عقد مؤتمرا صحفيا في الرباط.");
    CHECK(count_label(g, "Event") == 0);
}

TEST_CASE("a numbered meeting is an event and its noun no meeting between persons") {
    PropertyGraph g =
        run("ومن المقرر أن تستضيف سلطنة عمان الاجتماع الثاني عشر لرؤساء أجهزة الهجرة والجوازات.");
    auto ev = node(g, "Event", "الاجتماع الثاني عشر لرؤساء أجهزة الهجرة والجوازات");
    REQUIRE(ev);
    CHECK(g.node(*ev).properties.get("session")->as_int() == 12);
    const liaison::Edge* hosted = edge(g, "HOSTED", node(g, "Country", "عمان"), ev);
    REQUIRE(hosted);
    CHECK(property(hosted, "status") == "planned");
    for (const auto& e : g.edges()) CHECK(g.type_name(e) != "MET_WITH");
}

TEST_CASE("an unnumbered named event: head, adjective and complement") {
    PropertyGraph g =
        run("احتضنت أكاديمية الشرطة بالقاهرة الندوة الإقليمية حول أمن الموانئ البحرية، وشارك "
            "فيها اللواء حسن الشريف.");
    auto ev = node(g, "Event", "الندوة الإقليمية حول أمن الموانئ البحرية");
    REQUIRE(ev);
    CHECK(edge(g, "ATTENDED", node(g, "Person", "حسن الشريف"), ev));
}

TEST_CASE("the subject of an attending verb, before or after it, and a delegation's country") {
    PropertyGraph g =
        run("ترأس اللواء سمير الخطيب وفد الأردن إلى المؤتمر العربي الحادي والعشرين لقادة "
            "الدفاع المدني.");
    auto ev = node(g, "Event", "المؤتمر العربي الحادي والعشرين لقادة الدفاع المدني");
    REQUIRE(ev);
    CHECK(g.node(*ev).properties.get("session")->as_int() == 21);
    CHECK(edge(g, "ATTENDED", node(g, "Person", "سمير الخطيب"), ev));
    CHECK(edge(g, "ATTENDED", node(g, "Country", "الأردن"), ev));
}

TEST_CASE("an English event name is its capitalised words") {
    PropertyGraph g =
        run("Jordan hosted the Regional Border Security Conference in Amman on Monday, with "
            "delegations from Iraq and Egypt taking part.");
    auto ev = node(g, "Event", "Regional Border Security Conference");
    REQUIRE(ev);
    CHECK(edge(g, "HOSTED", node(g, "Country", "Jordan"), ev));
}

TEST_CASE("events of one article match by session number and head, whatever the rest") {
    auto graph = [](const char* ar, long session) {
        PropertyGraph g;
        liaison::Node n;
        n.id = "e";
        n.labels = {"Event"};
        n.names.ar = ar;
        if (session) n.properties.set("session", static_cast<std::int64_t>(session));
        g.add_node(n);
        return g;
    };
    using liaison::extract::score;
    auto matched = [&](const char* gold, long gs, const char* pred, long ps) {
        const auto report = score(graph(pred, ps), graph(gold, gs));
        for (const auto& t : report.entities)
            if (t.name == "Event") return t.matched == 1;
        return false;
    };
    CHECK(matched("الدورة الثالثة والتسعون للجمعية العامة للأنتربول", 93,
                  "الدورة الـ93 للجمعية العامة للمنظمة الدولية للشرطة الجنائية", 93));
    CHECK_FALSE(matched("الدورة الثالثة والتسعون للجمعية العامة", 93, "الدورة الـ92 للجمعية", 92));
    CHECK_FALSE(matched("الدورة الثالثة والتسعون", 93, "المؤتمر الثالث والتسعون", 93));
    // Without numbers: one name is a run of three words or more of the other.
    CHECK(matched("المؤتمر الإقليمي لأمن الحدود ومكافحة التهريب", 0, "المؤتمر الإقليمي لأمن الحدود",
                  0));
}

TEST_CASE("a malformed line of events.tsv is refused with its place") {
    using liaison::extract::Lexicon;
    auto error_of = [](const char* text) -> std::string {
        try {
            (void)Lexicon::build({{"events", text}}, false);
        } catch (const liaison::InputError& e) {
            return e.what();
        }
        return "";
    };
    CHECK(error_of("مؤتمر\thead\tConference\n") == "");
    const std::string kind = error_of("# c\nمؤتمر\tevent\tConference\n");
    CHECK(kind.find("lexicons/events.tsv:2:") != std::string::npos);
    CHECK(kind.find("expected kind") != std::string::npos);
    CHECK(error_of("الأول\tordinal\tone\n").find("expected a number") != std::string::npos);
    CHECK(error_of("الأول\tordinal\t300\n").find("1..100") != std::string::npos);
}

TEST_CASE("an implied host, joint organisers and a meeting on the sidelines") {
    PropertyGraph g =
        run("افتتحت بالرباط أشغال المؤتمر الإفريقي الرابع لأمن الحدود، الذي تستضيفه المملكة، "
            "بمشاركة وفود من تونس ومصر. وأكد المغرب التزامه. وعلى هامش المؤتمر، التقى اللواء "
            "حسن الشريف مع المدير العام للأمن الوطني التونسي.");
    auto conference = node(g, "Event", "المؤتمر الإفريقي الرابع لأمن الحدود");
    REQUIRE(conference);
    CHECK(edge(g, "HOSTED", node(g, "Country", "المغرب"), conference));
    CHECK(edge(g, "ATTENDED", node(g, "Country", "تونس"), conference));
    CHECK(edge(g, "ATTENDED", node(g, "Person", "حسن الشريف"), conference));

    PropertyGraph cup =
        run("ساهمت الشرطة في تأمين نهائيات كأس العالم 2030، التي يشارك المغرب في تنظيمها إلى "
            "جانب إسبانيا والبرتغال.");
    auto finals = node(cup, "Event", "نهائيات كأس العالم 2030");
    REQUIRE(finals);
    for (const char* c : {"المغرب", "إسبانيا", "البرتغال"})
        CHECK(edge(cup, "HOSTED", node(cup, "Country", c), finals));
    CHECK_FALSE(edge(cup, "ATTENDED", node(cup, "Country", "المغرب"), finals));
}
