#include "study/progress_meter.h"

#include <QtTest>

using namespace ts;

class TestProgressMeter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void etaFollowsTheMeasuredRate()
    {
        double t = 100.0;
        ProgressMeter m(1000, [&] { return t; });
        QVERIFY(!m.etaSeconds().has_value()); // nothing measured yet
        t += 10;
        m.setDone(250); // 25 units/s
        QCOMPARE(m.fraction(), 0.25);
        QCOMPARE(*m.etaSeconds(), 30.0);
        t += 10;
        m.advance(250);
        QCOMPARE(*m.etaSeconds(), 20.0);
        m.setDone(5000); // clamped
        QCOMPARE(m.fraction(), 1.0);
        QCOMPARE(*m.etaSeconds(), 0.0);
    }

    void resumedWorkDoesNotInflateTheRate()
    {
        double t = 0.0;
        ProgressMeter m(1000, [&] { return t; });
        m.setAlreadyDone(600); // cells finished by an earlier, interrupted run
        QCOMPARE(m.fraction(), 0.6);
        QVERIFY(!m.etaSeconds().has_value());
        t = 20;
        m.setDone(700); // 100 units in 20 s → 300 left at 5/s
        QCOMPARE(*m.etaSeconds(), 60.0);
    }

    void lineShowsBarPercentAndTimes()
    {
        double t = 0.0;
        ProgressMeter m(10, [&] { return t; });
        t = 65;
        m.setDone(5);
        QCOMPARE(m.line(QStringLiteral("5/10 cells"), 10),
                 QStringLiteral("[#####.....]  50%  5/10 cells  01:05 elapsed  ETA 01:05"));
        QCOMPARE(ProgressMeter::formatDuration(3725), QStringLiteral("1:02:05"));
    }
};

QTEST_GUILESS_MAIN(TestProgressMeter)
#include "test_progress_meter.moc"
