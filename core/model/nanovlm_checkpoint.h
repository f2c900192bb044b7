#pragma once
// Transferscope's home checkpoint format: a nanoVLM folder (config.json + model.safetensors), vlm.md §3.
#include "model/vision_language_model.h"

#include <string>

namespace ts {

// Writes config.json and model.safetensors (F32; a tied head as decoder.head.weight with the tie map in __metadata__).
// LoRA adapters are not part of the base format: merge them first or export them with exportPeftAdapter.
void saveNanoVlmFolder(VisionLanguageModelImpl& model, const std::string& dir);

// Strict load: every expected tensor must be present with its exact shape, and no unknown tensor may be present.
// A tied embedding is accepted under either name. BF16/F16 files are upcast to F32.
VisionLanguageModel loadNanoVlmFolder(const std::string& dir);
// Loads the tensors of a folder's model.safetensors into an existing model of the same config.
void loadNanoVlmWeights(VisionLanguageModelImpl& model, const std::string& safetensorsPath);

} // namespace ts
