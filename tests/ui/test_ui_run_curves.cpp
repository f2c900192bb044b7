// The curve pipeline without a process: the progress parser takes a stream cut anywhere, the EMA is
// debiased and x-aware, decimation keeps spikes, and a resumed cell's curve does not duplicate steps.

#include "ui/run/cell_grid_model.h"
#include "ui/run/curve_plot.h"
#include "ui/widgets/qcustomplot_include.h"
#include "ui/run/curve_store.h"
#include "ui/run/progress_line_parser.h"
#include "ui/run/run_colours.h"
#include "ui/run/smoothing.h"

#include <QtTest>
#include <cmath>

using namespace ts;
using namespace ts::ui;

class TestRunCurves : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parserJoinsSplitLines();
    void emaIsDebiasedAndXAware();
    void decimationKeepsSpikes();
    void resumedCellReplacesSteps();
    void coloursAreStable();
    void followedCellShowsItsWholeRunTime();
    void replotRedrawsOnlyChangedCells();
};

void TestRunCurves::parserJoinsSplitLines()
{
    ProgressLineParser p;
    const QByteArray stream = "{\"event\":\"metric\",\"cell\":\"c\",\"step\":3,\"loss\":1.5,\"lr\":0.1,\"samples_per_second\":9,\"wall_seconds\":2}\n"
                              "warning: something\n{\"event\":\"cell_finished\",\"cell\":\"c\",\"accuracies\":{\"Counting\":0.5}}\n";
    std::vector<StudyEvent> events;
    QStringList other;
    for (int i = 0; i < stream.size(); i += 7) { // pieces that cut lines and UTF-8 anywhere
        auto r = p.feed(stream.mid(i, 7));
        events.insert(events.end(), r.events.begin(), r.events.end());
        other << r.otherLines;
    }
    QCOMPARE(int(events.size()), 2);
    QCOMPARE(events[0].type, StudyEvent::Type::Metric);
    QCOMPARE(events[0].step, 3LL);
    QCOMPARE(events[0].loss, 1.5);
    QCOMPARE(events[1].type, StudyEvent::Type::CellFinished);
    QCOMPARE(events[1].accuracies.value(QStringLiteral("Counting")).toDouble(), 0.5);
    QCOMPARE(other, QStringList{QStringLiteral("warning: something")});
}

void TestRunCurves::emaIsDebiasedAndXAware()
{
    // Debiased: a constant series stays exactly constant (a plain EMA started at 0 would rise).
    const std::vector<double> x{1, 2, 3, 4, 5}, c(5, 2.0);
    for (double v : debiasedEma(x, c, 0.9))
        QCOMPARE(v, 2.0);
    // The first point is the first value, not pulled towards 0.
    const std::vector<double> y{10, 0, 0, 0, 0};
    const auto s = debiasedEma(x, y, 0.5);
    QCOMPARE(s[0], 10.0);
    QVERIFY(std::abs(s[1] - 10.0 / 3) < 1e-12); // (0.5·10 + 0) / (0.5 + 1)
    // x-aware: a gap of two typical spacings decays like two steps.
    const std::vector<double> xg{1, 2, 3, 5}, yg{10, 10, 10, 0};
    const auto g = debiasedEma(xg, yg, 0.5);
    const double num = 0.25 * (0.25 * 10 + 0.5 * 10 + 10), den = 0.25 * (0.25 + 0.5 + 1) + 1;
    QVERIFY(std::abs(g[3] - num / den) < 1e-12);
    // Weight 0 leaves the series alone.
    QCOMPARE(debiasedEma(x, y, 0.0), y);
}

void TestRunCurves::decimationKeepsSpikes()
{
    std::vector<double> x, y, xo, yo;
    for (int i = 0; i < 100000; ++i) {
        x.push_back(i);
        y.push_back(i == 54321 ? 100.0 : std::sin(i * 0.001));
    }
    decimateMinMax(x, y, 500, xo, yo);
    QVERIFY(xo.size() <= 1500);
    QVERIFY(std::find(yo.begin(), yo.end(), 100.0) != yo.end());
    QVERIFY(std::is_sorted(xo.begin(), xo.end()));
    QCOMPARE(xo.front(), 0.0);
}

