// Per-cell significance across runs (t test, sign test) and the Wilcoxon signed-rank test used
// for cliques, against closed forms and brute-force enumeration.

#include "analysis/significance.h"
#include "analysis_test_support.h"

#include <QTest>
#include <cmath>

using namespace ts;

namespace {

// P(W+ ≥ w) under H0 by enumerating all 2^n sign patterns of the given ranks.
double bruteForceUpperTail(const std::vector<double> &ranks, double w)
{
    const int n = int(ranks.size());
    int count = 0;
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
        double s = 0;
        for (int i = 0; i < n; ++i)
            if (mask >> i & 1u)
                s += ranks[std::size_t(i)];
        if (s >= w - 1e-9)
            ++count;
    }
    return double(count) / double(1u << n);
}

} // namespace

class TestSignificance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void studentTClosedForms()
    {
        // df = 1 is Cauchy: P(|T| > 1) = 1/2. df = 2: P(|T| > t) = 1 − t/√(2 + t²).
        QVERIFY(std::fabs(studentTTwoSidedP(1.0, 1) - 0.5) < 1e-10);
        QVERIFY(std::fabs(studentTTwoSidedP(2.0, 2) - (1 - 2 / std::sqrt(6.0))) < 1e-10);
        QVERIFY(std::fabs(studentTTwoSidedP(-2.0, 2) - (1 - 2 / std::sqrt(6.0))) < 1e-10);
        QCOMPARE(studentTTwoSidedP(0.0, 5), 1.0);
        // Large df approaches the normal: P(|Z| > 1.96) ≈ 0.05.
        QVERIFY(std::fabs(studentTTwoSidedP(1.959964, 100000) - 0.05) < 1e-4);
    }
    void cellTTest()
    {
        // Runs 1, 2, 3, 4: mean 2.5, s = √(5/3), t = 2.5/(s/2) = 3.8730, df 3, p = 0.03047 (R: t.test(1:4)).
        const CellSignificance s = cellSignificance({1, 2, 3, 4});
        QCOMPARE(s.runs, 4);
        QVERIFY(std::fabs(s.mean - 2.5) < 1e-12);
        QVERIFY(std::fabs(s.std - std::sqrt(5.0 / 3.0)) < 1e-12);
        QVERIFY(std::fabs(s.t - 3.872983346) < 1e-8);
        QVERIFY(std::fabs(s.pValue - 0.030466) < 1e-5);
        // All four runs positive: exact two-sided sign test 2·(1/2)^4.
        QCOMPARE(s.positives, 4);
        QVERIFY(std::fabs(s.signTestP - 0.125) < 1e-12);
    }
    void cellEdgeCases()
    {
        const CellSignificance one = cellSignificance({0.3});
        QCOMPARE(one.runs, 1);
        QVERIFY(std::isnan(one.pValue));
        const CellSignificance same = cellSignificance({0.2, 0.2, 0.2});
        QCOMPARE(same.pValue, 0.0);
        const CellSignificance zero = cellSignificance({0.0, 0.0});
        QCOMPARE(zero.pValue, 1.0);
        const CellSignificance withNaN = cellSignificance({1, test::NaN, 3});
        QCOMPARE(withNaN.runs, 2);
        QVERIFY(std::fabs(withNaN.mean - 2) < 1e-12);
        QVERIFY(std::fabs(binomialTwoSidedP(1, 4) - 2 * 5.0 / 16.0) < 1e-12);
        QCOMPARE(binomialTwoSidedP(2, 4), 1.0);
    }
    void wilcoxonExactSmall()
    {
        // 1…5 all positive: W+ = 15, P(W+ ≥ 15) = 1/32 (R: wilcox.test(1:5, alternative = "greater")).
        const WilcoxonResult r = wilcoxonSignedRank({1, 2, 3, 4, 5}, Alternative::Greater);
        QCOMPARE(r.n, 5);
        QCOMPARE(r.wPlus, 15.0);
        QVERIFY(r.exact);
        QVERIFY(std::fabs(r.pValue - 1.0 / 32.0) < 1e-15);
        QVERIFY(std::fabs(wilcoxonSignedRank({1, 2, 3, 4, 5}, Alternative::Less).pValue - 1.0) < 1e-15);
        QVERIFY(std::fabs(wilcoxonSignedRank({1, 2, 3, 4, 5}, Alternative::TwoSided).pValue - 1.0 / 16.0) < 1e-15);
        // Zeros are dropped.
        QCOMPARE(wilcoxonSignedRank({0, 0, 1}, Alternative::Greater).n, 1);
        QCOMPARE(wilcoxonSignedRank({}, Alternative::Greater).pValue, 1.0);
    }
    void wilcoxonMatchesEnumerationWithTies()
    {
        // |values| 0.1 0.2 0.2 0.3 0.4 0.4 0.4 0.5 → mid-ranks 1, 2.5, 2.5, 4, 6, 6, 6, 8.
        const std::vector<double> values = {0.1, -0.2, 0.2, 0.3, -0.4, 0.4, 0.4, 0.5};
        const std::vector<double> ranks = {1, 2.5, 2.5, 4, 6, 6, 6, 8};
        const WilcoxonResult r = wilcoxonSignedRank(values, Alternative::Greater);
        const double w = 1 + 2.5 + 4 + 6 + 6 + 8;
        QCOMPARE(r.wPlus, w);
        QVERIFY(std::fabs(r.pValue - bruteForceUpperTail(ranks, w)) < 1e-12);
        const WilcoxonResult less = wilcoxonSignedRank(values, Alternative::Less);
        // P(W+ ≤ w) = P(W− ≥ total − w) by symmetry of the sign patterns.
        QVERIFY(std::fabs(less.pValue - bruteForceUpperTail(ranks, 36 - w)) < 1e-12);
    }
    void wilcoxonNormalApproximation()
    {
        // 60 distinct magnitudes 1…60, the 20 smallest negative: W+ = 21 + … + 60 = 1620.
        std::vector<double> v;
        for (int i = 1; i <= 60; ++i)
            v.push_back(i <= 20 ? -i : i);
        const WilcoxonResult r = wilcoxonSignedRank(v, Alternative::Greater);
        QVERIFY(!r.exact);
        QCOMPARE(r.wPlus, 1620.0);
        const double mean = 60.0 * 61 / 4, sd = std::sqrt(60.0 * 61 * 121 / 24);
        const double z = (1620 - mean - 0.5) / sd;
        QVERIFY(std::fabs(r.z - z) < 1e-9);
        QVERIFY(std::fabs(r.pValue - 0.5 * std::erfc(z / std::sqrt(2.0))) < 1e-12);
        QVERIFY(r.pValue < 1e-6);
    }
    void pValueMatrix()
    {
        const TransferMatrix m = test::transferMatrix(
            {test::squareMatrix({{1, 1}, {0, 0}}), test::squareMatrix({{2, 1}, {0, 0}}),
             test::squareMatrix({{3, 1}, {0, 0}}), test::squareMatrix({{4, 1}, {0, 0}})});
        const SquareMatrix p = cellPValues(m);
        QVERIFY(std::fabs(p.at(0, 0) - 0.030466) < 1e-5);
        QCOMPARE(p.at(0, 1), 0.0); // identical nonzero runs
        QCOMPARE(p.at(1, 1), 1.0);
    }
};

QTEST_MAIN(TestSignificance)
#include "test_significance.moc"
