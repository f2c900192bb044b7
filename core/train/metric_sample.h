#pragma once
// One training measurement, emitted through a callback; the GUI and CLI adapt it (no Qt here).
#include <cstdint>
#include <functional>

namespace ts {

struct MetricSample {
    int64_t step = 0;              // optimizer steps done, 1-based
    double loss = 0.0;             // mean over the step's micro-batches
    double lr = 0.0;               // language-model (or LoRA) learning rate used for this step
    double samplesPerSecond = 0.0; // throughput of this step
    double tokensPerSecond = 0.0;  // real (unpadded) tokens per second
    double gradNorm = 0.0;         // before clipping
    double wallSeconds = 0.0;      // since train() started
};

using MetricCallback = std::function<void(const MetricSample&)>;

} // namespace ts
