// Each section type against known values of the seed network (graphs/README.md).
#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "report_fixtures.hpp"

using namespace liaison;
using namespace liaison::report;
using namespace report_fixtures;

TEST_CASE("summary: counts, components and date range of the seed") {
    Report r = build(spec_of({section(SectionKind::Summary)}));
    const Section& s = find_section(r, "s1-summary");
    const Table& t = table(s, "The network at a glance");
    CHECK(field(t, "entities (nodes)") == "122");
    CHECK(field(t, "ties (edges)") == "201");
    CHECK(field(t, "documents") == "5");
    CHECK(field(t, "quotes cited") == "531");
    CHECK(field(t, "earliest date") == "1923");
    CHECK(field(t, "latest date") == "2025-11");  // a fact dated to the month ends last
    // Rabat has no edges: at least two components.
    CHECK(std::stoi(field(t, "components")) >= 2);
    const Table& labels = table(s, "Entities by label");
    CHECK(field(labels, "Person") == "10");
    CHECK(field(labels, "Country") == "38");
    CHECK(field(labels, "Event") == "5");
    const Table& types = table(s, "Ties by relation type");
    for (const auto& row : types.rows)
        if (row[0].text == "MET_WITH") CHECK(row[3].text == "44");
    CHECK(paragraphs(s).find("122 entities and 201 ties") != std::string::npos);
}

TEST_CASE("rankings: Hammouchi first by degree, with his 54 neighbours") {
    SectionSpec rank = section(SectionKind::Rankings);
    rank.top = 5;
    Report r = build(spec_of({rank}));
    const Section& s = find_section(r, "s1-rankings");
    const Table& t = *tables(s).front();
    REQUIRE(t.rows.size() == 5);
    CHECK(t.columns == std::vector<std::string>{"#", "entity", "Arabic name", "labels", "degree",
                                                "betweenness", "pagerank"});
    CHECK(t.rows[0][1].id == "abdellatif-hammouchi");
    CHECK(t.rows[0][2].text == "عبد اللطيف حموشي");
    CHECK(t.rows[0][2].dir == Dir::Rtl);
    CHECK(t.rows[0][4].text == "54");
    // Scores are ordered by the first measure, descending.
    for (std::size_t i = 1; i < t.rows.size(); ++i)
        CHECK(*t.rows[i - 1][4].number >= *t.rows[i][4].number);

    SUBCASE("show_labels lists only those entities, projection flags apply") {
        SectionSpec people = section(SectionKind::Rankings);
        people.show_labels = {"Country"};
        people.measures = {"pagerank"};
        people.top = 3;
        Report r2 = build(spec_of({people}));
        const Table& t2 = *tables(find_section(r2, "s1-rankings")).front();
        REQUIRE(t2.rows.size() == 3);
        for (const auto& row : t2.rows) CHECK(row[3].text.find("Country") != std::string::npos);
        CHECK(t2.rows[0][1].id == "morocco");
    }
    SUBCASE("a fold of people through the events they attended") {
        SectionSpec fold = section(SectionKind::Rankings);
        fold.projection.labels = {"Person", "Delegation", "Event"};
        fold.projection.fold_via = "Event";
        fold.measures = {"degree"};
        Report r3 = build(spec_of({fold}));
        const Section& s3 = find_section(r3, "s1-rankings");
        CHECK(paragraphs(s3).find("share a Event") != std::string::npos);
        CHECK(tables(s3).front()->rows.front()[3].text.find("Event") == std::string::npos);
    }
}

TEST_CASE("communities: a valid partition with a modularity in range") {
    SectionSpec c = section(SectionKind::Communities);
    c.min_size = 1;
    c.max_members = 1000;
    Report r = build(spec_of({c}));
    const Section& s = find_section(r, "s1-communities");
    const Table& t = *tables(s).front();
    std::size_t total = 0;
    for (const auto& row : t.rows) total += static_cast<std::size_t>(*row[1].number);
    CHECK(total == 122);  // every entity in exactly one community
    std::string text = paragraphs(s);
    auto at = text.find("modularity Q = ");
    REQUIRE(at != std::string::npos);
    double q = std::stod(text.substr(at + 15));
    CHECK(q > 0.3);
    CHECK(q < 1.0);
    CHECK(text.find("Leiden (seed 1,") != std::string::npos);  // the registry's default
    // Sizes are listed largest first.
    for (std::size_t i = 1; i < t.rows.size(); ++i)
        CHECK(*t.rows[i - 1][1].number >= *t.rows[i][1].number);
}

