// The run monitor with the real transferscope-cli on micro studies (random-weight tiny model):
// cells complete and the matrix fills; Stop and keep ends resumable and Resume completes it; a
// killed training process is reported as a crash with the resume path; a fresh monitor attaches
// to the finished folder and shows the stored curves, and to a run started from the CLI, which it
// follows through the progress log (running cells, live curves) until the process ends.

#include "store/study_store.h"
#include "ui/panels/data_selection_panel.h"
#include "ui/panels/run_monitor_panel.h"
#include "ui/run/cell_grid_model.h"
#include "ui/run/curve_plot.h"
#include "ui/study/study_document.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <functional>
#include <QThread>
#include <memory>

using namespace ts;
using namespace ts::ui;

Q_DECLARE_METATYPE(ts::ui::StudyProcess::Outcome)

namespace {

QString writeSpec(const QString &dir, int steps)
{
    const QString path = dir + QStringLiteral("/spec.json");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral(R"({"name": "micro", "models": [{"preset": "suite-tiny", "weights": "random"}],
      "tasks": {"CO": "both", "JS": "both"}, "seeds": [0], "control": false, "threads": 1,
      "train": {"steps": %1, "batch": 4, "examples": 32, "warmup_steps": 2}, "eval": {"items": 40, "batch": 20}})")
                .arg(steps)
                .toUtf8());
    return path;
}

StudyProcess::Outcome waitFinished(RunMonitorPanel &panel, QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(60000))
        return StudyProcess::Outcome::Error;
    Q_UNUSED(panel);
    return spy.takeFirst().at(0).value<StudyProcess::Outcome>();
}

// Calls `action` once the first training step of a finetune cell has been reported.
void onFirstFinetuneStep(RunMonitorPanel &panel, std::function<void()> action)
{
    auto fired = std::make_shared<bool>(false);
    QObject::connect(panel.process(), &StudyProcess::studyEvent, &panel, [fired, action](const StudyEvent &e) {
        if (!*fired && e.type == StudyEvent::Type::Metric && e.step >= 2) {
            *fired = true;
            action();
        }
    });
}

} // namespace

class TestRunMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runCompletesAndMatrixFills();
    void stopAndKeepThenResume();
    void killedProcessIsReportedAndResumes();
    void attachFollowsARunStartedFromTheCli();

private:
    QTemporaryDir m_tmp;
};

void TestRunMonitor::initTestCase()
{
    qRegisterMetaType<StudyProcess::Outcome>();
    qputenv("TRANSFERSCOPE_CLI", TRANSFERSCOPE_CLI);
    qputenv("OMP_NUM_THREADS", "1");
    QVERIFY(m_tmp.isValid());
}

