#include "ui/run/cell_grid_model.h"

#include "ui/run/run_colours.h"

#include <QColor>
#include <algorithm>

namespace ts::ui {

namespace {

QString duration(double seconds)
{
    if (!(seconds >= 0))
        return QStringLiteral("–");
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

CellGridModel::CellGridModel(QObject *parent) : QAbstractTableModel(parent) {}

QString CellGridModel::stateName(CellState state)
{
    switch (state) {
    case CellState::Queued: return tr("queued");
    case CellState::Running: return tr("running");
    case CellState::Done: return tr("done");
    case CellState::Failed: return tr("failed");
    case CellState::Stopped: return tr("stopped");
    }
    return {};
}

void CellGridModel::setPlan(const std::vector<PlannedCell> &cells, const QStringList &completedIds)
{
    beginResetModel();
    m_rows.clear();
    for (const PlannedCell &c : cells) {
        Row r;
        r.id = c.cellId();
        r.kind = cellKindName(c.kind);
        r.model = c.model;
        r.source = c.source;
        r.seed = c.seed;
        r.state = completedIds.contains(r.id) ? CellState::Done : CellState::Queued;
        if (r.state == CellState::Done)
            r.fraction = 1;
        m_rows.push_back(std::move(r));
    }
    endResetModel();
}

int CellGridModel::rowOf(const QString &cellId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == cellId)
            return int(i);
    return -1;
}

int CellGridModel::ensureRow(const QString &cellId)
{
    int row = rowOf(cellId);
    if (row >= 0)
        return row;
    // A cell the plan did not list (a data-selection mixture): its id carries its parts.
    Row r;
    r.id = cellId;
    const QStringList parts = cellId.split(QStringLiteral("__"));
    r.kind = parts.value(0);
    r.model = parts.value(1);
    r.source = parts.value(2);
    r.seed = parts.value(3).mid(4).toInt();
    row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(std::move(r));
    endInsertRows();
    return row;
}

void CellGridModel::touch(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CellGridModel::apply(const StudyEvent &e)
{
    using T = StudyEvent::Type;
    if (e.type == T::StudyStarted || e.type == T::StudyFinished || e.cellId.isEmpty())
        return;
    const int row = ensureRow(e.cellId);
    Row &r = m_rows[std::size_t(row)];
    switch (e.type) {
    case T::CellStarted:
        r.state = CellState::Running;
        r.fraction = 0;
        r.phase.clear();
        r.clock.start();
        r.clockOffset = 0;
        break;
    case T::CellProgress:
        if (r.state != CellState::Running) {
            r.state = CellState::Running;
            r.clock.start();
            r.clockOffset = 0;
        }
        r.phase = e.phase;
        r.fraction = e.total > 0 ? e.done / e.total : 0;
        break;
    case T::Metric:
        // The step's time since the cell began: a log replayed on attach started the clock late.
        if (r.clock.isValid() && e.wallSeconds > 0)
            r.clockOffset = std::max(r.clockOffset, e.wallSeconds - r.clock.elapsed() / 1000.0);
        return; // curves, not the grid; too frequent to repaint the row for
    case T::CellFinished:
        r.state = CellState::Done;
        r.fraction = 1;
        break;
    case T::CellFailed:
        r.state = CellState::Failed;
        r.message = e.message;
        break;
    case T::CellStopped:
        r.state = CellState::Stopped;
        r.message = e.message;
        break;
    default:
        break;
    }
    if (r.state != CellState::Running && r.clock.isValid()) {
        r.elapsed = runSeconds(r);
        r.clock.invalidate();
    }
    touch(row);
}

void CellGridModel::markInterrupted(CellState state)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].state != CellState::Running)
            continue;
        m_rows[i].state = state;
        if (m_rows[i].clock.isValid())
            m_rows[i].elapsed = runSeconds(m_rows[i]);
        m_rows[i].clock.invalidate();
        touch(int(i));
    }
}

void CellGridModel::markCompleted(const QStringList &completedIds)
{
    for (const QString &id : completedIds) {
        const int row = ensureRow(id);
        Row &r = m_rows[std::size_t(row)];
        if (r.state == CellState::Done)
            continue;
        r.state = CellState::Done;
        r.fraction = 1;
        r.clock.invalidate();
        touch(row);
    }
}

void CellGridModel::setStoredDuration(const QString &cellId, double seconds)
{
    const int row = rowOf(cellId);
    if (row < 0 || seconds <= 0)
        return;
    Row &r = m_rows[std::size_t(row)];
    if (r.clock.isValid()) // still running here: its own clock is the truth
        return;
    r.elapsed = seconds;
    touch(row);
}

int CellGridModel::count(CellState state) const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.state == state;
    return n;
}

QStringList CellGridModel::runningCells() const
{
    QStringList ids; // several when the study runs cells side by side (workers)
    for (const Row &r : m_rows)
        if (r.state == CellState::Running)
            ids << r.id;
    return ids;
}

double CellGridModel::etaSeconds(const Row &r) const
{
    // Evaluation follows training, so the fraction of a phase only bounds the cell's rest; it is
    // still the estimate users read from LlamaBoard's "elapsed < remaining".
    if (r.state != CellState::Running || !r.clock.isValid() || r.fraction <= 0.02)
        return -1;
    return runSeconds(r) * (1 - r.fraction) / r.fraction;
}

int CellGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CellGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CellGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KindColumn: return r.kind;
        case ModelColumn: return r.model;
        case SourceColumn: return r.source.isEmpty() ? QStringLiteral("–") : r.source;
        case SeedColumn: return r.seed;
        case StateColumn: return stateName(r.state);
        case ProgressColumn:
            if (r.state == CellState::Running)
                return QStringLiteral("%1 %2%").arg(r.phase).arg(int(r.fraction * 100));
            return r.state == CellState::Done ? QStringLiteral("100%") : QString();
        case ElapsedColumn: return r.clock.isValid() ? duration(runSeconds(r)) : (r.elapsed > 0 ? duration(r.elapsed) : QString());
        case EtaColumn: return r.state == CellState::Running ? duration(etaSeconds(r)) : QString();
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == KindColumn)
        return stableRunColour(r.id);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (r.state) {
        case CellState::Failed: return QColor(190, 30, 30);
        case CellState::Stopped: return QColor(180, 110, 0);
        case CellState::Done: return QColor(30, 130, 60);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return r.message.isEmpty() ? r.id : r.id + QLatin1Char('\n') + r.message;
    if (role == Qt::UserRole)
        return r.id;
    return {};
}

QVariant CellGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Cell");
    case ModelColumn: return tr("Model");
    case SourceColumn: return tr("Source task");
    case SeedColumn: return tr("Seed");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case ElapsedColumn: return tr("Elapsed");
    case EtaColumn: return tr("ETA");
    default: return {};
    }
}

} // namespace ts::ui
