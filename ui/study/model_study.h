#pragma once
// One model of an open study as the panels see it: the core's complete analysis plus what only a
// loaded file knows (where it came from, and accuracies when the table had them).

#include "analysis/model_analysis.h"

#include <QString>
#include <vector>

namespace ts::ui {

struct ModelStudy {
    ModelAnalysis analysis;
    QString sourcePath;
    // Per task, in the matrix's task order; NaN where the table has no accuracy (PGF tables never do).
    std::vector<double> baseAccuracy;
    std::vector<double> selfAccuracy; // Acc(M(T_i), T_i), mean over runs
    bool hasAccuracies = false;

    const TransferMatrix &matrix() const { return analysis.matrix; }
    const QString &name() const { return analysis.matrix.model(); }
};

} // namespace ts::ui
