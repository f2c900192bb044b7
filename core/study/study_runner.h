#pragma once
// Runs a study's planned cells in order, skipping the ones already stored, so `run` on a fresh
// folder and `resume` after a stop or a kill -9 are the same operation. Each completed cell is
// written atomically before the next starts; a failing cell is recorded and the study goes on.

#include "store/study_store.h"
#include "study/cell_executor.h"
#include "study/study_events.h"

#include <QStringList>
#include <atomic>

namespace ts {

enum class RunOutcome { Completed, Stopped, Failed };
QString runOutcomeName(RunOutcome outcome);

struct RunSummary {
    RunOutcome outcome = RunOutcome::Completed;
    int cellsRun = 0;
    int cellsSkipped = 0; // already complete from an earlier run
    QStringList failed;   // "cell id: message"
};

class StudyRunner {
public:
    StudyRunner(const StudyStore &store, const StudySpec &spec, CellExecutor &executor, StudyEventSink &sink,
                const std::atomic<bool> &stopRequested);

    // The spec's planned cells; or an explicit list (e.g. a data-selection experiment's cells).
    RunSummary run();
    RunSummary run(const std::vector<PlannedCell> &cells);

    QString checkpointDir(const QString &cellId) const;

private:
    void appendFailure(const QString &cellId, const QString &message) const;

    const StudyStore &m_store;
    const StudySpec &m_spec;
    CellExecutor &m_executor;
    StudyEventSink &m_sink;
    const std::atomic<bool> &m_stop;
};

} // namespace ts
