#include "analysis/paired_item_tests.h"
#include "common/input_error.h"
#include "analysis/pgf.h"
#include "study/study_analysis.h"

#include <QtTest>

using namespace ts;

namespace {

CellRecord cell(CellKind kind, const QString &source, int seed, const std::map<QString, std::vector<uint8_t>> &correct)
{
    CellRecord c;
    c.kind = kind;
    c.model = QStringLiteral("m");
    c.source = source;
    c.seed = seed;
    c.run = QStringLiteral("seed_%1").arg(seed);
    for (const auto &[task, bits] : correct) {
        TaskEvaluation e;
        e.task = task;
        e.correct = bits;
        for (size_t i = 0; i < bits.size(); ++i) {
            e.items.push_back(int32_t(i));
            e.chosen.push_back(0);
        }
        c.evals.push_back(e);
    }
    return c;
}

std::vector<uint8_t> bits(int n, int ones)
{
    std::vector<uint8_t> v(size_t(n), 0);
    for (int i = 0; i < ones; ++i)
        v[size_t(i)] = 1;
    return v;
}

} // namespace

class TestStudyAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pgfAndItemStatisticsFromStoredCells()
    {
        const QString co = QStringLiteral("Counting"), js = QStringLiteral("Jigsaw");
        StudyContents study;
        study.cells.push_back(cell(CellKind::Base, {}, 0, {{co, bits(100, 40)}, {js, bits(100, 50)}}));
        // Finetuned on Counting: Counting 40 → 70 and 60 correct in two runs; Jigsaw unchanged.
        study.cells.push_back(cell(CellKind::Finetune, co, 0, {{co, bits(100, 70)}, {js, bits(100, 50)}}));
        study.cells.push_back(cell(CellKind::Finetune, co, 1, {{co, bits(100, 60)}, {js, bits(100, 50)}}));
        study.cells.push_back(cell(CellKind::Control, {}, 0, {{co, bits(100, 41)}, {js, bits(100, 49)}}));

        const auto matrices = studyTransferMatrices(study, QStringLiteral("study"));
        QCOMPARE(int(matrices.size()), 1);
        const TransferMatrix &m = matrices[0];
        const int c = m.taskIndex(co), j = m.taskIndex(js);
        QCOMPARE(m.runs(), (QStringList{QStringLiteral("seed_0"), QStringLiteral("seed_1")}));
        QVERIFY(std::abs(m.value(0, c, c) - perfectionGapFactor(0.7, 0.4)) < 1e-12);
        QVERIFY(std::abs(m.value(1, c, c) - perfectionGapFactor(0.6, 0.4)) < 1e-12);
        QVERIFY(std::isnan(m.value(0, j, c))); // Jigsaw was never a source: undefined, not an error

        const ItemStatistics items = studyItemStatistics(study, m, 500);
        // Pooled over both runs: 30 + 20 questions gained, none lost.
        QCOMPARE(items.mcnemarP.at(c, c), mcnemarExact(0, 50).p);
        QCOMPARE(items.mcnemarP.at(c, j), 1.0);
        const double mean = (perfectionGapFactor(0.7, 0.4) + perfectionGapFactor(0.6, 0.4)) / 2;
        QVERIFY(items.ciLow.at(c, c) < mean && mean < items.ciHigh.at(c, c));
        QVERIFY(std::isnan(items.ciLow.at(j, c)));
    }

    void driftControlIsItsOwnRowAndCanBeSubtracted()
    {
        const QString co = QStringLiteral("Counting"), js = QStringLiteral("Jigsaw");
        StudyContents study;
        study.cells.push_back(cell(CellKind::Base, {}, 0, {{co, bits(100, 40)}, {js, bits(100, 50)}}));
        study.cells.push_back(cell(CellKind::Finetune, co, 0, {{co, bits(100, 70)}, {js, bits(100, 45)}}));
        study.cells.push_back(cell(CellKind::Finetune, js, 0, {{co, bits(100, 46)}, {js, bits(100, 80)}}));
        // Any training moved Counting by +6 points and Jigsaw by −5: generic drift.
        study.cells.push_back(cell(CellKind::Control, {}, 0, {{co, bits(100, 46)}, {js, bits(100, 45)}}));
        const TransferMatrix m = studyTransferMatrices(study, QStringLiteral("study")).front();
        const int c = m.taskIndex(co), j = m.taskIndex(js);
        const DriftControl drift = studyDriftControl(study, m);
        QCOMPARE(drift.runs, QStringList{QStringLiteral("seed_0")});
        QVERIFY(std::abs(drift.mean()[size_t(c)] - perfectionGapFactor(0.46, 0.40)) < 1e-12);
        const TransferMatrix corrected = driftCorrected(m, drift);
        // Jigsaw's "transfer" to Counting was exactly the drift: nothing task-specific is left.
        QVERIFY(std::abs(corrected.value(0, j, c)) < 1e-12);
        QVERIFY(std::abs(corrected.value(0, c, j)) < 1e-12);
        QVERIFY(corrected.value(0, c, c) > 0.3);
    }

    void emptyStudyIsAClearError()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, studyTransferMatrices(StudyContents{}, QStringLiteral("study")));
    }

    void modelWithoutFinetunedCellsYetIsLeftOut()
    {
        // A study in progress: model "m" has finetuned cells, model "n" only its base cell so far.
        const QString co = QStringLiteral("Counting");
        StudyContents study;
        study.cells.push_back(cell(CellKind::Base, {}, 0, {{co, bits(100, 40)}}));
        study.cells.push_back(cell(CellKind::Finetune, co, 0, {{co, bits(100, 70)}}));
        CellRecord waiting = cell(CellKind::Base, {}, 0, {{co, bits(100, 30)}});
        waiting.model = QStringLiteral("n");
        study.cells.push_back(waiting);
        const auto matrices = studyTransferMatrices(study, QStringLiteral("study"));
        QCOMPARE(int(matrices.size()), 1);
        QCOMPARE(matrices[0].model(), QStringLiteral("m"));
        // Only base cells at all: nothing to show yet, said as such.
        StudyContents early;
        early.cells.push_back(waiting);
        try {
            studyTransferMatrices(early, QStringLiteral("study"));
            QFAIL("expected an InputError");
        } catch (const InputError &e) {
            QVERIFY2(e.describe().contains(QStringLiteral("no finetuned cell is stored yet")), qPrintable(e.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestStudyAnalysis)
#include "test_study_analysis.moc"
