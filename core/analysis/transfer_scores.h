#pragma once
// Transferability (row-wise) and malleability (column-wise), method.md §3:
//   Δ⁺(i) = (1 − e^(−p/N)) / p · Σ_j PGF(i→j)·[PGF > 0]     (0 when p = 0)
//   Δ⁻(i) = (1 − e^(−n/N)) / n · Σ_j PGF(i→j)·[PGF < 0]     (≤ 0; 0 when n = 0)
// Θ⁺/Θ⁻ take the same down a column. N is the number of cells considered per task: the other
// tasks (size − 1) by default, all tasks when the diagonal is included. Undefined (NaN) cells
// count neither as positive nor as negative, but N stays the same: a task is not rewarded for
// missing data.

#include "analysis/square_matrix.h"
#include "analysis/transfer_matrix.h"

#include <vector>

namespace ts {

struct ScoreOptions {
    bool includeDiagonal = false;
};

struct TaskScores {
    double deltaPlus = 0;  // Δ⁺ positive transferability (as a source)
    double deltaMinus = 0; // Δ⁻ negative transferability, ≤ 0
    double thetaPlus = 0;  // Θ⁺ positive malleability (as a target)
    double thetaMinus = 0; // Θ⁻ negative malleability, ≤ 0
    int positiveOut = 0;   // p for Δ⁺: targets helped
    int negativeOut = 0;   // n for Δ⁻: targets hurt
    int positiveIn = 0;    // p for Θ⁺: sources that help
    int negativeIn = 0;    // n for Θ⁻: sources that hurt
    int considered = 0;    // N
};

// Spread of each score over the runs (sample std of the score computed on each run's matrix).
struct TaskScoreSpread {
    double deltaPlus = 0, deltaMinus = 0, thetaPlus = 0, thetaMinus = 0;
};

// The breadth × magnitude score of a set of values for one sign (+1 or −1); N as above.
double breadthMagnitudeScore(const std::vector<double> &values, int sign, int N);

std::vector<TaskScores> computeTransferScores(const SquareMatrix &meanPgf, const ScoreOptions &options = {});
std::vector<TaskScoreSpread> computeScoreSpread(const TransferMatrix &matrix, const ScoreOptions &options = {});

// Mean of Δ⁺ over the tasks — the paper's "positive transferability grows with model size".
double meanPositiveTransferability(const std::vector<TaskScores> &scores);

} // namespace ts
