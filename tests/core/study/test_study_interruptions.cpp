// End to end with the real executor and the built CLI: a study interrupted by Ctrl-C (stop and
// keep) and one killed with -9 mid-cell both resume to exactly the results of an uninterrupted run.
// Random-weight tiny models keep it fast; what is tested is the bookkeeping, not the learning.
// The spec pins one worker so that which cells are done at an interruption is known; a last test
// runs the same study with two workers side by side and expects the very same per-item results.

#include "store/study_store.h"

#include <QJsonDocument>
#include <QProcess>
#include <QtTest>
#include <csignal>

using namespace ts;

namespace {

const char *kSpec = R"({"name": "interrupt", "models": [{"preset": "suite-tiny", "weights": "random"}],
  "tasks": {"CO": "both", "JS": "both"}, "seeds": [0],
  "train": {"steps": 16, "batch": 4, "examples": 64, "warmup_steps": 2, "lora": {"dropout": 0.1}},
  "eval": {"items": 48, "batch": 16}, "workers": 1})";

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1")); // same arithmetic in every run
    return env;
}

int runCli(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(TRANSFERSCOPE_CLI), args);
    if (!p.waitForFinished(240000))
        return -1;
    return p.exitCode();
}

// Starts `study run`, waits for the `metric` event of `cell` at `step`, then sends `signal`.
// Returns the exit code (or -signal when killed).
int runAndInterrupt(const QString &spec, const QString &dir, const QString &cell, int step, int signal)
{
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(TRANSFERSCOPE_CLI), {QStringLiteral("study"), QStringLiteral("run"), spec, QStringLiteral("--out"), dir,
                                                QStringLiteral("--progress"), QStringLiteral("json")});
    bool sent = false;
    QByteArray pending;
    while (p.state() != QProcess::NotRunning || p.bytesAvailable()) {
        p.waitForReadyRead(200);
        pending += p.readAllStandardOutput();
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QJsonObject e = QJsonDocument::fromJson(pending.left(nl)).object();
            pending.remove(0, nl + 1);
            if (!sent && e.value(QStringLiteral("event")).toString() == QLatin1String("metric")
                && e.value(QStringLiteral("cell")).toString() == cell && e.value(QStringLiteral("step")).toInt() >= step) {
                ::kill(pid_t(p.processId()), signal);
                sent = true;
            }
        }
        if (p.state() == QProcess::NotRunning && !p.bytesAvailable())
            break;
    }
    p.waitForFinished(60000);
    if (!sent)
        return -1000;
    return p.exitStatus() == QProcess::CrashExit ? -signal : p.exitCode();
}

std::map<QString, std::vector<uint8_t>> results(const QString &dir)
{
    std::map<QString, std::vector<uint8_t>> out;
    for (const CellRecord &c : StudyStore(dir).load().cells) {
        for (const TaskEvaluation &e : c.evals)
            out[c.cellId() + QLatin1Char('/') + e.task] = e.correct;
    }
    return out;
}

} // namespace

class TestStudyInterruptions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_spec;
    std::map<QString, std::vector<uint8_t>> m_reference;

private Q_SLOTS:
    void initTestCase()
    {
        m_spec = m_dir.filePath(QStringLiteral("spec.json"));
        QFile f(m_spec);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kSpec);
        f.close();
        const QString ref = m_dir.filePath(QStringLiteral("reference"));
        QCOMPARE(runCli({QStringLiteral("study"), QStringLiteral("run"), m_spec, QStringLiteral("--out"), ref}), 0);
        m_reference = results(ref);
        QCOMPARE(int(m_reference.size()), 4 * 2); // base, control, CO, JS × 2 targets
    }

    void ctrlCStopsKeepsStateAndResumesExactly()
    {
        const QString dir = m_dir.filePath(QStringLiteral("stopped"));
        const QString cell = QStringLiteral("finetune__suite-tiny__Counting__seed0");
        QCOMPARE(runAndInterrupt(m_spec, dir, cell, 6, SIGINT), 3); // 3 = stopped, resumable
        QVERIFY(!StudyStore(dir).hasCell(cell));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/checkpoints/") + cell + QStringLiteral("/trainer_state.json")));
        QCOMPARE(runCli({QStringLiteral("study"), QStringLiteral("resume"), dir}), 0);
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/checkpoints/") + cell));
        QVERIFY(results(dir) == m_reference);
        // The resumed cell's curve has every step exactly once.
        for (const CellRecord &c : StudyStore(dir).load().cells) {
            if (c.cellId() != cell)
                continue;
            std::vector<int32_t> expected(16);
            std::iota(expected.begin(), expected.end(), 1);
            QCOMPARE(c.curve.step, expected);
        }
    }

    void killNineLosesOnlyTheCellInProgress()
    {
        const QString dir = m_dir.filePath(QStringLiteral("killed"));
        const QString cell = QStringLiteral("finetune__suite-tiny__Jigsaw__seed0");
        QCOMPARE(runAndInterrupt(m_spec, dir, cell, 5, SIGKILL), -SIGKILL);
        const QStringList done = StudyStore(dir).completedCellIds();
        QCOMPARE(done.size(), 3); // base, control, Counting survived; Jigsaw was in progress
        QVERIFY(!done.contains(cell));
        QCOMPARE(runCli({QStringLiteral("study"), QStringLiteral("resume"), dir}), 0); // the dead writer's lock is taken over
        QVERIFY(results(dir) == m_reference);
    }

    void twoWorkersGiveTheResultsOfOne()
    {
        const QString dir = m_dir.filePath(QStringLiteral("two-workers"));
        QCOMPARE(runCli({QStringLiteral("study"), QStringLiteral("run"), m_spec, QStringLiteral("--out"), dir, QStringLiteral("--workers"),
                         QStringLiteral("2")}),
                 0);
        QVERIFY(results(dir) == m_reference); // LoRA init and dropout masks depend on the cell's seed only
    }
};

QTEST_GUILESS_MAIN(TestStudyInterruptions)
#include "test_study_interruptions.moc"
