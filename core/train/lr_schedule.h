#pragma once
// Linear warm-up, then cosine decay to a floor (nanoVLM: 3 % warm-up, floor 10 % of the peak).
#include <cstdint>

namespace ts {

struct LrSchedule {
    double peak = 1e-3;
    int64_t totalSteps = 100;
    double warmupFraction = 0.03;
    double floorFraction = 0.1;

    // Learning rate for optimizer step `step` (0-based).
    double at(int64_t step) const;
};

} // namespace ts
