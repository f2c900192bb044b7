// PGF from accuracies (method.md §2), including the undefined case, and the accuracy-table reader
// that computes it per run.

#include "analysis/accuracy_table_reader.h"
#include "analysis/pgf.h"
#include "analysis/transfer_table_loader.h"

#include <QTest>
#include <cmath>

using namespace ts;

class TestPgf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closesHalfTheGap()
    {
        // (0.8 − 0.6) / (1 − 0.6 + 1e-8)
        QVERIFY(std::fabs(perfectionGapFactor(0.8, 0.6) - 0.2 / (0.4 + 1e-8)) < 1e-15);
        QVERIFY(std::fabs(perfectionGapFactor(0.8, 0.6) - 0.5) < 1e-7);
    }
    void negativeWhenTheSourceHurts()
    {
        QVERIFY(std::fabs(perfectionGapFactor(0.3, 0.6) + 0.75) < 1e-7);
        // Not clipped: with a nearly perfect base, losing ground is far below −1.
        QVERIFY(std::fabs(perfectionGapFactor(0.5, 0.99) + 0.49 / 0.01) < 1e-4);
    }
    void undefinedWithoutAGap()
    {
        QVERIFY(std::isnan(perfectionGapFactor(0.9, 1.0)));
        QVERIFY(std::isnan(perfectionGapFactor(1.0, 1.0)));
        QVERIFY(std::isnan(perfectionGapFactor(0.9, 0.95, 0.9))); // base above a custom ceiling
        QVERIFY(std::isnan(perfectionGapFactor(std::nan(""), 0.5)));
    }
    void customCeiling()
    {
        // U = 0.9: (0.75 − 0.6) / (0.9 − 0.6)
        QVERIFY(std::fabs(perfectionGapFactor(0.75, 0.6, 0.9) - 0.5) < 1e-7);
        PgfOptions o;
        o.ceilings = {1.0, 0.9};
        QVERIFY(std::fabs(perfectionGapFactor(0.75, 0.6, 1, o) - 0.5) < 1e-7);
        QVERIFY(std::fabs(perfectionGapFactor(0.75, 0.6, 0, o) - 0.375) < 1e-7);
    }
    void chanceCorrection()
    {
        QCOMPARE(chanceCorrectedAccuracy(0.25, 4), 0.0);
        QVERIFY(std::fabs(chanceCorrectedAccuracy(0.8, 4) - 0.55 / 0.75) < 1e-12);
        QCOMPARE(chanceCorrectedAccuracy(0.8, 1), 0.8);
        // The correction is affine and is applied to the ceiling too, so PGF does not change:
        // the option only matters for reporting corrected accuracies next to it.
        PgfOptions o;
        o.chanceCorrected = true;
        o.optionCounts = {4};
        o.ceilings = {0.95};
        QVERIFY(std::fabs(perfectionGapFactor(0.7, 0.5, 0, o) - perfectionGapFactor(0.7, 0.5, 0.95)) < 1e-6);
    }
    void accuracyTableGivesPgfPerRun()
    {
        const QString path = QStringLiteral(TRANSFERSCOPE_TEST_DATA "/analysis/accuracy_ok.csv");
        QCOMPARE(detectTransferTableFormat(path), TransferTableFormat::AccuracyTable);
        const auto matrices = loadTransferMatrices(path);
        QCOMPARE(int(matrices.size()), 2);
        const TransferMatrix &m = matrices[0];
        QCOMPARE(m.model(), QStringLiteral("toy-1B"));
        // Catalogue order, canonical names, whatever spelling the file used.
        QCOMPARE(m.tasks(), QStringList({QStringLiteral("Visual Similarity"), QStringLiteral("Jigsaw")}));
        QCOMPARE(m.runs(), QStringList({QStringLiteral("s0"), QStringLiteral("s1")}));
        // Base (run s0): VS 60/100, JS 100/100 (perfect: undefined column).
        // VS→VS s0: 80/100 → (0.8 − 0.6)/0.4 = 0.5; JS→VS s0: 50/100 → −0.25.
        QVERIFY(std::fabs(m.value(0, 0, 0) - 0.5) < 1e-7);
        QVERIFY(std::fabs(m.value(0, 1, 0) + 0.25) < 1e-7);
        QVERIFY(std::isnan(m.value(0, 0, 1)));
        QVERIFY(std::isnan(m.value(0, 1, 1)));
        // Run s1 has its own base for VS (50/100): VS→VS 75/100 → 0.5; JS→VS 40/100 → −0.2.
        QVERIFY(std::fabs(m.value(1, 0, 0) - 0.5) < 1e-7);
        QVERIFY(std::fabs(m.value(1, 1, 0) + 0.2) < 1e-7);
        QVERIFY(std::fabs(m.mean(1, 0) + 0.225) < 1e-7);
        QVERIFY(std::isnan(m.mean(0, 1)));
        // Second model: one base row with run "*" serves every run: (3/4 − 1/2)/(1/2) and (2/4 − 1/2)/(1/2).
        const TransferMatrix &m2 = matrices[1];
        QCOMPARE(m2.model(), QStringLiteral("toy-2B"));
        QCOMPARE(m2.taskCount(), 1);
        QVERIFY(std::fabs(m2.value(0, 0, 0) - 0.5) < 1e-7);
        QVERIFY(std::fabs(m2.value(1, 0, 0) - 0.0) < 1e-7);
    }
};

QTEST_MAIN(TestPgf)
#include "test_pgf.moc"
