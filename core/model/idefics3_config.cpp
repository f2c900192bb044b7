#include "model/idefics3_config.h"

#include "model/vlm_error.h"

#include <optional>
#include <set>

namespace ts {
namespace {

using Json = nlohmann::ordered_json;

// Bookkeeping written by transformers' PretrainedConfig into every config: generation defaults, labels,
// export flags. None of them changes the forward pass.
const std::set<std::string>& genericHfKeys()
{
    static const std::set<std::string> keys = {
        "_name_or_path", "_commit_hash", "_attn_implementation", "_attn_implementation_autoset", "_flash_attn_2_enabled",
        "add_cross_attention", "architectures", "bad_words_ids", "begin_suppress_tokens", "bos_token_id",
        "chunk_size_feed_forward", "cross_attention_hidden_size", "decoder_start_token_id", "diversity_penalty",
        "do_sample", "dropout", "attention_dropout", "early_stopping", "encoder_no_repeat_ngram_size", "eos_token_id",
        "exponential_decay_length_penalty", "finetuning_task", "forced_bos_token_id", "forced_eos_token_id",
        "id2label", "initializer_range", "is_decoder", "is_encoder_decoder", "label2id", "length_penalty",
        "max_length", "min_length", "model_type", "neftune_noise_alpha", "no_repeat_ngram_size", "num_beam_groups",
        "num_beams", "num_labels", "num_return_sequences", "output_attentions", "output_hidden_states",
        "output_scores", "pad_token_id", "prefix", "pretraining_tp", "problem_type", "pruned_heads",
        "remove_invalid_values", "repetition_penalty", "return_dict", "return_dict_in_generate", "sep_token_id",
        "suppress_tokens", "task_specific_params", "temperature", "tf_legacy_loss", "tie_encoder_decoder",
        "tokenizer_class", "top_k", "top_p", "torch_dtype", "torchscript", "transformers_version", "typical_p",
        "use_bfloat16", "use_cache", "tie_word_embeddings", "torch_dtype", "dtype", "is_llama_config",
        "rope_interleaved", "freeze_text_layers", "freeze_text_module_exceptions", "freeze_vision_layers",
        "freeze_vision_module_exceptions", "perceiver_config", "qk_layer_norms_perceiver", "image_token_id",
        "max_image_size", "size", "use_base_siglip", "vision_feature_layer"};
    return keys;
}

void refuseUnknown(const Json& j, const std::string& prefix, const std::set<std::string>& known, const std::string& file)
{
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!known.count(it.key()) && !genericHfKeys().count(it.key()))
            throw CheckpointError(file, prefix + it.key(),
                                  "unknown Idefics3 config field (Transferscope maps only the fields that shape the model; "
                                  "refusing rather than guessing what it changes)");
}

const Json& object(const Json& j, const char* key, const std::string& file)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_object())
        throw CheckpointError(file, key, "missing: an Idefics3 config.json nests vision_config and text_config objects");
    return *it;
}

int64_t integer(const Json& j, const std::string& prefix, const char* key, const std::string& file, std::optional<int64_t> fallback = {})
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (fallback)
            return *fallback;
        throw CheckpointError(file, prefix + key, "missing");
    }
    if (it->is_number_integer())
        return it->get<int64_t>();
    if (it->is_number_float() && it->get<double>() == static_cast<double>(static_cast<int64_t>(it->get<double>())))
        return static_cast<int64_t>(it->get<double>());
    throw CheckpointError(file, prefix + key, "expected an integer, got " + it->dump());
}

double number(const Json& j, const std::string& prefix, const char* key, const std::string& file, double fallback)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return fallback;
    if (!it->is_number())
        throw CheckpointError(file, prefix + key, "expected a number, got " + it->dump());
    return it->get<double>();
}

// A field that must hold one value (or be absent): anything else would change the maths we implement.
void require(const Json& j, const std::string& prefix, const char* key, const Json& expected, const std::string& file)
{
    auto it = j.find(key);
    if (it != j.end() && *it != expected)
        throw CheckpointError(file, prefix + key, "is " + it->dump() + "; only " + expected.dump() + " is supported");
}

} // namespace

bool isIdefics3ConfigJson(const Json& j)
{
    return j.is_object() && j.contains("vision_config") && j.contains("text_config");
}

