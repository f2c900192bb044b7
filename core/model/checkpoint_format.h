#pragma once
// A model folder in any supported format: detection, loading, saving and what the setup panel shows before a
// launch (format, size, estimated memory). Formats: nanoVLM (flat config.json, three pipeline generations) and
// SmolVLM / Idefics3 (nested config.json, BF16, untied head). vlm.md §3-§4, docs/real-checkpoints.md.
#include "model/tokenizer_bpe.h"
#include "model/vision_language_model.h"

#include <nlohmann/json.hpp>

#include <string>

namespace ts {

enum class CheckpointFormat { NanoVlm, Idefics3 };

// nanoVLM's generations differ in their config.json keys (vlm.md §3.1): v1 has no vlm_extra_tokens (the image
// is a prefix), v2 has them but no lm_chat_template ("Question: … Answer:"), v3 has a chat template (ChatML).
enum class NanoVlmGeneration { V1Prefix, V2Replace, V3Chat };

NanoVlmGeneration detectNanoVlmGeneration(const nlohmann::ordered_json& config);
std::string formatName(CheckpointFormat f); // "nanoVLM", "SmolVLM/Idefics3"

// From dir/config.json alone. Throws CheckpointError naming the file when it is missing, not JSON, or neither
// shape (a flat object with vit_* keys, or one with vision_config and text_config).
CheckpointFormat detectCheckpointFormat(const std::string& dir);

// Loads any supported folder (format autodetected), weights upcast to F32.
VisionLanguageModel loadCheckpointFolder(const std::string& dir);
// Writes the model in the given format. mergeAdapters: fold LoRA adapters into the weights first (the saved
// folder is then a plain base model); without it a model that carries adapters is refused.
void saveCheckpointFolder(VisionLanguageModelImpl& model, const std::string& dir, CheckpointFormat format,
                          bool mergeAdapters = false);

// The tokenizer of a folder: tokenizerDir/tokenizer.json when given (nanoVLM hub folders ship none: their
// config's lm_tokenizer names a separate download), else dir/tokenizer.json. nanoVLM extra tokens missing from
// a base tokenizer are added in config order; their ids must then match the config.
BpeTokenizer loadCheckpointTokenizer(const std::string& dir, const VlmConfig& config, const std::string& tokenizerDir = {});
bool hasCheckpointTokenizer(const std::string& dir);

// Parameter count from the config's shapes alone (no weights read); equals countParameters() of the model.
int64_t parameterCountFromConfig(const VlmConfig& c);
// Parameters LoRA of this rank adds on the decoder's q,k,v,o,gate,up,down projections.
int64_t loraParameterCount(const VlmConfig& c, int64_t rank);

// Estimated memory of a finetune in fp32 with the vision tower frozen (no gradients), LoRA on the decoder and
// the connector trained, AdamW (vlm.md §8): frozen weights 4 B/param; trainable weights, gradients and the
// two AdamW moments 16 B/param; activations of the decoder per sample L·(34·T·D + 5·H·T²)·2 bytes (the
// spec's bf16 estimate doubled for fp32) over T = image tokens + textTokens; the frozen ViT's largest
// transient per image 4·(N·I + H·N²) bytes.
struct MemoryEstimate {
    int64_t parameters = 0, trainableParameters = 0;
    int64_t weightBytes = 0, optimizerBytes = 0, activationBytes = 0, visionTransientBytes = 0;
    int64_t totalBytes() const { return weightBytes + optimizerBytes + activationBytes + visionTransientBytes; }
};
MemoryEstimate estimateTrainingMemory(const VlmConfig& c, int64_t loraRank = 8, int64_t batch = 8, int64_t textTokens = 64,
                                      int64_t imagesPerSample = 1);

// What a folder is, read from config.json (and the presence of the other files) without loading weights.
struct CheckpointInfo {
    CheckpointFormat format = CheckpointFormat::NanoVlm;
    std::string description; // e.g. "SmolVLM/Idefics3 (HF folder)", "nanoVLM v3 (chat template)"
    VlmConfig config;
    int64_t parameters = 0;
    bool hasTokenizer = false;
    MemoryEstimate memory; // estimateTrainingMemory defaults
};
CheckpointInfo inspectCheckpointFolder(const std::string& dir);

} // namespace ts
