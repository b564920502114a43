#include <doctest/doctest.h>

#include "interchange/csv.hpp"

using namespace liaison;

TEST_CASE("csv: quoted fields keep delimiters, doubled quotes and line breaks") {
    ProblemLog log(false);
    auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n", "t.csv", log);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields.size() == 3);
    CHECK(rows[0].fields[1].text == "b,c");
    CHECK(rows[0].fields[2].text == "say \"hi\"");
    CHECK(rows[1].fields[0].text == "two\nlines");
    CHECK(rows[1].fields[2].text.empty());
    CHECK(rows[1].line == 2);
    // The field after a quoted line break starts on line 3.
    CHECK(rows[1].fields[1].line == 3);
    CHECK(rows[1].fields[1].column == 8);
    CHECK(log.empty());
}

TEST_CASE("csv: columns count code points, a byte order mark is skipped, blank lines ignored") {
    ProblemLog log(false);
    auto rows = parse_csv("\xEF\xBB\xBFid,name\n\nمغرب,x\n", "t.csv", log);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields[0].text == "id");
    CHECK(rows[1].line == 3);
    CHECK(rows[1].fields[1].column == 6);
}

TEST_CASE("csv: malformed quoting is reported with its position") {
    SUBCASE("unterminated") {
        ProblemLog log(false);
        parse_csv("a,b\n1,\"open\n", "t.csv", log);
        REQUIRE(log.size() == 1);
        CHECK_THROWS_WITH(log.finish(), "t.csv:2:3: quoted field is not closed (missing '\"')");
    }
    SUBCASE("text after a closing quote") {
        ProblemLog log(true);
        CHECK_THROWS_WITH(parse_csv("\"a\"b\n", "t.csv", log),
                          "t.csv:1:4: expected a delimiter or the end of the line after a quoted "
                          "field");
    }
}

TEST_CASE("csv: writing quotes only what needs it and reads back") {
    std::vector<std::string> fields = {"plain", "a,b", "say \"x\"", "two\nlines", " pad", ""};
    std::string line = csv_line(fields);
    CHECK(line == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\" pad\",\n");
    ProblemLog log(false);
    auto rows = parse_csv(line, "w.csv", log);
    REQUIRE(rows.size() == 1);
    for (std::size_t i = 0; i < fields.size(); ++i) CHECK(rows[0].fields[i].text == fields[i]);
}
