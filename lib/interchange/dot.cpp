// DOT through Graphviz's cgraph: agwrite for export, agmemread for import. Every flat attribute
// is a DOT attribute (text); graph attributes carry documents, relations and the attribute
// types. Parallel edges are kept by giving each edge a key.
#include <graphviz/cgraph.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "interchange/formats.hpp"

namespace liaison::detail {

namespace {

std::mutex g_mutex;  // cgraph's error handler is process-wide
std::vector<std::string> g_messages;

int collect(char* message) {
    if (message && *message) g_messages.emplace_back(message);
    return 0;
}

// cgraph's API predates const; it copies every string it is given.
char* mut(const std::string& s) { return const_cast<char*>(s.c_str()); }

// agwrite escapes quotes but not backslashes, and agmemread keeps "\\" as two characters, so
// our values double their backslashes on the way out and halve them on the way back in.
std::string doubled(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string halved(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\\') ++i;
    }
    return out;
}

struct GraphCloser {
    void operator()(Agraph_t* g) const {
        if (g) agclose(g);
    }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

class ErrorCapture {
public:
    ErrorCapture() : lock_(g_mutex) {
        g_messages.clear();
        agseterrf(collect);
        agseterr(AGERR);
    }
    ~ErrorCapture() {
        agseterrf(nullptr);
        agreseterrors();
    }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

private:
    std::unique_lock<std::mutex> lock_;
};

// cgraph reports one message in pieces ("Error", ": ", "syntax error in line 3 near 'x'").
std::string joined_messages() {
    std::string out;
    for (const auto& m : g_messages) out += m;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    for (auto& c : out)
        if (c == '\n') c = ' ';
    for (const char* prefix : {"Error: ", "Error:", "Warning: "})
        if (out.rfind(prefix, 0) == 0) out.erase(0, std::string_view(prefix).size());
    return out;
}

// "syntax error in line 3 near 'x'" → 3.
std::size_t line_of(const std::string& message) {
    std::size_t at = message.find("line ");
    if (at == message.npos) return 0;
    return static_cast<std::size_t>(std::strtoul(message.c_str() + at + 5, nullptr, 10));
}

// First position of each identifier or quoted string in the text: cgraph keeps no positions,
// so problems with a node or edge point at the first place its name occurs.
std::map<std::string, TextPosition> first_positions(const NamedText& in) {
    std::map<std::string, TextPosition> out;
    const std::string& t = in.text;
    std::size_t line = 1, column = 1;
    auto step = [&](std::size_t& i) {
        if (t[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
            ++column;
        }
        ++i;
    };
    auto word_char = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == '-' || (static_cast<unsigned char>(c) & 0x80);
    };
    for (std::size_t i = 0; i < t.size();) {
        TextPosition here{in.name, line, column};
        if (t[i] == '"') {
            std::string token;
            step(i);
            while (i < t.size() && t[i] != '"') {
                if (t[i] == '\\' && i + 1 < t.size()) {
                    if (t[i + 1] != '"') token += t[i];
                    step(i);
                }
                token += t[i];
                step(i);
            }
            if (i < t.size()) step(i);
            out.emplace(std::move(token), here);
        } else if (word_char(t[i])) {
            std::string token;
            while (i < t.size() && word_char(t[i])) {
                token += t[i];
                step(i);
            }
            out.emplace(std::move(token), here);
        } else {
            step(i);
        }
    }
    return out;
}

}  // namespace

std::string write_dot(const PropertyGraph& g) {
    std::vector<flat::Record> nodes, edges;
    for (const Node& n : g.nodes()) nodes.push_back(flat::flatten_node(n));
    for (const Edge& e : g.edges()) edges.push_back(flat::flatten_edge(g, e));
    flat::Schema ns = flat::infer_schema(nodes), es = flat::infer_schema(edges);

    ErrorCapture capture;
    Agdesc_t desc = Agdirected;
    desc.strict = 0;
    GraphPtr out(agopen(mut(g.graph_id.empty() ? std::string("G") : g.graph_id), desc, nullptr));
    if (!out) throw SystemError("cannot create a Graphviz graph");
    Agraph_t* a = out.get();
    auto set_graph = [&](const char* key, const std::string& value) {
        agattr(a, AGRAPH, const_cast<char*>(key), mut(""));
        agset(a, const_cast<char*>(key), mut(doubled(value)));
    };
    if (!g.graph_label.empty()) set_graph("label", g.graph_label);
    if (!g.documents().empty()) set_graph("liaison_documents", flat::documents_json(g));
    if (std::string r = flat::relations_json(g); r != "{}") set_graph("liaison_relations", r);
    set_graph("liaison_types", flat::types_json(ns, es));
    for (const auto& k : ns.keys) agattr(a, AGNODE, mut(k), mut(""));
    for (const auto& k : es.keys) agattr(a, AGEDGE, mut(k), mut(""));
    agattr(a, AGNODE, mut("label"), mut("\\N"));
    agattr(a, AGEDGE, mut("label"), mut(""));

    std::vector<Agnode_t*> made;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        const Node& n = g.node(static_cast<NodeIndex>(i));
        Agnode_t* v = agnode(a, mut(n.id), 1);
        made.push_back(v);
        std::string label = n.names.en.empty() || n.names.ar.empty()
                                ? n.display_name()
                                : n.names.en + "\n" + n.names.ar;
        agset(v, mut("label"), mut(doubled(label)));
        for (const auto& [key, value] : nodes[i])
            agset(v, mut(key), mut(doubled(flat::to_text(value, ns.type_of(key)))));
    }
    for (std::size_t i = 0; i < g.edge_count(); ++i) {
        const Edge& e = g.edge(static_cast<EdgeIndex>(i));
        std::string key = element_edge_id(g, static_cast<EdgeIndex>(i));
        Agedge_t* d = agedge(a, made[e.source], made[e.target], mut(key), 1);
        agset(d, mut("label"), mut(doubled(g.type_name(e))));
        for (const auto& [k, value] : edges[i])
            agset(d, mut(k), mut(doubled(flat::to_text(value, es.type_of(k)))));
    }
    char* buffer = nullptr;
    std::size_t size = 0;
    FILE* f = open_memstream(&buffer, &size);
    if (!f) throw SystemError("cannot open a memory stream for DOT output");
    int rc = agwrite(a, f);
    std::fclose(f);
    std::string text(buffer ? buffer : "", size);
    std::free(buffer);
    if (rc != 0) throw SystemError("Graphviz could not write DOT");
    return text;
}

void read_dot(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    GraphPtr g;
    std::string error;
    {
        ErrorCapture capture;
        g.reset(agmemread(in.text.c_str()));
        if (!g || !g_messages.empty())
            error = g_messages.empty() ? "not a DOT graph" : joined_messages();
    }
    if (!error.empty() || !g) {
        std::size_t line = line_of(error);
        log.report({in.name, line, 0}, "DOT: " + error);
        return;
    }
    Agraph_t* a = g.get();
    auto positions = first_positions(in);
    auto where = [&](const char* name) {
        auto it = positions.find(name ? name : "");
        return it == positions.end() ? TextPosition{in.name, 0, 0} : it->second;
    };
    out.set_directed(agisdirected(a));
    out.set_create_missing_nodes(true);

    flat::Schema ns, es;
    std::string problem;
    bool ours = agattr(a, AGRAPH, mut("liaison_types"), nullptr) != nullptr;
    auto value_of = [&](void* obj, Agsym_t* sym) {
        std::string v = agxget(obj, sym);
        return ours ? halved(v) : v;
    };
    std::string graph_name = agnameof(a) ? agnameof(a) : "";
    if (graph_name != "G" && graph_name.find('%') != 0) out.graph().graph_id = graph_name;
    for (Agsym_t* s = agnxtattr(a, AGRAPH, nullptr); s; s = agnxtattr(a, AGRAPH, s)) {
        std::string name = s->name, value = value_of(a, s);
        if (name == "label")
            out.graph().graph_label = value;
        else if (name == "liaison_documents")
            problem = flat::read_documents_json(value, out.graph());
        else if (name == "liaison_relations")
            problem = flat::read_relations_json(value, out.graph());
        else if (name == "liaison_types")
            problem = flat::read_types_json(value, ns, es);
        if (!problem.empty()) {
            log.report(where(s->name), fmt::format("graph attribute {}: {}", name, problem));
            problem.clear();
        }
    }

    // Attributes set on an element (different from the declared default).
    auto record_of = [&](void* obj, int kind, const flat::Schema& s, const TextPosition& pos,
                         const std::string& what) {
        flat::Record r;
        for (Agsym_t* sym = agnxtattr(a, kind, nullptr); sym; sym = agnxtattr(a, kind, sym)) {
            std::string key = sym->name, value = value_of(obj, sym);
            if (value.empty() || value == (sym->defval ? sym->defval : "")) continue;
            if (ours && key == "label") continue;  // our label is only for drawing
            std::string err;
            auto v = flat::from_text(value, s.type_of(key), err);
            if (!v)
                log.report(pos, fmt::format("{}: {}: {}", what, key, err));
            else
                r.emplace_back(key, std::move(*v));
        }
        return r;
    };

    for (Agnode_t* n = agfstnode(a); n; n = agnxtnode(a, n)) {
        std::string id = agnameof(n);
        TextPosition pos = where(agnameof(n));
        out.add_node({id, pos, record_of(n, AGNODE, ns, pos, fmt::format("node '{}'", id))});
    }
    for (Agnode_t* n = agfstnode(a); n; n = agnxtnode(a, n)) {
        for (Agedge_t* e = agfstout(a, n); e; e = agnxtout(a, e)) {
            const char* key = agnameof(e);
            std::string id = key && key[0] != '%' ? key : "";
            TextPosition pos = where(id.empty() ? agnameof(agtail(e)) : id.c_str());
            out.add_edge({real_edge_id(id), agnameof(agtail(e)), agnameof(aghead(e)), pos,
                          record_of(e, AGEDGE, es, pos, "edge")});
        }
    }
}

}  // namespace liaison::detail
