#include "ui/run/curve_plot.h"

#include "ui/run/run_colours.h"
#include "ui/run/smoothing.h"
#include "ui/widgets/qcustomplot_include.h"

#include <QVBoxLayout>
#include <cmath>

namespace ts::ui {

namespace {
constexpr int kCoalesceMs = 40;
constexpr int kMinBuckets = 200;

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
    m_plot->clearGraphs();
    m_plot->clearPlottables();
    const QStringList ids = m_cells.isEmpty() ? m_store->cellIds() : m_cells;
    const int buckets = std::max(kMinBuckets, m_plot->axisRect()->width() / 2);
    m_plot->xAxis->setLabel(m_axis == CurveAxis::Steps ? tr("step") : tr("wall time in the cell (s)"));
    m_plot->yAxis->setLabel(metricLabel(m_metric));
    std::vector<double> xs, ys;
    for (const QString &id : ids) {
        const CellCurve *c = m_store->curve(id);
        if (!c)
            continue;
        const QColor colour = stableRunColour(id);
        if (m_metric == PlotMetric::MeanAccuracy) {
            if (std::isnan(c->meanAccuracy))
                continue;
            auto *g = m_plot->addGraph();
            g->setName(shortCellName(id));
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 8));
            const double x = c->size() ? c->axis(m_axis).back() : 0;
            g->addData(x, c->meanAccuracy);
            continue;
        }
        if (c->size() == 0)
            continue;
        const std::vector<double> &x = c->axis(m_axis);
        const std::vector<double> &y = c->values(m_metric == PlotMetric::Loss ? CurveMetric::Loss
                                                 : m_metric == PlotMetric::LearningRate ? CurveMetric::LearningRate
                                                                                        : CurveMetric::Throughput);
        if (m_showRaw && m_smoothing > 0) {
            auto *raw = m_plot->addGraph();
            QColor faint = colour;
            faint.setAlpha(60);
            raw->setPen(QPen(faint, 1));
            decimateMinMax(x, y, buckets, xs, ys);
            raw->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()), true);
            m_plot->legend->removeItem(m_plot->legend->itemCount() - 1);
        }
        // Smooth the full series first, then decimate: the line does not depend on the plot's width.
        const std::vector<double> smoothed = debiasedEma(x, y, m_smoothing);
        decimateMinMax(x, smoothed, buckets, xs, ys);
        auto *line = m_plot->addGraph();
        line->setName(shortCellName(id));
        line->setPen(QPen(colour, 2));
        line->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()), true);
    }
    m_plot->rescaleAxes();
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0 && m_plot->legend->itemCount() <= 12);
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    ++m_replots;
    m_longestReplotMs = std::max(m_longestReplotMs, clock.nsecsElapsed() / 1e6);
}

} // namespace ts::ui
