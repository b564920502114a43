// GDELT 2.0 and ICEWS event files: actors to nodes, CAMEO codes to relations, the --cameo
// filter, and bad rows reported with file:line:column (docs/interchange.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "liaison/core/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

const std::string kDir = LIAISON_TEST_DATA "/interchange/events/";
const std::string kGdelt = kDir + "sample.export.CSV";
const std::string kIcews = kDir + "sample.icews.tab";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The edge with this id.
const Edge& edge(const PropertyGraph& g, const std::string& id) {
    auto it =
        std::find_if(g.edges().begin(), g.edges().end(), [&](const Edge& e) { return e.id == id; });
    REQUIRE(it != g.edges().end());
    return *it;
}

std::string end_id(const PropertyGraph& g, NodeIndex n) { return g.node(n).id; }

std::string label(const PropertyGraph& g, const std::string& id) {
    auto n = g.find_id(id);
    REQUIRE_MESSAGE(n, id);
    return g.node(*n).labels.at(0);
}

std::string problems(Format f, const std::string& text, ImportOptions o = {}) {
    try {
        import_text(f, {"ev.export.CSV", text}, o);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "imported";
}

std::string first_line(const std::string& path) {
    std::string t = slurp(path);
    return t.substr(0, t.find('\n') + 1);
}

}  // namespace

TEST_CASE("gdelt: names and formats") {
    CHECK(format_of_path("20250314.export.CSV") == Format::Gdelt);
    CHECK(format_of_path("x.export.csv") == Format::Gdelt);
    CHECK(format_of_path("x.csv") == Format::Csv);
    CHECK(parse_format("gdelt") == Format::Gdelt);
    CHECK(parse_format("icews") == Format::Icews);
}

TEST_CASE("gdelt: actors become countries, roles and named actors; CAMEO codes relations") {
    ImportResult r = import_files({kGdelt}, std::nullopt);
    const PropertyGraph& g = r.graph;
    CHECK(g.node_count() == 14);
    CHECK(g.edge_count() == 8 + 5);  // 8 two-sided events, 5 roles PART_OF their country
    CHECK(g.documents().size() == 2);

    // Countries are liaison's country nodes: the English name as id, the ISO code as iso3.
    auto morocco = g.find_id("morocco");
    REQUIRE(morocco);
    CHECK(g.node(*morocco).labels == std::vector<std::string>{"Country"});
    CHECK(g.node(*morocco).properties.get("iso3")->as_string() == "MAR");
    CHECK(g.node(*morocco).names.ar == "المغرب");
    CHECK(label(g, "morocco-police") == "Agency");
    CHECK(label(g, "austria-intelligence-services") == "Agency");
    CHECK(label(g, "abdellatif-hammouchi") == "Person");
    CHECK(g.node(*g.find_id("abdellatif-hammouchi")).names.en == "Abdellatif Hammouchi");
    CHECK(label(g, "interpol") == "Organization");
    CHECK(label(g, "nigeria-rebels") == "Group");
    CHECK(label(g, "middle-east") == "Region");
    CHECK(label(g, "police") == "Agency");  // the role word alone, no country

    const Edge& visit = edge(g, "900001");  // 042 make a visit: actor 1 visits actor 2
    CHECK(g.type_name(visit) == "VISITED");
    CHECK(end_id(g, visit.source) == "morocco");
    CHECK(end_id(g, visit.target) == "austria");
    CHECK(visit.time.date == Date{2023, 11, 28});
    CHECK(visit.properties.get("cameo")->as_string() == "042");
    CHECK(visit.properties.get("goldstein")->as_float() == doctest::Approx(1.9));
    CHECK(visit.properties.get("mentions")->as_int() == 12);
    CHECK(visit.properties.get("tone")->as_float() == doctest::Approx(2.5));
    REQUIRE(visit.sources.size() == 1);
    const Document& doc = g.documents().at(visit.sources[0].document);
    CHECK(doc.url == "https://news.example.org/2023/11/security-visit.html");
    CHECK(doc.outlet == "news.example.org");
    CHECK(visit.sources[0].quote == "900001");

    const Edge& host = edge(g, "900002");  // 043 host a visit: actor 1 receives actor 2
    CHECK(g.type_name(host) == "RECEIVED");
    CHECK(end_id(g, host.source) == "morocco-police");
    CHECK(g.type_name(edge(g, "900003")) == "MET_WITH");
    CHECK(g.is_symmetric(edge(g, "900003")));
    CHECK(g.type_name(edge(g, "900004")) == "SIGNED_AGREEMENT");
    CHECK(g.is_symmetric(edge(g, "900004")));
    const Edge& intel = edge(g, "900005");
    CHECK(g.type_name(intel) == "COOPERATED_WITH");
    CHECK(end_id(g, intel.source) == "morocco-intelligence-services");
    CHECK(intel.properties.get("cameo")->as_string() == "064");
    const Edge& other = edge(g, "900006");
    CHECK(g.type_name(other) == "INTERACTED_WITH");
    CHECK(other.properties.get("cameo")->as_string() == "190");
    CHECK(g.type_name(edge(g, "900008")) == "INTERACTED_WITH");  // 0211: four digits
    CHECK(g.type_name(edge(g, "900009")) == "MET_WITH");         // 046 negotiate
    CHECK(std::none_of(g.edges().begin(), g.edges().end(),
                       [](const Edge& e) { return e.id == "900007"; }));  // one actor only
    CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
        return n.find("1 events name only one actor") != n.npos;
    }));

    // What it built is a valid liaison network: written and read back the same.
    PropertyGraph back = parse_graph_json(write_graph_json(g), "back.json");
    CHECK(back.node_count() == g.node_count());
    CHECK(back.edge_count() == g.edge_count());
    CHECK(write_graph_json(back) == write_graph_json(g));
}

