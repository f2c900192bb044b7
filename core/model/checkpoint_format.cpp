#include "model/checkpoint_format.h"

#include "model/idefics3_checkpoint.h"
#include "model/idefics3_config.h"
#include "model/json_file.h"
#include "model/lora.h"
#include "model/nanovlm_checkpoint.h"
#include "model/vlm_error.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ts {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json readConfigJson(const std::string& dir)
{
    const std::string path = (fs::path(dir) / "config.json").string();
    if (!fs::is_directory(dir))
        throw CheckpointError(dir, "", "not a folder");
    if (!fs::exists(path))
        throw CheckpointError(path, "", "missing: a model folder holds config.json and model.safetensors");
    return readJsonFile(path);
}

CheckpointFormat formatOf(const Json& j, const std::string& path)
{
    if (isIdefics3ConfigJson(j))
        return CheckpointFormat::Idefics3;
    if (j.is_object() && j.contains("vit_hidden_dim") && j.contains("lm_hidden_dim"))
        return CheckpointFormat::NanoVlm;
    throw CheckpointError(path, "", "neither a nanoVLM config (flat vit_*/lm_* keys) nor a SmolVLM/Idefics3 config "
                                    "(vision_config and text_config objects)");
}

bool hasAdapters(VisionLanguageModelImpl& model)
{
    for (const auto& p : model.named_parameters(true))
        if (p.key().find("lora_") != std::string::npos)
            return true;
    return false;
}

} // namespace

NanoVlmGeneration detectNanoVlmGeneration(const Json& config)
{
    if (!config.contains("vlm_extra_tokens"))
        return NanoVlmGeneration::V1Prefix;
    if (!config.contains("lm_chat_template"))
        return NanoVlmGeneration::V2Replace;
    return NanoVlmGeneration::V3Chat;
}

std::string formatName(CheckpointFormat f)
{
    return f == CheckpointFormat::Idefics3 ? "SmolVLM/Idefics3" : "nanoVLM";
}

CheckpointFormat detectCheckpointFormat(const std::string& dir)
{
    return formatOf(readConfigJson(dir), (fs::path(dir) / "config.json").string());
}

VisionLanguageModel loadCheckpointFolder(const std::string& dir)
{
    return detectCheckpointFormat(dir) == CheckpointFormat::Idefics3 ? loadIdefics3Folder(dir) : loadNanoVlmFolder(dir);
}

void saveCheckpointFolder(VisionLanguageModelImpl& model, const std::string& dir, CheckpointFormat format, bool mergeAdapters)
{
    if (hasAdapters(model)) {
        if (!mergeAdapters)
            throw std::invalid_argument("the model carries LoRA adapters: merge them (mergeAdapters) or export them "
                                        "with exportPeftAdapter before saving a base checkpoint to " + dir);
        mergeLora(model);
    }
    if (format == CheckpointFormat::Idefics3)
        saveIdefics3Folder(model, dir);
    else
        saveNanoVlmFolder(model, dir);
}

bool hasCheckpointTokenizer(const std::string& dir)
{
    return fs::exists(fs::path(dir) / "tokenizer.json");
}

BpeTokenizer loadCheckpointTokenizer(const std::string& dir, const VlmConfig& config, const std::string& tokenizerDir)
{
    const fs::path path = fs::path(tokenizerDir.empty() ? dir : tokenizerDir) / "tokenizer.json";
    if (!fs::exists(path))
        throw CheckpointError(path.string(), "", "missing tokenizer.json" +
                                                     (tokenizerDir.empty() ? std::string("; nanoVLM folders ship none: download '") +
                                                                                 config.lm_tokenizer + "' and name its folder"
                                                                           : std::string()));
    BpeTokenizer base = BpeTokenizer::fromFile(path.string());
    std::vector<std::string> extras;
    if (config.image_token_id < 0 && !config.vlm_extra_tokens.empty()) {
        for (auto it = config.vlm_extra_tokens.begin(); it != config.vlm_extra_tokens.end(); ++it)
            if (it->is_string())
                extras.push_back(it->get<std::string>());
        if (!base.tokenId(extras.front()) && base.vocabSize() != config.lm_base_vocab_size)
            throw CheckpointError(path.string(), "model.vocab", "the base tokenizer has " + std::to_string(base.vocabSize()) +
                                                                    " ids but the config's lm_base_vocab_size is " +
                                                                    std::to_string(config.lm_base_vocab_size));
    }
    BpeTokenizer tok = base.withAddedSpecialTokens(extras);
    if (const int64_t id = config.imageTokenId(); id >= 0) {
        const int64_t got = tok.requireTokenId(config.imageToken());
        if (got != id)
            throw CheckpointError(path.string(), config.image_token_id >= 0 ? "image_token_id" : "vlm_extra_tokens.image_token",
                                  "the tokenizer gives '" + config.imageToken() + "' id " + std::to_string(got) +
                                      " but the model config expects " + std::to_string(id));
    }
    if (tok.vocabSize() > config.lm_vocab_size)
        throw CheckpointError(path.string(), "lm_vocab_size", "the tokenizer has " + std::to_string(tok.vocabSize()) +
                                                                  " ids but the model only " + std::to_string(config.lm_vocab_size));
    return tok;
}

