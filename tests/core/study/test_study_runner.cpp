// The runner's guarantees, with an executor that "trains" by folding step numbers into a state:
// completed cells are never redone, a stop keeps the cell's state and resume continues it exactly,
// failures are isolated and retried, and the JSON progress protocol describes all of it.

#include "study/progress_sinks.h"
#include "study/study_parallelism.h"
#include "study/study_runner.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ts;

namespace {

const QStringList kPresets{QStringLiteral("suite-tiny"), QStringLiteral("suite-small")};

StudySpec smallSpec()
{
    const QJsonObject json = QJsonDocument::fromJson(R"({"models": ["suite-tiny", "suite-small"], "seeds": [0, 1],
        "tasks": {"VS": "both", "CO": "both"}, "train": {"steps": 6, "batch": 2, "warmup_steps": 1}, "eval": {"items": 16}})")
                                 .object();
    return parseStudySpec(json, SpecContext{QStringLiteral("spec.json"), kPresets});
}

class FoldingExecutor : public CellExecutor {
public:
    QString stopAtCell; // request a stop (like Ctrl-C) when this cell reaches stopAtStep
    int stopAtStep = 0;
    QString failCell;
    QString costlyModel; // relativeModelCost: 10 for this model, 1 for the others
    std::atomic<bool> *stopFlag = nullptr;
    QStringList cellsRun;
    int stepsExecuted = 0;
    // Parallel tests: the first cell of each executor waits (up to 10 s) until `peers` executors have
    // started one, which proves that cells really run side by side.
    std::atomic<int> *started = nullptr;
    int peers = 0;

    CellRecord run(const PlannedCell &cell, const CellRunContext &ctx) override
    {
        if (started && cellsRun.isEmpty()) {
            ++*started;
            QDeadlineTimer deadline(10000);
            while (started->load() < peers && !deadline.hasExpired())
                QThread::msleep(1);
        }
        cellsRun << cell.cellId();
        CellRecord r;
        r.kind = cell.kind;
        r.model = cell.model;
        r.source = cell.source;
        r.seed = cell.seed;
        r.run = cell.run();
        quint64 state = qHash(cell.cellId());
        int firstStep = 1;
        QFile saved(QDir(ctx.checkpointDir).filePath(QStringLiteral("state")));
        if (saved.open(QIODevice::ReadOnly)) { // resuming a stopped cell
            const QList<QByteArray> parts = saved.readAll().split(' ');
            firstStep = parts[0].toInt() + 1;
            state = parts[1].toULongLong();
            for (int s = 1; s < firstStep; ++s)
                appendCurve(r, s);
        }
        for (int step = firstStep; step <= cell.trainSteps; ++step) {
            if (cell.cellId() == failCell && step == 3)
                throw std::runtime_error("non-finite loss at step 3");
            state = state * 6364136223846793005ULL + quint64(step);
            ++stepsExecuted;
            appendCurve(r, step);
            ctx.metric(step, 1.0 / step, 1e-3, 100.0, 0.1 * step);
            ctx.progress(QStringLiteral("train"), step, cell.trainSteps);
            if (cell.cellId() == stopAtCell && step == stopAtStep)
                stopFlag->store(true);
            if (ctx.stopRequested->load() && step < cell.trainSteps) {
                QDir().mkpath(ctx.checkpointDir);
                QFile out(QDir(ctx.checkpointDir).filePath(QStringLiteral("state")));
                out.open(QIODevice::WriteOnly);
                out.write(QByteArray::number(step) + ' ' + QByteArray::number(state));
                throw CellStopped("stopped at step " + std::to_string(step));
            }
        }
        for (const QString &target : ctx.spec.targetTasks()) {
            TaskEvaluation e;
            e.task = target;
            for (int i = 0; i < 16; ++i) {
                e.items.push_back(i);
                e.correct.push_back(uint8_t((state >> (i % 60)) & 1));
                e.chosen.push_back(int8_t(i % 2));
            }
            r.evals.push_back(e);
        }
        return r;
    }

