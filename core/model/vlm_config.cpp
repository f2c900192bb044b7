#include "model/vlm_config.h"

#include "model/vlm_error.h"

#include <fstream>
#include <sstream>

namespace ts {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
void readField(const Json& j, const char* key, T& out, const std::string& file)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return; // older generations lack some keys: keep the default
    try {
        if constexpr (std::is_same_v<T, int64_t>) {
            // nanoVLM writes some ints as floats (e.g. 100000.0); accept integral floats only.
            if (it->is_number_float()) {
                double d = it->template get<double>();
                if (d != static_cast<double>(static_cast<int64_t>(d)))
                    throw CheckpointError(file, key, "expected an integer, got " + it->dump());
                out = static_cast<int64_t>(d);
            } else if (it->is_number_integer()) {
                out = it->template get<int64_t>();
            } else {
                throw CheckpointError(file, key, "expected an integer, got " + it->dump());
            }
        } else if constexpr (std::is_same_v<T, double>) {
            if (!it->is_number())
                throw CheckpointError(file, key, "expected a number, got " + it->dump());
            out = it->template get<double>();
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!it->is_boolean())
                throw CheckpointError(file, key, "expected true/false, got " + it->dump());
            out = it->template get<bool>();
        } else {
            if (!it->is_string())
                throw CheckpointError(file, key, "expected a string, got " + it->dump());
            out = it->template get<std::string>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(file, key, e.what());
    }
}

} // namespace

std::string VlmConfig::imageToken() const
{
    auto it = vlm_extra_tokens.find("image_token");
    return it != vlm_extra_tokens.end() && it->is_string() ? it->get<std::string>() : std::string("<|image|>");
}

int64_t VlmConfig::imageTokenId() const
{
    if (image_token_id >= 0)
        return image_token_id;
    // Extra tokens get ids base, base+1, ... in config order (vlm.md §3.4).
    int64_t i = 0;
    for (auto it = vlm_extra_tokens.begin(); it != vlm_extra_tokens.end(); ++it, ++i)
        if (it.key() == "image_token")
            return lm_base_vocab_size + i;
    return -1;
}

