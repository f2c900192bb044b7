#pragma once
// Small builders shared by the analysis tests: matrices written out by hand.

#include "analysis/square_matrix.h"
#include "analysis/transfer_matrix.h"

#include <QStringList>
#include <initializer_list>
#include <limits>
#include <vector>

namespace ts::test {

inline const double NaN = std::numeric_limits<double>::quiet_NaN();

inline SquareMatrix squareMatrix(std::initializer_list<std::initializer_list<double>> rows)
{
    SquareMatrix m(int(rows.size()));
    int i = 0;
    for (const auto &row : rows) {
        int j = 0;
        for (double v : row)
            m.at(i, j++) = v;
        ++i;
    }
    return m;
}

// A matrix over tasks named T0…T(n−1) with one entry per run: runs[r] is that run's matrix.
inline TransferMatrix transferMatrix(const std::vector<SquareMatrix> &runs, const QString &model = QStringLiteral("toy"))
{
    const int n = runs.empty() ? 0 : runs.front().size();
    QStringList tasks, runNames;
    for (int i = 0; i < n; ++i)
        tasks << QStringLiteral("T%1").arg(i);
    for (std::size_t r = 0; r < runs.size(); ++r)
        runNames << QStringLiteral("run%1").arg(r);
    TransferMatrix m(model, tasks, tasks, runNames);
    for (int r = 0; r < int(runs.size()); ++r)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                m.setValue(r, i, j, runs[std::size_t(r)].at(i, j));
    return m;
}

} // namespace ts::test
