#include "task_test_util.h"
#include "tasks/task_registry.h"

#include <QtTest>
#include <thread>

using namespace ts::tasks;

class TestTaskDeterminism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameRequestSameBytes()
    {
        for (const TaskSpec &t : suiteTasks()) {
            for (Split split : {Split::Train, Split::Val, Split::Test}) {
                SampleRequest r;
                r.split = split;
                r.index = 42;
                r.seed = 7;
                const TaskSample a = generateSample(t, r), b = generateSample(t, r);
                QCOMPARE(a.images.size(), b.images.size());
                for (size_t k = 0; k < a.images.size(); ++k)
                    QVERIFY2(toRgbBytes(a.images[k]) == toRgbBytes(b.images[k]), qPrintable(t.abbreviation));
                QCOMPARE(a.prompt(), b.prompt());
                QCOMPARE(a.answer, b.answer);
                QCOMPARE(a.scene(), b.scene());
                QCOMPARE(sampleDigest(a), sampleDigest(b));
            }
        }
    }

    void inputsChangeTheSample()
    {
        for (const TaskSpec &t : suiteTasks()) {
            SampleRequest r;
            r.index = 5;
            const uint64_t base = sampleDigest(generateSample(t, r));
            SampleRequest other = r;
            other.index = 6;
            QVERIFY2(sampleDigest(generateSample(t, other)) != base, qPrintable(t.abbreviation));
            other = r;
            other.seed = 1;
            QVERIFY2(sampleDigest(generateSample(t, other)) != base, qPrintable(t.abbreviation));
            other = r;
            other.split = Split::Test;
            QVERIFY2(sampleDigest(generateSample(t, other)) != base, qPrintable(t.abbreviation));
        }
    }

    // No hidden state: digests taken first are reproduced after much other generation.
    void digestsStableWithinTheRun()
    {
        std::vector<uint64_t> first;
        for (const TaskSpec &t : suiteTasks())
            for (int i = 0; i < 3; ++i) {
                SampleRequest r;
                r.index = 100 + i;
                first.push_back(sampleDigest(generateSample(t, r)));
            }
        for (const TaskSpec &t : suiteTasks())
            for (int i = 0; i < 20; ++i) {
                SampleRequest r;
                r.split = Split::Train;
                r.index = i;
                r.level = i % 4;
                generateSample(t, r);
            }
        size_t k = 0;
        for (const TaskSpec &t : suiteTasks())
            for (int i = 0; i < 3; ++i) {
                SampleRequest r;
                r.index = 100 + i;
                QCOMPARE(sampleDigest(generateSample(t, r)), first[k++]);
            }
    }

    // Loaders may render in parallel: two threads give the bytes one thread gives.
    void threadsGiveTheSameBytes()
    {
        std::vector<uint64_t> serial, left, right;
        auto run = [](std::vector<uint64_t> &out, int from, int to) {
            for (const TaskSpec &t : suiteTasks())
                for (int i = from; i < to; ++i) {
                    SampleRequest r;
                    r.split = Split::Train;
                    r.index = i;
                    out.push_back(sampleDigest(generateSample(t, r)));
                }
        };
        run(serial, 0, 8);
        std::thread a([&] { run(left, 0, 8); });
        std::thread b([&] { run(right, 0, 8); });
        a.join();
        b.join();
        QVERIFY(left == serial);
        QVERIFY(right == serial);
    }

    // Each letter is correct equally often (±2 %) in every split: the full val split as generated,
    // and blocks of train and test.
    void labelsBalancedPerSplit()
    {
        auto checkShares = [](const TaskSpec &t, const std::vector<int> &counts, int total, const QString &what) {
            for (size_t l = 0; l < counts.size(); ++l) {
                const double share = double(counts[l]) / total;
                QVERIFY2(std::abs(share - 1.0 / t.options) <= 0.02,
                         qPrintable(QStringLiteral("%1 %2: letter %3 share %4").arg(t.abbreviation, what, letter(int(l))).arg(share)));
            }
        };
        for (const TaskSpec &t : suiteTasks()) {
            std::vector<int> counts(size_t(t.options), 0);
            const int n = splitSize(t, Split::Val);
            for (int i = 0; i < n; ++i) {
                SampleRequest r;
                r.split = Split::Val;
                r.index = i;
                const TaskSample s = generateSample(t, r);
                QCOMPARE(s.answer, answerFor(t, Split::Val, i, 0));
                ++counts[size_t(s.answer)];
            }
            checkShares(t, counts, n, QStringLiteral("val"));

            std::vector<int> blink(size_t(t.options), 0);
            for (int i = 0; i < splitSize(t, Split::Val, true); ++i)
                ++blink[size_t(answerFor(t, Split::Val, i, 0))];
            for (int c : blink) // BLINK-sized val: within one item of exact
                QVERIFY(std::abs(c - splitSize(t, Split::Val, true) / t.options) <= 1);

            for (Split split : {Split::Train, Split::Test}) {
                std::vector<int> c(size_t(t.options), 0);
                for (int i = 0; i < 1200; ++i)
                    ++c[size_t(answerFor(t, split, i, 3))];
                checkShares(t, c, 1200, splitName(split));
            }
        }
    }

    // The letter order is not a fixed cycle (a model must not learn "index mod n").
    void lettersAreNotACycle()
    {
        const TaskSpec &t = *findTask(QStringLiteral("CO"));
        int same = 0;
        for (int i = 0; i + 4 < 400; ++i)
            same += answerFor(t, Split::Val, i, 0) == answerFor(t, Split::Val, i + 4, 0);
        QVERIFY(same < 200);
    }
};

QTEST_GUILESS_MAIN(TestTaskDeterminism)
#include "test_task_determinism.moc"
