#pragma once
// SmolVLM / Idefics3 weights (vlm.md §3.3, §4): the one name table between the Hugging Face names and the
// canonical (nanoVLM) names of the model graph, and the folder as the hub distributes it
// (config.json nested, model.safetensors in BF16, untied lm_head, tokenizer.json beside them).
#include "model/vision_language_model.h"

#include <ATen/core/Tensor.h>

#include <map>
#include <optional>
#include <string>

namespace ts {

// HF tensors -> canonical tensors. q/k/v of each ViT block are fused along dim 0 in the order q,k,v;
// the position embedding [N,D] becomes [1,N,D]; the RoPE inv_freq buffer (not stored by HF) is left out.
// Throws CheckpointError(file, key, ...) naming the first unknown or missing key, or a bad shape.
std::map<std::string, at::Tensor> idefics3ToCanonical(const std::map<std::string, at::Tensor>& hf, const VlmConfig& c,
                                                      const std::string& file = {});
// Canonical tensors (as canonicalStateDict gives them) -> HF names; fused qkv split, inv_freq dropped.
// A tied model writes no lm_head (transformers ties it again from tie_word_embeddings).
std::map<std::string, at::Tensor> canonicalToIdefics3(const std::map<std::string, at::Tensor>& canonical, const VlmConfig& c);

// The HF module path of a canonical module path, e.g. "decoder.blocks.3.attn.out_proj" ->
// "model.text_model.layers.3.self_attn.o_proj" (used for PEFT adapter names); nullopt for a fused module.
std::optional<std::string> idefics3ModulePath(const std::string& canonicalModulePath);

// Writes dir/config.json (nested) and dir/model.safetensors (BF16 by default, __metadata__ {"format":"pt"}).
// LoRA adapters are not part of the base format: merge or export them first.
void saveIdefics3Folder(VisionLanguageModelImpl& model, const std::string& dir, bool bf16 = true);
// config.json, with the pixel range from preprocessor_config.json when present (do_normalize; SmolVLM: [-1,1]).
VlmConfig loadIdefics3Config(const std::string& dir);
// Writes also preprocessor_config.json (global image only, do_normalize = the model's pixel range).
// Reads config.json + model.safetensors (or a sharded model.safetensors.index.json), strictly.
VisionLanguageModel loadIdefics3Folder(const std::string& dir);

} // namespace ts
