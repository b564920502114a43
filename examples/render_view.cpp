// Render a view: the ego network of one entity (itself, its neighbours and the ties among them),
// laid out by Graphviz and written as an SVG file; prints what the drawing kept.
//
//   render_view graphs/morocco-interpol.json Hammouchi ego.svg
#include <iostream>

#include "liaison/io.hpp"
#include "liaison/render.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: render_view GRAPH.json ENTITY OUT.svg\n";
        return 2;
    }
    try {
        const liaison::PropertyGraph g = liaison::read_graph_file(argv[1]);
        liaison::render::RenderOptions options;
        options.view.ego = argv[2];  // an id or any name, Arabic or English
        options.view.hops = 1;
        const auto out = liaison::render::render(g, options, {liaison::render::Format::Svg});
        liaison::write_file_atomic(argv[3], out.data.front());
        std::cout << liaison::render::describe_output(g, options, out) << '\n';
    } catch (const liaison::Error& e) {
        std::cerr << "render_view: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
