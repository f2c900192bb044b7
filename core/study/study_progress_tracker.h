#pragma once
// Turns the event stream of a study into study-level and cell-level progress with ETAs, weighting
// each cell by its cost (cellWork) and each phase of a cell by its share of that cost. Cells may run
// side by side (several workers): the study's progress is the finished work plus every running cell's.

#include "study/progress_meter.h"
#include "study/study_events.h"
#include "study/study_plan.h"

#include <QHash>
#include <memory>

namespace ts {

class StudyProgressTracker {
public:
    StudyProgressTracker(const StudySpec &spec, ProgressMeter::Clock clock = {});
    // For an explicit cell list (a data-selection experiment).
    StudyProgressTracker(const StudySpec &spec, const std::vector<PlannedCell> &cells, ProgressMeter::Clock clock = {});

    // Updates the meters; fills event.etaSeconds with the study's ETA when it is known.
    void observe(StudyEvent &event);

    const ProgressMeter &study() const { return *m_study; }
    const ProgressMeter *cell() const { return m_cell.get(); }
    const QString &currentCell() const { return m_currentCell; }
    int cellsDone() const { return m_cellsDone; }
    int cellCount() const { return int(m_work.size()); }

private:
    void updateStudy();

    ProgressMeter::Clock m_clock;
    QHash<QString, double> m_work;      // cell id → work units
    QHash<QString, double> m_trainWork; // cell id → share of the work that is training
    std::unique_ptr<ProgressMeter> m_study;
    std::unique_ptr<ProgressMeter> m_cell;
    QString m_currentCell;                 // the cell started last (the one the cell bar shows)
    QHash<QString, double> m_runningWork;  // cells running side by side → their work done so far
    double m_completedWork = 0;
    int m_cellsDone = 0;
};

} // namespace ts
