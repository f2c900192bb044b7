#include "study/study_parallelism.h"

#include <algorithm>

namespace ts {

StudyParallelism studyParallelism(const StudySpec &spec, int cores, bool cuda)
{
    cores = std::max(1, cores);
    if (cuda)
        return {1, spec.threads > 0 ? spec.threads : cores};
    const bool onlyPresets = std::all_of(spec.models.begin(), spec.models.end(), [](const ModelEntry &m) { return m.checkpoint.isEmpty(); });
    if (onlyPresets) {
        // One libtorch thread per cell: measured on the 2-core VM, a preset cell on 2 threads ran ~10x slower
        // than on 1 (bench/README.md); cells side by side use the cores instead. Capped: every worker holds
        // its own model copy (the ViT features of the evaluation images are shared).
        const int threads = spec.threads > 0 ? spec.threads : 1;
        return {spec.workers > 0 ? spec.workers : std::clamp(cores / threads, 1, 8), threads};
    }
    const int workers = spec.workers > 0 ? spec.workers : (spec.threads > 0 ? std::max(1, cores / spec.threads) : 1);
    return {workers, spec.threads > 0 ? spec.threads : std::max(1, cores / workers)};
}

} // namespace ts
