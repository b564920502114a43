// The registry's table: every measure and community algorithm by name, its options with their
// defaults, and the call it makes (registry.hpp). Defaults follow NetworkX (the peer the tests
// compare with), as docs/algorithms.md lists them; this is the only place they are set.
#include "liaison/analysis/registry.hpp"
#include "liaison/analysis/structure.hpp"

namespace liaison::analysis {

namespace {

// Measures read the projection's weights when it has them; `weighted: false` ignores them.
OptionSpec weighted() {
    return {"weighted",
            OptionType::Flag,
            true,
            -HUGE_VAL,
            HUGE_VAL,
            false,
            false,
            {},
            "use the projection's weights when it has them"};
}
OptionSpec flag(const char* name, bool fallback, const char* help) {
    return {name, OptionType::Flag, fallback, -HUGE_VAL, HUGE_VAL, false, false, {}, help};
}
OptionSpec number(const char* name, double fallback, double min, bool min_open, double max,
                  bool max_open, const char* help) {
    return {name, OptionType::Number, fallback, min, max, min_open, max_open, {}, help};
}
OptionSpec integer(const char* name, std::int64_t fallback, double min, const char* help) {
    return {name, OptionType::Integer, fallback, min, HUGE_VAL, false, false, {}, help};
}
OptionSpec tolerance() {
    return number("tolerance", 1e-12, 0, true, HUGE_VAL, false,
                  "stop when the L1 change is below n times this");
}
OptionSpec max_iterations() {
    return integer("max_iterations", 10000, 1, "give up after this many rounds");
}
OptionSpec seed() { return integer("seed", 0, 0, "random seed: the same seed, the same result"); }
OptionSpec resolution() {
    return number("resolution", 1.0, 0, false, HUGE_VAL, false,
                  "modularity resolution: above 1 smaller groups, below 1 larger");
}

// Weighted only when asked and the Csr has weights (an unweighted Csr counts 1 per entry).
bool use_weights(const Csr& g, const AlgorithmOptions& o) {
    return o.flag("weighted") && g.weighted();
}

std::vector<AlgorithmInfo> make_table() {
    using K = AlgorithmKind;
    std::vector<AlgorithmInfo> t;
    t.push_back(
        {"degree",
         {},
         K::Measure,
         "Degree",
         "degree: the number of distinct neighbours (the sum of tie weights when weighted)",
         true,
         {{"mode",
           OptionType::Choice,
           std::string("total"),
           -HUGE_VAL,
           HUGE_VAL,
           false,
           false,
           {"total", "in", "out"},
           "on a directed projection: in, out or total"},
          flag("normalized", false, "divide by n - 1 (NetworkX degree_centrality)"),
          weighted()},
         [](const Csr& g, const AlgorithmOptions& o) {
             const std::string& m = o.choice("mode");
             DegreeOptions d;
             d.mode = m == "in" ? DegreeMode::In : m == "out" ? DegreeMode::Out : DegreeMode::Total;
             d.weighted = use_weights(g, o);
             d.normalized = o.flag("normalized");
             return degree(g, d);
         },
         {}});
    t.push_back({"betweenness",
                 {},
                 K::Measure,
                 "Betweenness",
                 "betweenness: the share of shortest paths between other entities that pass "
                 "through it (normalised)",
                 false,
                 {flag("normalized", true, "divide by the number of pairs, (n-1)(n-2)[/2]"),
                  flag("endpoints", false, "count the path's ends as passing through"),
                  integer("samples", 0, 0, "estimate from this many random sources (0: exact)"),
                  seed(), weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     BetweennessOptions b;
                     b.weighted = use_weights(g, o);
                     b.normalized = o.flag("normalized");
                     b.endpoints = o.flag("endpoints");
                     b.samples = static_cast<std::uint32_t>(o.integer("samples"));
                     b.seed = static_cast<std::uint64_t>(o.integer("seed"));
                     return betweenness(g, b);
                 },
                 {}});
    t.push_back({"closeness",
                 {},
                 K::Measure,
                 "Closeness",
                 "closeness: how near it is to every entity it reaches",
                 false,
                 {flag("wf_improved", true, "scale by the share of entities reached"),
                  flag("outgoing", false, "directed: distances from it, not to it"), weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     ClosenessOptions c;
                     c.weighted = use_weights(g, o);
                     c.wf_improved = o.flag("wf_improved");
                     c.outgoing = o.flag("outgoing");
                     return closeness(g, c);
                 },
                 {}});
    t.push_back({"harmonic",
                 {},
                 K::Measure,
                 "Harmonic centrality",
                 "harmonic: the sum of 1 / distance to every other entity",
                 false,
                 {flag("normalized", false, "divide by n - 1"),
                  flag("outgoing", false, "directed: distances from it, not to it"), weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     HarmonicOptions h;
                     h.weighted = use_weights(g, o);
                     h.normalized = o.flag("normalized");
                     h.outgoing = o.flag("outgoing");
                     return harmonic(g, h);
                 },
                 {}});
    t.push_back({"eigenvector",
                 {},
                 K::Measure,
                 "Eigenvector centrality",
                 "eigenvector: tied to entities that are themselves central (unit length)",
                 false,
                 {tolerance(), max_iterations(), weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     EigenvectorOptions e;
                     e.weighted = use_weights(g, o);
                     e.tolerance = o.number("tolerance");
                     e.max_iterations = static_cast<int>(o.integer("max_iterations"));
                     return eigenvector(g, e);
                 },
                 {}});
    t.push_back({"pagerank",
                 {},
                 K::Measure,
                 "PageRank",
                 "pagerank: PageRank with damping 0.85 (the scores sum to 1)",
                 false,
                 {number("damping", 0.85, 0, false, 1, true, "the damping factor"), tolerance(),
                  max_iterations(), weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     PageRankOptions p;
                     p.weighted = use_weights(g, o);
                     p.damping = o.number("damping");
                     p.tolerance = o.number("tolerance");
                     p.max_iterations = static_cast<int>(o.integer("max_iterations"));
                     return page_rank(g, p);
                 },
                 {}});
    t.push_back({"katz",
                 {},
                 K::Measure,
                 "Katz centrality",
                 "katz: Katz centrality, alpha 0.1 (unit length)",
                 false,
                 {number("alpha", 0.1, 0, true, HUGE_VAL, false,
                         "attenuation; converges below 1 / the largest eigenvalue"),
                  number("beta", 1.0, -HUGE_VAL, false, HUGE_VAL, false, "the constant term"),
                  flag("normalized", true, "scale to unit length"), tolerance(), max_iterations(),
                  weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     KatzOptions k;
                     k.weighted = use_weights(g, o);
                     k.alpha = o.number("alpha");
                     k.beta = o.number("beta");
                     k.normalized = o.flag("normalized");
                     k.tolerance = o.number("tolerance");
                     k.max_iterations = static_cast<int>(o.integer("max_iterations"));
                     return katz(g, k);
                 },
                 {}});
    t.push_back({"clustering",
                 {},
                 K::Measure,
                 "Clustering coefficient",
                 "clustering: the share of its neighbours' pairs that are tied to each other",
                 false,
                 {weighted()},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     Scores s;
                     s.value = clustering(g, {use_weights(g, o)});
                     return s;
                 },
                 {}});
    t.push_back({"core",
                 {},
                 K::Measure,
                 "Core number",
                 "core: the largest k such that it belongs to a k-core",
                 true,
                 {},
                 [](const Csr& g, const AlgorithmOptions&) {
                     Scores s;
                     for (std::uint32_t c : core_numbers(g)) s.value.push_back(c);
                     return s;
                 },
                 {}});

