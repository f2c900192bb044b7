#include "study/study_progress_tracker.h"

namespace ts {

StudyProgressTracker::StudyProgressTracker(const StudySpec &spec, ProgressMeter::Clock clock)
    : StudyProgressTracker(spec, planStudy(spec), std::move(clock))
{
}

StudyProgressTracker::StudyProgressTracker(const StudySpec &spec, const std::vector<PlannedCell> &cells, ProgressMeter::Clock clock)
    : m_clock(std::move(clock))
{
    double total = 0;
    for (const PlannedCell &c : cells) {
        const double work = cellWork(c, spec.train.batch);
        m_work.insert(c.cellId(), work);
        m_trainWork.insert(c.cellId(), work - double(c.evalItems));
        total += work;
    }
    m_study = std::make_unique<ProgressMeter>(total, m_clock);
}

void StudyProgressTracker::observe(StudyEvent &event)
{
    using T = StudyEvent::Type;
    switch (event.type) {
    case T::StudyStarted:
        // Which cells are complete is known only by count here; weight them by the mean cell.
        if (event.cellCount > 0)
            m_completedWork = m_study->total() * double(event.cellsDone) / double(event.cellCount);
        m_cellsDone = event.cellsDone;
        m_study->setAlreadyDone(m_completedWork);
        break;
    case T::CellStarted:
        m_currentCell = event.cellId;
        m_cell = std::make_unique<ProgressMeter>(m_work.value(event.cellId, 1.0), m_clock);
        m_runningWork.insert(event.cellId, 0.0);
        break;
    case T::CellProgress:
        if (m_runningWork.contains(event.cellId) && event.total > 0) {
            const double trainWork = m_trainWork.value(event.cellId, 0.0);
            const double evalWork = m_work.value(event.cellId, 1.0) - trainWork;
            const double f = event.done / event.total;
            const double done = event.phase == QLatin1String("train") ? f * trainWork : trainWork + f * evalWork;
            m_runningWork.insert(event.cellId, done);
            if (m_cell && event.cellId == m_currentCell)
                m_cell->setDone(done);
            updateStudy();
        }
        break;
    case T::CellFinished:
    case T::CellFailed:
        // A failed cell is not done, but its time is spent: count it so the ETA stays honest.
        m_runningWork.remove(event.cellId);
        m_completedWork += m_work.value(event.cellId, 0.0);
        if (event.type == T::CellFinished)
            ++m_cellsDone;
        updateStudy();
        if (m_cell && event.cellId == m_currentCell && event.type == T::CellFinished)
            m_cell->setDone(m_cell->total());
        break;
    case T::CellStopped:
        m_runningWork.remove(event.cellId);
        updateStudy();
        break;
    default:
        break;
    }
    if (const auto eta = m_study->etaSeconds())
        event.etaSeconds = *eta;
}

void StudyProgressTracker::updateStudy()
{
    double running = 0;
    for (double w : std::as_const(m_runningWork))
        running += w;
    m_study->setDone(m_completedWork + running);
}

} // namespace ts
