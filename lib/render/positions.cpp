#include "render/positions.hpp"

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "render/graphviz.hpp"

namespace liaison::render {

namespace {

// The next field of a line of Graphviz's "plain" output: a word or a quoted string.
std::string field(std::istringstream& in) {
    in >> std::ws;
    if (in.peek() != '"') {
        std::string word;
        in >> word;
        return word;
    }
    in.get();
    std::string text;
    for (char c; in.get(c) && c != '"';) {
        if (c == '\\' && in.peek() != EOF) in.get(c);
        text += c;
    }
    return text;
}

}  // namespace

std::vector<std::array<double, 2>> layout_positions(const PropertyGraph& g, Layout engine) {
    std::vector<std::array<double, 2>> out(g.node_count(), {0, 0});
    if (g.node_count() == 0) return out;
    auto held = gv::lock();
    gv::ErrorCapture errors;
    gv::Graph graph("layout", false);
    // Small round nodes: the receiving tool sizes them; the layout only spaces them. No overlap
    // removal: it doubles the time, and tools such as Gephi refine the layout themselves.
    std::vector<Agnode_t*> nodes;
    nodes.reserve(g.node_count());
    for (const Node& n : g.nodes()) {
        Agnode_t* v = graph.node(n.id);
        graph.set(v, "shape", "circle");
        graph.set(v, "width", "0.3");
        graph.set(v, "label", "");
        nodes.push_back(v);
    }
    for (const Edge& e : g.edges())
        if (e.source != e.target) graph.edge(nodes[e.source], nodes[e.target]);
    gv::Context context;
    std::string plain = context.render(graph, layout_name(engine), {{"plain", 0}}).at(0);

    // "node NAME X Y …" in inches.
    std::istringstream lines(plain);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream in(line);
        if (field(in) != "node") continue;
        std::string name = field(in);
        double x = 0, y = 0;
        in >> x >> y;
        if (auto i = g.find_id(name)) out[*i] = {x * 72, y * 72};
    }
    return out;
}

}  // namespace liaison::render
