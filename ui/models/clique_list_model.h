#pragma once
// The maximum positive and negative cliques of one model, one per row, with their statistics
// (mean PGF inside, weakest link, pooled one-sided Wilcoxon test).

#include "analysis/model_analysis.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace ts::ui {

class CliqueListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SignColumn, SizeColumn, MembersColumn, MeanColumn, WeakestColumn, PooledColumn, PValueColumn, ColumnCount };
    enum Role { MemberNamesRole = Qt::UserRole + 1, PositiveRole };

    explicit CliqueListModel(QObject *parent = nullptr);
    void setAnalysis(const ModelAnalysis *analysis);
    const TaskClique *clique(int row) const;
    QStringList memberNames(int row) const;
    // Row of the clique with exactly these members and sign; -1 if none.
    int rowOf(const QStringList &members, bool positive) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ModelAnalysis *m_analysis = nullptr;
    std::vector<const TaskClique *> m_rows;
};

} // namespace ts::ui
