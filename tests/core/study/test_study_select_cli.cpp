// `study select` end to end with the real executor: on a study whose finetune cells say that
// Counting transfers to Jigsaw, the guided mixture is built from Counting, the missing cells run,
// and the report lists the four arms. (The stored finetune cells are written by the test, so the
// guidance is known; the mixture cells are trained for real on random-weight tiny models.)

#include "store/study_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace ts;

namespace {

CellRecord cell(CellKind kind, const QString &source, const std::map<QString, int> &correct)
{
    CellRecord c;
    c.kind = kind;
    c.model = QStringLiteral("suite-tiny");
    c.source = source;
    c.run = QStringLiteral("seed_0");
    c.provenance.hyperParameters = QJsonObject{{QStringLiteral("fabricated"), true}};
    for (const auto &[task, n] : correct) {
        TaskEvaluation e;
        e.task = task;
        for (int i = 0; i < 40; ++i) {
            e.items.push_back(i);
            e.correct.push_back(i < n ? 1 : 0);
            e.chosen.push_back(0);
        }
        c.evals.push_back(e);
    }
    return c;
}

} // namespace

class TestStudySelectCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void selectRunsTheMixturesAndReportsFourArms()
    {
        QTemporaryDir dir;
        const QJsonObject spec = QJsonDocument::fromJson(R"({"name": "select", "models": [{"preset": "suite-tiny", "weights": "random"}],
            "tasks": ["CO", "JS", "VS"], "seeds": [0], "control": false,
            "train": {"steps": 6, "batch": 4, "examples": 40, "warmup_steps": 1}, "eval": {"items": 40, "batch": 20}})").object();
        StudyStore store = StudyStore::create(dir.path(), spec);
        const QString co = QStringLiteral("Counting"), js = QStringLiteral("Jigsaw"), vs = QStringLiteral("Visual Similarity");
        store.writeCell(cell(CellKind::Base, {}, {{co, 20}, {js, 20}, {vs, 20}}));
        store.writeCell(cell(CellKind::Finetune, co, {{co, 30}, {js, 30}, {vs, 20}})); // CO → JS: PGF +0.5
        store.writeCell(cell(CellKind::Finetune, js, {{co, 20}, {js, 36}, {vs, 20}}));
        store.writeCell(cell(CellKind::Finetune, vs, {{co, 20}, {js, 14}, {vs, 30}})); // VS → JS negative

        QProcess p;
        p.start(QStringLiteral(TRANSFERSCOPE_CLI), {QStringLiteral("study"), QStringLiteral("select"), dir.path(), QStringLiteral("--target"), QStringLiteral("JS")});
        QVERIFY(p.waitForFinished(240000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("PGF-guided mixture: Counting 100%")), qPrintable(out));
        for (const char *arm : {"base", "direct", "pgf-guided", "random"})
            QVERIFY2(out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(arm))), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("36/40"))); // the direct arm reused the stored finetune cell

        QVERIFY(store.hasCell(QStringLiteral("mixture__suite-tiny__pgf-Jigsaw__seed0")));
        QVERIFY(store.hasCell(QStringLiteral("mixture__suite-tiny__random-Jigsaw__seed0")));
        for (const CellRecord &c : store.load().cells) {
            if (c.kind != CellKind::Mixture)
                continue;
            QCOMPARE(int(c.evals.size()), 1); // evaluated on the target only
            QCOMPARE(c.evals[0].task, js);
            QCOMPARE(c.evals[0].total(), 40);
            QCOMPARE(c.curve.size(), 6);
        }

        // --examples N: mixtures of N training examples, cells of their own; the counts add up to N.
        QProcess sized;
        sized.start(QStringLiteral(TRANSFERSCOPE_CLI), {QStringLiteral("study"), QStringLiteral("select"), dir.path(), QStringLiteral("--target"),
                                                        QStringLiteral("JS"), QStringLiteral("--examples"), QStringLiteral("12")});
        QVERIFY(sized.waitForFinished(240000));
        const QString sizedOut = QString::fromUtf8(sized.readAllStandardOutput());
        QVERIFY2(sized.exitCode() == 0, qPrintable(sizedOut + QString::fromUtf8(sized.readAllStandardError())));
        QVERIFY2(sizedOut.contains(QStringLiteral("mixture size: 12 training examples (Counting 12)")), qPrintable(sizedOut));
        QVERIFY(store.hasCell(QStringLiteral("mixture__suite-tiny__pgf-n12-Jigsaw__seed0")));
        QVERIFY(store.hasCell(QStringLiteral("mixture__suite-tiny__random-n12-Jigsaw__seed0")));
        int sizedCells = 0;
        for (const CellRecord &c : store.load().cells) {
            if (c.kind != CellKind::Mixture)
                continue;
            const QJsonObject mixture = c.provenance.hyperParameters.value(QStringLiteral("mixture")).toObject();
            const int expected = c.source.contains(QStringLiteral("-n12")) ? 12 : 40; // else the spec's train.examples
            QCOMPARE(mixture.value(QStringLiteral("examples")).toInt(), expected);
            int sum = 0;
            for (const QJsonValue &v : mixture.value(QStringLiteral("counts")).toObject())
                sum += v.toInt();
            QCOMPARE(sum, expected);
            sizedCells += expected == 12 ? 1 : 0;
        }
        QCOMPARE(sizedCells, 2);

        QProcess bad;
        bad.start(QStringLiteral(TRANSFERSCOPE_CLI), {QStringLiteral("study"), QStringLiteral("select"), dir.path(), QStringLiteral("--target"),
                                                      QStringLiteral("JS"), QStringLiteral("--examples"), QStringLiteral("0")});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("--examples")));
    }
};

QTEST_GUILESS_MAIN(TestStudySelectCli)
#include "test_study_select_cli.moc"
