#pragma once
// The nested Hugging Face config.json of SmolVLM / Idefics3 (vlm.md §4.1), mapped onto the one VlmConfig:
// vision_config -> vit_*, text_config -> lm_*, tie_word_embeddings -> lm_tie_weights, scale_factor ->
// mp_pixel_shuffle_factor, image_token_id kept as an explicit id. Images go to the ViT in [-1,1].
#include "model/vlm_config.h"

#include <nlohmann/json.hpp>

#include <string>

namespace ts {

// The marker the converted config carries in lm_chat_template: the SmolVLM "User:/Assistant:" template.
inline constexpr const char* kSmolVlmChatTemplate = "smolvlm";

// Throws CheckpointError(file, "text_config.rope_scaling", ...) etc. for a field that would change the
// maths (rope scaling, biases, another activation, a resampler) and for any key this mapping does not know.
// Inert bookkeeping keys of Hugging Face configs (generation defaults, id2label, ...) are ignored.
VlmConfig idefics3ConfigFromJson(const nlohmann::ordered_json& j, const std::string& file = {});
// The nested config.json for a model of this shape (model_type idefics3, BF16), readable by transformers.
nlohmann::ordered_json idefics3ConfigToJson(const VlmConfig& c);

// True when a config.json looks like the nested HF format (vision_config + text_config objects).
bool isIdefics3ConfigJson(const nlohmann::ordered_json& j);

} // namespace ts
