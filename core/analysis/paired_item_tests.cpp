#include "analysis/paired_item_tests.h"

#include "analysis/pgf.h"
#include "analysis/significance.h"
#include "common/splitmix64.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ts {

namespace {

// Resamples must be identical on every platform: std distributions are not.
struct SplitMix {
    uint64_t state;
    size_t below(size_t n) { return size_t(splitmix64(state) % n); }
};

void requireSameLength(const std::vector<const std::vector<uint8_t> *> &runs, const std::vector<uint8_t> &base)
{
    for (const auto *r : runs) {
        if (!r || r->size() != base.size())
            throw std::invalid_argument("paired item test: every run must answer the same questions as the base");
    }
}

double percentile(std::vector<double> sorted, double q)
{
    std::sort(sorted.begin(), sorted.end());
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

McNemarResult mcnemarExact(long long onlyBase, long long onlyFinetuned)
{
    McNemarResult r;
    r.onlyBase = onlyBase;
    r.onlyFinetuned = onlyFinetuned;
    r.p = onlyBase + onlyFinetuned == 0 ? 1.0 : binomialTwoSidedP(int(onlyFinetuned), int(onlyBase + onlyFinetuned));
    return r;
}

McNemarResult mcnemar(const std::vector<const std::vector<uint8_t> *> &finetunedRuns, const std::vector<uint8_t> &base)
{
    requireSameLength(finetunedRuns, base);
    long long b = 0, c = 0;
    for (const auto *run : finetunedRuns) {
        for (size_t i = 0; i < base.size(); ++i) {
            b += (base[i] && !(*run)[i]) ? 1 : 0;
            c += (!base[i] && (*run)[i]) ? 1 : 0;
        }
    }
    return mcnemarExact(b, c);
}

PgfInterval bootstrapPgfInterval(const std::vector<const std::vector<uint8_t> *> &finetunedRuns, const std::vector<uint8_t> &base,
                                 int replicates, uint64_t seed, double ceiling)
{
    requireSameLength(finetunedRuns, base);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (base.empty() || finetunedRuns.empty() || replicates < 2)
        return {nan, nan};
    SplitMix rng{seed};
    const size_t n = base.size();
    std::vector<double> means;
    means.reserve(size_t(replicates));
    std::vector<size_t> pick(n);
    for (int rep = 0; rep < replicates; ++rep) {
        for (size_t i = 0; i < n; ++i)
            pick[i] = rng.below(n);
        long long baseCorrect = 0;
        for (size_t i : pick)
            baseCorrect += base[i];
        const double baseAcc = double(baseCorrect) / double(n);
        double sum = 0;
        int defined = 0;
        for (const auto *run : finetunedRuns) {
            long long correct = 0;
            for (size_t i : pick)
                correct += (*run)[i];
            const double v = perfectionGapFactor(double(correct) / double(n), baseAcc, ceiling);
            if (!std::isnan(v)) {
                sum += v;
                ++defined;
            }
        }
        // A resample in which the base happens to be perfect has no gap to close: it is skipped,
        // as the PGF itself is undefined there.
        if (defined > 0)
            means.push_back(sum / defined);
    }
    if (means.size() < size_t(replicates) / 2)
        return {nan, nan};
    return {percentile(means, 0.025), percentile(means, 0.975)};
}

} // namespace ts
