#pragma once
// Live training curves of several cells in one QCustomPlot: each cell in its stable colour, the
// raw series faint under the smoothed line. Data changes only schedule a replot; a single-shot
// timer coalesces them (at most one replot per ~40 ms, as PlotJuggler does), and each replot draws
// decimated copies, so a fast stream of metric events never stalls the UI thread.

#include "ui/run/curve_store.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QCustomPlot;

namespace ts::ui {

enum class PlotMetric { Loss, LearningRate, Throughput, MeanAccuracy };

class CurvePlot : public QWidget {
    Q_OBJECT
public:
    explicit CurvePlot(const CurveStore *store, QWidget *parent = nullptr);

    void setMetric(PlotMetric metric);
    void setAxis(CurveAxis axis);
    void setSmoothing(double weight);
    void setShowRaw(bool show);
    // Cells to draw; empty draws every cell of the store.
    void setCells(const QStringList &cellIds);

    // Call after the store changed; replots within the coalescing interval.
    void scheduleReplot();
    void replotNow();

    QCustomPlot *plot() const { return m_plot; }
    int replotCount() const { return m_replots; }
    // The longest single replot so far, in milliseconds (the stall benchmark reads it).
    double longestReplotMs() const { return m_longestReplotMs; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool m_stale = false;
    const CurveStore *m_store;
    QCustomPlot *m_plot;
    QTimer m_coalesce;
    PlotMetric m_metric = PlotMetric::Loss;
    CurveAxis m_axis = CurveAxis::Steps;
    double m_smoothing = 0.6;
    bool m_showRaw = true;
    QStringList m_cells;
    int m_replots = 0;
    double m_longestReplotMs = 0;
};

} // namespace ts::ui