void TestRunMonitor::runCompletesAndMatrixFills()
{
    RunMonitorPanel panel;
    panel.show(); // a hidden plot defers its replots until shown
    StudyDocument document;
    int reloads = 0;
    connect(&panel, &RunMonitorPanel::cellsCompleted, &document, [&](const QString &dir) {
        try {
            document.open(dir);
            ++reloads;
        } catch (const std::exception &) {
            // Only the base cell stored: no finetuned accuracy yet, nothing to show.
        }
    });
    QSignalSpy finished(&panel, &RunMonitorPanel::runFinished);
    const QString dir = m_tmp.filePath(QStringLiteral("complete"));
    QVERIFY(panel.runStudy(writeSpec(m_tmp.path(), 12), dir));
    QCOMPARE(panel.cellModel()->rowCount(), 3); // base + two finetunes
    QCOMPARE(waitFinished(panel, finished), StudyProcess::Outcome::Completed);
    QCOMPARE(panel.cellModel()->count(CellState::Done), 3);
    const CellCurve *curve = panel.curves().curve(QStringLiteral("finetune__suite-tiny__Counting__seed0"));
    QVERIFY(curve);
    QCOMPARE(curve->size(), 12);
    QVERIFY(std::isfinite(curve->meanAccuracy));
    QTRY_VERIFY(panel.curvePlot()->replotCount() > 0);
    // The exploration views' document filled in from the study folder as cells completed.
    QVERIFY(reloads >= 1);
    QCOMPARE(document.modelCount(), 1);
    const TransferMatrix &m = document.current()->matrix();
    QCOMPARE(m.taskCount(), 2);
    QVERIFY(std::isfinite(m.mean(0, 1)));
    QVERIFY(document.current()->hasAccuracies);

    // A second monitor attaches to the finished folder and shows what the store holds.
    RunMonitorPanel attached;
    QVERIFY(attached.attach(dir));
    QVERIFY2(attached.cellModel()->count(CellState::Done) == 3, qPrintable(attached.message()));
    QCOMPARE(attached.curves().curve(QStringLiteral("finetune__suite-tiny__Jigsaw__seed0"))->size(), 12);
    QVERIFY(attached.message().contains(QStringLiteral("complete")));
    // Stored cells show how long they ran (their provenance's start and end).
    const QModelIndex elapsed = attached.cellModel()->index(0, CellGridModel::ElapsedColumn);
    QVERIFY2(!attached.cellModel()->data(elapsed, Qt::DisplayRole).toString().isEmpty(), "no run time for a stored cell");

    // Data selection on the finished study: the two mixtures, then the experiment's four arms.
    DataSelectionPanel selection;
    selection.setStudyDir(dir);
    QCOMPARE(selection.mixtureExamples(), 32); // the study's train.examples
    selection.setMixtureExamples(16);          // runs `study select … --examples 16`
    selection.setTarget(QStringLiteral("Jigsaw"));
    QVERIFY2(selection.propose(), qPrintable(selection.message()));
    QCOMPARE(selection.randomTable()->rowCount(), 1); // the only other task
    QCOMPARE(selection.randomTable()->item(0, 0)->text(), QStringLiteral("Counting"));
    // Random weights transfer nothing for sure: the guided mixture is Counting or empty.
    const bool guided = selection.guidedTable()->rowCount() == 1;
    QSignalSpy experiment(&selection, &DataSelectionPanel::experimentFinished);
    QVERIFY(selection.runExperiment());
    QVERIFY(experiment.wait(60000));
    if (guided) {
        QVERIFY2(experiment.first().at(0).toBool(), qPrintable(selection.message()));
        QCOMPARE(selection.resultsTable()->rowCount(), 4); // base, direct, PGF-guided, random
        QVERIFY(StudyStore(dir).hasCell(QStringLiteral("mixture__suite-tiny__pgf-n16-Jigsaw__seed0")));
    } else {
        QVERIFY(!selection.message().isEmpty());
    }
}

void TestRunMonitor::stopAndKeepThenResume()
{
    RunMonitorPanel panel;
    QSignalSpy finished(&panel, &RunMonitorPanel::runFinished);
    const QString dir = m_tmp.filePath(QStringLiteral("stopped"));
    onFirstFinetuneStep(panel, [&panel] { panel.stopAndKeep(); });
    QVERIFY(panel.runStudy(writeSpec(m_tmp.path(), 120), dir));
    QCOMPARE(waitFinished(panel, finished), StudyProcess::Outcome::Stopped);
    // Workers run side by side: every cell running at the stop is kept as stopped, one per
    // worker at most; the base cell may or may not have finished by then.
    const int stopped = panel.cellModel()->count(CellState::Stopped);
    QVERIFY2(stopped >= 1 && stopped <= QThread::idealThreadCount(), qPrintable(QString::number(stopped)));
    QCOMPARE(panel.cellModel()->count(CellState::Running), 0);
    QVERIFY(panel.cellModel()->count(CellState::Done) + stopped <= 3);
    QVERIFY(panel.message().contains(QStringLiteral("Resume")));
    QVERIFY(panel.resume());
    QCOMPARE(waitFinished(panel, finished), StudyProcess::Outcome::Completed);
    QCOMPARE(panel.cellModel()->count(CellState::Done), 3);
}

