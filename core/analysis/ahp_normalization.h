#pragma once
// Taskonomy's normalisation (Zamir et al. 2018, method.md §8) as an alternative view of a PGF
// matrix. For each target j, sources are compared pairwise: w(i,k) = share of runs in which
// PGF(i→j) > PGF(k→j) (ties count one half), clamped to [0.001, 0.999]; the reciprocal matrix
// W(i,k) = w(i,k)/w(k,i) has a principal eigenvector (power iteration) which, scaled to sum 1,
// is column j of the result. The diagonal is left out unless includeDiagonal (then NaN there).

#include "analysis/square_matrix.h"
#include "analysis/transfer_matrix.h"

namespace ts {

struct AhpOptions {
    bool includeDiagonal = false;
    double clampLow = 0.001;
    int maxIterations = 1000;
    double tolerance = 1e-12;
};

// Result [source][target]; each column sums to 1 over its defined cells.
SquareMatrix ahpNormalize(const TransferMatrix &matrix, const AhpOptions &options = {});

// Principal eigenvector of a positive square matrix, scaled to sum 1 (exposed for tests).
std::vector<double> principalEigenvector(const std::vector<std::vector<double>> &matrix,
                                         int maxIterations = 1000, double tolerance = 1e-12);

} // namespace ts
