#pragma once
// A stored study as the analysis engine's input: per model, the per-run PGF matrix computed from
// the base and finetuned accuracies of its cells.

#include "analysis/model_analysis.h"
#include "analysis/pgf.h"
#include "analysis/transfer_matrix.h"
#include "store/study_store.h"

#include <vector>

namespace ts {

// Cells not (yet) in the store are undefined (NaN): a running study analyses as far as it got, and
// source-only / target-only tasks leave their column / row empty. Throws ts::InputError (naming the
// study folder) for an unknown task or a study without any completed cell.
std::vector<TransferMatrix> studyTransferMatrices(const StudyContents &study, const QString &origin,
                                                  const PgfOptions &options = PgfOptions());

// Bootstrap intervals and McNemar tests per cell of `matrix` (one of the study's models), from the
// stored per-item results. Cells without items stay NaN.
ItemStatistics studyItemStatistics(const StudyContents &study, const TransferMatrix &matrix, int replicates = 1000);

// The drift-control cells of a model (the base trained as long on its pretraining mixture), as
// PGF per run and target: what any further training does, whatever the source task.
struct DriftControl {
    QStringList runs;
    std::vector<std::vector<double>> pgf; // [run][target], NaN where no control cell exists
    std::vector<double> mean() const;     // per target over the runs
    bool empty() const { return runs.isEmpty(); }
};

DriftControl studyDriftControl(const StudyContents &study, const TransferMatrix &matrix);
// PGF minus the control's PGF of the same run and target: the task-specific part of the transfer.
TransferMatrix driftCorrected(const TransferMatrix &matrix, const DriftControl &control);

} // namespace ts
