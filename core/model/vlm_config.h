#pragma once
// The nanoVLM config (vlm.md §3.2), flat, as written by dataclasses.asdict(VLMConfig).
// Unknown keys are kept and written back, so a folder round-trips through Transferscope unchanged.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace ts {

struct VlmConfig {
    // vision tower (SigLIP-style ViT)
    int64_t vit_hidden_dim = 48;
    int64_t vit_inter_dim = 96;
    int64_t vit_patch_size = 16;
    int64_t vit_img_size = 32;
    int64_t vit_n_heads = 3;
    double vit_dropout = 0.0;
    int64_t vit_n_blocks = 1;
    double vit_ln_eps = 1e-6;
    bool vit_cls_flag = false;
    std::string vit_model_type = "transferscope/micro";
    // language model (SmolLM2 / Llama-style)
    int64_t lm_hidden_dim = 64;
    int64_t lm_inter_dim = 128;
    double lm_rms_eps = 1e-5;
    double lm_re_base = 100000.0;
    int64_t lm_max_position_embeddings = 8192;
    int64_t lm_base_vocab_size = 98;
    int64_t extra_token_amount = 2;
    int64_t lm_vocab_size = 100;
    int64_t lm_n_heads = 4;
    int64_t lm_n_kv_heads = 2;
    double lm_dropout = 0.0;
    int64_t lm_n_blocks = 2;
    double lm_attn_scaling = 1.0;
    int64_t lm_max_length = 512;
    bool lm_use_tokens = false;
    bool lm_tie_weights = true;
    std::string lm_model_type = "transferscope/micro";
    std::string lm_tokenizer = "transferscope/suite-bpe";
    std::string lm_chat_template = "chatml";
    // connector
    int64_t mp_pixel_shuffle_factor = 2;
    int64_t mp_image_token_length = 1;
    // extra tokens, in file order (ids follow that order: vlm.md §3.4)
    nlohmann::ordered_json vlm_extra_tokens = {{"image_token", "<|image|>"}, {"global_image_token", "<|global_image|>"}};
    int64_t max_img_size = 32;
    bool resize_to_max_side_len = false;
    // Formats other than nanoVLM v2/v3 (written to config.json only when set, so nanoVLM files stay unchanged):
    // an explicit image-placeholder id (Idefics3's image_token_id); -1 = from the vlm_extra_tokens order.
    int64_t image_token_id = -1;
    // Pixels fed to the ViT in [-1,1] (SigLIP mean = std = 0.5, as SmolVLM) instead of nanoVLM's [0,1].
    bool vit_signed_pixels = false;

    // Every key of the file it came from, including ones this struct does not know.
    nlohmann::ordered_json raw = nlohmann::ordered_json::object();

    int64_t patchesPerSide() const { return vit_img_size / vit_patch_size; }
    int64_t patchesPerImage() const { return patchesPerSide() * patchesPerSide(); }
    int64_t imageTokensPerImage() const { return patchesPerImage() / (mp_pixel_shuffle_factor * mp_pixel_shuffle_factor); }
    int64_t lmHeadDim() const { return lm_hidden_dim / lm_n_heads; }
    std::string imageToken() const;
    // The placeholder id, or -1 for nanoVLM v1 (no image token: the image is a prefix, vlm.md §3.1).
    int64_t imageTokenId() const;
    std::string globalImageToken() const;

    // Throws CheckpointError(file, field, ...) for inconsistent shapes (head dims, grid, shuffle factor).
    void validate(const std::string& file = {}) const;

    static VlmConfig fromJson(const nlohmann::ordered_json& j, const std::string& file = {});
    nlohmann::ordered_json toJson() const;
    static VlmConfig load(const std::string& path);
    void save(const std::string& path) const;
};

} // namespace ts
