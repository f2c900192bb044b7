#pragma once
// One model's per-run PGF values: the raw material of every analysis. Tasks are canonical
// TaskCatalog names in catalogue order, so matrices of different models line up cell by cell.

#include "analysis/square_matrix.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ts {

class TransferMatrix {
public:
    TransferMatrix() = default;
    // All cells start undefined (NaN).
    TransferMatrix(QString model, QStringList tasks, QStringList abbreviations, QStringList runs);
    // Tasks given by TaskCatalog index; names and abbreviations are taken from the catalogue.
    static TransferMatrix forCatalogTasks(const QString &model, const std::vector<int> &catalogIndices,
                                          const QStringList &runs);

    const QString &model() const { return m_model; }
    void setModel(const QString &model) { m_model = model; }
    const QStringList &tasks() const { return m_tasks; }
    const QStringList &abbreviations() const { return m_abbreviations; }
    const QStringList &runs() const { return m_runs; }
    int taskCount() const { return int(m_tasks.size()); }
    int runCount() const { return int(m_runs.size()); }
    // Position of a task in this matrix (spelling-tolerant, abbreviations accepted); -1 if absent.
    int taskIndex(const QString &nameOrAbbreviation) const;

    double value(int run, int source, int target) const;
    void setValue(int run, int source, int target, double pgf);

    // The defined values of one cell over the runs (NaN runs left out).
    std::vector<double> cellRuns(int source, int target) const;
    // Mean over the defined runs; NaN when no run is defined.
    double mean(int source, int target) const;
    // Sample standard deviation (n−1) over the defined runs; NaN with fewer than 2.
    double std(int source, int target) const;
    SquareMatrix meanMatrix() const;
    SquareMatrix stdMatrix() const;
    // One run's matrix, e.g. for per-run scores.
    SquareMatrix runMatrix(int run) const;

private:
    std::size_t index(int run, int source, int target) const;
    QString m_model;
    QStringList m_tasks;
    QStringList m_abbreviations;
    QStringList m_runs;
    std::vector<double> m_values; // [run][source][target]
};

} // namespace ts
