#include "common/input_error.h"
#include "study/data_selection.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ts;

namespace {

TransferMatrix threeTasks()
{
    // Sources → target Jigsaw: Counting +0.3, Visual Similarity +0.1, Art Style −0.2.
    TransferMatrix m(QStringLiteral("m"), {QStringLiteral("Visual Similarity"), QStringLiteral("Art Style"), QStringLiteral("Jigsaw"), QStringLiteral("Counting")},
                     {QStringLiteral("VS"), QStringLiteral("AS"), QStringLiteral("JS"), QStringLiteral("CO")}, {QStringLiteral("seed_0")});
    for (int s = 0; s < 4; ++s)
        for (int t = 0; t < 4; ++t)
            m.setValue(0, s, t, 0.0);
    m.setValue(0, 3, 2, 0.3);
    m.setValue(0, 0, 2, 0.1);
    m.setValue(0, 1, 2, -0.2);
    m.setValue(0, 2, 2, 0.9); // the target's own row never enters its mixture
    return m;
}

// A suite-tiny cell with `items` Jigsaw evaluations of which the first `correct` are right.
CellRecord jigsawCell(CellKind kind, const QString &source, int seed, int correct, int items)
{
    CellRecord c;
    c.kind = kind;
    c.model = QStringLiteral("suite-tiny");
    c.source = source;
    c.seed = seed;
    TaskEvaluation e;
    e.task = QStringLiteral("Jigsaw");
    for (int i = 0; i < items; ++i) {
        e.items.push_back(i);
        e.correct.push_back(i < correct ? 1 : 0);
        e.chosen.push_back(0);
    }
    c.evals.push_back(e);
    return c;
}

} // namespace

class TestDataSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void guidedMixtureIsProportionalToPositivePgf()
    {
        const Mixture mix = pgfGuidedMixture(threeTasks(), QStringLiteral("JS"));
        QCOMPARE(int(mix.size()), 2);
        QCOMPARE(mix[0].first, QStringLiteral("Visual Similarity"));
        QVERIFY(std::abs(mix[0].second - 0.25) < 1e-12);
        QCOMPARE(mix[1].first, QStringLiteral("Counting"));
        QVERIFY(std::abs(mix[1].second - 0.75) < 1e-12);
        QCOMPARE(int(pgfGuidedMixture(threeTasks(), QStringLiteral("JS"), 0.2).size()), 1); // threshold τ
    }

    void randomMixtureExcludesTheTargetAndIsSeeded()
    {
        const QStringList tasks{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("E")};
        const Mixture a = randomMixture(tasks, QStringLiteral("C"), 3, 7);
        QCOMPARE(int(a.size()), 3);
        for (const auto &[task, share] : a) {
            QVERIFY(task != QStringLiteral("C"));
            QCOMPARE(share, 1.0 / 3);
        }
        QVERIFY(a == randomMixture(tasks, QStringLiteral("C"), 3, 7));
        bool differs = false;
        for (uint64_t seed = 8; seed < 20 && !differs; ++seed)
            differs = randomMixture(tasks, QStringLiteral("C"), 3, seed) != a;
        QVERIFY(differs);
    }

    void countsSumToTheTrainingSetSize()
    {
        const Mixture mix{{QStringLiteral("a"), 0.5}, {QStringLiteral("b"), 1.0 / 3}, {QStringLiteral("c"), 1.0 / 6}};
        const std::vector<int> counts = mixtureCounts(mix, 100);
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 100);
        QCOMPARE(counts, (std::vector<int>{50, 33, 17}));
    }

    void planHasDirectGuidedAndRandomPerSeed()
    {
        const StudySpec spec = parseStudySpec(QJsonDocument::fromJson(R"({"models": ["suite-tiny"], "seeds": [0, 1],
            "tasks": ["VS", "AS", "JS", "CO"], "eval": {"items": 50}})").object(), SpecContext{QStringLiteral("s.json"), {QStringLiteral("suite-tiny")}});
        TransferMatrix m = threeTasks();
        m.setModel(QStringLiteral("suite-tiny"));
        const auto cells = planDataSelection(spec, {m}, QStringLiteral("JS"), 0.0);
        QCOMPARE(int(cells.size()), 2 * 3);
        QCOMPARE(cells[0].cellId(), QStringLiteral("finetune__suite-tiny__Jigsaw__seed0"));
        QCOMPARE(cells[1].cellId(), QStringLiteral("mixture__suite-tiny__pgf-Jigsaw__seed0"));
        QCOMPARE(cells[2].cellId(), QStringLiteral("mixture__suite-tiny__random-Jigsaw__seed0"));
        QCOMPARE(cells[1].mixture, pgfGuidedMixture(m, QStringLiteral("Jigsaw")));
        QCOMPARE(int(cells[2].mixture.size()), 2); // as many random sources as guided ones
        QCOMPARE(cells[1].targets, QStringList{QStringLiteral("Jigsaw")});
        QCOMPARE(cells[1].evalItems, 50LL);
        QVERIFY_THROWS_EXCEPTION(InputError, planDataSelection(spec, {threeTasks()}, QStringLiteral("JS"), 0.0)); // no matrix for suite-tiny
        QVERIFY_THROWS_EXCEPTION(InputError, planDataSelection(spec, {m}, QStringLiteral("JS"), 0.5));             // nothing above τ
    }

    void reportPoolsSeedsPerArm()
    {
        const StudySpec spec = parseStudySpec(QJsonDocument::fromJson(R"({"models": ["suite-tiny"], "seeds": [0, 1]})").object(),
                                              SpecContext{QStringLiteral("s.json"), {QStringLiteral("suite-tiny")}});
        auto cell = [](CellKind kind, const QString &source, int seed, int correct) {
            return jigsawCell(kind, source, seed, correct, 100);
        };
        StudyContents study;
        study.cells = {cell(CellKind::Base, {}, 0, 50), cell(CellKind::Finetune, QStringLiteral("Jigsaw"), 0, 70),
                       cell(CellKind::Finetune, QStringLiteral("Jigsaw"), 1, 72), cell(CellKind::Mixture, QStringLiteral("pgf:Jigsaw"), 0, 65),
                       cell(CellKind::Mixture, QStringLiteral("pgf:Jigsaw"), 1, 61), cell(CellKind::Mixture, QStringLiteral("random:Jigsaw"), 0, 52),
                       cell(CellKind::Mixture, QStringLiteral("random:Jigsaw"), 1, 54)};
        const auto reports = selectionReports(study, spec, {}, QStringLiteral("JS"), 0.0);
        QCOMPARE(int(reports.size()), 1);
        const auto &arms = reports[0].arms;
        QCOMPARE(arms[0].correct, 50LL);
        QCOMPARE(arms[0].total, 100LL);
        QCOMPARE(arms[1].correct, 142LL);
        QCOMPARE(arms[2].correct, 126LL);
        QCOMPARE(arms[3].correct, 106LL);
        QCOMPARE(arms[3].total, 200LL);
        // Wilson interval for 50/100: 0.5 ± 0.0963 (closed form).
        const auto [low, high] = arms[0].wilson95();
        QVERIFY(std::abs(low - 0.4038) < 1e-3 && std::abs(high - 0.5962) < 1e-3);
    }

    void mixtureSizeIsThreadedThroughThePlan()
    {
        const StudySpec spec = parseStudySpec(QJsonDocument::fromJson(R"({"models": ["suite-tiny"], "seeds": [0],
            "tasks": ["VS", "AS", "JS", "CO"], "train": {"examples": 400}})").object(), SpecContext{QStringLiteral("s.json"), {QStringLiteral("suite-tiny")}});
        TransferMatrix m = threeTasks();
        m.setModel(QStringLiteral("suite-tiny"));
        // Default: the spec's train.examples, and the cell ids of before.
        const auto byDefault = planDataSelection(spec, {m}, QStringLiteral("JS"), 0.0);
        QCOMPARE(byDefault[1].trainExamples, 400);
        QCOMPARE(byDefault[1].cellId(), QStringLiteral("mixture__suite-tiny__pgf-Jigsaw__seed0"));
        QCOMPARE(planDataSelection(spec, {m}, QStringLiteral("JS"), 0.0, 400)[1].cellId(), byDefault[1].cellId());
        // Another size: cells of their own, whose counts add up to N and follow the PGF weights (1 : 3).
        const auto cells = planDataSelection(spec, {m}, QStringLiteral("JS"), 0.0, 1001);
        QCOMPARE(cells[0].cellId(), QStringLiteral("finetune__suite-tiny__Jigsaw__seed0")); // the direct arm is the study's
        QCOMPARE(cells[1].cellId(), QStringLiteral("mixture__suite-tiny__pgf-n1001-Jigsaw__seed0"));
        QCOMPARE(cells[2].cellId(), QStringLiteral("mixture__suite-tiny__random-n1001-Jigsaw__seed0"));
        for (int k : {1, 2}) {
            QCOMPARE(cells[size_t(k)].trainExamples, 1001);
            const std::vector<int> counts = mixtureCounts(cells[size_t(k)].mixture, cells[size_t(k)].trainExamples);
            QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 1001);
        }
        const std::vector<int> guided = mixtureCounts(cells[1].mixture, 1001);
        QCOMPARE(cells[1].mixture[0].first, QStringLiteral("Visual Similarity"));
        QCOMPARE(guided, (std::vector<int>{250, 751})); // 0.25 and 0.75 of 1001, largest remainder
        QVERIFY_THROWS_EXCEPTION(InputError, planDataSelection(spec, {m}, QStringLiteral("JS"), 0.0, -5));

        // The report reads the arms of the size asked for.
        auto cell = [](const QString &source, int correct) { return jigsawCell(CellKind::Mixture, source, 0, correct, 10); };
        StudyContents study;
        study.cells = {cell(QStringLiteral("pgf:Jigsaw"), 4), cell(QStringLiteral("pgf-n1001:Jigsaw"), 9)};
        QCOMPARE(selectionReports(study, spec, {m}, QStringLiteral("JS"), 0.0)[0].arms[2].correct, 4LL);
        const auto sized = selectionReports(study, spec, {m}, QStringLiteral("JS"), 0.0, 1001);
        QCOMPARE(sized[0].arms[2].correct, 9LL);
        QCOMPARE(sized[0].examples, 1001);
    }
};

QTEST_GUILESS_MAIN(TestDataSelection)
#include "test_data_selection.moc"
