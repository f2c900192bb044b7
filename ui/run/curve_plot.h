#pragma once
// Live training curves of several cells in one QCustomPlot: each cell in its stable colour, the
// raw series faint under the smoothed line. Data changes only schedule a replot; a single-shot
// timer coalesces them (at most one replot per ~40 ms, as PlotJuggler does), and each replot draws
// decimated copies, so a fast stream of metric events never stalls the UI thread. A replot updates
// only the cells whose curve changed: a study of 45 cells has 90 graphs, and rebuilding them all at
// every step of the running cells took ~75 ms of the UI thread.

#include "ui/run/curve_store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>
#include <limits>

class QCPGraph;
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
    // The graphs of one cell and what they were drawn from (a cell whose curve is unchanged is skipped).
    struct CellGraphs {
        QCPGraph *raw = nullptr;
        QCPGraph *line = nullptr;
        int size = -1;
        double lastX = std::numeric_limits<double>::quiet_NaN();
        double lastY = std::numeric_limits<double>::quiet_NaN();
        double accuracy = std::numeric_limits<double>::quiet_NaN();
    };
    void drawCell(const QString &cellId, const CellCurve &curve, CellGraphs &graphs, int buckets);
    void removeCell(CellGraphs &graphs);

    bool m_stale = false;
    QHash<QString, CellGraphs> m_graphs;
    QString m_drawnWith; // metric, axis, smoothing, raw, width, cell filter, store generation
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
