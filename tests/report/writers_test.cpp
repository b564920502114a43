// The three writers: HTML (self-contained, directions, contents), Markdown, JSON; and
// byte-identical output for the same input.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <rapidjson/document.h>

#include "report_fixtures.hpp"

using namespace liaison;
using namespace liaison::report;
using namespace report_fixtures;

namespace {

// A small hand-made document exercising every block type.
Report sample() {
    Report r;
    r.title = "Sample <report>";
    r.inputs = {"net (net.json)"};
    Section s{"s1-summary", 1, "Summary", "summary", {}};
    s.blocks.push_back(Paragraph{"Plain text & more."});
    Table t;
    t.caption = "People";
    t.columns = {"entity", "Arabic name", "score", "sources"};
    t.numeric = {false, false, true, false};
    Cell refs;
    refs.text = "doc-1, doc-2";
    refs.refs = {{"doc-1", "source-doc-1"}, {"doc-2", ""}};
    t.rows.push_back({text_cell("Abdellatif Hammouchi"), text_cell("عبد اللطيف حموشي"),
                      number_cell(0.25, 4), refs});
    t.rows.push_back({text_cell("a | b"), text_cell(""), number_cell(-0.0, 2), text_cell("")});
    t.omitted = 3;
    s.blocks.push_back(t);
    s.blocks.push_back(Code{"MATCH (n) RETURN n"});
    Section sub{"s1-sub", 2, "Sub", "event", {}};
    sub.blocks.push_back(Figure{"<svg width=\"10\" height=\"10\"></svg>", "A figure"});
    Section appendix{"source-doc-1", 1, "doc-1", "document", {}};
    r.sections = {s, sub, appendix};
    return r;
}

}  // namespace

TEST_CASE("direction of text") {
    CHECK(direction_of("Hammouchi") == Dir::Ltr);
    CHECK(direction_of("حموشي") == Dir::Rtl);
    CHECK(direction_of("«حموشي» Hammouchi") == Dir::Rtl);
    CHECK(direction_of("Hammouchi / حموشي") == Dir::Auto);
    CHECK(direction_of("2025-11-24") == Dir::Auto);
    CHECK(direction_of("٢٠٢٥") == Dir::Auto);  // Arabic digits are not strong
    CHECK(number_cell(-0.0, 2).text == "0.00");
    CHECK(number_cell(1.0 / 3.0, 4).text == "0.3333");
    CHECK(anchor_slug("interpol-ga-93") == "interpol-ga-93");
    CHECK(anchor_slug("Doc 1/B") == "doc-1-b");
    CHECK(anchor_slug("حموشي") == "x");
}

TEST_CASE("html: self-contained, with contents, anchors and a direction per cell") {
    std::string html = write_html(sample());
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("<title>Sample &lt;report&gt;</title>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("font-family: \"Noto Sans Arabic\"") != std::string::npos);
    CHECK(html.find("<nav class=\"toc\">") != std::string::npos);
    CHECK(html.find("<a href=\"#s1-summary\" dir=\"auto\">Summary</a>") != std::string::npos);
    CHECK(html.find("<section id=\"s1-summary\"") != std::string::npos);
    CHECK(html.find("<td dir=\"rtl\" lang=\"ar\">عبد اللطيف حموشي</td>") != std::string::npos);
    CHECK(html.find("<td class=\"num\" dir=\"auto\">0.2500</td>") != std::string::npos);
    CHECK(html.find("<a href=\"#source-doc-1\">doc-1</a>, doc-2") != std::string::npos);
    CHECK(html.find("<svg width=\"10\" height=\"10\"></svg>") != std::string::npos);
    CHECK(html.find("… and 3 more rows not shown.") != std::string::npos);
    // Every <td> carries a direction.
    std::size_t tds = 0, directed = 0;
    for (std::size_t at = html.find("<td"); at != std::string::npos;
         at = html.find("<td", at + 1)) {
        ++tds;
        std::string tag = html.substr(at, html.find('>', at) - at);
        directed += tag.find(" dir=\"") != std::string::npos;
    }
    CHECK(tds == 8);
    CHECK(directed == tds);
    // Contents nest the subsection.
    CHECK(html.find("<li><a href=\"#s1-summary\" dir=\"auto\">Summary</a><ol>\n<li><a "
                    "href=\"#s1-sub\"") != std::string::npos);
}

