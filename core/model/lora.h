#pragma once
// LoRA on the decoder's projections (vlm.md §7) and a PEFT-compatible adapter export.
#include "model/checkpoint_format.h"
#include "model/proj_linear.h"
#include "model/vision_language_model.h"

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
// Folds every adapter into its base weight (W += s B A) and zeroes B.
void mergeLora(VisionLanguageModelImpl& model);
// dir/adapter_model.safetensors (base_model.model.<module path>.lora_{A,B}.weight) + dir/adapter_config.json,
// with the module paths and target names of the base model's format: nanoVLM "decoder.blocks.0.attn.out_proj",
// Idefics3 "model.text_model.layers.0.self_attn.o_proj" (so PEFT applies it to the HF model unchanged).
void exportPeftAdapter(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir,
                       CheckpointFormat naming = CheckpointFormat::NanoVlm);

} // namespace ts