TEST_CASE("events: GA 93 hosted by Morocco with Hammouchi's 39 meetings") {
    Report r = build(spec_of({section(SectionKind::Events)}));
    const Section& head = find_section(r, "s1-events");
    CHECK(paragraphs(head).find("5 events") != std::string::npos);
    const Section& ga93 = find_section(r, "s1-events-interpol-ga-93");
    CHECK(ga93.level == 2);
    const Table& facts = *tables(ga93).front();
    CHECK(field(facts, "when") == "2025-11-24 .. 2025-11-27");
    CHECK(field(facts, "hosted by") == "Morocco");
    CHECK(field(facts, "where") == "Marrakech");
    CHECK(field(facts, "selected to host") == "Morocco");
    const Table& meetings = table(ga93, "Meetings (39)");
    std::size_t with_hammouchi = 0;
    for (const auto& row : meetings.rows) with_hammouchi += row[1].id == "abdellatif-hammouchi";
    CHECK(with_hammouchi == 37);
    CHECK(contains(column(meetings, 3), "Argentina"));
    const Table& participants = table(ga93, "Participants (31)");
    CHECK(contains(column(participants, 0), "Abdellatif Hammouchi"));

    const Section& ga91 = find_section(r, "s1-events-interpol-ga-91");
    CHECK(field(*tables(ga91).front(), "hosted by") == "Austria");
    CHECK(field(*tables(ga91).front(), "where") == "Vienna");
    CHECK(contains(column(table(ga91, "Meetings"), 3), "Omar Haijawi-Pirchner"));
    // Events in date order: GA 91 (2023) before GA 93 (2025); undated ones last.
    auto pos = [&](const std::string& a) {
        for (std::size_t i = 0; i < r.sections.size(); ++i)
            if (r.sections[i].anchor == a) return i;
        return r.sections.size();
    };
    CHECK(pos("s1-events-interpol-ga-91") < pos("s1-events-interpol-ga-93"));
    CHECK(pos("s1-events-interpol-ga-93") < pos("s1-events-mena-intel-heads-meeting-22"));

    // An undated event with a "when" property shows "when" once, in the source's words.
    const Table& mena = *tables(find_section(r, "s1-events-mena-intel-heads-meeting-22")).front();
    std::size_t whens = 0;
    for (const auto& row : mena.rows) whens += row[0].text == "when";
    CHECK(whens == 1);
    CHECK(field(mena, "when") == "6–8 May (year not stated in doc-002)");
    // Its undated meetings show their own "when" too, not an empty cell.
    const Table& mena_meetings =
        table(find_section(r, "s1-events-mena-intel-heads-meeting-22"), "Meetings");
    CHECK(mena_meetings.rows.front()[0].text == "6–8 May (year not stated in doc-002)");
}

TEST_CASE("profiles: Hammouchi found by his Arabic name, 57 relations with evidence") {
    SectionSpec p = section(SectionKind::Profiles);
    p.entities = {"حموشي"};
    Report r = build(spec_of({p}));
    const Section& s = find_section(r, "s1-profiles-abdellatif-hammouchi");
    const Table& rel = table(s, "Relations (57)");
    CHECK(rel.rows.size() == 57);
    CHECK(rel.rows.front()[0].text <= rel.rows.back()[0].text + "~");
    CHECK(rel.rows[0][5].dir == Dir::Rtl);  // the quote is Arabic
    CHECK(field(*tables(s).front(), "English name") == "Abdellatif Hammouchi");
    CHECK(paragraphs(s).find("43 met with") == std::string::npos);  // counts read "met with 43"
    CHECK(paragraphs(s).find("met with 43") != std::string::npos);

    SUBCASE("default: the most connected people") {
        Report d = build(spec_of({section(SectionKind::Profiles)}));
        CHECK(paragraphs(find_section(d, "s1-profiles")).find("3 profiles of the most connected") !=
              std::string::npos);
        find_section(d, "s1-profiles-abdellatif-hammouchi");
    }
    SUBCASE("an unknown entity fails the section") {
        SectionSpec bad = section(SectionKind::Profiles);
        bad.entities = {"nobody-at-all"};
        CHECK_THROWS_AS(build(spec_of({bad})), InputError);
    }
}

TEST_CASE("timeline: dated facts in date order") {
    SectionSpec t = section(SectionKind::Timeline);
    Report r = build(spec_of({t}));
    const Table& rows = *tables(find_section(r, "s1-timeline")).front();
    REQUIRE(rows.rows.size() > 50);
    CHECK(rows.rows.front()[0].text == "1923");
    for (std::size_t i = 1; i < rows.rows.size(); ++i)
        CHECK(rows.rows[i - 1][0].text.substr(0, 10) <= rows.rows[i][0].text.substr(0, 10));

    SUBCASE("filtered to Hammouchi in 2023") {
        SectionSpec f = section(SectionKind::Timeline);
        f.entities = {"abdellatif-hammouchi"};
        f.projection.window.from = Date::parse("2023");
        f.projection.window.to = Date::parse("2023");
        Report r2 = build(spec_of({f}));
        const Table& t2 = *tables(find_section(r2, "s1-timeline")).front();
        REQUIRE(!t2.rows.empty());
        for (const auto& row : t2.rows) {
            CHECK(row[0].text.starts_with("2023"));
            CHECK((row[1].id == "abdellatif-hammouchi" || row[3].id == "abdellatif-hammouchi"));
        }
        CHECK(contains(column(t2, 2), "received"));
    }
}

