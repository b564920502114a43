#pragma once
// The distributed graph liaison-dist runs on: CombBLAS matrices over a square process grid, plus
// the small helpers every kernel shares (this rank's slice of a vector, collective sums, errors
// decided by all ranks together).
#include <mpi.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tuple>

// CombBLAS 1.6.2's PruneI calls make_tuple unqualified, found only with std in scope.
namespace combblas {
using std::make_tuple;
}
#include <CombBLAS/CombBLAS.h>

namespace liaison::dist {

using Index = std::int64_t;
// 64-bit global indices, 32-bit local ones: CombBLAS's sparse SpMV needs the 32-bit local form.
using Matrix = combblas::SpParMat<Index, double, combblas::SpDCCols<std::int32_t, double>>;
using DenseVec = combblas::FullyDistVec<Index, double>;
using SparseVec = combblas::FullyDistSpVec<Index, double>;

// Bad input or options found while running: the message names the file and line (or the
// option). Thrown on the ranks that found it; Collective::agree turns it into a decision of all.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Graph {
    // Every CombBLAS object gets the grid: a default one would be built on MPI_COMM_WORLD.
    explicit Graph(std::shared_ptr<combblas::CommGrid> g) : grid(g), a(g), at(g) {}

    std::shared_ptr<combblas::CommGrid> grid;
    MPI_Comm comm = MPI_COMM_NULL;  // the grid's ranks (a square number of them)
    int rank = 0;
    Index n = 0;
    bool directed = false;
    bool weighted = false;
    double min_weight = 1.0;    // smallest stored value (1 when unweighted or empty)
    Matrix a;                   // a(i, j): edge i -> j (both directions stored when undirected)
    Matrix at;                  // the transpose (used when directed; empty otherwise)
    Index offset = 0;           // first global index of this rank's slice of every vector
    Index local = 0;            // length of that slice
    std::vector<Index> starts;  // first global index of every rank's slice, then n

    // The rank whose slice holds global index i.
    int owner_of(Index i) const;

    // y = a^T x pulls along in-edges; for undirected graphs a is its own transpose.
    const Matrix& in_matrix() const { return directed ? at : a; }
};

// This rank's slice of a dense vector (ordered as the global vector).
std::vector<double> local_of(const DenseVec& v);
// A dense vector from each rank's slice (slices concatenated in rank order).
DenseVec dense_of(const Graph& g, const std::vector<double>& local);
// A sparse vector holding this rank's entries (local indices, ascending).
SparseVec sparse_of(const Graph& g, const std::vector<Index>& local_index,
                    const std::vector<double>& values);

double sum_all(MPI_Comm comm, double x);
Index sum_all(MPI_Comm comm, Index x);
bool any_all(MPI_Comm comm, bool x);

// Collective: values[k] = x[index[k]] for global indices (x given by its local slices).
std::vector<double> fetch(const Graph& g, const std::vector<double>& x,
                          const std::vector<Index>& index);
// Collective: x[index[k]] = min(x[index[k]], value[k]) for global indices.
void lower_to(const Graph& g, std::vector<double>& x, const std::vector<Index>& index,
              const std::vector<double>& value);

// y = m x for a dense x (sum of products).
DenseVec times(const Matrix& m, const DenseVec& x);
// y = m x for a sparse x: this rank's (local index, value) entries of the result.
void times_sparse(const Matrix& m, const SparseVec& x, std::vector<Index>& index,
                  std::vector<double>& value);
// y_i = min over the entries m(i, j) of x_j; +inf where row i is empty.
DenseVec min_over(const Matrix& m, const DenseVec& x);

}  // namespace liaison::dist
