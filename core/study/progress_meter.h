#pragma once
// Progress with an ETA for long work (a cell, a study, a pretraining run). Work is measured in
// arbitrary units so that cells of different cost weigh what they cost. The clock is injectable
// so that the estimate can be tested.

#include <QString>
#include <functional>
#include <optional>

namespace ts {

class ProgressMeter {
public:
    using Clock = std::function<double()>; // seconds, monotonic

    explicit ProgressMeter(double totalWork, Clock clock = {});

    void setDone(double work);
    void advance(double work) { setDone(m_done + work); }
    // Work that was already done before this process started (a resumed study): it counts toward
    // the fraction but not toward the rate, or the ETA would be wildly optimistic.
    void setAlreadyDone(double work);

    double total() const { return m_total; }
    double done() const { return m_done; }
    double fraction() const;
    double elapsedSeconds() const;
    // Empty until enough work has been timed to say anything honest.
    std::optional<double> etaSeconds() const;

    // "[########............]  40%  12/30  01:02 elapsed  ETA 01:33"
    QString line(const QString &label, int barWidth = 24) const;
    static QString formatDuration(double seconds);

private:
    double now() const;

    double m_total;
    double m_done = 0;
    double m_baseline = 0; // work done before start
    double m_start;
    Clock m_clock;
};

} // namespace ts
