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
        break;
    case T::CellProgress:
        if (m_cell && event.cellId == m_currentCell && event.total > 0) {
            const double trainWork = m_trainWork.value(event.cellId, 0.0);
            const double evalWork = m_work.value(event.cellId, 1.0) - trainWork;
            const double f = event.done / event.total;
            m_cell->setDone(event.phase == QLatin1String("train") ? f * trainWork : trainWork + f * evalWork);
            m_study->setDone(m_completedWork + m_cell->done());
        }
        break;
    case T::CellFinished:
        m_completedWork += m_work.value(event.cellId, 0.0);
        ++m_cellsDone;
        m_study->setDone(m_completedWork);
        if (m_cell)
            m_cell->setDone(m_cell->total());
        break;
    case T::CellFailed:
        // A failed cell is not done, but its time is spent: count it so the ETA stays honest.
        m_completedWork += m_work.value(event.cellId, 0.0);
        m_study->setDone(m_completedWork);
        break;
    default:
        break;
    }
    if (const auto eta = m_study->etaSeconds())
        event.etaSeconds = *eta;
}

} // namespace ts
