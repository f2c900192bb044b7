#include "ui/run/curve_plot.h"

#include "ui/run/run_colours.h"
#include "ui/run/smoothing.h"
#include "ui/widgets/qcustomplot_include.h"

#include <QSet>
#include <QVBoxLayout>
#include <cmath>

namespace ts::ui {

namespace {
constexpr int kCoalesceMs = 40;
constexpr int kMinBuckets = 200;
constexpr int kMaxLegendEntries = 12; // more cells: no legend (it would cover the plot), no antialiasing

QString metricLabel(PlotMetric metric)
{
    switch (metric) {
    case PlotMetric::Loss: return CurvePlot::tr("training loss");
    case PlotMetric::LearningRate: return CurvePlot::tr("learning rate");
    case PlotMetric::Throughput: return CurvePlot::tr("samples / s");
    case PlotMetric::MeanAccuracy: return CurvePlot::tr("mean target accuracy");
    }
    return {};
}

QString shortCellName(const QString &id)
{
    // "finetune__suite-tiny__Counting__seed0" → "suite-tiny · Counting · seed0"
    QStringList parts = id.split(QStringLiteral("__"));
    if (parts.size() == 4) {
        if (parts[2] == QLatin1String("-"))
            parts[2] = parts[0];
        return parts.mid(1).join(QStringLiteral(" · "));
    }
    return id;
}
} // namespace

CurvePlot::CurvePlot(const CurveStore *store, QWidget *parent) : QWidget(parent), m_store(store), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    // Translucent: with a dozen cells the legend covers part of the curves, which must stay visible.
    m_plot->legend->setBrush(QColor(255, 255, 255, 170));
    m_plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 90)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setNoAntialiasingOnDrag(true);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &CurvePlot::replotNow);
    replotNow();
}

void CurvePlot::setMetric(PlotMetric metric) { m_metric = metric; scheduleReplot(); }
void CurvePlot::setAxis(CurveAxis axis) { m_axis = axis; scheduleReplot(); }
void CurvePlot::setSmoothing(double weight) { m_smoothing = weight; scheduleReplot(); }
void CurvePlot::setShowRaw(bool show) { m_showRaw = show; scheduleReplot(); }
void CurvePlot::setCells(const QStringList &cellIds) { m_cells = cellIds; scheduleReplot(); }

void CurvePlot::scheduleReplot()
{
    // A hidden plot (a tab behind another) catches up when shown.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void CurvePlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        scheduleReplot();
}

void CurvePlot::replotNow()
{
    m_stale = false;
    QElapsedTimer clock;
    clock.start();
    const QStringList ids = m_cells.isEmpty() ? m_store->cellIds() : m_cells;
    const int buckets = std::max(kMinBuckets, m_plot->axisRect()->width() / 2);
    const QString drawnWith = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                                  .arg(int(m_metric)).arg(int(m_axis)).arg(m_smoothing).arg(m_showRaw).arg(buckets)
                                  .arg(m_cells.join(QLatin1Char(','))).arg(m_store->generation());
    if (drawnWith != m_drawnWith) { // another view of the data: every cell is drawn again
        m_plot->clearGraphs();
        m_graphs.clear();
        m_drawnWith = drawnWith;
        m_plot->xAxis->setLabel(m_axis == CurveAxis::Steps ? tr("step") : tr("wall time in the cell (s)"));
        m_plot->yAxis->setLabel(metricLabel(m_metric));
    }
    const QSet<QString> wanted(ids.begin(), ids.end());
    for (auto it = m_graphs.begin(); it != m_graphs.end();) {
        if (!wanted.contains(it.key()) || !m_store->curve(it.key())) {
            removeCell(it.value());
            it = m_graphs.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &id : ids)
        if (const CellCurve *c = m_store->curve(id))
            drawCell(id, *c, m_graphs[id], buckets);
    // Antialiased 2-px lines cost ~0.45 ms each per replot: with a whole study drawn (45 cells) that was
    // 21 ms here and 75-97 ms on a loaded machine, so beyond a legend's worth of lines they are drawn plain.
    const bool few = m_plot->legend->itemCount() <= kMaxLegendEntries;
    m_plot->setNotAntialiasedElements(few ? QCP::aeNone : QCP::aePlottables);
    m_plot->rescaleAxes();
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0 && few);
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    ++m_replots;
    m_longestReplotMs = std::max(m_longestReplotMs, clock.nsecsElapsed() / 1e6);
}

namespace {
bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}
} // namespace

void CurvePlot::drawCell(const QString &id, const CellCurve &c, CellGraphs &g, int buckets)
{
    const double lastX = c.size() ? c.axis(m_axis).back() : std::nan("");
    const double lastY = c.size() ? c.loss.back() : std::nan("");
    if (g.size == c.size() && same(g.lastX, lastX) && same(g.lastY, lastY) && same(g.accuracy, c.meanAccuracy))
        return; // unchanged since it was drawn
    g.size = c.size();
    g.lastX = lastX;
    g.lastY = lastY;
    g.accuracy = c.meanAccuracy;
    const QColor colour = stableRunColour(id);
    if (m_metric == PlotMetric::MeanAccuracy) {
        if (std::isnan(c.meanAccuracy))
            return;
        if (!g.line) {
            g.line = m_plot->addGraph();
            g.line->setName(shortCellName(id));
            g.line->setLineStyle(QCPGraph::lsNone);
            g.line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 8));
        }
        g.line->data()->clear();
        g.line->addData(c.size() ? lastX : 0, c.meanAccuracy);
        return;
    }
    if (c.size() == 0)
        return;
    const std::vector<double> &x = c.axis(m_axis);
    const std::vector<double> &y = c.values(m_metric == PlotMetric::Loss ? CurveMetric::Loss
                                            : m_metric == PlotMetric::LearningRate ? CurveMetric::LearningRate
                                                                                   : CurveMetric::Throughput);
    std::vector<double> xs, ys;
    if (m_showRaw && m_smoothing > 0) {
        if (!g.raw) {
            g.raw = m_plot->addGraph();
            QColor faint = colour;
            faint.setAlpha(60);
            g.raw->setPen(QPen(faint, 1));
            g.raw->setAntialiased(false); // faint 1-px noise: antialiasing it doubled the replot of a study
            g.raw->removeFromLegend();
        }
        decimateMinMax(x, y, buckets, xs, ys);
        g.raw->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()), true);
    }
    if (!g.line) {
        g.line = m_plot->addGraph();
        g.line->setName(shortCellName(id));
        g.line->setPen(QPen(colour, 2));
    }
    // Smooth the full series first, then decimate: the line does not depend on the plot's width.
    const std::vector<double> smoothed = debiasedEma(x, y, m_smoothing);
    decimateMinMax(x, smoothed, buckets, xs, ys);
    g.line->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()), true);
}

void CurvePlot::removeCell(CellGraphs &g)
{
    for (QCPGraph *graph : {g.raw, g.line})
        if (graph)
            m_plot->removeGraph(graph);
    g = CellGraphs();
}

} // namespace ts::ui
