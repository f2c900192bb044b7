#include "study/study_runner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace ts {

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
    : m_store(store), m_spec(spec), m_executor(executor), m_sink(sink), m_stop(stopRequested)
{
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

RunSummary StudyRunner::run(const std::vector<PlannedCell> &cells)
{
    RunSummary summary;
    int done = 0;
    for (const PlannedCell &c : cells)
        done += m_store.hasCell(c.cellId()) ? 1 : 0;

    StudyEvent started;
    started.type = StudyEvent::Type::StudyStarted;
    started.cellCount = int(cells.size());
    started.cellsDone = done;
    m_sink.handle(started);

    for (int i = 0; i < int(cells.size()); ++i) {
        const PlannedCell &cell = cells[size_t(i)];
        const QString id = cell.cellId();
        if (m_store.hasCell(id)) {
            ++summary.cellsSkipped;
            continue; // completed cells are never redone
        }
        if (m_stop.load()) {
            summary.outcome = RunOutcome::Stopped;
            break;
        }
        StudyEvent cellStarted;
        cellStarted.type = StudyEvent::Type::CellStarted;
        cellStarted.cellId = id;
        cellStarted.cellIndex = i;
        cellStarted.cellCount = int(cells.size());
        m_sink.handle(cellStarted);

        CellRunContext context{m_spec, checkpointDir(id), &m_stop, {}, {}};
        context.progress = [&](const QString &phase, double d, double t) {
            StudyEvent e;
            e.type = StudyEvent::Type::CellProgress;
            e.cellId = id;
            e.phase = phase;
            e.done = d;
            e.total = t;
            m_sink.handle(e);
        };
        context.metric = [&](long long step, double loss, double lr, double sps, double wall) {
            StudyEvent e;
            e.type = StudyEvent::Type::Metric;
            e.cellId = id;
            e.step = step;
            e.loss = loss;
            e.lr = lr;
            e.samplesPerSecond = sps;
            e.wallSeconds = wall;
            m_sink.handle(e);
        };

        try {
            CellRecord record = m_executor.run(cell, context);
            m_store.writeCell(record);
            QDir(checkpointDir(id)).removeRecursively();
            ++summary.cellsRun;
            StudyEvent finished;
            finished.type = StudyEvent::Type::CellFinished;
            finished.cellId = id;
            for (const TaskEvaluation &e : record.evals)
                finished.accuracies.insert(e.task, e.accuracy());
            m_sink.handle(finished);
        } catch (const CellStopped &stopped) {
            StudyEvent e;
            e.type = StudyEvent::Type::CellStopped;
            e.cellId = id;
            e.message = QString::fromStdString(stopped.what());
            m_sink.handle(e);
            summary.outcome = RunOutcome::Stopped;
            break;
        } catch (const std::exception &error) {
            const QString message = QString::fromStdString(error.what());
            appendFailure(id, message);
            summary.failed << id + QStringLiteral(": ") + message;
            StudyEvent e;
            e.type = StudyEvent::Type::CellFailed;
            e.cellId = id;
            e.message = message;
            m_sink.handle(e);
        }
    }

    if (summary.outcome != RunOutcome::Stopped && !summary.failed.isEmpty())
        summary.outcome = RunOutcome::Failed;
    StudyEvent finished;
    finished.type = StudyEvent::Type::StudyFinished;
    finished.outcome = runOutcomeName(summary.outcome);
    finished.message = summary.outcome == RunOutcome::Stopped
        ? QStringLiteral("stopped; resume with: transferscope-cli study resume %1").arg(m_store.dir())
        : QStringLiteral("%1 cell(s) run, %2 already complete, %3 failed").arg(summary.cellsRun).arg(summary.cellsSkipped).arg(summary.failed.size());
    m_sink.handle(finished);
    return summary;
}

} // namespace ts
