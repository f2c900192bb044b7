#pragma once
// The source × target PGF matrix of one model as a table: the heat map, the matrix export and the
// tests read it through this model. Rows are sources (finetuned on), columns targets (evaluated
// on), both in the chosen task order; a cell is the mean over runs or one run's value.

#include "analysis/model_analysis.h"

#include <QAbstractTableModel>
#include <vector>

namespace ts::ui {

class PgfMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // double; NaN when undefined or a hidden diagonal cell
        SpreadRole,                   // std over runs (mean) — NaN for a single run
        SourceTaskRole,               // canonical task name of the row
        TargetTaskRole,               // canonical task name of the column
        PValueRole,                   // two-sided t-test p of the cell
    };
    static constexpr int kMeanOfRuns = -1;

    explicit PgfMatrixModel(QObject *parent = nullptr);

    // nullptr clears the model. The analysis must outlive the model's use of it (it lives in the
    // StudyDocument, and the model is reset whenever the document changes).
    void setAnalysis(const ModelAnalysis *analysis, const QString &provenance = QString());
    const ModelAnalysis *analysis() const { return m_analysis; }
    void setRun(int run); // kMeanOfRuns or a run index
    int run() const { return m_run; }
    void setShowDiagonal(bool show);
    bool showDiagonal() const { return m_showDiagonal; }
    void setOrder(std::vector<int> order);
    const std::vector<int> &order() const { return m_order; }

    // Task index (in the matrix) shown at a row/column position, and back.
    int taskAt(int position) const;
    int positionOf(int task) const;
    double value(int row, int column) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The matrix as shown (order, run, diagonal) — what the data exports write.
    SquareMatrix shownMatrix() const;
    QStringList shownLabels() const;     // abbreviations in the shown order
    QStringList shownTaskNames() const;
    QString cellToolTip(int row, int column) const;

private:
    const ModelAnalysis *m_analysis = nullptr;
    QString m_provenance;
    int m_run = kMeanOfRuns;
    bool m_showDiagonal = true;
    std::vector<int> m_order;
};

} // namespace ts::ui
