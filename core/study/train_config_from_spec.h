#pragma once
// A study spec's "train" section as the trainer's configuration: the one mapping that the study's cells
// and `model finetune-gain` both use, so the gate's finetune is exactly a study cell's.
#include "train/trainer.h"

#include "study/study_spec.h"

namespace ts {

// Steps, batch, learning rates, warm-up, clipping, LoRA or full, targets, frozen vision, autocast; `seed`
// orders the data and initialises the adapters. Device and checkpoints are the caller's.
TrainConfig trainConfigFromSpec(const TrainSettings &train, uint64_t seed);

// The sample stream a cell of study seed `seed` draws its training examples from (disjoint from pretraining's).
inline uint64_t trainSampleSeed(int seed) { return uint64_t(seed) * 7919u + 1u; }

} // namespace ts
