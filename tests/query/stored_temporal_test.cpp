// Temporal values as stored properties (issue 18): what a query sets is the one liaison::Value
// the graph keeps, it survives the native format, and what cannot be a property is refused.
#include <doctest/doctest.h>

#include <string>

#include "liaison/io/native_format.hpp"
#include "liaison/query/query.hpp"

using namespace liaison;
using query::execute;
using query::QueryError;

namespace {

std::vector<std::string> row_text(const query::QueryResult& r) {
    std::vector<std::string> out;
    REQUIRE(r.rows.size() == 1);
    for (const auto& v : r.rows[0]) out.push_back(r.display(v));
    return out;
}

}  // namespace

TEST_CASE("CREATE and SET store temporal values that read back after a save and a load") {
    PropertyGraph g;
    execute(g,
            "CREATE (:Event {d: date('2015-07-21'), month: date('2015-07'), "
            "at: datetime('2015-07-21T21:40:32.142+02:00[Europe/Stockholm]'), "
            "lasted: duration('PT3H30M')})");
    execute(g,
            "MATCH (e:Event) SET e.opens = localtime('09:30'), e.call = time('21:40-05:00'), "
            "e.local = localdatetime('2015-07-21T21:40'), "
            "e.times = [datetime('2015-07-22T08:00Z'), duration('P1D')]");
    const Properties& stored = g.node(0).properties;
    CHECK(stored.get("at")->kind() == Value::Kind::Temporal);
    CHECK(stored.get("lasted")->kind() == Value::Kind::Duration);
    CHECK(stored.get("d")->kind() == Value::Kind::Date);

    std::string text = write_graph_json(g);
    CHECK(text.find(R"("at":{"datetime":"2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"})") !=
          std::string::npos);
    CHECK(text.find(R"("d":{"date":"2015-07-21"})") != std::string::npos);
    CHECK(text.find(R"("month":{"date":"2015-07"})") != std::string::npos);
    PropertyGraph reloaded = parse_graph_json(text, "saved.json");
    CHECK(write_graph_json(reloaded) == text);

    auto r = execute(std::as_const(reloaded),
                     "MATCH (e:Event) RETURN e.at = datetime('2015-07-21T19:40:32.142Z'), "
                     "e.at + e.lasted, e.d.dayOfWeek, e.opens < localtime('10:00'), "
                     "duration.between(e.d, e.times[0]), e.call.offset, e.month.month, "
                     "e.d = date('2015-07-21')");
    CHECK(row_text(r) == std::vector<std::string>{"false",
                                                  "2015-07-22T01:10:32.142+02:00[Europe/Stockholm]",
                                                  "2", "true", "P1DT8H", "-05:00", "7", "true"});
}

TEST_CASE("maps, nodes, nested lists and paths are refused as properties, the graph unchanged") {
    PropertyGraph g;
    execute(g, "CREATE (:Event {n: 1})");
    for (const char* q :
         {"MATCH (e) SET e.m = {a: 1}", "MATCH (e) SET e.m = e", "MATCH (e) SET e.m = [[1]]",
          "MATCH p = (e) SET e.m = p", "CREATE (:Event {m: {a: datetime('2015-07-21T21:40Z')}})"}) {
        CAPTURE(q);
        try {
            execute(g, q);
            FAIL("stored");
        } catch (const QueryError& e) {
            CHECK(e.category() == "TypeError");
            CHECK(e.code() == "InvalidPropertyType");
        }
    }
    CHECK(g.node_count() == 1);
    CHECK(g.node(0).properties.size() == 1);
}
