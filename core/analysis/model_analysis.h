#pragma once
// Everything Transferscope computes for one model, in one call; the CLI and the GUI panels both
// read this value, so they never disagree.

#include "analysis/ahp_normalization.h"
#include "analysis/clique_finder.h"
#include "analysis/personas.h"
#include "analysis/significance.h"
#include "analysis/transfer_graph.h"
#include "analysis/transfer_matrix.h"
#include "analysis/transfer_scores.h"

#include <optional>
#include <vector>

namespace ts {

struct AnalysisOptions {
    double threshold = 0.25;       // graph edges: |mean PGF| ≥ threshold
    EdgeSign edgeSign = EdgeSign::All;
    bool includeDiagonal = false;  // Δ/Θ and AHP over the diagonal too
    PersonaRule personaRule;
    CliqueOptions cliques;
};

// Only a study with per-item results has these (method.md §3): per cell, a bootstrap interval of
// the mean PGF over questions and McNemar's paired test of the finetuned models against the base.
struct ItemStatistics {
    SquareMatrix ciLow;
    SquareMatrix ciHigh;
    SquareMatrix mcnemarP;
    int replicates = 0;
};

struct ModelAnalysis {
    TransferMatrix matrix;
    AnalysisOptions options;
    SquareMatrix mean;    // mean PGF over runs
    SquareMatrix spread;  // std over runs
    SquareMatrix pValues; // two-sided one-sample t test per cell
    std::vector<TaskScores> scores;
    std::vector<TaskScoreSpread> scoreSpread;
    TransferGraph graph;
    std::vector<TaskClique> positiveCliques; // maximum ones
    std::vector<TaskClique> negativeCliques;
    std::vector<PersonaEvidence> personas;
    SquareMatrix ahp;
    std::optional<ItemStatistics> items;
    // Mean PGF of the drift-control cells per target (a study's "control" row); empty when the
    // data has none. Shown as its own row; --drift-corrected subtracts it from every source.
    std::vector<double> drift;
    bool driftCorrected = false;

    const QString &model() const { return matrix.model(); }
    double meanPositiveTransferability() const;
    // Index of the task with the highest Δ⁺ (−1 when no task has a positive Δ⁺).
    int topDonor() const;
    ModelPersonas personaSummary() const;
};

ModelAnalysis analyzeModel(const TransferMatrix &matrix, const AnalysisOptions &options = {});

} // namespace ts
