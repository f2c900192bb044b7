#include "analysis/transfer_matrix.h"

#include "common/task_catalog.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace ts {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TransferMatrix::TransferMatrix(QString model, QStringList tasks, QStringList abbreviations, QStringList runs)
    : m_model(std::move(model)), m_tasks(std::move(tasks)), m_abbreviations(std::move(abbreviations)),
      m_runs(std::move(runs))
{
    if (m_abbreviations.size() != m_tasks.size())
        throw std::invalid_argument("TransferMatrix: one abbreviation per task is needed");
    const std::size_t n = std::size_t(m_tasks.size());
    m_values.assign(std::size_t(m_runs.size()) * n * n, kNaN);
}

TransferMatrix TransferMatrix::forCatalogTasks(const QString &model, const std::vector<int> &catalogIndices,
                                               const QStringList &runs)
{
    const auto &catalog = TaskCatalog::blinkTasks();
    QStringList names, abbreviations;
    for (int i : catalogIndices) {
        names << catalog.at(std::size_t(i)).name;
        abbreviations << catalog.at(std::size_t(i)).abbreviation;
    }
    return TransferMatrix(model, names, abbreviations, runs);
}

int TransferMatrix::taskIndex(const QString &nameOrAbbreviation) const
{
    // The common case first: a name taken from another matrix of the same tasks (views look tasks up
    // per cell; the catalogue's normalised match below costs ~100× more).
    if (const int exact = int(m_tasks.indexOf(nameOrAbbreviation)); exact >= 0)
        return exact;
    const auto found = TaskCatalog::find(nameOrAbbreviation);
    if (found) {
        const QString &canonical = TaskCatalog::blinkTasks()[std::size_t(*found)].name;
        const int i = int(m_tasks.indexOf(canonical));
        if (i >= 0)
            return i;
    }
    // Matrices may also carry tasks outside the catalogue (procedural suites): exact match then.
    for (int i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks[i].compare(nameOrAbbreviation.trimmed(), Qt::CaseInsensitive) == 0
            || m_abbreviations[i].compare(nameOrAbbreviation.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::size_t TransferMatrix::index(int run, int source, int target) const
{
    const int n = taskCount();
    if (run < 0 || run >= runCount() || source < 0 || source >= n || target < 0 || target >= n)
        throw std::out_of_range("TransferMatrix: index out of range");
    return (std::size_t(run) * std::size_t(n) + std::size_t(source)) * std::size_t(n) + std::size_t(target);
}

double TransferMatrix::value(int run, int source, int target) const
{
    return m_values[index(run, source, target)];
}

void TransferMatrix::setValue(int run, int source, int target, double pgf)
{
    m_values[index(run, source, target)] = pgf;
}

std::vector<double> TransferMatrix::cellRuns(int source, int target) const
{
    std::vector<double> out;
    for (int r = 0; r < runCount(); ++r) {
        const double v = value(r, source, target);
        if (!std::isnan(v))
            out.push_back(v);
    }
    return out;
}

double TransferMatrix::mean(int source, int target) const
{
    const auto v = cellRuns(source, target);
    if (v.empty())
        return kNaN;
    double sum = 0;
    for (double x : v)
        sum += x;
    return sum / double(v.size());
}

double TransferMatrix::std(int source, int target) const
{
    const auto v = cellRuns(source, target);
    if (v.size() < 2)
        return kNaN;
    const double m = mean(source, target);
    double ss = 0;
    for (double x : v)
        ss += (x - m) * (x - m);
    return std::sqrt(ss / double(v.size() - 1));
}

SquareMatrix TransferMatrix::meanMatrix() const
{
    SquareMatrix out(taskCount());
    for (int i = 0; i < taskCount(); ++i)
        for (int j = 0; j < taskCount(); ++j)
            out.at(i, j) = mean(i, j);
    return out;
}

SquareMatrix TransferMatrix::stdMatrix() const
{
    SquareMatrix out(taskCount());
    for (int i = 0; i < taskCount(); ++i)
        for (int j = 0; j < taskCount(); ++j)
            out.at(i, j) = std(i, j);
    return out;
}

SquareMatrix TransferMatrix::runMatrix(int run) const
{
    SquareMatrix out(taskCount());
    for (int i = 0; i < taskCount(); ++i)
        for (int j = 0; j < taskCount(); ++j)
            out.at(i, j) = value(run, i, j);
    return out;
}

} // namespace ts
