#pragma once
// What one completed unit of a study stores: the evaluation of a base model, of a model finetuned
// on one source task, or of a control run, on every target task — with per-item results, the
// training curve and the provenance of every number.

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace ts {

// Mixture: trained on a data-selection mixture of source tasks for one target (method.md §7).
enum class CellKind { Base, Finetune, Control, Mixture };

QString cellKindName(CellKind kind);
// The stable identifier of a cell, also its file name stem: "<kind>__<model>__<source>__seed<k>".
QString cellIdFor(CellKind kind, const QString &model, const QString &source, int seed);
// Throws std::invalid_argument for an unknown name (callers turn it into an InputError with context).
CellKind cellKindFromName(const QString &name);

// Per-item results of one model on one target task's evaluation split.
struct TaskEvaluation {
    QString task;                 // canonical task name
    QString split = QStringLiteral("val");
    std::vector<int32_t> items;   // item index within the split
    std::vector<uint8_t> correct; // 1 = answered correctly
    std::vector<int8_t> chosen;   // option index the model chose (-1 = unparseable answer)

    int total() const { return int(correct.size()); }
    int correctCount() const;
    double accuracy() const; // NaN when there are no items
};

// One row per logged training step (plain columns, so h5py reads them as arrays).
struct TrainCurve {
    std::vector<int32_t> step;
    std::vector<float> loss;
    std::vector<float> learningRate;
    std::vector<float> samplesPerSecond;
    std::vector<double> wallSeconds; // since the cell started

    int size() const { return int(step.size()); }
};

struct Provenance {
    QString programVersion;
    QString device;          // "cpu" or "cuda:0"
    QString modelHash;       // hash of the base checkpoint's weights
    QString checkpointHash;  // hash of the finetuned weights (empty for a base evaluation)
    QDateTime started;
    QDateTime finished;
    QJsonObject hyperParameters; // everything that shaped the run (steps, lr, LoRA, data size, …)
};

struct CellRecord {
    CellKind kind = CellKind::Finetune;
    QString model;  // model name as the study spec gives it
    QString source; // source task (Finetune), or "<strategy>:<target>" (Mixture, e.g. "pgf:Jigsaw")
    int seed = 0;
    QString run;    // run name ("initial", "seed_0", … or "seed_<n>")
    Provenance provenance;
    std::vector<TaskEvaluation> evals;
    TrainCurve curve;

    QString cellId() const { return cellIdFor(kind, model, source, seed); }
    const TaskEvaluation *evalFor(const QString &task) const;
};

} // namespace ts
