#pragma once
// Each task's persona evidence for one model: the four scores with their spread over runs, and the
// personas it holds under the current rule with rank and z.

#include "analysis/model_analysis.h"

#include <QAbstractTableModel>

namespace ts::ui {

class PersonaTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TaskColumn, DeltaPlusColumn, DeltaMinusColumn, ThetaPlusColumn, ThetaMinusColumn, PersonasColumn, ColumnCount };
    enum Role { TaskNameRole = Qt::UserRole + 1 };

    explicit PersonaTableModel(QObject *parent = nullptr);
    void setAnalysis(const ModelAnalysis *analysis);
    // "Donor (rank 1, z 2.10)" joined by "; " — empty when the task holds none.
    QString personaSummary(int task) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ModelAnalysis *m_analysis = nullptr;
};

} // namespace ts::ui
