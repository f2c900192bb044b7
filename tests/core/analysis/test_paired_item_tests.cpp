#include "analysis/paired_item_tests.h"
#include "analysis/pgf.h"

#include <QtTest>
#include <cmath>

using namespace ts;

namespace {

// Deterministic pattern with the given share of ones (every k-th item wrong etc.).
std::vector<uint8_t> pattern(size_t n, double share, size_t phase = 0)
{
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = uint8_t(std::fmod(double(i + phase) * share, 1.0) < share ? 1 : 0);
    return v;
}

} // namespace

class TestPairedItemTests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mcnemarByHand()
    {
        QCOMPARE(mcnemarExact(0, 0).p, 1.0);
        QCOMPARE(mcnemarExact(5, 5).p, 1.0);
        QVERIFY(std::abs(mcnemarExact(0, 10).p - 2.0 / 1024.0) < 1e-12); // 2·0.5^10
        QVERIFY(std::abs(mcnemarExact(1, 9).p - 2.0 * 11.0 / 1024.0) < 1e-12); // 2·(1+10)/2^10
    }

    void mcnemarCountsDiscordantPairsAcrossRuns()
    {
        const std::vector<uint8_t> base{1, 1, 0, 0, 1, 0};
        const std::vector<uint8_t> run1{1, 0, 1, 1, 1, 0}; // b=1 (item 1), c=2 (items 2, 3)
        const std::vector<uint8_t> run2{0, 1, 0, 1, 1, 1}; // b=1 (item 0), c=2 (items 3, 5)
        const McNemarResult r = mcnemar({&run1, &run2}, base);
        QCOMPARE(r.onlyBase, 2LL);
        QCOMPARE(r.onlyFinetuned, 4LL);
        QVERIFY(std::abs(r.p - mcnemarExact(2, 4).p) < 1e-15);
        const std::vector<uint8_t> shorter{1, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mcnemar({&shorter}, base));
    }

    void bootstrapDegenerateCases()
    {
        const std::vector<uint8_t> base = pattern(200, 0.5);
        const PgfInterval same = bootstrapPgfInterval({&base}, base, 200, 7);
        QCOMPARE(same.low, 0.0); // no change in any resample
        QCOMPARE(same.high, 0.0);
        const std::vector<uint8_t> perfect(200, 1);
        const PgfInterval closed = bootstrapPgfInterval({&perfect}, base, 200, 7);
        // the whole gap closed in every resample (up to the ε of the PGF's denominator)
        QVERIFY(std::abs(closed.low - 1.0) < 1e-6 && std::abs(closed.high - 1.0) < 1e-6);
        const PgfInterval none = bootstrapPgfInterval({&base}, perfect, 200, 7);
        QVERIFY(std::isnan(none.low)); // a perfect base has no gap
    }

    void bootstrapCoversTheEstimateAndNarrowsWithMoreItems()
    {
        auto width = [](size_t n) {
            const std::vector<uint8_t> base = pattern(n, 0.5);
            const std::vector<uint8_t> ft = pattern(n, 0.7, 3);
            const PgfInterval ci = bootstrapPgfInterval({&ft}, base, 1000, 11);
            double b = 0, f = 0;
            for (size_t i = 0; i < n; ++i) {
                b += base[i];
                f += ft[i];
            }
            const double estimate = perfectionGapFactor(f / double(n), b / double(n));
            if (!(ci.low < estimate && estimate < ci.high))
                return -1.0;
            return ci.high - ci.low;
        };
        const double w100 = width(100), w1000 = width(1000);
        QVERIFY2(w100 > 0 && w1000 > 0, "the interval must contain the point estimate");
        // Binomial standard errors scale with 1/sqrt(n): ten times the items, about a third the width.
        QVERIFY2(w100 / w1000 > 2.5 && w100 / w1000 < 4.0, qPrintable(QString::number(w100 / w1000)));
    }

    void bootstrapIsDeterministicPerSeed()
    {
        const std::vector<uint8_t> base = pattern(300, 0.4);
        const std::vector<uint8_t> a = pattern(300, 0.55, 1), b = pattern(300, 0.6, 2);
        const PgfInterval x = bootstrapPgfInterval({&a, &b}, base, 300, 5);
        const PgfInterval y = bootstrapPgfInterval({&a, &b}, base, 300, 5);
        QCOMPARE(x.low, y.low);
        QCOMPARE(x.high, y.high);
        const PgfInterval z = bootstrapPgfInterval({&a, &b}, base, 300, 6);
        QVERIFY(z.low != x.low || z.high != x.high);
    }
};

QTEST_GUILESS_MAIN(TestPairedItemTests)
#include "test_paired_item_tests.moc"