    t.push_back(
        {"leiden",
         {},
         K::Communities,
         "Leiden",
         "Leiden: modularity, with communities guaranteed connected",
         false,
         {resolution(), seed(),
          number("randomness", 0.01, 0, true, HUGE_VAL, false,
                 "theta of the refinement's random merges"),
          integer("iterations", 0, 0, "0: one iteration, as igraph; n: up to n"), weighted()},
         {},
         [](const Csr& g, const AlgorithmOptions& o) {
             LeidenOptions l;
             l.resolution = o.number("resolution");
             l.seed = static_cast<std::uint64_t>(o.integer("seed"));
             l.randomness = o.number("randomness");
             l.iterations = static_cast<int>(o.integer("iterations"));
             l.weighted = use_weights(g, o);
             return leiden(g, l);
         }});
    t.push_back({"louvain",
                 {},
                 K::Communities,
                 "Louvain",
                 "Louvain: modularity, greedy by level",
                 false,
                 {resolution(), seed(), weighted()},
                 {},
                 [](const Csr& g, const AlgorithmOptions& o) {
                     LouvainOptions l;
                     l.resolution = o.number("resolution");
                     l.seed = static_cast<std::uint64_t>(o.integer("seed"));
                     l.weighted = use_weights(g, o);
                     return louvain(g, l);
                 }});
    t.push_back(
        {"label_propagation",
         {"labelprop"},
         K::Communities,
         "Label propagation",
         "label propagation: each entity takes its neighbours' most common label",
         false,
         {seed(), integer("max_iterations", 1000, 1, "give up after this many sweeps"), weighted()},
         {},
         [](const Csr& g, const AlgorithmOptions& o) {
             LabelPropagationOptions l;
             l.seed = static_cast<std::uint64_t>(o.integer("seed"));
             l.max_iterations = static_cast<int>(o.integer("max_iterations"));
             l.weighted = use_weights(g, o);
             return label_propagation(g, l);
         }});
    return t;
}

}  // namespace

const std::vector<AlgorithmInfo>& algorithms() {
    static const std::vector<AlgorithmInfo> table = make_table();
    return table;
}

const std::string& default_community_algorithm() {
    static const std::string name = "leiden";
    return name;
}

}  // namespace liaison::analysis
