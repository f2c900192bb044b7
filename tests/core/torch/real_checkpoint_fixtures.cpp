// Builders shared by the real-checkpoint tests; see real_checkpoint_fixtures.h.
#include "real_checkpoint_fixtures.h"

#include "model/safetensors.h"

#include <torch/utils.h>

#include <QDir>

#include <algorithm>
#include <fstream>

namespace ts::test {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

// A SmolVLM-256M config.json scaled down in width and depth, with the inert bookkeeping keys HF writes.
Json microIdefics3Config(bool tied)
{
    return Json{{"architectures", {"Idefics3ForConditionalGeneration"}},
                {"model_type", "idefics3"},
                {"image_token_id", kImageTokenId},
                {"image_seq_len", 4},
                {"scale_factor", 2},
                {"tie_word_embeddings", tied},
                {"torch_dtype", "bfloat16"},
                {"transformers_version", "4.46.0"},
                {"use_cache", true},
                {"vocab_size", kVocab},
                {"vision_config",
                 {{"hidden_size", 48}, {"intermediate_size", 96}, {"num_hidden_layers", kVisionLayers},
                  {"num_attention_heads", 3}, {"image_size", 64}, {"patch_size", 16}, {"layer_norm_eps", 1e-6},
                  {"hidden_act", "gelu_pytorch_tanh"}, {"model_type", "idefics3"}, {"max_image_size", {{"longest_edge", 64}}},
                  {"size", {{"longest_edge", 256}}}, {"use_base_siglip", true}}},
                {"text_config",
                 {{"hidden_size", 64}, {"intermediate_size", 128}, {"num_hidden_layers", kTextLayers},
                  {"num_attention_heads", 4}, {"num_key_value_heads", 2}, {"head_dim", 16}, {"rope_theta", 100000},
                  {"rms_norm_eps", 1e-5}, {"max_position_embeddings", 8192}, {"vocab_size", kVocab}, {"hidden_act", "silu"},
                  {"rope_scaling", nullptr}, {"attention_bias", false}, {"mlp_bias", false}, {"model_type", "llama"},
                  {"id2label", {{"0", "LABEL_0"}}}, {"perceiver_config", {{"model_type", "vllama3"}}},
                  {"qk_layer_norms", false}, {"use_resampler", false}, {"pad_token_id", 2}}}};
}

// The exact tensors of an Idefics3 checkpoint of that config, written out by hand (not from the loader's table).
std::map<std::string, std::vector<int64_t>> idefics3Shapes(bool tied)
{
    std::map<std::string, std::vector<int64_t>> s;
    const int64_t Dv = 48, Iv = 96, N = 16, D = 64, I = 128, KV = 32;
    s["model.vision_model.embeddings.patch_embedding.weight"] = {Dv, 3, 16, 16};
    s["model.vision_model.embeddings.patch_embedding.bias"] = {Dv};
    s["model.vision_model.embeddings.position_embedding.weight"] = {N, Dv};
    for (int i = 0; i < kVisionLayers; ++i) {
        const std::string p = "model.vision_model.encoder.layers." + std::to_string(i) + ".";
        for (const char* ln : {"layer_norm1", "layer_norm2"}) {
            s[p + ln + ".weight"] = {Dv};
            s[p + ln + ".bias"] = {Dv};
        }
        for (const char* proj : {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            s[p + "self_attn." + proj + ".weight"] = {Dv, Dv};
            s[p + "self_attn." + proj + ".bias"] = {Dv};
        }
        s[p + "mlp.fc1.weight"] = {Iv, Dv};
        s[p + "mlp.fc1.bias"] = {Iv};
        s[p + "mlp.fc2.weight"] = {Dv, Iv};
        s[p + "mlp.fc2.bias"] = {Dv};
    }
    s["model.vision_model.post_layernorm.weight"] = {Dv};
    s["model.vision_model.post_layernorm.bias"] = {Dv};
    s["model.connector.modality_projection.proj.weight"] = {D, Dv * 4};
    s["model.text_model.embed_tokens.weight"] = {kVocab, D};
    for (int i = 0; i < kTextLayers; ++i) {
        const std::string p = "model.text_model.layers." + std::to_string(i) + ".";
        s[p + "input_layernorm.weight"] = {D};
        s[p + "post_attention_layernorm.weight"] = {D};
        s[p + "self_attn.q_proj.weight"] = {D, D};
        s[p + "self_attn.k_proj.weight"] = {KV, D};
        s[p + "self_attn.v_proj.weight"] = {KV, D};
        s[p + "self_attn.o_proj.weight"] = {D, D};
        s[p + "mlp.gate_proj.weight"] = {I, D};
        s[p + "mlp.up_proj.weight"] = {I, D};
        s[p + "mlp.down_proj.weight"] = {D, I};
    }
    s["model.text_model.norm.weight"] = {D};
    if (!tied)
        s["lm_head.weight"] = {kVocab, D};
    return s;
}

std::map<std::string, at::Tensor> randomIdefics3Tensors(uint64_t seed, bool tied)
{
    torch::manual_seed(seed);
    std::map<std::string, at::Tensor> t;
    for (const auto& [name, shape] : idefics3Shapes(tied)) {
        const bool norm = name.find("norm") != std::string::npos && endsWith(name, ".weight");
        at::Tensor v = norm ? 1.0 + 0.1 * at::randn(shape) : 0.08 * at::randn(shape);
        t[name] = v.to(at::kBFloat16);
    }
    return t;
}

void writeJson(const std::string& path, const Json& j)
{
    std::ofstream out(path, std::ios::trunc);
    out << j.dump(2);
}

Json readJson(const std::string& path)
{
    std::ifstream in(path);
    return Json::parse(in);
}

void writeIdefics3Folder(const QString& dir, const Json& config, const std::map<std::string, at::Tensor>& tensors)
{
    writeJson((dir + "/config.json").toStdString(), config);
    writeSafetensors((dir + "/model.safetensors").toStdString(), tensors, {{"format", "pt"}});
}

at::Tensor testImages(int64_t n, int64_t size)
{
    torch::manual_seed(99);
    return at::rand({n, 3, size, size});
}

// One image's placeholders between text tokens.
at::Tensor testIds(int64_t imageId, int64_t tokens)
{
    std::vector<int64_t> v = {1, 5, 9};
    v.insert(v.end(), static_cast<size_t>(tokens), imageId);
    for (int64_t x : {7, 44, 120, 3})
        v.push_back(x);
    return at::tensor(v, at::kLong).unsqueeze(0);
}

at::Tensor logitsOf(VisionLanguageModelImpl& m)
{
    at::NoGradGuard g;
    return m.logits(m.forward(testIds(m.imageTokenId(), m.config().mp_image_token_length), {}, testImages(1, m.config().vit_img_size)));
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "NO ERROR";
}

// SmolVLM-like tokenizer.json made by hand from the byte-level fixture: base vocabulary 0..272 (with " A".." D"
// and <|im_end|>), then the Idefics3 added tokens at SmolVLM's offsets from the base: <global-img> +0,
// <row_r_col_c> +1..+36, <fake_token_around_image> +37, <image> +38, <end_of_utterance> +127.
Json smolTokenizerJson()
{
    std::ifstream in(std::string(TRANSFERSCOPE_TEST_DATA) + "/torch/tokenizer_fixture.json");
    Json j = Json::parse(in);
    auto& vocab = j["model"]["vocab"];
    int64_t id = 268;
    for (const char* letter : {"A", "B", "C", "D"}) {
        vocab[std::string("\xC4\xA0") + letter] = id++;
        j["model"]["merges"].push_back(std::string("\xC4\xA0 ") + letter);
    }
    vocab["<|im_end|>"] = id++;
    Json added = Json::array();
    auto add = [&](int64_t i, const std::string& content) {
        added.push_back({{"id", i}, {"content", content}, {"single_word", false}, {"lstrip", false}, {"rstrip", false},
                         {"normalized", false}, {"special", true}});
    };
    add(0, "<|endoftext|>");
    add(1, "<|im_start|>");
    add(272, "<|im_end|>");
    add(kBase, "<global-img>");
    for (int r = 1; r <= 6; ++r)
        for (int c = 1; c <= 6; ++c)
            add(kBase + (r - 1) * 6 + c, "<row_" + std::to_string(r) + "_col_" + std::to_string(c) + ">");
    add(kBase + 37, "<fake_token_around_image>");
    add(kBase + 38, "<image>");
    add(kBase + 127, "<end_of_utterance>");
    j["added_tokens"] = added;
    return j;
}

VlmExample example(int images, int correct)
{
    VlmExample ex;
    for (int i = 0; i < images; ++i)
        ex.images.push_back(RgbImage{2, 2, std::vector<uint8_t>(12, 128)});
    ex.prompt = "Hey world";
    ex.options = {"ab", "bc"};
    ex.correct = correct;
    return ex;
}

std::vector<int64_t> concat(std::initializer_list<std::vector<int64_t>> parts)
{
    std::vector<int64_t> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

int64_t count(const std::vector<int64_t>& v, int64_t id)
{
    return std::count(v.begin(), v.end(), id);
}

QString ScratchFolders::sub(const QString& name) const
{
    QDir(tmp_.path()).mkpath(name);
    return tmp_.path() + "/" + name;
}

} // namespace ts::test
