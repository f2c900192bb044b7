#include "analysis/ahp_normalization.h"

#include <algorithm>
#include <cmath>

namespace ts {

std::vector<double> principalEigenvector(const std::vector<std::vector<double>> &matrix, int maxIterations,
                                         double tolerance)
{
    const std::size_t n = matrix.size();
    std::vector<double> v(n, n > 0 ? 1.0 / double(n) : 0.0), next(n);
    for (int it = 0; it < maxIterations && n > 0; ++it) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::size_t k = 0; k < n; ++k)
                s += matrix[i][k] * v[k];
            next[i] = s;
            sum += s;
        }
        if (sum <= 0)
            break;
        double change = 0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] /= sum;
            change = std::max(change, std::fabs(next[i] - v[i]));
        }
        v.swap(next);
        if (change < tolerance)
            break;
    }
    return v;
}

SquareMatrix ahpNormalize(const TransferMatrix &matrix, const AhpOptions &options)
{
    const int n = matrix.taskCount();
    SquareMatrix out(n);
    const double lo = options.clampLow, hi = 1.0 - options.clampLow;
    for (int target = 0; target < n; ++target) {
        std::vector<int> sources;
        for (int s = 0; s < n; ++s)
            if ((options.includeDiagonal || s != target) && !std::isnan(matrix.mean(s, target)))
                sources.push_back(s);
        const std::size_t m = sources.size();
        if (m == 0)
            continue;
        // Win rates over runs in which both sources are defined; a pair never compared stays at ½.
        std::vector<std::vector<double>> reciprocal(m, std::vector<double>(m, 1.0));
        for (std::size_t a = 0; a < m; ++a) {
            for (std::size_t b = 0; b < m; ++b) {
                if (a == b)
                    continue;
                double wins = 0;
                int compared = 0;
                for (int r = 0; r < matrix.runCount(); ++r) {
                    const double x = matrix.value(r, sources[a], target);
                    const double y = matrix.value(r, sources[b], target);
                    if (std::isnan(x) || std::isnan(y))
                        continue;
                    ++compared;
                    wins += x > y ? 1.0 : x == y ? 0.5 : 0.0;
                }
                const double w = std::clamp(compared > 0 ? wins / compared : 0.5, lo, hi);
                reciprocal[a][b] = w / (1.0 - w);
            }
        }
        const auto weights = principalEigenvector(reciprocal, options.maxIterations, options.tolerance);
        for (std::size_t a = 0; a < m; ++a)
            out.at(sources[a], target) = weights[a];
    }
    return out;
}

} // namespace ts
