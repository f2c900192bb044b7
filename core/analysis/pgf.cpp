#include "analysis/pgf.h"

#include <cmath>
#include <limits>

namespace ts {

double perfectionGapFactor(double finetunedAccuracy, double baseAccuracy, double ceiling, double epsilon)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(finetunedAccuracy) || std::isnan(baseAccuracy) || std::isnan(ceiling))
        return nan;
    // A tiny tolerance: accuracies computed as correct/total can land a rounding step below 1.0.
    if (ceiling - baseAccuracy <= 1e-12)
        return nan;
    return (finetunedAccuracy - baseAccuracy) / (ceiling - baseAccuracy + epsilon);
}

double chanceCorrectedAccuracy(double accuracy, int options)
{
    if (options < 2)
        return accuracy;
    const double c = 1.0 / double(options);
    return (accuracy - c) / (1.0 - c);
}

double perfectionGapFactor(double finetunedAccuracy, double baseAccuracy, int target, const PgfOptions &options)
{
    double ceiling = 1.0;
    if (target >= 0 && std::size_t(target) < options.ceilings.size())
        ceiling = options.ceilings[std::size_t(target)];
    if (options.chanceCorrected && target >= 0 && std::size_t(target) < options.optionCounts.size()) {
        const int k = options.optionCounts[std::size_t(target)];
        finetunedAccuracy = chanceCorrectedAccuracy(finetunedAccuracy, k);
        baseAccuracy = chanceCorrectedAccuracy(baseAccuracy, k);
        ceiling = chanceCorrectedAccuracy(ceiling, k);
    }
    return perfectionGapFactor(finetunedAccuracy, baseAccuracy, ceiling, options.epsilon);
}

} // namespace ts
