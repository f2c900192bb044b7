#pragma once
// A dense n×n matrix of doubles indexed [source][target]. NaN marks a cell that has no value
// (undefined PGF, a missing run, or the diagonal when it is excluded), so every consumer must
// test std::isnan rather than assume a number.

#include <cmath>
#include <limits>
#include <vector>

namespace ts {

class SquareMatrix {
public:
    SquareMatrix() = default;
    explicit SquareMatrix(int n, double fill = std::numeric_limits<double>::quiet_NaN())
        : m_n(n), m_values(std::size_t(n) * std::size_t(n), fill) {}

    int size() const { return m_n; }
    double at(int row, int col) const { return m_values[index(row, col)]; }
    double &at(int row, int col) { return m_values[index(row, col)]; }
    bool isDefined(int row, int col) const { return !std::isnan(at(row, col)); }
    const std::vector<double> &values() const { return m_values; }

private:
    std::size_t index(int row, int col) const { return std::size_t(row) * std::size_t(m_n) + std::size_t(col); }
    int m_n = 0;
    std::vector<double> m_values;
};

} // namespace ts
