#include "analysis/significance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ts {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the regularised incomplete beta function (Lentz's method).
double betaContinuedFraction(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 300; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < 1e-15)
            break;
    }
    return h;
}

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x)
                                  + b * std::log(1.0 - x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

} // namespace

double normalUpperTail(double z)
{
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double studentTTwoSidedP(double t, int degreesOfFreedom)
{
    if (std::isnan(t) || degreesOfFreedom < 1)
        return kNaN;
    if (std::isinf(t))
        return 0.0;
    const double df = degreesOfFreedom;
    return regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t * t));
}

double binomialTwoSidedP(int successes, int trials)
{
    if (trials <= 0)
        return 1.0;
    auto logChoose = [](int n, int k) { return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0); };
    const int k = std::min(successes, trials - successes);
    double tail = 0;
    for (int i = 0; i <= k; ++i)
        tail += std::exp(logChoose(trials, i) - trials * std::log(2.0));
    return std::min(1.0, 2.0 * tail);
}

CellSignificance cellSignificance(const std::vector<double> &runValues)
{
    CellSignificance s;
    std::vector<double> v;
    for (double x : runValues)
        if (!std::isnan(x))
            v.push_back(x);
    s.runs = int(v.size());
    for (double x : v) {
        s.mean += x;
        s.positives += x > 0 ? 1 : 0;
        s.negatives += x < 0 ? 1 : 0;
    }
    s.signTestP = binomialTwoSidedP(s.positives, s.positives + s.negatives);
    if (v.empty()) {
        s.mean = s.std = s.t = s.pValue = kNaN;
        return s;
    }
    s.mean /= double(v.size());
    if (v.size() < 2) {
        s.std = s.t = s.pValue = kNaN;
        return s;
    }
    double ss = 0;
    for (double x : v)
        ss += (x - s.mean) * (x - s.mean);
    s.std = std::sqrt(ss / double(v.size() - 1));
    if (s.std == 0) {
        // Identical runs: no spread to test against; a nonzero mean is as certain as the data allow.
        s.t = s.mean == 0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), s.mean);
        s.pValue = s.mean == 0 ? 1.0 : 0.0;
        return s;
    }
    s.t = s.mean / (s.std / std::sqrt(double(v.size())));
    s.pValue = studentTTwoSidedP(s.t, int(v.size()) - 1);
    return s;
}

SquareMatrix cellPValues(const TransferMatrix &matrix)
{
    SquareMatrix out(matrix.taskCount());
    for (int i = 0; i < matrix.taskCount(); ++i)
        for (int j = 0; j < matrix.taskCount(); ++j)
            out.at(i, j) = cellSignificance(matrix.cellRuns(i, j)).pValue;
    return out;
}

WilcoxonResult wilcoxonSignedRank(const std::vector<double> &values, Alternative alternative)
{
    WilcoxonResult r;
    std::vector<double> v;
    for (double x : values)
        if (!std::isnan(x) && x != 0)
            v.push_back(x);
    r.n = int(v.size());
    if (r.n == 0)
        return r;
    std::vector<std::size_t> order(v.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::fabs(v[a]) < std::fabs(v[b]); });
    // Doubled mid-ranks stay integers, so the exact null distribution can be counted with ties too.
    std::vector<int> rank2(v.size());
    double tieCorrection = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && std::fabs(v[order[j + 1]]) == std::fabs(v[order[i]]))
            ++j;
        const int doubledMidRank = int(i + 1 + j + 1);
        for (std::size_t k = i; k <= j; ++k)
            rank2[order[k]] = doubledMidRank;
        const double t = double(j - i + 1);
        tieCorrection += t * t * t - t;
        i = j + 1;
    }
    int w2 = 0; // doubled W+
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] > 0)
            w2 += rank2[i];
    r.wPlus = w2 / 2.0;

    const double n = r.n;
    if (r.n <= 50) {
        r.exact = true;
        const int maxSum = r.n * (r.n + 1); // doubled
        std::vector<double> count(std::size_t(maxSum) + 1, 0.0);
        count[0] = 1.0;
        int reach = 0;
        for (int rk : rank2) {
            for (int s = reach; s >= 0; --s)
                if (count[std::size_t(s)] != 0)
                    count[std::size_t(s + rk)] += count[std::size_t(s)];
            reach += rk;
        }
        const double total = std::pow(2.0, n);
        double upper = 0, lower = 0;
        for (int s = 0; s <= maxSum; ++s) {
            if (s >= w2)
                upper += count[std::size_t(s)];
            if (s <= w2)
                lower += count[std::size_t(s)];
        }
        upper /= total;
        lower /= total;
        r.pValue = alternative == Alternative::Greater ? upper
                   : alternative == Alternative::Less  ? lower
                                                       : std::min(1.0, 2.0 * std::min(upper, lower));
        return r;
    }
    const double mean = n * (n + 1) / 4.0;
    const double sd = std::sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - tieCorrection / 48.0);
    const double diff = r.wPlus - mean;
    // Continuity correction of half a rank towards the mean, as R's wilcox.test(correct = TRUE).
    auto zWith = [&](double correction) { return sd > 0 ? (diff - correction) / sd : 0.0; };
    if (alternative == Alternative::Greater) {
        r.z = zWith(0.5);
        r.pValue = normalUpperTail(r.z);
    } else if (alternative == Alternative::Less) {
        r.z = zWith(-0.5);
        r.pValue = 1.0 - normalUpperTail(r.z);
    } else {
        r.z = zWith(diff > 0 ? 0.5 : diff < 0 ? -0.5 : 0.0);
        r.pValue = std::min(1.0, 2.0 * normalUpperTail(std::fabs(r.z)));
    }
    return r;
}

} // namespace ts
