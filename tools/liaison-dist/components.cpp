// Connected components in the manner of FastSV (Zhang, Azad and Hu 2020), on CombBLAS products
// (kernels.hpp). Each vertex keeps a parent label; a round takes the smallest grandparent among
// its neighbours (a (min, second) product), hooks its parent's label down to it, lowers its own,
// and jumps to its grandparent. Labels only fall and stay inside the component, so the fixpoint
// labels every vertex with its component's smallest vertex. Directed graphs are read as
// undirected (weak components).
#include <algorithm>

#include "kernels.hpp"

namespace liaison::dist {

namespace {

std::vector<Index> as_index(const std::vector<double>& x) {
    return std::vector<Index>(x.begin(), x.end());
}

}  // namespace

std::vector<double> component_roots(const Graph& g) {
    const std::size_t m = static_cast<std::size_t>(g.local);
    std::vector<double> f(m);
    for (std::size_t i = 0; i < m; ++i)
        f[i] = static_cast<double>(g.offset + static_cast<Index>(i));
    std::vector<double> gf = fetch(g, f, as_index(f));
    while (true) {
        const DenseVec grand = dense_of(g, gf);
        std::vector<double> mngf = local_of(min_over(g.a, grand));
        if (g.directed) {
            const std::vector<double> in = local_of(min_over(g.at, grand));
            for (std::size_t i = 0; i < m; ++i) mngf[i] = std::min(mngf[i], in[i]);
        }
        // Hooking: the parent's label falls to the smallest grandparent next to its child.
        std::vector<Index> targets;
        std::vector<double> values;
        for (std::size_t i = 0; i < m; ++i) {
            if (mngf[i] < gf[i]) {
                targets.push_back(static_cast<Index>(f[i]));
                values.push_back(mngf[i]);
            }
        }
        const std::vector<double> before = f;
        lower_to(g, f, targets, values);
        for (std::size_t i = 0; i < m; ++i) f[i] = std::min({f[i], mngf[i], gf[i]});
        std::vector<double> next_gf = fetch(g, f, as_index(f));
        bool changed = false;
        for (std::size_t i = 0; i < m && !changed; ++i)
            changed = f[i] != before[i] || next_gf[i] != f[i];
        gf = std::move(next_gf);
        if (!any_all(g.comm, changed)) break;
    }
    return f;
}

}  // namespace liaison::dist
