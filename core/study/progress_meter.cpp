#include "study/progress_meter.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

namespace ts {

namespace {
double monotonicSeconds()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return double(timer.nsecsElapsed()) * 1e-9;
}
} // namespace

ProgressMeter::ProgressMeter(double totalWork, Clock clock)
    : m_total(std::max(totalWork, 0.0)), m_clock(std::move(clock))
{
    m_start = now();
}

double ProgressMeter::now() const
{
    return m_clock ? m_clock() : monotonicSeconds();
}

void ProgressMeter::setDone(double work)
{
    m_done = std::clamp(work, 0.0, m_total);
}

void ProgressMeter::setAlreadyDone(double work)
{
    m_baseline = std::clamp(work, 0.0, m_total);
    m_done = std::max(m_done, m_baseline);
}

double ProgressMeter::fraction() const
{
    return m_total > 0 ? m_done / m_total : 1.0;
}

double ProgressMeter::elapsedSeconds() const
{
    return now() - m_start;
}

std::optional<double> ProgressMeter::etaSeconds() const
{
    const double timed = m_done - m_baseline;
    const double elapsed = elapsedSeconds();
    if (m_done >= m_total)
        return 0.0;
    // Below 1 % of the work or half a second the rate is mostly start-up cost.
    if (timed <= 0 || timed < 0.01 * (m_total - m_baseline) || elapsed < 0.5)
        return std::nullopt;
    return elapsed / timed * (m_total - m_done);
}

QString ProgressMeter::formatDuration(double seconds)
{
    const long long s = std::llround(std::max(seconds, 0.0));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString ProgressMeter::line(const QString &label, int barWidth) const
{
    const int filled = int(std::floor(fraction() * barWidth));
    const QString bar = QString(filled, QLatin1Char('#')) + QString(barWidth - filled, QLatin1Char('.'));
    const auto eta = etaSeconds();
    return QStringLiteral("[%1] %2%  %3  %4 elapsed  ETA %5")
        .arg(bar)
        .arg(int(std::floor(fraction() * 100)), 3)
        .arg(label, formatDuration(elapsedSeconds()), eta ? formatDuration(*eta) : QStringLiteral("--:--"));
}

} // namespace ts
