#pragma once
// The training curves of a study's cells, as they arrive from the progress stream or from the
// cells stored under train/. Keeps every point (a cell logs at most a few thousand steps); the
// plot reads smoothed and decimated copies, so storage never depends on the view.

#include "store/cell_record.h"

#include <QString>
#include <QStringList>
#include <limits>
#include <map>
#include <vector>

namespace ts::ui {

enum class CurveMetric { Loss, LearningRate, Throughput };
enum class CurveAxis { Steps, WallSeconds };

struct CellCurve {
    std::vector<double> step;
    std::vector<double> wall;
    std::vector<double> loss;
    std::vector<double> lr;
    std::vector<double> samplesPerSecond;
    // Mean accuracy over the targets once the cell is evaluated (NaN before).
    double meanAccuracy = std::numeric_limits<double>::quiet_NaN();

    const std::vector<double> &values(CurveMetric metric) const;
    const std::vector<double> &axis(CurveAxis axis) const { return axis == CurveAxis::Steps ? step : wall; }
    int size() const { return int(step.size()); }
};

class CurveStore {
public:
    // A step that is not after the last one starts the curve over (a resumed cell re-runs from its
    // checkpoint, so its earlier points past that step are replaced, never duplicated).
    void append(const QString &cellId, double step, double loss, double lr, double samplesPerSecond, double wall);
    // Replaces the cell's curve with the stored one (a completed cell read from the store).
    void setStored(const QString &cellId, const TrainCurve &curve);
    void setMeanAccuracy(const QString &cellId, double accuracy);
    void clear()
    {
        m_curves.clear();
        ++m_generation;
    }
    // Changes with every clear(): a view that caches per-cell drawings starts over.
    int generation() const { return m_generation; }

    bool contains(const QString &cellId) const { return m_curves.count(cellId) > 0; }
    const CellCurve *curve(const QString &cellId) const;
    QStringList cellIds() const;
    long long pointCount() const;

private:
    std::map<QString, CellCurve> m_curves;
    int m_generation = 0;
};

} // namespace ts::ui