VlmConfig idefics3ConfigFromJson(const Json& j, const std::string& file)
{
    if (!j.is_object())
        throw CheckpointError(file, "", "config must be a JSON object");
    if (auto t = j.value("model_type", std::string()); t != "idefics3" && t != "smolvlm")
        throw CheckpointError(file, "model_type", "is '" + t + "'; expected \"idefics3\" or \"smolvlm\"");
    refuseUnknown(j, "", {"vision_config", "text_config", "scale_factor", "image_seq_len", "vocab_size"}, file);
    const Json& v = object(j, "vision_config", file);
    const Json& t = object(j, "text_config", file);
    refuseUnknown(v, "vision_config.", {"hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
                                        "image_size", "patch_size", "layer_norm_eps", "hidden_act", "num_channels"}, file);
    refuseUnknown(t, "text_config.", {"hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
                                      "num_key_value_heads", "head_dim", "rope_theta", "rms_norm_eps", "max_position_embeddings",
                                      "vocab_size", "hidden_act", "rope_scaling", "attention_bias", "mlp_bias",
                                      "qk_layer_norms", "use_resampler"}, file);
    require(v, "vision_config.", "hidden_act", "gelu_pytorch_tanh", file);
    require(v, "vision_config.", "num_channels", 3, file);
    require(t, "text_config.", "hidden_act", "silu", file);
    require(t, "text_config.", "rope_scaling", nullptr, file);
    require(t, "text_config.", "attention_bias", false, file);
    require(t, "text_config.", "mlp_bias", false, file);
    require(t, "text_config.", "qk_layer_norms", false, file);
    require(t, "text_config.", "use_resampler", false, file);

    VlmConfig c;
    c.raw = Json::object(); // the nested file is not a nanoVLM config: nothing of it is written back flat
    c.vit_hidden_dim = integer(v, "vision_config.", "hidden_size", file, 768);
    c.vit_inter_dim = integer(v, "vision_config.", "intermediate_size", file, 3072);
    c.vit_n_blocks = integer(v, "vision_config.", "num_hidden_layers", file, 12);
    c.vit_n_heads = integer(v, "vision_config.", "num_attention_heads", file, 12);
    c.vit_img_size = integer(v, "vision_config.", "image_size", file, 224);
    c.vit_patch_size = integer(v, "vision_config.", "patch_size", file, 32);
    c.vit_ln_eps = number(v, "vision_config.", "layer_norm_eps", file, 1e-6);
    c.vit_model_type = "idefics3_vision";
    c.max_img_size = c.vit_img_size;

    c.lm_hidden_dim = integer(t, "text_config.", "hidden_size", file);
    c.lm_inter_dim = integer(t, "text_config.", "intermediate_size", file);
    c.lm_n_blocks = integer(t, "text_config.", "num_hidden_layers", file);
    c.lm_n_heads = integer(t, "text_config.", "num_attention_heads", file);
    c.lm_n_kv_heads = integer(t, "text_config.", "num_key_value_heads", file, c.lm_n_heads);
    if (integer(t, "text_config.", "head_dim", file, c.lm_hidden_dim / std::max<int64_t>(1, c.lm_n_heads)) * c.lm_n_heads !=
        c.lm_hidden_dim)
        throw CheckpointError(file, "text_config.head_dim", "must equal hidden_size / num_attention_heads");
    c.lm_re_base = number(t, "text_config.", "rope_theta", file, 10000.0);
    c.lm_rms_eps = number(t, "text_config.", "rms_norm_eps", file, 1e-6);
    c.lm_max_position_embeddings = integer(t, "text_config.", "max_position_embeddings", file, 2048);
    c.lm_vocab_size = integer(j, "", "vocab_size", file, integer(t, "text_config.", "vocab_size", file));
    if (t.contains("vocab_size") && integer(t, "text_config.", "vocab_size", file) != c.lm_vocab_size)
        throw CheckpointError(file, "text_config.vocab_size", "differs from the top-level vocab_size");
    c.lm_tie_weights = j.value("tie_word_embeddings", false);
    c.lm_model_type = "llama";
    c.lm_tokenizer = "tokenizer.json";
    c.lm_chat_template = kSmolVlmChatTemplate;

    c.mp_pixel_shuffle_factor = integer(j, "", "scale_factor", file, 2);
    c.mp_image_token_length = c.imageTokensPerImage();
    if (j.contains("image_seq_len") && integer(j, "", "image_seq_len", file) != c.mp_image_token_length)
        throw CheckpointError(file, "image_seq_len", "must equal (image_size/patch_size)^2 / scale_factor^2 = " +
                                                         std::to_string(c.mp_image_token_length));
    c.image_token_id = integer(j, "", "image_token_id", file);
    // The token strings; their ids are resolved in tokenizer.json (vlm.md §4.3).
    c.vlm_extra_tokens = Json{{"image_token", "<image>"}, {"global_image_token", "<global-img>"}};
    c.lm_base_vocab_size = c.lm_vocab_size;
    c.extra_token_amount = 0;
    c.vit_signed_pixels = true;
    c.validate(file);
    return c;
}

Json idefics3ConfigToJson(const VlmConfig& c)
{
    Json v = {{"hidden_size", c.vit_hidden_dim},     {"intermediate_size", c.vit_inter_dim},
              {"num_hidden_layers", c.vit_n_blocks}, {"num_attention_heads", c.vit_n_heads},
              {"image_size", c.vit_img_size},        {"patch_size", c.vit_patch_size},
              {"layer_norm_eps", c.vit_ln_eps},      {"hidden_act", "gelu_pytorch_tanh"},
              {"num_channels", 3},                   {"model_type", "idefics3_vision"}};
    Json t = {{"hidden_size", c.lm_hidden_dim},
              {"intermediate_size", c.lm_inter_dim},
              {"num_hidden_layers", c.lm_n_blocks},
              {"num_attention_heads", c.lm_n_heads},
              {"num_key_value_heads", c.lm_n_kv_heads},
              {"head_dim", c.lmHeadDim()},
              {"rope_theta", c.lm_re_base},
              {"rms_norm_eps", c.lm_rms_eps},
              {"max_position_embeddings", c.lm_max_position_embeddings},
              {"vocab_size", c.lm_vocab_size},
              {"hidden_act", "silu"},
              {"rope_scaling", nullptr},
              {"attention_bias", false},
              {"mlp_bias", false},
              {"tie_word_embeddings", c.lm_tie_weights},
              {"model_type", "llama"}};
    return Json{{"architectures", {"Idefics3ForConditionalGeneration"}},
                {"model_type", "idefics3"},
                {"image_token_id", c.imageTokenId()},
                {"image_seq_len", c.mp_image_token_length},
                {"scale_factor", c.mp_pixel_shuffle_factor},
                {"tie_word_embeddings", c.lm_tie_weights},
                {"vocab_size", c.lm_vocab_size},
                {"torch_dtype", "bfloat16"},
                {"vision_config", v},
                {"text_config", t}};
}

} // namespace ts
