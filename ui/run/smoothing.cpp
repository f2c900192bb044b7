#include "ui/run/smoothing.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ts::ui {

std::vector<double> debiasedEma(const std::vector<double> &x, const std::vector<double> &y, double weight)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<double> out(y.begin(), y.begin() + std::ptrdiff_t(n));
    weight = std::clamp(weight, 0.0, 0.999);
    if (n < 2 || weight <= 0)
        return out;
    std::vector<double> gaps;
    gaps.reserve(n - 1);
    for (std::size_t i = 1; i < n; ++i)
        if (x[i] > x[i - 1])
            gaps.push_back(x[i] - x[i - 1]);
    if (gaps.empty())
        return out;
    std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
    const double typicalGap = gaps[gaps.size() / 2];
    double num = 0, den = 0, lastX = x[0];
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(y[i])) {
            out[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        const double decay = std::pow(weight, std::max(0.0, x[i] - lastX) / typicalGap);
        num = decay * num + y[i];
        den = decay * den + 1;
        lastX = x[i];
        out[i] = num / den;
    }
    return out;
}

QString smoothingDescription()
{
    return QCoreApplication::translate(
        "Smoothing",
        "Debiased, x-aware exponential moving average (as W&B's time-weighted EMA).\n"
        "The weight is the memory per typical x spacing; a gap in x forgets as much as the steps it skipped.\n"
        "Debiasing divides by the accumulated weight, so the start is not pulled towards the first point.\n"
        "Smoothing runs on the full series before decimation; the raw series stays drawn faintly.");
}

void decimateMinMax(const std::vector<double> &x, const std::vector<double> &y, int buckets,
                    std::vector<double> &xOut, std::vector<double> &yOut)
{
    const std::size_t n = std::min(x.size(), y.size());
    xOut.clear();
    yOut.clear();
    if (buckets < 1 || n <= std::size_t(2 * buckets)) {
        xOut.assign(x.begin(), x.begin() + std::ptrdiff_t(n));
        yOut.assign(y.begin(), y.begin() + std::ptrdiff_t(n));
        return;
    }
    const double x0 = x.front(), span = std::max(x.back() - x0, 1e-12);
    std::size_t i = 0;
    while (i < n) {
        const int bucket = std::min(buckets - 1, int((x[i] - x0) / span * buckets));
        std::size_t first = i, lo = i, hi = i;
        for (; i < n && std::min(buckets - 1, int((x[i] - x0) / span * buckets)) == bucket; ++i) {
            if (y[i] < y[lo] || !std::isfinite(y[lo]))
                lo = i;
            if (y[i] > y[hi] || !std::isfinite(y[hi]))
                hi = i;
        }
        std::size_t picks[3] = {first, std::min(lo, hi), std::max(lo, hi)};
        std::size_t last = n; // no index yet
        for (std::size_t p : picks) {
            if (p == last)
                continue;
            xOut.push_back(x[p]);
            yOut.push_back(y[p]);
            last = p;
        }
    }
}

} // namespace ts::ui
