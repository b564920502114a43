// Report specs: parsing, defaults, and errors that point at the line and column.
#include <doctest/doctest.h>

#include <string>

#include "liaison/core/error.hpp"
#include "liaison/report/spec.hpp"

using namespace liaison;
using namespace liaison::report;

namespace {

// The message of the InputError a spec text raises ("" when it parses).
std::string error_of(const std::string& text) {
    try {
        parse_spec(text, "s.json", "");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("spec: every section type with its options") {
    std::string dir = std::string(LIAISON_TEST_DATA) + "/report";
    ReportSpec spec = read_spec_file(dir + "/seed.spec.json");
    CHECK(spec.title == "Seed network: every section");
    REQUIRE(spec.inputs.size() == 1);
    CHECK(spec.inputs[0].ends_with("graphs/morocco-interpol.json"));
    CHECK(spec.input_names[0] == "morocco-interpol.json");
    CHECK(spec.seed == 1);
    REQUIRE(spec.sections.size() == 11);
    CHECK(spec.sections[1].kind == SectionKind::Rankings);
    CHECK(spec.sections[1].top == 5);
    CHECK(spec.sections[2].projection.fold_via == "Event");
    CHECK(spec.sections[3].seed == 1u);
    CHECK(spec.sections[5].entities == std::vector<std::string>{"حموشي"});
    CHECK(spec.sections[6].projection.window.from->year == 2023);
    REQUIRE(spec.sections[7].before.has_value());
    CHECK(spec.sections[7].before->to_string() == "2023-11-28 .. 2023-12-01");
    REQUIRE(spec.sections[8].params.size() == 1);
    CHECK(spec.sections[8].params[0].second.as_string() == "abdellatif-hammouchi");
    CHECK(spec.sections[9].event == "interpol-ga-91");
    CHECK(spec.sections[10].kind == SectionKind::Provenance);
}

TEST_CASE("spec: the default spec covers the whole issue list") {
    ReportSpec spec = default_spec("graphs/x.json");
    CHECK(spec.inputs == std::vector<std::string>{"graphs/x.json"});
    CHECK(spec.input_names == std::vector<std::string>{"x.json"});
    std::vector<std::string> kinds;
    for (const auto& s : spec.sections) kinds.push_back(section_kind_name(s.kind));
    CHECK(kinds == std::vector<std::string>{"summary", "rankings", "communities", "events",
                                            "profiles", "change", "diagram", "timeline",
                                            "provenance"});
}

TEST_CASE("spec: errors name the file, line and column") {
    SUBCASE("invalid JSON") {
        CHECK(error_of("{\n  \"inputs\": [\"a\"],\n  \"sections\": [\n") ==
              "s.json:4:1: invalid JSON: Invalid value.");
    }
    SUBCASE("missing member") {
        CHECK(error_of("{\"inputs\": [\"a\"]}")
                  .starts_with(
                      "s.json:1:1: at /: expected an object with the members inputs, sections"));
    }
    SUBCASE("unknown section type") {
        std::string e =
            error_of("{\"inputs\": [\"a\"],\n \"sections\": [\n  {\"type\": \"sumary\"}]}");
        CHECK(e.starts_with("s.json:3:12: at /sections/0/type: expected one of summary,"));
    }
    SUBCASE("option of another section type") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"],\n \"sections\": [\n  {\"type\": \"summary\", \"top\": 3}]}");
        CHECK(e ==
              "s.json:3:23: option 'top' does not apply to a summary section (it takes: no "
              "options)");
    }
    SUBCASE("impossible date") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"],\n \"sections\": [\n  {\"type\": \"timeline\", \"from\": "
            "\"2023-02-30\"}]}");
        CHECK(e.starts_with(
            "s.json:3:32: from: '2023-02-30' is not a window: '2023-02-30' is not a calendar "
            "date; expected a date (2025, 2025-11, 2025-11-24), a range"));
    }
    SUBCASE("bad window") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"], \"sections\": [{\"type\": \"change\", \"before\": "
            "\"2025..2023\", "
            "\"after\": \"2025\"}]}");
        CHECK(e.find("before: '2025..2023' is not a window: it ends before it starts") !=
              std::string::npos);
    }
    SUBCASE("change needs both windows") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"], \"sections\": [{\"type\": \"change\", \"before\": \"2023\"}]}");
        CHECK(e.find("needs both \"before\" and \"after\"") != std::string::npos);
    }
    SUBCASE("weight property without its name") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"], \"sections\": [{\"type\": \"rankings\", \"weight\": "
            "\"property\"}]}");
        CHECK(e.find("needs \"weight_property\"") != std::string::npos);
    }
    SUBCASE("wrong type of value") {
        std::string e = error_of(
            "{\"inputs\": [\"a\"], \"sections\": [{\"type\": \"rankings\", \"top\": \"5\"}]}");
        CHECK(e.find("at /sections/0/top: expected a value of type integer") != std::string::npos);
    }
    SUBCASE("a valid spec") {
        CHECK(error_of("{\"inputs\": [\"a\"], \"sections\": [{\"type\": \"summary\"}]}").empty());
    }
}

TEST_CASE("spec: section kinds round-trip by name") {
    for (int k = 0; k < 10; ++k) {
        auto kind = static_cast<SectionKind>(k);
        CHECK(parse_section_kind(section_kind_name(kind)) == kind);
    }
    CHECK_FALSE(parse_section_kind("summaries").has_value());
}