TEST_CASE("gdelt: --cameo keeps only the codes with the prefixes given") {
    ImportOptions o;
    o.cameo = {"04"};
    PropertyGraph g = import_files({kGdelt}, std::nullopt, o).graph;
    std::size_t events = 0;
    for (const Edge& e : g.edges()) {
        if (e.id.empty()) continue;  // PART_OF of a role
        ++events;
        CHECK(e.properties.get("cameo")->as_string().starts_with("04"));
    }
    CHECK(events == 4);  // 042, 043, 040, 046
    o.cameo = {"057", "06"};
    g = import_files({kGdelt}, std::nullopt, o).graph;
    std::vector<std::string> types;
    for (const Edge& e : g.edges())
        if (!e.id.empty()) types.push_back(g.type_name(e));
    std::sort(types.begin(), types.end());
    CHECK(types == std::vector<std::string>{"COOPERATED_WITH", "SIGNED_AGREEMENT"});
    o.cameo = {"4a"};
    CHECK_THROWS_AS(import_files({kGdelt}, std::nullopt, o), ArgumentError);
}

TEST_CASE("gdelt: bad rows name file, line, column and what was expected") {
    std::string good = first_line(kGdelt);
    std::string short_row = "900100\t20250101\tMAR\n";
    std::string p = problems(Format::Gdelt, good + short_row);
    CHECK(p.find("ev.export.CSV:2:") != p.npos);
    CHECK(p.find("expected 61 tab-separated fields (a GDELT 2.0 event), found 3") != p.npos);

    std::string bad_date = good;
    bad_date.replace(bad_date.find("20231128"), 8, "20231131");
    p = problems(Format::Gdelt, good + bad_date);
    CHECK(p.find("ev.export.CSV:2:8: field 2 (SQLDATE): expected a date YYYYMMDD, found "
                 "'20231131'") != p.npos);

    std::string bad_code = good;
    bad_code.replace(bad_code.find("\t042\t"), 5, "\t4x2\t");
    p = problems(Format::Gdelt, bad_code);
    CHECK(p.find("field 27 (EventCode): expected a CAMEO code") != p.npos);

    std::string bad_tone = good;
    bad_tone.replace(bad_tone.find("\t2.5\t"), 5, "\tabc\t");
    CHECK(problems(Format::Gdelt, bad_tone).find("field 35 (AvgTone)") != std::string::npos);

    // Skipped and counted with --skip-bad-rows; the good row is imported.
    ImportOptions o;
    o.skip_bad_rows = true;
    ImportResult r = import_text(Format::Gdelt, {"ev.export.CSV", good + short_row + bad_date}, o);
    CHECK(r.graph.edge_count() == 1);
    CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
        return n.find("skipped 2 bad rows; the first: ev.export.CSV:2:") != n.npos;
    }));

    // --strict stops at the first; a zip is refused with what to do.
    o = {};
    o.strict = true;
    CHECK(problems(Format::Gdelt, short_row + short_row, o).find(":2:") == std::string::npos);
    CHECK(problems(Format::Gdelt, std::string("PK\x03\x04rest", 8)).find("unzip it first") !=
          std::string::npos);
    // GDELT 1.0 rows (57 or 58 fields) get a hint.
    std::string v1 = "1" + std::string(57, '\t') + "\n";
    CHECK(problems(Format::Gdelt, v1).find("GDELT 1.0 files have 57 or 58") != std::string::npos);
}

