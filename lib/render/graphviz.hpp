#pragma once
// Thin RAII over Graphviz's C API (cgraph builds the graph, gvc lays it out and renders it).
// Graphviz keeps global state (its error handler among it), so every use holds one mutex.
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace liaison::render::gv {

// Serialises Graphviz calls across threads; hold it from building a graph to freeing it.
std::unique_lock<std::mutex> lock();

// Collects the messages cgraph reports (agerr) instead of letting them reach stderr.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;
    const std::vector<std::string>& messages() const;
};

// An owned root graph.
class Graph {
public:
    Graph(const std::string& name, bool directed);
    ~Graph();
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;

    Agraph_t* get() const { return g_; }
    Agnode_t* node(const std::string& name);
    Agnode_t* node(Agraph_t* sub, Agnode_t* n);      // puts an existing node into a subgraph
    Agedge_t* edge(Agnode_t* tail, Agnode_t* head);  // a new edge each call (parallel allowed)
    Agraph_t* subgraph(const std::string& name);

    // Sets an attribute on a graph, node or edge, declaring it (default "") when new.
    void set(void* obj, const char* name, const std::string& value);
    // Sets an HTML-like label (the text between Graphviz's < and >).
    void set_html(void* obj, const char* name, const std::string& html);

private:
    Agraph_t* g_ = nullptr;
};

// A Graphviz context with its plugins (layouts, the cairo/pango and core renderers) loaded.
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    // One rendering of a laid-out graph: a Graphviz format ("png:cairo", "svg:svg:core", "dot" …)
    // and its resolution in dots per inch (0: the renderer's own default).
    struct Output {
        std::string format;
        double dpi = 0;
        // A paper in points (portrait) the drawing is scaled and centred on, turned landscape
        // when the drawing is wider than tall; {0, 0}: the page is the drawing.
        std::pair<double, double> paper{0, 0};
    };

    // Lays the graph out with `engine`, renders it once per output and frees the layout. Throws
    // RenderError with Graphviz's messages on failure.
    std::vector<std::string> render(Graph& g, const std::string& engine,
                                    const std::vector<Output>& outputs);

private:
    void warm_up();
    GVC_t* gvc_ = nullptr;
};

}  // namespace liaison::render::gv
