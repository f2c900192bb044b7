// Transferability Δ⁺/Δ⁻ and malleability Θ⁺/Θ⁻ (method.md §3) on a 3-task matrix worked by hand.

#include "analysis/transfer_scores.h"
#include "analysis_test_support.h"

#include <QTest>
#include <cmath>

using namespace ts;
using ts::test::NaN;

namespace {

// Off-diagonal: 0→1 +0.6, 0→2 −0.3, 1→0 +0.2, 1→2 +0.4, 2→0 −0.1, 2→1 −0.5; diagonal 0.9/0.8/0.7.
SquareMatrix example()
{
    return test::squareMatrix({{0.9, 0.6, -0.3}, {0.2, 0.8, 0.4}, {-0.1, -0.5, 0.7}});
}

bool near(double a, double b)
{
    return std::fabs(a - b) < 1e-12;
}

} // namespace

class TestTransferScores : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsAndColumnsByHand()
    {
        const auto s = computeTransferScores(example());
        QCOMPARE(int(s.size()), 3);
        const double b1 = 1 - std::exp(-1.0 / 2.0); // breadth with 1 of N = 2 tasks
        const double b2 = 1 - std::exp(-2.0 / 2.0); // breadth with 2 of 2
        QCOMPARE(s[0].considered, 2);
        // Task 0 as source: +0.6 (p = 1), −0.3 (n = 1).
        QVERIFY(near(s[0].deltaPlus, b1 * 0.6));
        QVERIFY(near(s[0].deltaMinus, b1 * -0.3));
        QCOMPARE(s[0].positiveOut, 1);
        QCOMPARE(s[0].negativeOut, 1);
        // Task 1: +0.2 and +0.4 (p = 2, mean 0.3), n = 0 → Δ⁻ = 0.
        QVERIFY(near(s[1].deltaPlus, b2 / 2 * 0.6));
        QCOMPARE(s[1].deltaMinus, 0.0);
        QCOMPARE(s[1].negativeOut, 0);
        // Task 2: p = 0 → Δ⁺ = 0; −0.1 and −0.5 (n = 2).
        QCOMPARE(s[2].deltaPlus, 0.0);
        QCOMPARE(s[2].positiveOut, 0);
        QVERIFY(near(s[2].deltaMinus, b2 / 2 * -0.6));
        // Columns: into 0 come +0.2 and −0.1; into 1 +0.6 and −0.5; into 2 −0.3 and +0.4.
        QVERIFY(near(s[0].thetaPlus, b1 * 0.2));
        QVERIFY(near(s[0].thetaMinus, b1 * -0.1));
        QVERIFY(near(s[1].thetaPlus, b1 * 0.6));
        QVERIFY(near(s[1].thetaMinus, b1 * -0.5));
        QVERIFY(near(s[2].thetaPlus, b1 * 0.4));
        QVERIFY(near(s[2].thetaMinus, b1 * -0.3));
        QCOMPARE(s[2].positiveIn, 1);
        QCOMPARE(s[2].negativeIn, 1);
    }
    void diagonalIncludedOnRequest()
    {
        const auto s = computeTransferScores(example(), ScoreOptions{true});
        QCOMPARE(s[0].considered, 3);
        // Row 0 now has +0.9 and +0.6: p = 2 of N = 3.
        QVERIFY(near(s[0].deltaPlus, (1 - std::exp(-2.0 / 3.0)) / 2 * 1.5));
        QCOMPARE(s[0].positiveOut, 2);
        // Column 2: −0.3, +0.4, +0.7.
        QVERIFY(near(s[2].thetaPlus, (1 - std::exp(-2.0 / 3.0)) / 2 * 1.1));
    }
    void breadthMagnitudeEdgeCases()
    {
        QCOMPARE(breadthMagnitudeScore({}, +1, 12), 0.0);
        QCOMPARE(breadthMagnitudeScore({-0.5, -0.2}, +1, 12), 0.0); // p = 0
        QCOMPARE(breadthMagnitudeScore({0.0, 0.0}, -1, 12), 0.0);   // zeros are neither sign
        // Undefined cells count for neither sign and N is not reduced.
        QVERIFY(near(breadthMagnitudeScore({0.4, NaN}, +1, 2), (1 - std::exp(-0.5)) * 0.4));
        // Breadth saturates: all 12 of 12 positive at 0.1 each.
        const std::vector<double> twelve(12, 0.1);
        QVERIFY(near(breadthMagnitudeScore(twelve, +1, 12), (1 - std::exp(-1.0)) * 0.1));
    }
    void spreadOverRuns()
    {
        // Two runs differing only in 0→1: +0.2 and +0.6 → Δ⁺(0) per run b1·0.2 and b1·0.6.
        SquareMatrix r0 = test::squareMatrix({{0, 0.2}, {0, 0}});
        SquareMatrix r1 = test::squareMatrix({{0, 0.6}, {0, 0}});
        const auto spread = computeScoreSpread(test::transferMatrix({r0, r1}));
        const double b = 1 - std::exp(-1.0); // 1 of N = 1
        // Sample std of two values a, c is |a − c|/√2.
        QVERIFY(near(spread[0].deltaPlus, b * 0.4 / std::sqrt(2.0)));
        QCOMPARE(spread[1].deltaPlus, 0.0);
        QVERIFY(near(spread[1].thetaPlus, b * 0.4 / std::sqrt(2.0)));
    }
    void meanPositiveTransferabilityAverages()
    {
        const auto s = computeTransferScores(example());
        QVERIFY(near(meanPositiveTransferability(s), (s[0].deltaPlus + s[1].deltaPlus + s[2].deltaPlus) / 3));
    }
};

QTEST_MAIN(TestTransferScores)
#include "test_transfer_scores.moc"