void TestRunCurves::resumedCellReplacesSteps()
{
    CurveStore store;
    for (int s = 1; s <= 10; ++s)
        store.append(QStringLiteral("c"), s, 1.0 / s, 0.1, 50, s * 0.1);
    // Resumed from the checkpoint at step 6: steps 7.. are re-run.
    for (int s = 7; s <= 12; ++s)
        store.append(QStringLiteral("c"), s, 2.0, 0.1, 50, s * 0.1);
    const CellCurve *c = store.curve(QStringLiteral("c"));
    QCOMPARE(c->size(), 12);
    QVERIFY(std::is_sorted(c->step.begin(), c->step.end()));
    QCOMPARE(c->loss[6], 2.0);
}

void TestRunCurves::coloursAreStable()
{
    const QString id = QStringLiteral("finetune__suite-tiny__Counting__seed0");
    QCOMPARE(stableRunColour(id), stableRunColour(QString(id)));
    QVERIFY(stableRunColour(id) != stableRunColour(QStringLiteral("finetune__suite-tiny__Jigsaw__seed0")));
}

QTEST_MAIN(TestRunCurves)
void TestRunCurves::followedCellShowsItsWholeRunTime()
{
    // Attaching replays a log: the cell's clock starts now, but its steps say it has run 90 s already.
    CellGridModel grid;
    StudyEvent started;
    started.type = StudyEvent::Type::CellStarted;
    started.cellId = QStringLiteral("finetune__m__Counting__seed0");
    grid.apply(started);
    StudyEvent metric;
    metric.type = StudyEvent::Type::Metric;
    metric.cellId = started.cellId;
    metric.step = 100;
    metric.wallSeconds = 90;
    grid.apply(metric);
    const QModelIndex elapsed = grid.index(grid.rowOf(started.cellId), CellGridModel::ElapsedColumn);
    QCOMPARE(grid.data(elapsed, Qt::DisplayRole).toString(), QStringLiteral("1:30"));
    // A stop freezes the same run time.
    grid.markInterrupted(CellState::Stopped);
    QCOMPARE(grid.data(elapsed, Qt::DisplayRole).toString(), QStringLiteral("1:30"));
}

void TestRunCurves::replotRedrawsOnlyChangedCells()
{
    CurveStore store;
    for (const char *cell : {"a", "b", "c"})
        for (int step = 1; step <= 5; ++step)
            store.append(QLatin1String(cell), step, 1.0 / step, 0.1, 10, step);
    CurvePlot plot(&store);
    plot.resize(600, 400);
    plot.show();
    plot.replotNow();
    QCustomPlot *p = plot.plot();
    QCOMPARE(p->graphCount(), 6);            // raw + smoothed line per cell
    QCOMPARE(p->legend->itemCount(), 3);     // lines only
    QCPGraph *lineA = p->graph(1);
    const double lastA = lineA->data()->at(lineA->data()->size() - 1)->value;
    // One more step of cell b: its graphs get the point, a's are the same objects with the same data.
    store.append(QStringLiteral("b"), 6, 0.05, 0.1, 10, 6);
    plot.replotNow();
    QCOMPARE(p->graphCount(), 6);
    QCOMPARE(p->graph(1), lineA);
    QCOMPARE(lineA->data()->at(lineA->data()->size() - 1)->value, lastA);
    QCOMPARE(p->graph(3)->data()->size(), 6);
    QCOMPARE(p->graph(3)->data()->at(5)->key, 6.0);
    // Another study (the store starts over): only its cells are drawn.
    store.clear();
    store.append(QStringLiteral("d"), 1, 0.5, 0.1, 10, 1);
    plot.replotNow();
    QCOMPARE(p->graphCount(), 2);
    QCOMPARE(p->legend->itemCount(), 1);
    // Another metric redraws every cell from its own series.
    plot.setMetric(PlotMetric::LearningRate);
    plot.replotNow();
    QCOMPARE(p->graphCount(), 2);
    QCOMPARE(p->graph(1)->data()->at(0)->value, 0.1);
}

#include "test_ui_run_curves.moc"
