#pragma once
// LoRA on the decoder's projections (vlm.md §7). Adapter files: model/adapter_files.h.
#include "model/proj_linear.h"
#include "model/vision_language_model.h"

#include <functional>
#include <string>
#include <vector>

namespace ts {

struct LoraConfig {
    LoraSettings settings;
    // Leaf names of decoder projections; HF's "o_proj" is accepted for nanoVLM's "out_proj".
    std::vector<std::string> targetModules = {"q_proj", "k_proj", "v_proj", "out_proj", "gate_proj", "up_proj", "down_proj"};
};

// Adds adapters; returns the module paths that got one (e.g. "decoder.blocks.0.attn.q_proj").
// Throws std::invalid_argument when a target name matches nothing. Never touches the head or embedding.
std::vector<std::string> applyLora(VisionLanguageModelImpl& model, const LoraConfig& cfg);
// Leaf name as applyLora matches it ("o_proj" → "out_proj").
std::string canonicalLoraTarget(const std::string& name);
// Folds every adapter into its base weight (W += s B A) and zeroes B.
void mergeLora(VisionLanguageModelImpl& model);
// Every decoder projection with its module path ("decoder.blocks.0.attn.q_proj").
void forEachDecoderProjection(VisionLanguageModelImpl& model, const std::function<void(const std::string&, ProjLinearImpl&)>& f);
} // namespace ts
