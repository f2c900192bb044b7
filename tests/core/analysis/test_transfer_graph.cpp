// The task-transfer graph (method.md §4) and the Taskonomy AHP view (method.md §8).

#include "analysis/ahp_normalization.h"
#include "analysis/transfer_graph.h"
#include "analysis_test_support.h"

#include <QTest>
#include <cmath>

using namespace ts;
using ts::test::NaN;

class TestTransferGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thresholdAndSignFilter()
    {
        const SquareMatrix m = test::squareMatrix({{0.9, 0.25, -0.5}, {0.1, 0.8, NaN}, {-0.3, 0.6, 0.7}});
        const TransferGraph all = buildTransferGraph(m, 0.25);
        // No self-loops; |PGF| ≥ 0.25 (0.25 itself included); NaN never an edge; strongest first.
        QCOMPARE(int(all.edges.size()), 4);
        QCOMPARE(all.edges[0].source, 2);
        QCOMPARE(all.edges[0].target, 1);
        QCOMPARE(all.edges[1].pgf, -0.5);
        QCOMPARE(all.edges[2].pgf, -0.3);
        QCOMPARE(all.edges[3].pgf, 0.25);
        QCOMPARE(all.positiveEdgeCount(), 2);
        QCOMPARE(all.negativeEdgeCount(), 2);
        QVERIFY(std::isnan(all.edges[0].spread));

        const TransferGraph pos = buildTransferGraph(m, 0.25, EdgeSign::Positive);
        QCOMPARE(int(pos.edges.size()), 2);
        const TransferGraph neg = buildTransferGraph(m, 0.4, EdgeSign::Negative);
        QCOMPARE(int(neg.edges.size()), 1);
        QCOMPARE(neg.edges[0].source, 0);
        QCOMPARE(neg.edges[0].target, 2);
        QCOMPARE(int(strongestEdges(all, 2).size()), 2);
        QCOMPARE(int(strongestEdges(all, 99).size()), 4);
    }
    void spreadTravelsWithEdges()
    {
        const SquareMatrix m = test::squareMatrix({{0, 0.5}, {0, 0}});
        const SquareMatrix sd = test::squareMatrix({{0, 0.07}, {0, 0}});
        QCOMPARE(buildTransferGraph(m, 0.25, EdgeSign::All, sd).edges[0].spread, 0.07);
    }
    void signNames()
    {
        EdgeSign s = EdgeSign::All;
        QVERIFY(parseEdgeSign(QStringLiteral("Negative"), &s));
        QCOMPARE(s, EdgeSign::Negative);
        QVERIFY(!parseEdgeSign(QStringLiteral("both"), &s));
        QCOMPARE(edgeSignName(EdgeSign::Positive), QStringLiteral("positive"));
    }
    void ahpDominantSource()
    {
        // Target 0: source 1 beats source 2 in both runs → w = 0.999 after clamping, and the
        // consistent reciprocal matrix [[1, 999], [1/999, 1]] has eigenvector (0.999, 0.001).
        const TransferMatrix m = test::transferMatrix({test::squareMatrix({{0.9, 0.1, 0.1}, {0.5, 0.9, 0.2}, {0.1, 0.3, 0.9}}),
                                                       test::squareMatrix({{0.9, 0.1, 0.1}, {0.6, 0.9, 0.2}, {0.2, 0.3, 0.9}})});
        const SquareMatrix a = ahpNormalize(m);
        QVERIFY(std::isnan(a.at(0, 0)));
        QVERIFY(std::fabs(a.at(1, 0) - 0.999) < 1e-9);
        QVERIFY(std::fabs(a.at(2, 0) - 0.001) < 1e-9);
        // Target 1: sources 0 (0.1) and 2 (0.3): source 2 wins every run.
        QVERIFY(std::fabs(a.at(2, 1) - 0.999) < 1e-9);
        // Target 2: sources 0 (0.1) and 1 (0.2): source 1 wins every run.
        QVERIFY(std::fabs(a.at(1, 2) - 0.999) < 1e-9);
        for (int j = 0; j < 3; ++j) {
            double sum = 0;
            for (int i = 0; i < 3; ++i)
                if (!std::isnan(a.at(i, j)))
                    sum += a.at(i, j);
            QVERIFY(std::fabs(sum - 1) < 1e-9);
        }
    }
    void ahpTiesAndSplitWins()
    {
        // Target 0, sources 1 and 2: run 1 source 1 wins, run 2 source 2 wins → w = ½ → equal weights.
        const TransferMatrix m = test::transferMatrix({test::squareMatrix({{0, 0, 0}, {0.5, 0, 0}, {0.1, 0, 0}}),
                                                       test::squareMatrix({{0, 0, 0}, {0.1, 0, 0}, {0.5, 0, 0}})});
        const SquareMatrix a = ahpNormalize(m);
        QVERIFY(std::fabs(a.at(1, 0) - 0.5) < 1e-9);
        QVERIFY(std::fabs(a.at(2, 0) - 0.5) < 1e-9);
        // Three sources with one ratio scale: eigenvector of a consistent matrix is exact.
        const auto v = principalEigenvector({{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}});
        QVERIFY(std::fabs(v[0] - 4.0 / 7) < 1e-9 && std::fabs(v[1] - 2.0 / 7) < 1e-9 && std::fabs(v[2] - 1.0 / 7) < 1e-9);
    }
};

QTEST_MAIN(TestTransferGraph)
#include "test_transfer_graph.moc"
