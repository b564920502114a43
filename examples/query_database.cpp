// Query a database: open it (the snapshot plus its journal of committed transactions), ask whom
// a person met, and print one name per line.
//
//   query_database graphs/morocco-interpol.json Hammouchi
#include <iostream>

#include "liaison/query.hpp"
#include "liaison/store.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: query_database DATABASE.json NAME\n";
        return 2;
    }
    try {
        liaison::Database db = liaison::Database::open(argv[1]);
        // Parameters keep the query text constant; liaison.named() matches any spelling of a name.
        const liaison::query::ValueMap params{{"name", liaison::query::parse_parameter(argv[2])}};
        const liaison::query::QueryResult result = liaison::query::execute(
            db,
            "MATCH (p:Person)-[:MET_WITH]-(x:Person) WHERE liaison.named(p, $name) "
            "RETURN DISTINCT x.name AS met ORDER BY met",
            params);
        for (const auto& row : result.rows) std::cout << result.display(row[0]) << '\n';
    } catch (const liaison::Error& e) {  // every error the library throws, with its position
        std::cerr << "query_database: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
