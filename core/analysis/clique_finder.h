#pragma once
// Groups of tasks that influence each other (method.md §5). A positive (mutualistic) clique: every
// ordered pair inside has mean PGF > 0 in both directions; a negative (antagonistic) one: < 0.
// Cliques of the mutual graph are enumerated with Bron–Kerbosch with pivoting (Tomita), and the
// maximum ones (largest size) are reported with a Wilcoxon test of their pooled per-run values.

#include "analysis/significance.h"
#include "analysis/transfer_graph.h"
#include "analysis/transfer_matrix.h"

#include <vector>

namespace ts {

using Adjacency = std::vector<std::vector<bool>>; // symmetric, no self-loops

class CliqueFinder {
public:
    // Every maximal clique (members ascending; cliques sorted by size desc, then lexicographically).
    static std::vector<std::vector<int>> maximalCliques(const Adjacency &graph);
    // Only the cliques of the largest size.
    static std::vector<std::vector<int>> maximumCliques(const Adjacency &graph);
};

// i–j adjacent when PGF(i→j) and PGF(j→i) both exceed margin (Positive) or are both below −margin
// (Negative). margin = 0 is the paper's rule. NaN cells never connect.
Adjacency mutualAdjacency(const SquareMatrix &meanPgf, EdgeSign sign, double margin = 0.0);

struct TaskClique {
    std::vector<int> members; // task indices, ascending
    EdgeSign sign = EdgeSign::Positive;
    double meanPgf = 0;       // mean of the mean PGF over the ordered pairs inside
    double minAbsPgf = 0;     // weakest link (smallest |mean PGF|)
    int pooledValues = 0;     // per-run values pooled for the test: k(k−1) × runs (defined ones)
    WilcoxonResult test;      // one-sided: Greater for positive cliques, Less for negative
};

struct CliqueOptions {
    double margin = 0.0;
    int minimumSize = 2;      // smaller maximum cliques are not reported
};

// The maximum cliques of one sign with their statistics.
std::vector<TaskClique> findMaximumCliques(const TransferMatrix &matrix, EdgeSign sign,
                                           const CliqueOptions &options = {});
// Pooled test of any given set of tasks (used for user-selected groups as well).
TaskClique describeClique(const TransferMatrix &matrix, std::vector<int> members, EdgeSign sign);

} // namespace ts
