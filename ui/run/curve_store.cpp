#include "ui/run/curve_store.h"

#include <algorithm>

namespace ts::ui {

const std::vector<double> &CellCurve::values(CurveMetric metric) const
{
    switch (metric) {
    case CurveMetric::Loss: return loss;
    case CurveMetric::LearningRate: return lr;
    case CurveMetric::Throughput: return samplesPerSecond;
    }
    return loss;
}

void CurveStore::append(const QString &cellId, double step, double loss, double lr, double samplesPerSecond, double wall)
{
    CellCurve &c = m_curves[cellId];
    if (!c.step.empty() && step <= c.step.back()) {
        // Keep the points before the step the resumed run restarts from.
        const auto keep = std::size_t(std::lower_bound(c.step.begin(), c.step.end(), step) - c.step.begin());
        for (auto *v : {&c.step, &c.wall, &c.loss, &c.lr, &c.samplesPerSecond})
            v->resize(keep);
    }
    c.step.push_back(step);
    c.wall.push_back(wall);
    c.loss.push_back(loss);
    c.lr.push_back(lr);
    c.samplesPerSecond.push_back(samplesPerSecond);
}

void CurveStore::setStored(const QString &cellId, const TrainCurve &curve)
{
    CellCurve &c = m_curves[cellId];
    const double accuracy = c.meanAccuracy;
    c = CellCurve();
    c.meanAccuracy = accuracy;
    c.step.assign(curve.step.begin(), curve.step.end());
    c.wall.assign(curve.wallSeconds.begin(), curve.wallSeconds.end());
    c.loss.assign(curve.loss.begin(), curve.loss.end());
    c.lr.assign(curve.learningRate.begin(), curve.learningRate.end());
    c.samplesPerSecond.assign(curve.samplesPerSecond.begin(), curve.samplesPerSecond.end());
}

void CurveStore::setMeanAccuracy(const QString &cellId, double accuracy)
{
    m_curves[cellId].meanAccuracy = accuracy;
}

const CellCurve *CurveStore::curve(const QString &cellId) const
{
    const auto it = m_curves.find(cellId);
    return it == m_curves.end() ? nullptr : &it->second;
}

QStringList CurveStore::cellIds() const
{
    QStringList ids;
    for (const auto &[id, c] : m_curves)
        ids << id;
    return ids;
}

long long CurveStore::pointCount() const
{
    long long n = 0;
    for (const auto &[id, c] : m_curves)
        n += c.size();
    return n;
}

} // namespace ts::ui
