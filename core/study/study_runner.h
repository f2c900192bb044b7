#pragma once
// Runs a study's planned cells in order, skipping the ones already stored, so `run` on a fresh
// folder and `resume` after a stop or a kill -9 are the same operation. Each completed cell is
// written atomically as soon as it ends; a failing cell is recorded and the study goes on.
// With several executors, one worker thread per executor takes the next pending cell: the tiny
// presets cannot use two cores inside one cell, but two cells side by side use both.

#include "store/study_store.h"
#include "study/cell_executor.h"
#include "study/study_events.h"

#include <QStringList>
#include <atomic>
#include <mutex>
#include <vector>

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
    // One worker per executor (each executor is used by one thread only).
    StudyRunner(const StudyStore &store, const StudySpec &spec, std::vector<CellExecutor *> executors, StudyEventSink &sink,
                const std::atomic<bool> &stopRequested);

    // The spec's planned cells; or an explicit list (e.g. a data-selection experiment's cells).
    RunSummary run();
    RunSummary run(const std::vector<PlannedCell> &cells);

    QString checkpointDir(const QString &cellId) const;

private:
    struct Queue;
    void work(CellExecutor &executor, Queue &queue, RunSummary &summary);
    void runCell(CellExecutor &executor, const PlannedCell &cell, RunSummary &summary);
    void publish(StudyEvent event);
    void appendFailure(const QString &cellId, const QString &message) const;

    const StudyStore &m_store;
    const StudySpec &m_spec;
    std::vector<CellExecutor *> m_executors;
    StudyEventSink &m_sink;
    const std::atomic<bool> &m_stop;
    std::mutex m_mutex; // the sink, the store (HDF5 is not thread-safe here), the summary
};

} // namespace ts
