// Rank with a projection: keep the actors (persons, agencies, organisations) and every tie among
// them, then rank them by betweenness (who lies on the shortest paths between others: the
// brokers) and print the top five as "score<TAB>id<TAB>name".
//
//   rank_projection graphs/morocco-interpol.json
#include <cstdio>
#include <iostream>

#include "liaison/analysis.hpp"
#include "liaison/io.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rank_projection GRAPH.json\n";
        return 2;
    }
    try {
        const liaison::PropertyGraph g = liaison::read_graph_file(argv[1]);
        namespace an = liaison::analysis;
        // What the algorithm sees: these labels, all relation types, undirected (the default).
        an::ProjectionOptions options;
        options.labels = {"Person", "Agency", "Organization"};
        const an::Projection p = an::project(g, options);
        const an::Scores scores = an::betweenness(p.graph);
        for (const an::Vertex v : an::ranking(scores.value, p.ids, 5)) {
            const liaison::Node& node = g.node(p.graph.origins()[v]);
            std::printf("%.6f\t%s\t%s\n", scores.value[v], node.id.c_str(),
                        node.display_name().c_str());
        }
    } catch (const liaison::Error& e) {
        std::cerr << "rank_projection: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
