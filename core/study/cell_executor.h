#pragma once
// The runner's view of "do one cell": evaluate a base model, or finetune and evaluate. The runner
// owns ordering, resume, storage and progress; an executor owns the model work. Keeping them apart
// lets the runner's guarantees (no duplicate cells, resumable stops, failures isolated) be tested
// without training anything.

#include "store/cell_record.h"
#include "study/study_plan.h"
#include "study/study_spec.h"

#include <atomic>
#include <functional>
#include <stdexcept>

namespace ts {

struct CellRunContext {
    const StudySpec &spec;
    QString checkpointDir; // where a stopped cell keeps its training state; exists when resuming one
    QString adapterDir;    // where a finetune cell writes its adapter when the spec saves adapters
    const std::atomic<bool> *stopRequested = nullptr;
    std::function<void(const QString &phase, double done, double total)> progress;
    std::function<void(long long step, double loss, double lr, double samplesPerSecond, double wallSeconds)> metric;
};

// Thrown by an executor that honoured a stop request: the current step finished and its state is
// saved in CellRunContext::checkpointDir.
class CellStopped : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CellExecutor {
public:
    virtual ~CellExecutor() = default;
    // Returns the complete record (evaluations, curve, provenance). Throws CellStopped on a stop
    // request, any other exception on failure (e.g. a non-finite loss).
    virtual CellRecord run(const PlannedCell &cell, const CellRunContext &context) = 0;
    // How much a unit of work costs on this model relative to the others of the study (any positive scale).
    // The runner hands out the costliest model's cells first so that cheap cells fill the end of a parallel
    // run instead of one long cell running alone on an otherwise idle machine.
    virtual double relativeModelCost(const QString &model) const
    {
        Q_UNUSED(model);
        return 1.0;
    }
};

} // namespace ts
