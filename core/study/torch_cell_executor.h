#pragma once
// The real executor: loads a base model, finetunes it on a suite task with the VLM core, and
// evaluates it on every target. Keeps per model what is the same for every cell of that model
// (the base weights' location and hash, and — with a frozen vision tower — the ViT features of the
// evaluation images), and per study the evaluation sets. The workers of one study share both
// (makeWorkers): every cell of a model starts from the same frozen tower, so a model's evaluation
// images pass through its ViT once per study, not once per worker. libtorch stays behind the pimpl, so
// this header costs nothing to include.

#include "study/cell_executor.h"

#include <memory>
#include <vector>

namespace ts {

class TorchCellExecutor : public CellExecutor {
public:
    // threadsPerWorker: libtorch threads of the thread that calls run() (0: libtorch's default). Several
    // executors may run cells on several threads at once; each executor is used by one thread.
    TorchCellExecutor(const StudySpec &spec, QString programVersion, int threadsPerWorker = 0);
    ~TorchCellExecutor() override;
    // `count` executors for the workers of one study, sharing evaluation sets and ViT feature caches.
    static std::vector<std::unique_ptr<TorchCellExecutor>> makeWorkers(const StudySpec &spec, const QString &programVersion,
                                                                       int count, int threadsPerWorker);

    CellRecord run(const PlannedCell &cell, const CellRunContext &context) override;
    // The model's parameter count (from its config alone): cost per token grows with it.
    double relativeModelCost(const QString &model) const override;
    QString deviceName() const;

    // Where a preset's shipped base model lives (resources/models/<preset>); empty when absent.
    static QString pretrainedBaseFolder(const QString &preset);
    // Problems that would stop the study before it starts (missing base models, tokenizer, CUDA
    // asked for but absent), one line each.
    static QStringList preflight(const StudySpec &spec);

private:
    struct Shared;
    TorchCellExecutor(const StudySpec &spec, QString programVersion, int threadsPerWorker, std::shared_ptr<Shared> shared);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ts