TEST_CASE("html: Arabic titles isolated in the contents, dates kept on one line") {
    Report r;
    r.title = "Dates";
    Section doc{"source-doc-1", 1, "doc-1 \u2014 [بلا عنوان في الملف] كلمة حموشي", "document", {}};
    Table t;
    t.columns = {"when", "fact"};
    t.numeric = {false, false};
    t.rows.push_back({text_cell("2023-11-28 .. 2023-12-01"), text_cell("met")});
    doc.blocks.push_back(t);
    r.sections = {doc};
    std::string html = write_html(r);
    // The placeholder stays at the start of the right-to-left title, the id outside it.
    CHECK(html.find("<a href=\"#source-doc-1\" dir=\"auto\">doc-1 \u2014 <bdi dir=\"rtl\" "
                    "lang=\"ar\">[بلا عنوان في الملف] كلمة حموشي</bdi></a>") != std::string::npos);
    CHECK(html.find("<td class=\"date\" dir=\"auto\">2023-11-28 .. 2023-12-01</td>") !=
          std::string::npos);
    CHECK(html.find("td.date { white-space: nowrap; }") != std::string::npos);
}

TEST_CASE("markdown: tables, escapes, anchors and figure files") {
    MarkdownOutput md = write_markdown(sample(), "out");
    CHECK(md.text.starts_with("# Sample \\<report\\>\n"));
    CHECK(md.text.find("- [Summary](#s1-summary)\n  - [Sub](#s1-sub)") != std::string::npos);
    CHECK(md.text.find("<a id=\"s1-summary\"></a>\n\n## Summary") != std::string::npos);
    CHECK(md.text.find("| entity | Arabic name | score | sources |\n| --- | --- | ---: | --- |") !=
          std::string::npos);
    CHECK(md.text.find("| a \\| b |") != std::string::npos);
    CHECK(md.text.find("[doc-1](#source-doc-1), doc-2") != std::string::npos);
    CHECK(md.text.find("```cypher\nMATCH (n) RETURN n\n```") != std::string::npos);
    REQUIRE(md.figures.size() == 1);
    CHECK(md.figures[0].name == "out-figure-1.svg");
    CHECK(md.text.find("![A figure](out-figure-1.svg)") != std::string::npos);
    CHECK(md.text.back() == '\n');
}

TEST_CASE("json: valid, typed cells, the same content") {
    std::string json = write_json(sample());
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["title"].GetString()) == "Sample <report>");
    const auto& sections = d["sections"];
    REQUIRE(sections.Size() == 3);
    const auto& table = sections[0]["blocks"][1];
    CHECK(std::string(table["type"].GetString()) == "table");
    CHECK(table["omitted"].GetInt() == 3);
    const auto& row = table["rows"][0];
    CHECK(std::string(row[1]["dir"].GetString()) == "rtl");
    CHECK(row[2]["value"].GetDouble() == doctest::Approx(0.25));
    CHECK(row[3]["refs"].Size() == 2);
    CHECK(std::string(sections[1]["blocks"][0]["svg"].GetString()).starts_with("<svg"));
}

TEST_CASE("the seed's default report: every writer, byte-identical reruns") {
    ReportSpec spec = default_spec(kSeed);
    Report a = build(spec);
    Report b = build(spec);
    std::string html = write_html(a);
    CHECK(html == write_html(b));
    CHECK(write_json(a) == write_json(b));
    CHECK(write_markdown(a, "r").text == write_markdown(b, "r").text);
    CHECK(a.title == "Report: " + seed().graph_label);
    // The sections a reader expects, in order, in the contents.
    for (const char* anchor :
         {"s1-summary", "s2-rankings", "s3-communities", "s4-events", "s5-profiles", "s6-change",
          "s7-diagram", "s8-timeline", "s9-provenance", "source-doc-000"})
        CHECK(html.find(fmt::format("<a href=\"#{}\"", anchor)) != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    rapidjson::Document d;
    std::string json = write_json(a);
    d.Parse(json.c_str());
    CHECK_FALSE(d.HasParseError());
}
