#pragma once
// Perfection Gap Factor (method.md §2):
//   PGF(i→j) = (Acc(M(T_i),T_j) − Acc(M,T_j)) / (U_j − Acc(M,T_j) + ε)
// A target the base already solves up to the ceiling has no gap, so PGF is undefined there (NaN),
// never a huge number produced by ε.

#include <vector>

namespace ts {

struct PgfOptions {
    double epsilon = 1e-8;
    // Ceiling U_j per target in the matrix's task order; empty means 1.0 for every target.
    std::vector<double> ceilings;
    // Replace every accuracy by (Acc − c)/(1 − c), c = 1/options, before the PGF (needs optionCounts).
    // The map is affine and applies to the ceiling too, so PGF itself is unchanged up to ε; the
    // option exists so that reported accuracies and PGF come from one setting.
    bool chanceCorrected = false;
    std::vector<int> optionCounts; // per target, task order; used only when chanceCorrected
};

// NaN when baseAccuracy >= ceiling (no remaining gap) or any input is NaN.
double perfectionGapFactor(double finetunedAccuracy, double baseAccuracy, double ceiling = 1.0,
                           double epsilon = 1e-8);

// (acc − 1/options) / (1 − 1/options); options < 2 leaves acc unchanged.
double chanceCorrectedAccuracy(double accuracy, int options);

// PGF for target `target` of a matrix, applying the options' ceiling and chance correction.
double perfectionGapFactor(double finetunedAccuracy, double baseAccuracy, int target, const PgfOptions &options);

} // namespace ts