int64_t parameterCountFromConfig(const VlmConfig& c)
{
    const int64_t Dv = c.vit_hidden_dim, Iv = c.vit_inter_dim, P = c.vit_patch_size, N = c.patchesPerImage();
    const int64_t vitBlock = 4 * Dv + (3 * Dv * Dv + 3 * Dv) + (Dv * Dv + Dv) + (Iv * Dv + Iv) + (Dv * Iv + Dv);
    const int64_t vit = (Dv * 3 * P * P + Dv) + N * Dv + c.vit_n_blocks * vitBlock + 2 * Dv;
    const int64_t S = c.mp_pixel_shuffle_factor;
    const int64_t connector = Dv * S * S * c.lm_hidden_dim;
    const int64_t D = c.lm_hidden_dim, I = c.lm_inter_dim, kv = c.lm_n_kv_heads * c.lmHeadDim(), V = c.lm_vocab_size;
    const int64_t lmBlock = 2 * D + 2 * D * D + 2 * kv * D + 3 * I * D;
    const int64_t lm = V * D + c.lm_n_blocks * lmBlock + D + (c.lm_tie_weights ? 0 : V * D);
    return vit + connector + lm;
}

int64_t loraParameterCount(const VlmConfig& c, int64_t rank)
{
    const int64_t D = c.lm_hidden_dim, I = c.lm_inter_dim, kv = c.lm_n_kv_heads * c.lmHeadDim();
    // r·(in + out) per projection: q, k, v, o, then gate, up, down.
    const int64_t perBlock = rank * ((D + D) + (D + kv) * 2 + (D + D) + (D + I) * 2 + (I + D));
    return c.lm_n_blocks * perBlock;
}

MemoryEstimate estimateTrainingMemory(const VlmConfig& c, int64_t loraRank, int64_t batch, int64_t textTokens, int64_t imagesPerSample)
{
    MemoryEstimate m;
    m.parameters = parameterCountFromConfig(c);
    const int64_t connector = c.vit_hidden_dim * c.mp_pixel_shuffle_factor * c.mp_pixel_shuffle_factor * c.lm_hidden_dim;
    m.trainableParameters = loraParameterCount(c, loraRank) + connector;
    m.weightBytes = 4 * (m.parameters - connector);
    m.optimizerBytes = 16 * m.trainableParameters;
    const int64_t T = imagesPerSample * c.mp_image_token_length + textTokens;
    const int64_t perLayer = 34 * T * c.lm_hidden_dim + 5 * c.lm_n_heads * T * T;
    m.activationBytes = 2 * batch * c.lm_n_blocks * perLayer;
    const int64_t N = c.patchesPerImage();
    m.visionTransientBytes = 4 * (N * c.vit_inter_dim + c.vit_n_heads * N * N);
    return m;
}

CheckpointInfo inspectCheckpointFolder(const std::string& dir)
{
    const Json j = readConfigJson(dir);
    const std::string cfgPath = (fs::path(dir) / "config.json").string();
    CheckpointInfo info;
    info.format = formatOf(j, cfgPath);
    if (info.format == CheckpointFormat::Idefics3) {
        info.config = loadIdefics3Config(dir);
        info.description = "SmolVLM/Idefics3 (Hugging Face folder)";
    } else {
        info.config = VlmConfig::fromJson(j, cfgPath);
        switch (detectNanoVlmGeneration(j)) {
        case NanoVlmGeneration::V1Prefix: info.description = "nanoVLM v1 (image prefix)"; break;
        case NanoVlmGeneration::V2Replace: info.description = "nanoVLM v2 (image tokens, Question/Answer prompt)"; break;
        case NanoVlmGeneration::V3Chat: info.description = "nanoVLM v3 (chat template)"; break;
        }
    }
    if (!fs::exists(fs::path(dir) / "model.safetensors") &&
        !(info.format == CheckpointFormat::Idefics3 && fs::exists(fs::path(dir) / "model.safetensors.index.json")))
        throw CheckpointError((fs::path(dir) / "model.safetensors").string(), "",
                              "missing: the folder's config.json describes a " + formatName(info.format) +
                                  " model but its weights are absent");
    info.parameters = parameterCountFromConfig(info.config);
    info.hasTokenizer = hasCheckpointTokenizer(dir);
    info.memory = estimateTrainingMemory(info.config);
    return info;
}

} // namespace ts
