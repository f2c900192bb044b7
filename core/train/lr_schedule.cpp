#include "train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace ts {

double LrSchedule::at(int64_t step) const
{
    const auto warm = static_cast<int64_t>(std::ceil(warmupFraction * static_cast<double>(totalSteps)));
    if (step < warm)
        return peak * static_cast<double>(step + 1) / static_cast<double>(warm);
    const double floor = peak * floorFraction;
    const int64_t decaySteps = std::max<int64_t>(1, totalSteps - warm);
    const double progress = std::clamp(static_cast<double>(step - warm) / static_cast<double>(decaySteps), 0.0, 1.0);
    return floor + (peak - floor) * 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
}

} // namespace ts
