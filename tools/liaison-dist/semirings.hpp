#pragma once
// The two semirings liaison-dist's kernels need, in the form CombBLAS's SpMV expects (id, add,
// multiply, axpy, and the MPI reduction used by the dense product).
#include <mpi.h>

#include <algorithm>
#include <limits>

namespace liaison::dist {

// (+, *): path counts, PageRank flows, degrees.
struct SumProduct {
    static double id() { return 0.0; }
    static bool returnedSAID() { return false; }
    static MPI_Op mpi_op() { return MPI_SUM; }
    static double add(const double& a, const double& b) { return a + b; }
    static double multiply(const double& m, const double& x) { return m * x; }
    static void axpy(double m, const double& x, double& y) { y += m * x; }
};

// (min, second): the smallest label among a vertex's neighbours; the matrix value is ignored.
struct MinOfNeighbour {
    static double id() { return std::numeric_limits<double>::infinity(); }
    static bool returnedSAID() { return false; }
    static MPI_Op mpi_op() { return MPI_MIN; }
    static double add(const double& a, const double& b) { return std::min(a, b); }
    static double multiply(const double&, const double& x) { return x; }
    static void axpy(double, const double& x, double& y) { y = std::min(y, x); }
};

}  // namespace liaison::dist
