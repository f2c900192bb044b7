#include "study/study_runner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <thread>

namespace ts {

namespace {

StudyEvent cellEvent(StudyEvent::Type type, const QString &cellId)
{
    StudyEvent e;
    e.type = type;
    e.cellId = cellId;
    return e;
}

} // namespace

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Completed: return QStringLiteral("completed");
    case RunOutcome::Stopped: return QStringLiteral("stopped");
    case RunOutcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

StudyRunner::StudyRunner(const StudyStore &store, const StudySpec &spec, CellExecutor &executor, StudyEventSink &sink,
                         const std::atomic<bool> &stopRequested)
    : StudyRunner(store, spec, std::vector<CellExecutor *>{&executor}, sink, stopRequested)
{
}

StudyRunner::StudyRunner(const StudyStore &store, const StudySpec &spec, std::vector<CellExecutor *> executors, StudyEventSink &sink,
                         const std::atomic<bool> &stopRequested)
    : m_store(store), m_spec(spec), m_executors(std::move(executors)), m_sink(sink), m_stop(stopRequested)
{
    if (m_executors.empty())
        throw std::invalid_argument("a study runner needs at least one executor");
}

QString StudyRunner::checkpointDir(const QString &cellId) const
{
    return QDir(m_store.dir()).filePath(QStringLiteral("checkpoints/") + cellId);
}

void StudyRunner::appendFailure(const QString &cellId, const QString &message) const
{
    // An append-only log: failures of earlier attempts stay visible after a successful retry.
    QFile log(QDir(m_store.dir()).filePath(QStringLiteral("failures.jsonl")));
    if (log.open(QIODevice::Append | QIODevice::Text)) {
        const QJsonObject entry{{QStringLiteral("cell"), cellId}, {QStringLiteral("message"), message},
                                {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        log.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
    }
}

RunSummary StudyRunner::run()
{
    return run(planStudy(m_spec));
}

// The pending cells in plan order; workers take the next one under the runner's lock.
struct StudyRunner::Queue {
    const std::vector<PlannedCell> &cells;
    std::vector<int> pending; // indices into cells
    size_t next = 0;
};

void StudyRunner::publish(StudyEvent event)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_sink.handle(event);
}

RunSummary StudyRunner::run(const std::vector<PlannedCell> &cells)
{
    RunSummary summary;
    Queue queue{cells, {}, 0};
    for (int i = 0; i < int(cells.size()); ++i) {
        if (m_store.hasCell(cells[size_t(i)].cellId()))
            ++summary.cellsSkipped; // completed cells are never redone
        else
            queue.pending.push_back(i);
    }
    // Costliest model first, plan order within a model (its base cell first, so its matrix row fills early).
    // With one worker the order changes nothing, so it stays the plan's.
    if (m_executors.size() > 1) {
        std::map<QString, double> cost;
        for (const PlannedCell &c : cells)
            cost.emplace(c.model, m_executors.front()->relativeModelCost(c.model));
        std::stable_sort(queue.pending.begin(), queue.pending.end(),
                         [&](int a, int b) { return cost[cells[size_t(a)].model] > cost[cells[size_t(b)].model]; });
    }

    StudyEvent started;
    started.type = StudyEvent::Type::StudyStarted;
    started.cellCount = int(cells.size());
    started.cellsDone = summary.cellsSkipped;
    publish(started);

    const size_t workers = std::min(m_executors.size(), std::max<size_t>(1, queue.pending.size()));
    if (workers <= 1) {
        work(*m_executors.front(), queue, summary);
    } else {
        std::vector<std::thread> threads;
        for (size_t w = 0; w < workers; ++w)
            threads.emplace_back([this, w, &queue, &summary] { work(*m_executors[w], queue, summary); });
        for (std::thread &t : threads)
            t.join();
    }

    if (summary.outcome != RunOutcome::Stopped && !summary.failed.isEmpty())
        summary.outcome = RunOutcome::Failed;
    StudyEvent finished;
    finished.type = StudyEvent::Type::StudyFinished;
    finished.outcome = runOutcomeName(summary.outcome);
    finished.message = summary.outcome == RunOutcome::Stopped
        ? QStringLiteral("stopped; resume with: transferscope-cli study resume %1").arg(m_store.dir())
        : QStringLiteral("%1 cell(s) run, %2 already complete, %3 failed").arg(summary.cellsRun).arg(summary.cellsSkipped).arg(summary.failed.size());
    publish(finished);
    return summary;
}

void StudyRunner::work(CellExecutor &executor, Queue &queue, RunSummary &summary)
{
    for (;;) {
        int index = -1;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stop.load()) {
                if (queue.next < queue.pending.size())
                    summary.outcome = RunOutcome::Stopped;
                return;
            }
            if (queue.next >= queue.pending.size())
                return;
            index = queue.pending[queue.next++];
            // Announced under the lock that hands the cell out, so start events arrive in dispatch order
            // even when two workers take cells at the same moment.
            StudyEvent started = cellEvent(StudyEvent::Type::CellStarted, queue.cells[size_t(index)].cellId());
            started.cellIndex = index;
            started.cellCount = int(queue.cells.size());
            m_sink.handle(started);
        }
        runCell(executor, queue.cells[size_t(index)], summary);
    }
}

void StudyRunner::runCell(CellExecutor &executor, const PlannedCell &cell, RunSummary &summary)
{
    const QString id = cell.cellId();

    CellRunContext context{m_spec, checkpointDir(id), QDir(m_store.dir()).filePath(QStringLiteral("adapters/") + id), &m_stop, {}, {}};
    context.progress = [&](const QString &phase, double d, double t) {
        StudyEvent e = cellEvent(StudyEvent::Type::CellProgress, id);
        e.phase = phase;
        e.done = d;
        e.total = t;
        publish(e);
    };
    context.metric = [&](long long step, double loss, double lr, double sps, double wall) {
        StudyEvent e = cellEvent(StudyEvent::Type::Metric, id);
        e.step = step;
        e.loss = loss;
        e.lr = lr;
        e.samplesPerSecond = sps;
        e.wallSeconds = wall;
        publish(e);
    };

    try {
        CellRecord record = executor.run(cell, context);
        StudyEvent finished = cellEvent(StudyEvent::Type::CellFinished, id);
        for (const TaskEvaluation &e : record.evals)
            finished.accuracies.insert(e.task, e.accuracy());
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_store.writeCell(record);
            QDir(checkpointDir(id)).removeRecursively();
            ++summary.cellsRun;
            m_sink.handle(finished);
        }
    } catch (const CellStopped &stopped) {
        StudyEvent e = cellEvent(StudyEvent::Type::CellStopped, id);
        e.message = QString::fromStdString(stopped.what());
        std::lock_guard<std::mutex> lock(m_mutex);
        summary.outcome = RunOutcome::Stopped;
        m_sink.handle(e);
    } catch (const std::exception &error) {
        const QString message = QString::fromStdString(error.what());
        StudyEvent e = cellEvent(StudyEvent::Type::CellFailed, id);
        e.message = message;
        std::lock_guard<std::mutex> lock(m_mutex);
        appendFailure(id, message);
        summary.failed << id + QStringLiteral(": ") + message;
        m_sink.handle(e);
    }
}

} // namespace ts
