#pragma once
// How a study uses the machine: how many cells run side by side (workers) and how many libtorch
// threads each uses. The suite presets are too small to use two cores inside one cell (a step is a
// few hundred small matrix products), so on a CPU they run one single-threaded cell per core; real
// checkpoints are large enough for intra-op threads, and a second copy of their weights and feature
// cache would cost gigabytes, so they run one cell at a time with every core. CUDA: one cell at a time.

#include "study/study_spec.h"

namespace ts {

struct StudyParallelism {
    int workers = 1;
    int threadsPerWorker = 1;
};

StudyParallelism studyParallelism(const StudySpec &spec, int cores, bool cuda);

} // namespace ts
