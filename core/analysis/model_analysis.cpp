#include "analysis/model_analysis.h"

namespace ts {

double ModelAnalysis::meanPositiveTransferability() const
{
    return ts::meanPositiveTransferability(scores);
}

int ModelAnalysis::topDonor() const
{
    // A task that helps nothing is no donor, even if every other task helps nothing too.
    int best = -1;
    for (int i = 0; i < int(scores.size()); ++i)
        if (scores[std::size_t(i)].deltaPlus > 0 && (best < 0 || scores[std::size_t(i)].deltaPlus > scores[std::size_t(best)].deltaPlus))
            best = i;
    return best;
}

ModelPersonas ModelAnalysis::personaSummary() const
{
    return {matrix.model(), matrix.tasks(), personas};
}

ModelAnalysis analyzeModel(const TransferMatrix &matrix, const AnalysisOptions &options)
{
    ModelAnalysis a;
    a.matrix = matrix;
    a.options = options;
    a.mean = matrix.meanMatrix();
    a.spread = matrix.stdMatrix();
    a.pValues = cellPValues(matrix);
    const ScoreOptions scoreOptions{options.includeDiagonal};
    a.scores = computeTransferScores(a.mean, scoreOptions);
    a.scoreSpread = computeScoreSpread(matrix, scoreOptions);
    a.graph = buildTransferGraph(a.mean, options.threshold, options.edgeSign, a.spread);
    a.positiveCliques = findMaximumCliques(matrix, EdgeSign::Positive, options.cliques);
    a.negativeCliques = findMaximumCliques(matrix, EdgeSign::Negative, options.cliques);
    a.personas = assignPersonas(a.scores, a.scoreSpread, options.personaRule);
    AhpOptions ahp;
    ahp.includeDiagonal = options.includeDiagonal;
    a.ahp = ahpNormalize(matrix, ahp);
    return a;
}

} // namespace ts