std::string VlmConfig::globalImageToken() const
{
    auto it = vlm_extra_tokens.find("global_image_token");
    return it != vlm_extra_tokens.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void VlmConfig::validate(const std::string& file) const
{
    auto need = [&](bool ok, const char* field, const std::string& what) {
        if (!ok)
            throw CheckpointError(file, field, what);
    };
    need(vit_hidden_dim > 0 && vit_n_heads > 0 && vit_hidden_dim % vit_n_heads == 0, "vit_n_heads",
         "vit_hidden_dim must be a positive multiple of vit_n_heads");
    need(vit_patch_size > 0 && vit_img_size % vit_patch_size == 0, "vit_patch_size", "vit_img_size must be a multiple of vit_patch_size");
    need(!vit_cls_flag, "vit_cls_flag", "a CLS token is not supported (nanoVLM uses none)");
    need(vit_n_blocks >= 0 && vit_inter_dim > 0, "vit_n_blocks", "must be >= 0 with vit_inter_dim > 0");
    need(mp_pixel_shuffle_factor > 0 && patchesPerSide() % mp_pixel_shuffle_factor == 0, "mp_pixel_shuffle_factor",
         "the patch grid side must be divisible by the pixel-shuffle factor");
    need(lm_hidden_dim > 0 && lm_n_heads > 0 && lm_hidden_dim % lm_n_heads == 0, "lm_n_heads",
         "lm_hidden_dim must be a positive multiple of lm_n_heads");
    need(lmHeadDim() % 2 == 0, "lm_hidden_dim", "the head dim must be even for rotary embeddings");
    need(lm_n_kv_heads > 0 && lm_n_heads % lm_n_kv_heads == 0, "lm_n_kv_heads", "lm_n_heads must be a multiple of lm_n_kv_heads");
    need(lm_vocab_size > 0, "lm_vocab_size", "must be positive");
    need(lm_n_blocks >= 1 && lm_inter_dim > 0, "lm_n_blocks", "must be >= 1 with lm_inter_dim > 0");
    need(mp_image_token_length == imageTokensPerImage(), "mp_image_token_length",
         "must equal (vit_img_size/vit_patch_size)^2 / mp_pixel_shuffle_factor^2 = " + std::to_string(imageTokensPerImage()));
    need(vlm_extra_tokens.is_object(), "vlm_extra_tokens", "must be an object of name -> token string");
    need(imageTokenId() < lm_vocab_size, image_token_id >= 0 ? "image_token_id" : "vlm_extra_tokens",
         "image token id " + std::to_string(imageTokenId()) + " is outside lm_vocab_size " + std::to_string(lm_vocab_size));
}

VlmConfig VlmConfig::fromJson(const Json& j, const std::string& file)
{
    if (!j.is_object())
        throw CheckpointError(file, "", "config must be a JSON object");
    VlmConfig c;
    c.raw = j;
#define TS_READ(name) readField(j, #name, c.name, file)
    TS_READ(vit_hidden_dim); TS_READ(vit_inter_dim); TS_READ(vit_patch_size); TS_READ(vit_img_size);
    TS_READ(vit_n_heads); TS_READ(vit_dropout); TS_READ(vit_n_blocks); TS_READ(vit_ln_eps);
    TS_READ(vit_cls_flag); TS_READ(vit_model_type);
    TS_READ(lm_hidden_dim); TS_READ(lm_inter_dim); TS_READ(lm_rms_eps); TS_READ(lm_re_base);
    TS_READ(lm_max_position_embeddings); TS_READ(lm_base_vocab_size); TS_READ(extra_token_amount);
    TS_READ(lm_vocab_size); TS_READ(lm_n_heads); TS_READ(lm_n_kv_heads); TS_READ(lm_dropout);
    TS_READ(lm_n_blocks); TS_READ(lm_attn_scaling); TS_READ(lm_max_length); TS_READ(lm_use_tokens);
    TS_READ(lm_tie_weights); TS_READ(lm_model_type); TS_READ(lm_tokenizer); TS_READ(lm_chat_template);
    TS_READ(mp_pixel_shuffle_factor); TS_READ(max_img_size); TS_READ(resize_to_max_side_len);
    TS_READ(image_token_id); TS_READ(vit_signed_pixels);
#undef TS_READ
    if (!j.contains("mp_image_token_length"))
        c.mp_image_token_length = c.imageTokensPerImage(); // v1 configs lack it
    else
        readField(j, "mp_image_token_length", c.mp_image_token_length, file);
    if (auto it = j.find("vlm_extra_tokens"); it != j.end()) {
        if (!it->is_object())
            throw CheckpointError(file, "vlm_extra_tokens", "expected an object of name -> token string");
        c.vlm_extra_tokens = *it;
    } else {
        // nanoVLM v1: no extra tokens, the vocabulary is the base tokenizer's, images are a prefix.
        c.vlm_extra_tokens = Json::object();
        c.lm_base_vocab_size = c.lm_vocab_size;
        c.extra_token_amount = 0;
    }
    c.validate(file);
    return c;
}

Json VlmConfig::toJson() const
{
    Json j = raw.is_object() ? raw : Json::object();
#define TS_WRITE(name) j[#name] = name
    TS_WRITE(vit_hidden_dim); TS_WRITE(vit_inter_dim); TS_WRITE(vit_patch_size); TS_WRITE(vit_img_size);
    TS_WRITE(vit_n_heads); TS_WRITE(vit_dropout); TS_WRITE(vit_n_blocks); TS_WRITE(vit_ln_eps);
    TS_WRITE(vit_cls_flag); TS_WRITE(vit_model_type);
    TS_WRITE(lm_hidden_dim); TS_WRITE(lm_inter_dim); TS_WRITE(lm_rms_eps); TS_WRITE(lm_re_base);
    TS_WRITE(lm_max_position_embeddings); TS_WRITE(lm_base_vocab_size); TS_WRITE(extra_token_amount);
    TS_WRITE(lm_vocab_size); TS_WRITE(lm_n_heads); TS_WRITE(lm_n_kv_heads); TS_WRITE(lm_dropout);
    TS_WRITE(lm_n_blocks); TS_WRITE(lm_attn_scaling); TS_WRITE(lm_max_length); TS_WRITE(lm_use_tokens);
    TS_WRITE(lm_tie_weights); TS_WRITE(lm_model_type); TS_WRITE(lm_tokenizer); TS_WRITE(lm_chat_template);
    TS_WRITE(mp_pixel_shuffle_factor); TS_WRITE(mp_image_token_length); TS_WRITE(vlm_extra_tokens);
    TS_WRITE(max_img_size); TS_WRITE(resize_to_max_side_len);
#undef TS_WRITE
    if (image_token_id >= 0)
        j["image_token_id"] = image_token_id;
    if (vit_signed_pixels)
        j["vit_signed_pixels"] = true;
    // Keys that mark a later nanoVLM generation (vlm.md §3.1) are not added to a file that lacked them:
    // a v1/v2 config written back must still be detected as v1/v2.
    if (raw.is_object() && !raw.empty()) {
        if (!raw.contains("vlm_extra_tokens"))
            for (const char* k : {"lm_base_vocab_size", "extra_token_amount", "mp_image_token_length", "vlm_extra_tokens"})
                j.erase(k);
        if (!raw.contains("lm_chat_template"))
            for (const char* k : {"lm_chat_template", "max_img_size", "resize_to_max_side_len"})
                j.erase(k);
    }
    return j;
}

VlmConfig VlmConfig::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CheckpointError(path, "", "cannot open config file");
    std::stringstream ss;
    ss << in.rdbuf();
    Json j;
    try {
        j = Json::parse(ss.str());
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(path, "", std::string("invalid JSON: ") + e.what());
    }
    return fromJson(j, path);
}

void VlmConfig::save(const std::string& path) const
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw CheckpointError(path, "", "cannot write config file");
    out << toJson().dump(4) << '\n';
    if (!out)
        throw CheckpointError(path, "", "write failed");
}

} // namespace ts
