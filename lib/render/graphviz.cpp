#include "render/graphviz.hpp"

#include <graphviz/types.h>

#include <algorithm>

#include <fmt/format.h>

#include "liaison/render/style.hpp"

namespace liaison::render::gv {

namespace {

std::mutex g_mutex;
std::vector<std::string> g_messages;  // guarded by g_mutex

int collect(char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    if (!m.empty()) g_messages.push_back(std::move(m));
    return 0;
}

// cgraph's API predates const; it copies every string it is given.
char* mutable_str(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* mutable_str(const char* s) { return const_cast<char*>(s); }

std::string joined_messages() {
    return g_messages.empty() ? std::string("no message from Graphviz")
                              : fmt::format("{}", fmt::join(g_messages, "; "));
}

}  // namespace

std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(g_mutex); }

ErrorCapture::ErrorCapture() {
    g_messages.clear();
    agseterrf(collect);
    agseterr(AGWARN);
}

ErrorCapture::~ErrorCapture() { agseterrf(nullptr); }

const std::vector<std::string>& ErrorCapture::messages() const { return g_messages; }

Graph::Graph(const std::string& name, bool directed) {
    g_ = agopen(mutable_str(name), directed ? Agdirected : Agundirected, nullptr);
    if (!g_) throw RenderError("cannot create a Graphviz graph");
}

Graph::~Graph() {
    if (g_) agclose(g_);
}

Agnode_t* Graph::node(const std::string& name) { return agnode(g_, mutable_str(name), 1); }

Agnode_t* Graph::node(Agraph_t* sub, Agnode_t* n) { return agsubnode(sub, n, 1); }

Agedge_t* Graph::edge(Agnode_t* tail, Agnode_t* head) { return agedge(g_, tail, head, nullptr, 1); }

Agraph_t* Graph::subgraph(const std::string& name) { return agsubg(g_, mutable_str(name), 1); }

void Graph::set(void* obj, const char* name, const std::string& value) {
    agsafeset(obj, mutable_str(name), mutable_str(value), mutable_str(""));
}

void Graph::set_html(void* obj, const char* name, const std::string& html) {
    char* s = agstrdup_html(g_, mutable_str(html));
    agsafeset(obj, mutable_str(name), s, mutable_str(""));
    agstrfree(g_, s);
}

namespace {

// Scales the laid-out drawing to fit a paper with a margin and pads it to the paper's size, for
// one rendering; the destructor restores the drawing's own size and padding.
class PaperFit {
public:
    PaperFit(Graph& g, std::pair<double, double> paper) : g_(g) {
        auto [w, h] = paper;
        if (w <= 0 || h <= 0) return;
        active_ = true;
        const boxf bb = GD_bb(g.get());
        const double dw = std::max(bb.UR.x - bb.LL.x, 1.0), dh = std::max(bb.UR.y - bb.LL.y, 1.0);
        if (dw > dh) std::swap(w, h);  // landscape
        // The page's margin is half an inch, set as the graph's `margin` (the PDF device's own
        // default too); gvc scales the drawing with its padding to fit `size` inside it, so
        // padding in drawing units that gives them the inner area's shape fills it exactly.
        constexpr double kMargin = 36;
        w -= 2 * kMargin;
        h -= 2 * kMargin;
        const double scale = std::min(w / dw, h / dh);
        saved_size_ = GD_drawing(g.get())->size;
        saved_filled_ = GD_drawing(g.get())->filled;
        saved_dpi_ = GD_drawing(g.get())->dpi;
        const char* pad = agget(g.get(), const_cast<char*>("pad"));
        saved_pad_ = pad ? pad : "";
        GD_drawing(g.get())->size = {w, h};
        GD_drawing(g.get())->filled = true;  // scale small drawings up too
        GD_drawing(g.get())->dpi = 72;       // a page is measured in points
        g.set(g.get(), "margin", fmt::format("{:.4f}", kMargin / 72));
        g.set(g.get(), "pad",
              fmt::format("{:.4f},{:.4f}", (w / scale - dw) / 2 / 72, (h / scale - dh) / 2 / 72));
    }
    ~PaperFit() {
        if (!active_) return;
        GD_drawing(g_.get())->size = saved_size_;
        GD_drawing(g_.get())->filled = saved_filled_;
        GD_drawing(g_.get())->dpi = saved_dpi_;
        g_.set(g_.get(), "pad", saved_pad_);
        g_.set(g_.get(), "margin", "");
    }
    PaperFit(const PaperFit&) = delete;
    PaperFit& operator=(const PaperFit&) = delete;

private:
    Graph& g_;
    bool active_ = false;
    pointf saved_size_{0, 0};
    bool saved_filled_ = false;
    double saved_dpi_ = 0;
    std::string saved_pad_;
};

}  // namespace

Context::Context() : gvc_(gvContext()) {
    if (!gvc_) throw RenderError("cannot create a Graphviz context");
    warm_up();
}

// pango measures text with threads of its own (loading fontconfig's configuration first), and
// their allocations beside a layout change where Graphviz's objects land in memory, which some of
// its routines depend on (docs/render.md, "Layouts"). One small layout per process, before any
// real one, gets the configuration loaded first; reports then rerun byte for byte.
void Context::warm_up() {
    static std::once_flag once;
    std::call_once(once, [this] {
        Graph g("warm-up", false);
        Agnode_t* n = g.node("n");
        g.set(n, "label", "warm-up \u0639\u0631\u0628\u064a");
        g.set(n, "fontname", Style{}.font);
        if (gvLayout(gvc_, g.get(), "dot") == 0) gvFreeLayout(gvc_, g.get());
    });
}

Context::~Context() {
    if (gvc_) gvFreeContext(gvc_);
}

std::vector<std::string> Context::render(Graph& g, const std::string& engine,
                                         const std::vector<Output>& outputs) {
    if (gvLayout(gvc_, g.get(), engine.c_str()) != 0)
        throw RenderError(fmt::format("layout '{}' failed: {}", engine, joined_messages()));
    std::vector<std::string> out;
    for (const Output& output : outputs) {
        const std::string& format = output.format;
        // The resolution belongs to one rendering, not to the graph: a `dpi` attribute reaches
        // every format, and Graphviz 2.42's SVG writer then scales the drawing, its width and its
        // height but not its viewBox, so browsers crop the far quarter. The layout copies the
        // attribute into its drawing data, which gvc reads at each rendering: it is set there.
        GD_drawing(g.get())->dpi = output.dpi;
        const PaperFit fit(g, output.paper);
        char* data = nullptr;
        unsigned int length = 0;
        int rc = gvRenderData(gvc_, g.get(), format.c_str(), &data, &length);
        if (rc != 0 || !data) {
            if (data) gvFreeRenderData(data);
            gvFreeLayout(gvc_, g.get());
            throw RenderError(fmt::format("rendering '{}' failed: {}", format, joined_messages()));
        }
        out.emplace_back(data, length);
        gvFreeRenderData(data);
    }
    gvFreeLayout(gvc_, g.get());
    return out;
}

}  // namespace liaison::render::gv