TEST_CASE("change: ties formed between the 2023 and 2025 Assemblies") {
    SectionSpec c = section(SectionKind::Change);
    c.before = TimeWindow{Date::parse("2023-11-28"), Date::parse("2023-12-01")};
    c.after = TimeWindow{Date::parse("2025-11-24"), Date::parse("2025-11-27")};
    Report r = build(spec_of({c}));
    const Section& s = find_section(r, "s1-change");
    CHECK(s.title == "What changed: 2023-11-28 .. 2023-12-01 → 2025-11-24 .. 2025-11-27");
    const Table& formed = table(s, "Ties formed (103)");
    const Table& lost = table(s, "Ties lost (33)");
    CHECK(table(s, "Ties kept (0)").rows.empty());
    bool argentina = false, hosted = false;
    for (const auto& row : formed.rows) {
        argentina |= row[0].id == "abdellatif-hammouchi" && row[1].text == "met with" &&
                     row[2].id == "argentina";
        hosted |= row[0].id == "morocco" && row[2].id == "interpol-ga-93";
    }
    CHECK(argentina);
    CHECK(hosted);
    CHECK(contains(column(lost, 2), "Omar Haijawi-Pirchner"));

    SUBCASE("default windows: the first and last dated events") {
        Report d = build(spec_of({section(SectionKind::Change)}));
        CHECK(paragraphs(find_section(d, "s1-change")).find("(91st Interpol General Assembly") !=
              std::string::npos);
    }
}

TEST_CASE("query: a parameterised query's result table") {
    SectionSpec q = section(SectionKind::Query);
    q.query =
        "MATCH (p:Person)-[:MET_WITH]-(c:Country) WHERE p.id = $who RETURN count(DISTINCT c) AS n";
    q.params = {{"who", Value("abdellatif-hammouchi")}};
    Report r = build(spec_of({q}));
    const Section& s = find_section(r, "s1-query");
    const Table& t = *tables(s).front();
    CHECK(t.columns == std::vector<std::string>{"n"});
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][0].text == "34");  // 30 at GA 93 and 5 at the regional meeting, Turkey at both

    SUBCASE("an update is refused") {
        SectionSpec u = section(SectionKind::Query);
        u.query = "CREATE (:Person {name: 'x'})";
        CHECK_THROWS_WITH_AS(build(spec_of({u})), doctest::Contains("must not change the network"),
                             InputError);
    }
}

TEST_CASE("diagram: an inline SVG of an event") {
    SectionSpec d = section(SectionKind::Diagram);
    d.event = "interpol-ga-91";
    d.layout = "fdp";
    Report r = build(spec_of({d}));
    const Section& s = find_section(r, "s1-diagram");
    const auto* f = std::get_if<Figure>(&s.blocks.front());
    REQUIRE(f != nullptr);
    CHECK(f->svg.starts_with("<svg"));
    CHECK(f->svg.find("<?xml") == std::string::npos);
    CHECK(f->svg.find("Austria") != std::string::npos);  // the host, a neighbour of the event
    CHECK(f->caption.find("layout fdp") != std::string::npos);
    CHECK(f->caption.find("Node size by degree") != std::string::npos);
}

TEST_CASE("provenance: every one of the 531 quotes under its document") {
    Report r = build(spec_of({section(SectionKind::Provenance)}));
    const Section& head = find_section(r, "s1-provenance");
    CHECK(paragraphs(head).find("531 quotes from 5 documents") != std::string::npos);
    std::size_t rows = 0;
    for (const auto& s : r.sections)
        if (s.kind == "document") rows += tables(s).front()->rows.size();
    CHECK(rows == 531);
    const Section& doc4 = find_section(r, "source-doc-004");
    bool received = false;
    for (const auto& row : tables(doc4).front()->rows)
        received |= row[0].text.starts_with("Interpol President") ||
                    row[0].text.find("received Abdellatif Hammouchi") != std::string::npos;
    CHECK(received);
}

TEST_CASE("citations link to the appendix only when it is there") {
    SectionSpec p = section(SectionKind::Profiles);
    p.entities = {"abdellatif-hammouchi"};
    Report without = build(spec_of({p}));
    const Table& t1 = table(find_section(without, "s1-profiles-abdellatif-hammouchi"), "Relations");
    CHECK(t1.rows[0][4].refs.front().anchor.empty());
    Report with = build(spec_of({p, section(SectionKind::Provenance)}));
    const Table& t2 = table(find_section(with, "s1-profiles-abdellatif-hammouchi"), "Relations");
    CHECK(t2.rows[0][4].refs.front().anchor.starts_with("source-doc-"));
}

TEST_CASE("several networks: one part per network, anchors kept apart") {
    ReportSpec spec = spec_of({section(SectionKind::Summary)});
    spec.inputs.push_back(kData + "/small.json");
    spec.input_names.push_back("small.json");
    std::vector<PropertyGraph> graphs = {seed(), read_graph_file(kData + "/small.json")};
    Report r = build_report(spec, graphs);
    CHECK(r.inputs.size() == 2);
    find_section(r, "n1");
    find_section(r, "n1-s1-summary");
    const Section& small = find_section(r, "n2-s1-summary");
    CHECK(small.level == 2);
    CHECK(field(*tables(small).front(), "entities (nodes)") == "3");
}