void TestRunMonitor::killedProcessIsReportedAndResumes()
{
    RunMonitorPanel panel;
    QSignalSpy finished(&panel, &RunMonitorPanel::runFinished);
    const QString dir = m_tmp.filePath(QStringLiteral("killed"));
    onFirstFinetuneStep(panel, [&panel] { ::kill(pid_t(panel.process()->processId()), SIGKILL); });
    QVERIFY(panel.runStudy(writeSpec(m_tmp.path(), 120), dir));
    QCOMPARE(waitFinished(panel, finished), StudyProcess::Outcome::Crashed);
    QVERIFY2(panel.message().contains(QStringLiteral("crashed (signal 9)")), qPrintable(panel.message()));
    QVERIFY(panel.message().contains(QStringLiteral("Resume continues at the first missing cell")));
    // Every cell that was running when the process died is marked failed: one per worker at most.
    const int failed = panel.cellModel()->count(CellState::Failed);
    QVERIFY2(failed >= 1 && failed <= QThread::idealThreadCount(), qPrintable(QString::number(failed)));
    QCOMPARE(panel.cellModel()->count(CellState::Running), 0);
    QVERIFY(panel.resume());
    QCOMPARE(waitFinished(panel, finished), StudyProcess::Outcome::Completed);
    QCOMPARE(panel.cellModel()->count(CellState::Done), 3);
}

void TestRunMonitor::attachFollowsARunStartedFromTheCli()
{
    const QString dir = m_tmp.filePath(QStringLiteral("cli-run"));
    constexpr int kSteps = 400;
    QProcess cli;
    cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli.start(QStringLiteral(TRANSFERSCOPE_CLI),
              {QStringLiteral("study"), QStringLiteral("run"), writeSpec(m_tmp.path(), kSteps), QStringLiteral("--out"), dir,
               QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--progress"), QStringLiteral("json")});
    QVERIFY(cli.waitForStarted());
    // Attach once the first finetune cell trains: the log has steps of a running cell by then.
    QTRY_VERIFY_WITH_TIMEOUT(QFile(dir + QStringLiteral("/progress.jsonl")).size() > 0
                                 && QFile::exists(dir + QStringLiteral("/cells/base__suite-tiny__-__seed0.h5")),
                             60000);
    RunMonitorPanel attached;
    attached.show();
    QVERIFY(attached.attach(dir));
    QVERIFY2(attached.isFollowingAnotherProcess(), qPrintable(attached.message()));
    QTRY_VERIFY_WITH_TIMEOUT(!attached.cellModel()->runningCells().isEmpty(), 30000);
    const QString running = attached.cellModel()->runningCells().first();
    QVERIFY(running.startsWith(QStringLiteral("finetune__")));
    QTRY_VERIFY_WITH_TIMEOUT(attached.curves().curve(running) && attached.curves().curve(running)->size() > 0, 30000);

    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    // The lock is released: the panel stops following and shows what the store holds, each curve once.
    QTRY_VERIFY_WITH_TIMEOUT(!attached.isFollowingAnotherProcess(), 10000);
    QCOMPARE(attached.cellModel()->count(CellState::Done), 3);
    QCOMPARE(attached.cellModel()->count(CellState::Running), 0);
    QVERIFY2(attached.message().contains(QStringLiteral("complete")), qPrintable(attached.message()));
    for (const char *task : {"Counting", "Jigsaw"}) {
        const CellCurve *curve = attached.curves().curve(QStringLiteral("finetune__suite-tiny__%1__seed0").arg(QLatin1String(task)));
        QVERIFY(curve);
        QCOMPARE(curve->size(), kSteps);
    }
}

QTEST_MAIN(TestRunMonitor)
#include "test_ui_run_monitor.moc"
