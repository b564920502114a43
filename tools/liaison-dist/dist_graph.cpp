// Vector and product helpers shared by the kernels (dist_graph.hpp).
#include "dist_graph.hpp"

#include <algorithm>

#include "semirings.hpp"

namespace liaison::dist {

std::vector<double> local_of(const DenseVec& v) {
    const double* p = v.GetLocArr();
    return std::vector<double>(p, p + v.LocArrSize());
}

DenseVec dense_of(const Graph& g, const std::vector<double>& local) {
    // Filled in place: CombBLAS's constructor from per-rank arrays redistributes with the wrong
    // MPI type for double values.
    DenseVec v(g.grid, g.n, 0.0);
    const double* p = local.data();
    const Index offset = g.offset;
    v.ApplyInd([p, offset](double, Index i) { return p[i - offset]; });
    return v;
}

SparseVec sparse_of(const Graph& g, const std::vector<Index>& local_index,
                    const std::vector<double>& values) {
    return SparseVec(g.grid, g.n, local_index, values, false, true);
}

double sum_all(MPI_Comm comm, double x) {
    double out = 0;
    MPI_Allreduce(&x, &out, 1, MPI_DOUBLE, MPI_SUM, comm);
    return out;
}

Index sum_all(MPI_Comm comm, Index x) {
    Index out = 0;
    MPI_Allreduce(&x, &out, 1, MPI_INT64_T, MPI_SUM, comm);
    return out;
}

bool any_all(MPI_Comm comm, bool x) {
    int mine = x ? 1 : 0, out = 0;
    MPI_Allreduce(&mine, &out, 1, MPI_INT, MPI_MAX, comm);
    return out != 0;
}

DenseVec times(const Matrix& m, const DenseVec& x) { return combblas::SpMV<SumProduct>(m, x); }

void times_sparse(const Matrix& m, const SparseVec& x, std::vector<Index>& index,
                  std::vector<double>& value) {
    // The three-argument form: the two-argument sparse SpMV of CombBLAS 1.6.2 does not compile.
    SparseVec y(x.getcommgrid(), m.getnrow());
    combblas::SpMV<SumProduct>(m, x, y, false);
    index = y.GetLocalInd();
    value = y.GetLocalNum();
}

DenseVec min_over(const Matrix& m, const DenseVec& x) {
    return combblas::SpMV<MinOfNeighbour>(m, x);
}

}  // namespace liaison::dist

namespace liaison::dist {

int Graph::owner_of(Index i) const {
    // Slices are in rank order; an empty slice shares its start with the next one.
    auto it = std::upper_bound(starts.begin(), starts.end() - 1, i);
    return static_cast<int>(it - starts.begin()) - 1;
}

namespace {

// Sends each (index, value) pair to the owner of index; returns what this rank received.
// `with_values` must be the same on every rank (a rank may have nothing to send).
void exchange(const Graph& g, bool with_values, const std::vector<Index>& index,
              const std::vector<double>& value, std::vector<Index>& in_index,
              std::vector<double>& in_value, std::vector<int>* from = nullptr) {
    int ranks = 1;
    MPI_Comm_size(g.comm, &ranks);
    const std::size_t p = static_cast<std::size_t>(ranks);
    std::vector<int> send(p, 0), recv(p, 0), sdispl(p + 1, 0), rdispl(p + 1, 0);
    std::vector<int> owner(index.size());
    for (std::size_t k = 0; k < index.size(); ++k) {
        owner[k] = g.owner_of(index[k]);
        ++send[static_cast<std::size_t>(owner[k])];
    }
    MPI_Alltoall(send.data(), 1, MPI_INT, recv.data(), 1, MPI_INT, g.comm);
    for (std::size_t r = 0; r < p; ++r) {
        sdispl[r + 1] = sdispl[r] + send[r];
        rdispl[r + 1] = rdispl[r] + recv[r];
    }
    std::vector<Index> out_index(index.size());
    std::vector<double> out_value(value.size());
    std::vector<int> fill(sdispl.begin(), sdispl.end() - 1);
    for (std::size_t k = 0; k < index.size(); ++k) {
        const int slot = fill[static_cast<std::size_t>(owner[k])]++;
        out_index[static_cast<std::size_t>(slot)] = index[k];
        if (with_values) out_value[static_cast<std::size_t>(slot)] = value[k];
    }
    in_index.resize(static_cast<std::size_t>(rdispl[p]));
    in_value.resize(!with_values ? 0 : static_cast<std::size_t>(rdispl[p]));
    MPI_Alltoallv(out_index.data(), send.data(), sdispl.data(), MPI_INT64_T, in_index.data(),
                  recv.data(), rdispl.data(), MPI_INT64_T, g.comm);
    if (with_values)
        MPI_Alltoallv(out_value.data(), send.data(), sdispl.data(), MPI_DOUBLE, in_value.data(),
                      recv.data(), rdispl.data(), MPI_DOUBLE, g.comm);
    if (from) {
        // The order of the requests, so answers can go back: request k came from rank r.
        from->assign(recv.begin(), recv.end());
        from->insert(from->end(), send.begin(), send.end());
        from->insert(from->end(), owner.begin(), owner.end());
    }
}

}  // namespace

std::vector<double> fetch(const Graph& g, const std::vector<double>& x,
                          const std::vector<Index>& index) {
    int ranks = 1;
    MPI_Comm_size(g.comm, &ranks);
    const std::size_t p = static_cast<std::size_t>(ranks);
    std::vector<Index> asked;
    const std::vector<double> no_values;
    std::vector<double> unused;
    std::vector<int> counts;
    exchange(g, false, index, no_values, asked, unused, &counts);
    // counts: received per rank, sent per rank, then the owner of each request.
    std::vector<double> answer(asked.size());
    for (std::size_t k = 0; k < asked.size(); ++k)
        answer[k] = x[static_cast<std::size_t>(asked[k] - g.offset)];
    std::vector<int> back(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(p));
    std::vector<int> got(counts.begin() + static_cast<std::ptrdiff_t>(p),
                         counts.begin() + static_cast<std::ptrdiff_t>(2 * p));
    std::vector<int> bdispl(p + 1, 0), gdispl(p + 1, 0);
    for (std::size_t r = 0; r < p; ++r) {
        bdispl[r + 1] = bdispl[r] + back[r];
        gdispl[r + 1] = gdispl[r] + got[r];
    }
    std::vector<double> replies(static_cast<std::size_t>(gdispl[p]));
    MPI_Alltoallv(answer.data(), back.data(), bdispl.data(), MPI_DOUBLE, replies.data(), got.data(),
                  gdispl.data(), MPI_DOUBLE, g.comm);
    // Replies arrive grouped by owner, in request order within each owner.
    std::vector<double> out(index.size());
    std::vector<int> next(gdispl.begin(), gdispl.end() - 1);
    for (std::size_t k = 0; k < index.size(); ++k) {
        const std::size_t owner = static_cast<std::size_t>(counts[2 * p + k]);
        out[k] = replies[static_cast<std::size_t>(next[owner]++)];
    }
    return out;
}

void lower_to(const Graph& g, std::vector<double>& x, const std::vector<Index>& index,
              const std::vector<double>& value) {
    std::vector<Index> in_index;
    std::vector<double> in_value;
    exchange(g, true, index, value, in_index, in_value);
    for (std::size_t k = 0; k < in_index.size(); ++k) {
        double& slot = x[static_cast<std::size_t>(in_index[k] - g.offset)];
        slot = std::min(slot, in_value[k]);
    }
}

}  // namespace liaison::dist
