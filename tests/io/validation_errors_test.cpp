// Every validation error: its message names the position (line:column) and what was expected.
#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {
std::string error_of(const std::string& text) {
    try {
        parse_graph_json(text, "in.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const std::string kHead = "{\"graph\": {\"nodes\": {\n";
const std::string kNodes =
    "  \"a\": {\"metadata\": {\"labels\": [\"Person\"]}},\n"
    "  \"b\": {\"metadata\": {\"labels\": [\"City\"]}}\n";
}  // namespace

TEST_CASE("syntax errors") {
    CHECK(error_of("") ==
          "in.json:1:1: invalid JSON: unexpected end of file (truncated?): The "
          "document is empty.");
    CHECK(error_of(kHead + kNodes) ==
          "in.json:4:1: invalid JSON: unexpected end of file (truncated?): Missing a comma or '}' "
          "after an object member.");
    CHECK(error_of("{\"graph\": {\"nodes\": {}}} x") ==
          "in.json:1:26: invalid JSON: The document root must not be followed by other values.");
    CHECK(error_of("{\"graph\": {\"nodes\": {\"a\": {\"metadata\": {\"properties\": "
                   "{\"n\": 1e999}}}}}}") ==
          "in.json:1:61: invalid JSON: Number too big to be stored in double.");
}

TEST_CASE("encoding errors") {
    CHECK(error_of("{\"graph\": {\"nodes\": {\"a\xFF\": {}}}}") ==
          "in.json:1:24: invalid UTF-8 (byte 0xFF); expected UTF-8 text");
    CHECK(error_of("{\"graph\": {\"nodes\": {\"\xD8") ==
          "in.json:1:23: invalid UTF-8 (byte 0xD8); expected UTF-8 text");
    CHECK(error_of("\xEF\xBB\xBF{}") ==
          "in.json:1:1: byte order mark; expected UTF-8 text without a BOM");
    CHECK(error_of(std::string(100, '[')) ==
          "in.json:1:65: nesting deeper than 64 levels; expected a liaison network");
}

TEST_CASE("schema errors name the member and what was expected") {
    CHECK(error_of("{\"nodes\": {}}") == "in.json:1:2: at /nodes: expected only the members graph");
    CHECK(error_of("{\"graph\": {}}") ==
          "in.json:1:11: at /graph: expected an object with the members nodes");
    CHECK(error_of(kHead + "  \"a\": {\"metadata\": {\"labels\": \"Person\"}}}}}") ==
          "in.json:2:32: at /graph/nodes/a/metadata/labels: expected a value of type array");
    CHECK(error_of(kHead + kNodes + "}, \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}}") ==
          "in.json:4:14: at /graph/edges/0: expected an object with the members source, target, "
          "relation");
    CHECK(error_of(kHead + "  \"a\": {\"metadata\": {\"date\": \"28/11/2023\"}}}}}") ==
          "in.json:2:30: at /graph/nodes/a/metadata/date: expected a date written YYYY, YYYY-MM "
          "or YYYY-MM-DD");
    CHECK(
        error_of(kHead + "  \"a\": {\"metadata\": {\"colour\": 1}}}}}") ==
        "in.json:2:22: at /graph/nodes/a/metadata/colour: expected only the members labels, names, "
        "aliases, properties, date, start, end, sources");
}

TEST_CASE("semantic errors point at the offending member") {
    CHECK(error_of(kHead + kNodes +
                   "}, \"edges\": [\n {\"source\": \"a\", \"target\": \"zz\", "
                   "\"relation\": \"MET_WITH\"}]}}") ==
          "in.json:5:28: edge target 'zz' is not a node of this network");
    CHECK(error_of(kHead + kNodes + ", \"a\": {}}}}") == "in.json:4:3: duplicate node id 'a'");
    CHECK(error_of(kHead + "  \"a\": {\"metadata\": {\"date\": \"2023-02-30\"}}}}}") ==
          "in.json:2:30: '2023-02-30' is not a calendar date; expected YYYY, YYYY-MM or "
          "YYYY-MM-DD");
    CHECK(
        error_of(kHead + "  \"a\": {\"metadata\": {\"start\": \"2024\", \"end\": \"2023\"}}}}}") ==
        "in.json:2:46: 'end' 2023 is before 'start' 2024");
    CHECK(error_of(kHead + kNodes +
                   "}, \"edges\": [\n {\"source\": \"a\", \"target\": \"b\", "
                   "\"relation\": \"PRAISED\"}]}}") ==
          "in.json:5:45: unknown relation type 'PRAISED': its direction is not known; declare it "
          "in graph.metadata.liaison.relations with \"symmetric\"");
    CHECK(error_of(kHead + "  \"Bad Id\": {}}}}") ==
          "in.json:2:3: node id 'Bad Id' is not an ASCII slug; expected lowercase letters, "
          "digits, '.', '_' or '-'");
    CHECK(error_of(kHead + "  \"a\": {\"metadata\": {\"sources\": [{\"document\": \"nope\", "
                           "\"quote\": \"q\"}]}}}}}") ==
          "in.json:2:34: source names document 'nope', which is not in "
          "graph.metadata.liaison.documents");
    CHECK(error_of(kHead + "  \"a\": {\"metadata\": {\"properties\": {\"n\": "
                           "18446744073709551615}}}}}}") ==
          "in.json:2:42: integer out of range (int64); expected an integer from "
          "-9223372036854775808 to 9223372036854775807, or a float written with a fraction or "
          "exponent");
}
