#pragma once
// The planner: a spec becomes an ordered list of cells. Per model: the base evaluation first (the
// denominator of every PGF of that model), then per seed the drift control and one finetune cell
// per source task. Resume skips cells whose files exist, so the order is also the resume order.

#include "store/cell_record.h"
#include "study/study_spec.h"

#include <vector>

namespace ts {

struct PlannedCell {
    CellKind kind = CellKind::Finetune;
    QString model;
    QString source; // Finetune only
    int seed = 0;
    int trainSteps = 0;     // 0 for a base evaluation
    long long evalItems = 0; // over all targets
    // Mixture cells: the training mixture (task → share, shares sum to 1) and the targets evaluated
    // (empty: every target of the spec).
    std::vector<std::pair<QString, double>> mixture;
    QStringList targets;
    int trainExamples = 0; // Mixture cells: the mixture's size (0: the spec's train.examples)

    QString run() const { return QStringLiteral("seed_%1").arg(seed); }
    QString cellId() const { return cellIdFor(kind, model, source, seed); }
};

// Items evaluated per target under the spec (BLINK's val sizes when asked; for a task read from a
// BLINK-format folder its items of the evaluation split, eval.items at most).
int evalItemsFor(const StudySpec &spec, const QString &task);
std::vector<PlannedCell> planStudy(const StudySpec &spec);

// Relative cost of a cell in "item-equivalents": a training sample costs about three evaluation
// items (forward + backward vs forward only). Used to weight progress and the ETA.
double cellWork(const PlannedCell &cell, int batch);

} // namespace ts