    double relativeModelCost(const QString &model) const override { return model == costlyModel ? 10.0 : 1.0; }

private:
    static void appendCurve(CellRecord &r, int step)
    {
        r.curve.step.push_back(step);
        r.curve.loss.push_back(1.0f / float(step));
        r.curve.learningRate.push_back(1e-3f);
        r.curve.samplesPerSecond.push_back(100.0f);
        r.curve.wallSeconds.push_back(0.1 * step);
    }
};

class NullSink : public StudyEventSink {
public:
    QList<StudyEvent> events;
    void handle(const StudyEvent &e) override { events << e; }
};

std::map<QString, std::vector<uint8_t>> results(const StudyStore &store)
{
    std::map<QString, std::vector<uint8_t>> out;
    for (const CellRecord &c : store.load().cells) {
        for (const TaskEvaluation &e : c.evals)
            out[c.cellId() + QLatin1Char('/') + e.task] = e.correct;
    }
    return out;
}

// Per-item results of the spec run start to finish by one executor.
std::map<QString, std::vector<uint8_t>> uninterruptedResults(const StudySpec &spec)
{
    QTemporaryDir dir;
    StudyStore store = StudyStore::create(dir.path(), spec.toJson());
    FoldingExecutor executor;
    NullSink sink;
    std::atomic<bool> stop{false};
    StudyRunner(store, spec, executor, sink, stop).run();
    return results(store);
}

} // namespace

class TestStudyRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsEveryPlannedCellOnce()
    {
        QTemporaryDir dir;
        const StudySpec spec = smallSpec();
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        FoldingExecutor exec;
        NullSink sink;
        std::atomic<bool> stop{false};
        const RunSummary s = StudyRunner(store, spec, exec, sink, stop).run();
        QCOMPARE(s.outcome, RunOutcome::Completed);
        const int planned = int(planStudy(spec).size()); // 2 models × (1 base + 2 seeds × (control + 2 sources)) = 14
        QCOMPARE(planned, 14);
        QCOMPARE(s.cellsRun, planned);
        QCOMPARE(store.completedCellIds().size(), planned);

        // Running again does nothing: completed cells are never redone.
        FoldingExecutor again;
        const RunSummary s2 = StudyRunner(store, spec, again, sink, stop).run();
        QCOMPARE(s2.cellsRun, 0);
        QCOMPARE(s2.cellsSkipped, planned);
        QVERIFY(again.cellsRun.isEmpty());
    }

    void stopKeepsStateAndResumeMatchesAnUninterruptedRun()
    {
        const StudySpec spec = smallSpec();
        QTemporaryDir refDir;
        StudyStore reference = StudyStore::create(refDir.path(), spec.toJson());
        FoldingExecutor refExec;
        NullSink sink;
        std::atomic<bool> noStop{false};
        StudyRunner(reference, spec, refExec, sink, noStop).run();

        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        std::atomic<bool> stop{false};
        FoldingExecutor first;
        const QString stoppedCell = QStringLiteral("finetune__suite-tiny__Counting__seed1");
        first.stopAtCell = stoppedCell;
        first.stopAtStep = 4;
        first.stopFlag = &stop;
        const RunSummary s1 = StudyRunner(store, spec, first, sink, stop).run();
        QCOMPARE(s1.outcome, RunOutcome::Stopped);
        QVERIFY(!store.hasCell(stoppedCell));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("checkpoints/") + stoppedCell + QStringLiteral("/state"))));
        const int doneBeforeStop = int(store.completedCellIds().size());
        QCOMPARE(doneBeforeStop, 5); // base, control, CO, VS of seed 0, control of seed 1

        std::atomic<bool> stop2{false};
        FoldingExecutor second;
        const RunSummary s2 = StudyRunner(store, spec, second, sink, stop2).run();
        QCOMPARE(s2.outcome, RunOutcome::Completed);
        QCOMPARE(s2.cellsSkipped, doneBeforeStop);
        QCOMPARE(second.cellsRun.first(), stoppedCell); // resume starts at the first incomplete cell
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("checkpoints/") + stoppedCell)));
        // The stopped cell continued at step 5 instead of starting over, and its curve has every step once.
        const CellRecord resumed = [&] {
            for (const CellRecord &c : store.load().cells)
                if (c.cellId() == stoppedCell)
                    return c;
            return CellRecord{};
        }();
        QCOMPARE(resumed.curve.step, (std::vector<int32_t>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(first.stepsExecuted + second.stepsExecuted, refExec.stepsExecuted);
        QCOMPARE(results(store), results(reference));
    }

    void failingCellIsRecordedAndRetriedOnResume()
    {
        QTemporaryDir dir;
        const StudySpec spec = smallSpec();
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        FoldingExecutor exec;
        exec.failCell = QStringLiteral("finetune__suite-small__Counting__seed0");
        NullSink sink;
        std::atomic<bool> stop{false};
        const RunSummary s = StudyRunner(store, spec, exec, sink, stop).run();
        QCOMPARE(s.outcome, RunOutcome::Failed);
        QCOMPARE(s.failed.size(), 1);
        QVERIFY(s.failed[0].contains(QStringLiteral("non-finite loss")));
        QCOMPARE(s.cellsRun, 13); // every other cell still ran
        QFile log(dir.filePath(QStringLiteral("failures.jsonl")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("finetune__suite-small__Counting__seed0"));

        FoldingExecutor retry;
        const RunSummary s2 = StudyRunner(store, spec, retry, sink, stop).run();
        QCOMPARE(s2.outcome, RunOutcome::Completed);
        QCOMPARE(retry.cellsRun, QStringList{exec.failCell});
    }

    void trackerWeighsCellsAndPhasesByCost()
    {
        const StudySpec spec = smallSpec();
        double t = 0;
        StudyProgressTracker tracker(spec, [&] { return t; });
        const auto cells = planStudy(spec);
        double total = 0;
        for (const auto &c : cells)
            total += cellWork(c, spec.train.batch);
        QCOMPARE(tracker.study().total(), total);

        StudyEvent e;
        e.type = StudyEvent::Type::StudyStarted;
        e.cellCount = int(cells.size());
        tracker.observe(e);
        e = StudyEvent{};
        e.type = StudyEvent::Type::CellStarted;
        e.cellId = cells[1].cellId(); // a control cell: 6 steps × batch 2 × 3 + 32 eval items = 68
        tracker.observe(e);
        t = 10;
        e = StudyEvent{};
        e.type = StudyEvent::Type::CellProgress;
        e.cellId = cells[1].cellId();
        e.phase = QStringLiteral("train");
        e.done = 3;
        e.total = 6;
        tracker.observe(e);
        QCOMPARE(tracker.cell()->done(), 18.0); // half of the 36 training units
        QCOMPARE(tracker.study().done(), 18.0);
        QVERIFY(e.etaSeconds > 0);
        QCOMPARE(e.etaSeconds, 10.0 / 18.0 * (total - 18.0));
        e.phase = QStringLiteral("eval");
        e.done = 16;
        e.total = 32;
        tracker.observe(e);
        QCOMPARE(tracker.cell()->done(), 36.0 + 16.0);
    }

    void parallelWorkersRunEveryCellOnceWithTheSameResults()
    {
        const StudySpec spec = smallSpec();
        const auto reference = uninterruptedResults(spec);
        NullSink sink;
        std::atomic<bool> stop{false};

        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        FoldingExecutor a, b, c;
        std::atomic<int> started{0};
        for (FoldingExecutor *e : {&a, &b, &c}) {
            e->started = &started;
            e->peers = 3;
        }
        NullSink parallelSink;
        const RunSummary s = StudyRunner(store, spec, {&a, &b, &c}, parallelSink, stop).run();
        QCOMPARE(s.outcome, RunOutcome::Completed);
        QCOMPARE(s.cellsRun, 14);
        QStringList all = a.cellsRun + b.cellsRun + c.cellsRun;
        QCOMPARE(all.size(), 14);
        all.removeDuplicates();
        QCOMPARE(all.size(), 14); // no cell ran twice
        QCOMPARE(started.load(), 3); // all three workers had a cell at the same time
        QCOMPARE(results(store), reference);
        int startedEvents = 0, finished = 0;
        for (const StudyEvent &e : parallelSink.events) {
            startedEvents += e.type == StudyEvent::Type::CellStarted;
            finished += e.type == StudyEvent::Type::CellFinished;
        }
        QCOMPARE(startedEvents, 14);
        QCOMPARE(finished, 14);
        QCOMPARE(parallelSink.events.last().type, StudyEvent::Type::StudyFinished);
    }

    void parallelWorkersTakeTheCostliestModelFirst()
    {
        // The plan lists suite-tiny first; suite-small is the costlier model, so its cells go out first
        // (base cell leading), and the cheap cells fill the end of the run. Start events are published as
        // cells are handed out, so their order is the dispatch order. Results do not depend on the order.
        const StudySpec spec = smallSpec();
        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        FoldingExecutor a, b;
        a.costlyModel = b.costlyModel = QStringLiteral("suite-small");
        NullSink sink;
        std::atomic<bool> stop{false};
        QCOMPARE(StudyRunner(store, spec, {&a, &b}, sink, stop).run().outcome, RunOutcome::Completed);
        QStringList startOrder;
        for (const StudyEvent &e : sink.events)
            if (e.type == StudyEvent::Type::CellStarted)
                startOrder << e.cellId;
        QCOMPARE(startOrder.size(), 14);
        QVERIFY2(startOrder.first().startsWith(QStringLiteral("base__suite-small")), qPrintable(startOrder.first()));
        for (int i = 0; i < 7; ++i)
            QVERIFY2(startOrder[i].contains(QStringLiteral("suite-small")), qPrintable(startOrder.join(QLatin1Char(' '))));
        QCOMPARE(results(store), uninterruptedResults(spec));
    }

    void parallelStopThenResumeMatchesAnUninterruptedRun()
    {
        const StudySpec spec = smallSpec();
        const auto reference = uninterruptedResults(spec);
        NullSink sink;

        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        std::atomic<bool> stop{false};
        FoldingExecutor a, b;
        a.stopAtCell = b.stopAtCell = QStringLiteral("finetune__suite-tiny__Counting__seed1");
        a.stopAtStep = b.stopAtStep = 4;
        a.stopFlag = b.stopFlag = &stop;
        const RunSummary s1 = StudyRunner(store, spec, {&a, &b}, sink, stop).run();
        QCOMPARE(s1.outcome, RunOutcome::Stopped);
        QVERIFY(store.completedCellIds().size() < 14);

        std::atomic<bool> stop2{false};
        FoldingExecutor c, d;
        const RunSummary s2 = StudyRunner(store, spec, {&c, &d}, sink, stop2).run();
        QCOMPARE(s2.outcome, RunOutcome::Completed);
        QCOMPARE(int(store.completedCellIds().size()), 14);
        QCOMPARE(results(store), reference); // stopped cells continued exactly where they stopped
    }

    void trackerAddsUpCellsRunningSideBySide()
    {
        const StudySpec spec = smallSpec();
        double t = 0;
        StudyProgressTracker tracker(spec, [&] { return t; });
        const auto cells = planStudy(spec);
        auto event = [&](StudyEvent::Type type, int cell, const QString &phase = {}, double done = 0, double total = 0) {
            StudyEvent e;
            e.type = type;
            e.cellId = cells[size_t(cell)].cellId();
            e.phase = phase;
            e.done = done;
            e.total = total;
            tracker.observe(e);
        };
        event(StudyEvent::Type::CellStarted, 1); // two control cells of 68 units (36 of them training)
        event(StudyEvent::Type::CellStarted, 4);
        event(StudyEvent::Type::CellProgress, 1, QStringLiteral("train"), 3, 6);
        event(StudyEvent::Type::CellProgress, 4, QStringLiteral("train"), 6, 6);
        QCOMPARE(tracker.study().done(), 18.0 + 36.0);
        QCOMPARE(tracker.currentCell(), cells[4].cellId());
        QCOMPARE(tracker.cell()->done(), 36.0);
        event(StudyEvent::Type::CellFinished, 1);
        QCOMPARE(tracker.study().done(), 68.0 + 36.0); // the finished cell counts whole, the other as far as it got
        QCOMPARE(tracker.cellsDone(), 1);
        event(StudyEvent::Type::CellStopped, 4);
        QCOMPARE(tracker.study().done(), 68.0);
    }

    void parallelismFollowsTheMachineAndTheModels()
    {
        StudySpec spec = smallSpec();
        QCOMPARE(studyParallelism(spec, 2, false).workers, 2); // presets on a CPU: one single-threaded cell per core
        QCOMPARE(studyParallelism(spec, 2, false).threadsPerWorker, 1);
        QCOMPARE(studyParallelism(spec, 64, false).workers, 8);
        QCOMPARE(studyParallelism(spec, 16, true).workers, 1); // CUDA: one cell at a time
        spec.threads = 4;
        QCOMPARE(studyParallelism(spec, 16, false).workers, 4);
        spec.threads = 0;
        spec.workers = 3;
        QCOMPARE(studyParallelism(spec, 12, false).workers, 3);
        QCOMPARE(studyParallelism(spec, 12, false).threadsPerWorker, 1); // presets never get intra-op threads unasked
        spec.models.push_back(ModelEntry{QStringLiteral("smol"), {}, QStringLiteral("/models/smolvlm"), {}});
        QCOMPARE(studyParallelism(spec, 12, false).threadsPerWorker, 4); // a real checkpoint shares the cores
        spec.workers = 0;
        QCOMPARE(studyParallelism(spec, 16, false).workers, 1); // by default one cell with every core
        QCOMPARE(studyParallelism(spec, 16, false).threadsPerWorker, 16);
    }

    void jsonProgressDescribesTheRun()
    {
        QTemporaryDir dir;
        const StudySpec spec = smallSpec();
        StudyStore store = StudyStore::create(dir.path(), spec.toJson());
        FoldingExecutor exec;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        FILE *f = std::fopen(path.toLocal8Bit().constData(), "w");
        QVERIFY(f);
        JsonLinesProgressSink sink(spec, planStudy(spec), f);
        std::atomic<bool> stop{false};
        StudyRunner(store, spec, exec, sink, stop).run();
        std::fclose(f);

        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QStringList types;
        int metrics = 0;
        bool sawEta = false;
        QJsonObject last;
        for (const QByteArray &line : in.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            types << o.value(QStringLiteral("event")).toString();
            metrics += o.value(QStringLiteral("event")).toString() == QLatin1String("metric");
            sawEta = sawEta || o.contains(QStringLiteral("eta_seconds"));
            last = o;
        }
        QCOMPARE(types.first(), QStringLiteral("study_started"));
        QCOMPARE(types.count(QStringLiteral("cell_started")), 14);
        QCOMPARE(types.count(QStringLiteral("cell_finished")), 14);
        QCOMPARE(metrics, 12 * 6); // 12 trained cells (controls + finetunes) × 6 steps
        QCOMPARE(last.value(QStringLiteral("event")).toString(), QStringLiteral("study_finished"));
        QCOMPARE(last.value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
        Q_UNUSED(sawEta); // the fake run is too fast for an honest ETA; the tracker's own test covers it
    }
};

QTEST_GUILESS_MAIN(TestStudyRunner)
#include "test_study_runner.moc"
