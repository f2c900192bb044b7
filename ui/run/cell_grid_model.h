#pragma once
// The cells of a study (model × source task × seed, plus base evaluations and controls) with their
// state, the running cell's progress, elapsed time and ETA. Fed by the planner (what will run), the
// store (what is done) and progress events (what is happening), so it looks the same whether the
// workbench started the study, attached to a CLI run, or opened a finished folder.

#include "study/study_events.h"
#include "study/study_plan.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QStringList>
#include <vector>

namespace ts::ui {

enum class CellState { Queued, Running, Done, Failed, Stopped };

class CellGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, ModelColumn, SourceColumn, SeedColumn, StateColumn, ProgressColumn, ElapsedColumn, EtaColumn, ColumnCount };

    explicit CellGridModel(QObject *parent = nullptr);

    void setPlan(const std::vector<PlannedCell> &cells, const QStringList &completedIds);
    void apply(const StudyEvent &event);
    // The child ended: a cell still shown as running did not finish.
    void markInterrupted(CellState state);
    void markCompleted(const QStringList &completedIds);
    // A stored cell's run time (its provenance's start to end), shown in the Elapsed column.
    void setStoredDuration(const QString &cellId, double seconds);

    int rowOf(const QString &cellId) const;
    QString cellId(int row) const { return m_rows[std::size_t(row)].id; }
    CellState state(int row) const { return m_rows[std::size_t(row)].state; }
    int count(CellState state) const;
    QStringList runningCells() const;
    static QString stateName(CellState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString id;
        QString kind;
        QString model;
        QString source;
        int seed = 0;
        CellState state = CellState::Queued;
        QString phase;
        double fraction = 0; // of the current phase
        double elapsed = 0;  // seconds, frozen when the cell ends
        QElapsedTimer clock;
        double clockOffset = 0; // seconds the cell ran before `clock` started (a run followed from its log)
        QString message;
    };
    int ensureRow(const QString &cellId);
    void touch(int row);
    double etaSeconds(const Row &row) const;
    static double runSeconds(const Row &row) { return row.clock.elapsed() / 1000.0 + row.clockOffset; }

    std::vector<Row> m_rows;
};

} // namespace ts::ui