TEST_CASE("icews: header columns by name, names to countries, sectors to labels") {
    ImportResult r = import_files({kIcews}, Format::Icews);
    const PropertyGraph& g = r.graph;
    CHECK(label(g, "morocco") == "Country");
    CHECK(label(g, "abdellatif-hammouchi") == "Person");
    CHECK(label(g, "interpol") == "Organization");
    CHECK(label(g, "police-morocco") == "Agency");
    CHECK(label(g, "intelligence-spain") == "Agency");
    CHECK(g.type_name(edge(g, "700001")) == "VISITED");
    CHECK(g.type_name(edge(g, "700003")) == "RECEIVED");
    const Edge& signed_ = edge(g, "700004");  // "57": the leading zero a spreadsheet dropped
    CHECK(g.type_name(signed_) == "SIGNED_AGREEMENT");
    CHECK(signed_.properties.get("cameo")->as_string() == "057");
    CHECK(signed_.properties.get("intensity")->as_float() == doctest::Approx(8.0));
    CHECK(g.documents().at(signed_.sources.at(0).document).outlet == "Example Daily");
    CHECK(g.type_name(edge(g, "700005")) == "COOPERATED_WITH");
    CHECK(edge(g, "700002").time.date == Date{2023, 11, 29});
    // Russian Federation is Russia by regions.tsv's alias; its event has no target.
    CHECK(!g.find_id("russia"));
    CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
        return n.find("1 events name only one actor") != n.npos;
    }));
    // The header tells the format without --input-format.
    CHECK(import_files({kIcews}, std::nullopt).graph.edge_count() == g.edge_count());
}

TEST_CASE("icews: a header without a needed column, and bad rows") {
    std::string t = slurp(kIcews);
    std::string no_date = t;
    no_date.replace(no_date.find("Event Date"), 10, "Day");
    std::string p = problems(Format::Icews, no_date);
    CHECK(p.find(":1:1: expected an ICEWS header with the column 'Event Date'") != p.npos);
    std::string bad = t;
    bad.replace(bad.find("2023-11-28"), 10, "28/11/2023");
    p = problems(Format::Icews, bad);
    CHECK(p.find(":2:8: field 2 (Event Date): expected a date YYYY-MM-DD") != p.npos);
}

TEST_CASE("gdelt: numbers JSON cannot hold are refused") {
    std::string row = first_line(kGdelt);
    row.replace(row.find("\t2.5\t"), 5, "\tnan\t");
    CHECK(problems(Format::Gdelt, row).find("field 35 (AvgTone): expected a number") !=
          std::string::npos);
}
