#pragma once
// Significance across runs. Per cell: a one-sample two-sided Student t test of "mean PGF = 0"
// over the runs (the main figure) plus an exact two-sided sign test (distribution-free; with 4
// runs its smallest p is 0.125, which is why cliques are tested on pooled values). Per clique:
// a one-sided Wilcoxon signed-rank test on all pooled per-run values of its ordered pairs.

#include "analysis/square_matrix.h"
#include "analysis/transfer_matrix.h"

#include <vector>

namespace ts {

struct CellSignificance {
    int runs = 0;          // defined runs
    double mean = 0;
    double std = 0;        // sample std (NaN with < 2 runs)
    double t = 0;          // t statistic (±inf when std = 0 and mean ≠ 0; NaN with < 2 runs)
    double pValue = 1;     // two-sided t-test p (NaN with < 2 runs)
    int positives = 0, negatives = 0;
    double signTestP = 1;  // exact two-sided sign test p (zeros dropped)
};

CellSignificance cellSignificance(const std::vector<double> &runValues);

// Two-sided t-test p for every cell (NaN where undefined); diagonal included.
SquareMatrix cellPValues(const TransferMatrix &matrix);

enum class Alternative { Greater, Less, TwoSided };

struct WilcoxonResult {
    int n = 0;            // non-zero values used
    double wPlus = 0;     // sum of ranks of positive values
    double z = 0;         // normal approximation z (with tie correction); 0 when exact
    double pValue = 1;
    bool exact = false;   // exact null distribution (n ≤ 50) rather than the normal approximation
};

// One-sample Wilcoxon signed-rank test against 0; zeros dropped, ties get mid-ranks.
WilcoxonResult wilcoxonSignedRank(const std::vector<double> &values, Alternative alternative);

// Distribution helpers (exposed for tests).
double studentTTwoSidedP(double t, int degreesOfFreedom);
double binomialTwoSidedP(int successes, int trials); // p = 0.5
double normalUpperTail(double z);

} // namespace ts
