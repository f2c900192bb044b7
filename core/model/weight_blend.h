#pragma once
// Weight-space interpolation of two checkpoints of one architecture (WiSE-FT, Wortsman et al. 2022):
// every parameter and buffer becomes (1 − alpha)·a + alpha·b. The suite bases use it to temper a late
// pretraining stage that saturated one task with the earlier base it started from (docs/base-models.md).
#include "model/vision_language_model.h"

namespace ts {

// Blends `other` into `into` in place. Both must have the same tensors with the same shapes; a mismatch
// throws CheckpointError naming the tensor (nothing is changed then). alpha in [0, 1]: 0 keeps `into`.
void blendWeights(VisionLanguageModelImpl& into, VisionLanguageModelImpl& other, double alpha);

} // namespace ts
