#pragma once
// Weight-space interpolation of two checkpoints of one architecture (WiSE-FT, Wortsman et al. 2022):
// every parameter and buffer becomes (1 − alpha)·a + alpha·b. `model blend` exposes it; session 8 used it to
// probe whether a pretraining stage that saturated one task can be tempered with an earlier one
// (docs/base-models.md: it cannot without losing other skills first).
#include "model/vision_language_model.h"

namespace ts {

// Blends `other` into `into` in place. Both must have the same tensors with the same shapes; a mismatch
// throws CheckpointError naming the tensor (nothing is changed then). alpha in [0, 1]: 0 keeps `into`.
void blendWeights(VisionLanguageModelImpl& into, VisionLanguageModelImpl& other, double alpha);

} // namespace ts
