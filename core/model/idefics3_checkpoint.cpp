#include "model/idefics3_checkpoint.h"

#include "model/idefics3_config.h"
#include "model/json_file.h"
#include "model/safetensors.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace ts {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

enum class Transform {
    Same,           // one tensor, same shape
    PositionEmbed,  // canonical [1,N,D] <-> HF [N,D]
    FusedQkv,       // canonical [3D,...] <-> HF q,k,v [D,...] concatenated in that order
};

// THE name table (vlm.md §3.3). "{i}" is a block index; "{p}" in a FusedQkv row stands for q, k and v.
struct NameRow {
    const char* canonical;
    const char* hf;
    Transform transform;
    enum Scope { Model, VisionBlock, TextBlock, UntiedHead } scope;
};

const std::vector<NameRow>& nameTable()
{
    static const std::vector<NameRow> rows = {
        {"vision_encoder.patch_embedding.conv.weight", "model.vision_model.embeddings.patch_embedding.weight", Transform::Same, NameRow::Model},
        {"vision_encoder.patch_embedding.conv.bias", "model.vision_model.embeddings.patch_embedding.bias", Transform::Same, NameRow::Model},
        {"vision_encoder.patch_embedding.position_embedding", "model.vision_model.embeddings.position_embedding.weight", Transform::PositionEmbed, NameRow::Model},
        {"vision_encoder.blocks.{i}.ln1.weight", "model.vision_model.encoder.layers.{i}.layer_norm1.weight", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.ln1.bias", "model.vision_model.encoder.layers.{i}.layer_norm1.bias", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.attn.qkv_proj.weight", "model.vision_model.encoder.layers.{i}.self_attn.{p}_proj.weight", Transform::FusedQkv, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.attn.qkv_proj.bias", "model.vision_model.encoder.layers.{i}.self_attn.{p}_proj.bias", Transform::FusedQkv, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.attn.out_proj.weight", "model.vision_model.encoder.layers.{i}.self_attn.out_proj.weight", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.attn.out_proj.bias", "model.vision_model.encoder.layers.{i}.self_attn.out_proj.bias", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.ln2.weight", "model.vision_model.encoder.layers.{i}.layer_norm2.weight", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.ln2.bias", "model.vision_model.encoder.layers.{i}.layer_norm2.bias", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.mlp.fc1.weight", "model.vision_model.encoder.layers.{i}.mlp.fc1.weight", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.mlp.fc1.bias", "model.vision_model.encoder.layers.{i}.mlp.fc1.bias", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.mlp.fc2.weight", "model.vision_model.encoder.layers.{i}.mlp.fc2.weight", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.blocks.{i}.mlp.fc2.bias", "model.vision_model.encoder.layers.{i}.mlp.fc2.bias", Transform::Same, NameRow::VisionBlock},
        {"vision_encoder.layer_norm.weight", "model.vision_model.post_layernorm.weight", Transform::Same, NameRow::Model},
        {"vision_encoder.layer_norm.bias", "model.vision_model.post_layernorm.bias", Transform::Same, NameRow::Model},
        {"MP.proj.weight", "model.connector.modality_projection.proj.weight", Transform::Same, NameRow::Model},
        {"decoder.token_embedding.weight", "model.text_model.embed_tokens.weight", Transform::Same, NameRow::Model},
        {"decoder.blocks.{i}.norm1.weight", "model.text_model.layers.{i}.input_layernorm.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.attn.q_proj.weight", "model.text_model.layers.{i}.self_attn.q_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.attn.k_proj.weight", "model.text_model.layers.{i}.self_attn.k_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.attn.v_proj.weight", "model.text_model.layers.{i}.self_attn.v_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.attn.out_proj.weight", "model.text_model.layers.{i}.self_attn.o_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.norm2.weight", "model.text_model.layers.{i}.post_attention_layernorm.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.mlp.gate_proj.weight", "model.text_model.layers.{i}.mlp.gate_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.mlp.up_proj.weight", "model.text_model.layers.{i}.mlp.up_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.blocks.{i}.mlp.down_proj.weight", "model.text_model.layers.{i}.mlp.down_proj.weight", Transform::Same, NameRow::TextBlock},
        {"decoder.norm.weight", "model.text_model.norm.weight", Transform::Same, NameRow::Model},
        {"decoder.head.weight", "lm_head.weight", Transform::Same, NameRow::UntiedHead},
    };
    return rows;
}

std::string substitute(std::string s, const std::string& key, const std::string& value)
{
    for (auto pos = s.find(key); pos != std::string::npos; pos = s.find(key, pos + value.size()))
        s.replace(pos, key.size(), value);
    return s;
}

struct Entry {
    std::string canonical;
    std::vector<std::string> hf; // 1 name, or q,k,v
    Transform transform;
};

// The table expanded for one config: every tensor the format holds, in table order.
std::vector<Entry> entriesFor(const VlmConfig& c)
{
    std::vector<Entry> out;
    for (const NameRow& r : nameTable()) {
        if (r.scope == NameRow::UntiedHead && c.lm_tie_weights)
            continue;
        const int64_t n = r.scope == NameRow::VisionBlock ? c.vit_n_blocks : r.scope == NameRow::TextBlock ? c.lm_n_blocks : 1;
        for (int64_t i = 0; i < n; ++i) {
            const std::string idx = std::to_string(i);
            Entry e{substitute(r.canonical, "{i}", idx), {}, r.transform};
            const std::string hf = substitute(r.hf, "{i}", idx);
            if (r.transform == Transform::FusedQkv)
                for (const char* p : {"q", "k", "v"})
                    e.hf.push_back(substitute(hf, "{p}", p));
            else
                e.hf.push_back(hf);
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::string shapeText(const at::Tensor& t)
{
    return c10::str(t.sizes());
}

} // namespace

std::map<std::string, at::Tensor> idefics3ToCanonical(const std::map<std::string, at::Tensor>& hf, const VlmConfig& c,
                                                      const std::string& file)
{
    std::map<std::string, at::Tensor> out;
    std::set<std::string> used;
    auto take = [&](const std::string& name) -> const at::Tensor& {
        auto it = hf.find(name);
        if (it == hf.end())
            throw CheckpointError(file, name, "missing tensor (an Idefics3 checkpoint of this config.json holds it)");
        used.insert(name);
        return it->second;
    };
    for (const Entry& e : entriesFor(c)) {
        if (e.transform == Transform::FusedQkv) {
            std::vector<at::Tensor> parts;
            for (const auto& n : e.hf)
                parts.push_back(take(n));
            for (size_t k = 1; k < parts.size(); ++k)
                if (parts[k].sizes() != parts[0].sizes())
                    throw CheckpointError(file, e.hf[k], "shape " + shapeText(parts[k]) + " differs from " + e.hf[0] + "'s " +
                                                             shapeText(parts[0]));
            out[e.canonical] = at::cat(parts, 0);
        } else if (e.transform == Transform::PositionEmbed) {
            const at::Tensor& t = take(e.hf[0]);
            if (t.dim() != 2)
                throw CheckpointError(file, e.hf[0], "expected [patches, hidden], got " + shapeText(t));
            out[e.canonical] = t.unsqueeze(0);
        } else {
            out[e.canonical] = take(e.hf[0]);
        }
    }
    if (c.lm_tie_weights) {
        // transformers drops a tied lm_head when saving; accept it when present and equal.
        if (auto it = hf.find("lm_head.weight"); it != hf.end()) {
            if (!at::equal(it->second, out.at("decoder.token_embedding.weight")))
                throw CheckpointError(file, "lm_head.weight", "differs from model.text_model.embed_tokens.weight, but "
                                                              "config.json says tie_word_embeddings = true");
            used.insert(it->first);
        }
        out["decoder.head.weight"] = out.at("decoder.token_embedding.weight");
        out.erase("decoder.token_embedding.weight");
    }
    for (const auto& [name, t] : hf)
        if (!used.count(name))
            throw CheckpointError(file, name, "unknown tensor for an Idefics3 checkpoint of this config.json (block count, "
                                              "tied head): refusing to drop weights silently");
    return out;
}

std::map<std::string, at::Tensor> canonicalToIdefics3(const std::map<std::string, at::Tensor>& canonical, const VlmConfig& c)
{
    auto get = [&](const std::string& name) -> const at::Tensor& {
        // A tied model reports its one matrix as decoder.head.weight (canonicalStateDict).
        const std::string key = c.lm_tie_weights && name == "decoder.token_embedding.weight" ? "decoder.head.weight" : name;
        auto it = canonical.find(key);
        if (it == canonical.end())
            throw CheckpointError("", key, "missing in the model's state");
        return it->second;
    };
    std::map<std::string, at::Tensor> out;
    for (const Entry& e : entriesFor(c)) {
        const at::Tensor& t = get(e.canonical);
        if (e.transform == Transform::FusedQkv) {
            auto parts = t.chunk(3, 0);
            for (size_t k = 0; k < 3; ++k)
                out[e.hf[k]] = parts[k].contiguous();
        } else if (e.transform == Transform::PositionEmbed) {
            out[e.hf[0]] = t.squeeze(0);
        } else {
            out[e.hf[0]] = t;
        }
    }
    return out;
}

std::optional<std::string> idefics3ModulePath(const std::string& canonicalModulePath)
{
    // Block indices are replaced by {i}, looked up in the table, and put back.
    std::string pattern = canonicalModulePath, index;
    for (const char* prefix : {"decoder.blocks.", "vision_encoder.blocks."}) {
        const std::string p = prefix;
        if (pattern.rfind(p, 0) == 0) {
            const auto dot = pattern.find('.', p.size());
            index = pattern.substr(p.size(), dot - p.size());
            pattern = p + "{i}" + pattern.substr(dot);
        }
    }
    for (const NameRow& r : nameTable()) {
        if (r.transform != Transform::Same || std::string(r.canonical) != pattern + ".weight")
            continue;
        std::string hf = substitute(r.hf, "{i}", index);
        return hf.substr(0, hf.size() - std::string(".weight").size());
    }
    return std::nullopt;
}

namespace {

// The processor's pixel normalisation lives in preprocessor_config.json, not in config.json: SmolVLM uses
// mean = std = 0.5 ([-1,1]); a model trained on [0,1] (nanoVLM, presets) is written with do_normalize false.
Json preprocessorJson(const VlmConfig& c)
{
    return Json{{"image_processor_type", "Idefics3ImageProcessor"},
                {"do_convert_rgb", true},
                {"do_resize", true},
                {"size", {{"longest_edge", c.vit_img_size}}},
                {"max_image_size", {{"longest_edge", c.vit_img_size}}},
                {"resample", 1},
                {"do_rescale", true},
                {"rescale_factor", 1.0 / 255.0},
                {"do_normalize", c.vit_signed_pixels},
                {"image_mean", {0.5, 0.5, 0.5}},
                {"image_std", {0.5, 0.5, 0.5}},
                {"do_image_splitting", false}};
}

// Reads do_normalize (default true, as SmolVLM) and refuses a normalisation other than mean = std = 0.5.
bool signedPixelsFromPreprocessor(const Json& j, const std::string& file)
{
    const bool normalize = j.value("do_normalize", true);
    if (j.contains("do_rescale") && !j["do_rescale"].get<bool>())
        throw CheckpointError(file, "do_rescale", "false is not supported (pixels are bytes rescaled by 1/255)");
    if (normalize)
        for (const char* key : {"image_mean", "image_std"})
            if (auto it = j.find(key); it != j.end() && *it != Json({0.5, 0.5, 0.5}))
                throw CheckpointError(file, key, "is " + it->dump() + "; only [0.5, 0.5, 0.5] (pixels in [-1,1]) is supported");
    return normalize;
}

} // namespace

void saveIdefics3Folder(VisionLanguageModelImpl& model, const std::string& dir, bool bf16)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot create the checkpoint folder: " + ec.message());
    std::map<std::string, at::Tensor> tensors;
    for (auto& [k, v] : canonicalToIdefics3(canonicalStateDict(model), model.config()))
        tensors[k] = v.detach().to(at::kCPU, bf16 ? at::kBFloat16 : at::kFloat).contiguous();
    const std::string st = (fs::path(dir) / "model.safetensors").string();
    const std::string cfg = (fs::path(dir) / "config.json").string();
    writeSafetensors(st + ".tmp", tensors, {{"format", "pt"}});
    {
        std::ofstream out(cfg + ".tmp", std::ios::trunc);
        out << idefics3ConfigToJson(model.config()).dump(2) << '\n';
        if (!out)
            throw CheckpointError(cfg, "", "write failed");
    }
    {
        std::ofstream out((fs::path(dir) / "preprocessor_config.json").string(), std::ios::trunc);
        out << preprocessorJson(model.config()).dump(2) << '\n';
    }
    fs::rename(st + ".tmp", st);
    fs::rename(cfg + ".tmp", cfg);
}

namespace {

// One file, or the shards named by model.safetensors.index.json (every weight_map entry must be in its shard).
std::map<std::string, at::Tensor> readWeights(const std::string& dir, std::string& describedAs)
{
    const fs::path single = fs::path(dir) / "model.safetensors";
    if (fs::exists(single)) {
        describedAs = single.string();
        return readSafetensors(single.string()).tensors;
    }
    const fs::path index = fs::path(dir) / "model.safetensors.index.json";
    if (!fs::exists(index))
        throw CheckpointError(single.string(), "", "missing: an Idefics3 folder holds config.json and model.safetensors "
                                                    "(or model.safetensors.index.json with its shards)");
    describedAs = index.string();
    const Json j = readJsonFile(index.string());
    auto map = j.find("weight_map");
    if (map == j.end() || !map->is_object())
        throw CheckpointError(index.string(), "weight_map", "missing or not an object");
    std::map<std::string, at::Tensor> all;
    std::set<std::string> shards;
    for (auto it = map->begin(); it != map->end(); ++it)
        shards.insert(it->get<std::string>());
    for (const auto& s : shards)
        for (auto& [k, v] : readSafetensors((fs::path(dir) / s).string()).tensors)
            all[k] = v;
    for (auto it = map->begin(); it != map->end(); ++it)
        if (!all.count(it.key()))
            throw CheckpointError(index.string(), it.key(), "listed in weight_map but absent from " + it->get<std::string>());
    return all;
}

} // namespace

VlmConfig loadIdefics3Config(const std::string& dir)
{
    const std::string cfgPath = (fs::path(dir) / "config.json").string();
    if (!fs::exists(cfgPath))
        throw CheckpointError(cfgPath, "", "missing: an Idefics3 folder holds config.json and model.safetensors");
    VlmConfig config = idefics3ConfigFromJson(readJsonFile(cfgPath), cfgPath);
    if (const fs::path pre = fs::path(dir) / "preprocessor_config.json"; fs::exists(pre))
        config.vit_signed_pixels = signedPixelsFromPreprocessor(readJsonFile(pre.string()), pre.string());
    return config;
}

VisionLanguageModel loadIdefics3Folder(const std::string& dir)
{
    const VlmConfig config = loadIdefics3Config(dir);
    std::string source;
    const auto hf = readWeights(dir, source);
    std::map<std::string, at::Tensor> canonical = idefics3ToCanonical(hf, config, source);
    // RoPE frequencies are recomputed by the model (HF stores none); every other tensor must be supplied.
    VisionLanguageModel model(config);
    at::NoGradGuard guard;
    for (auto& [name, dst] : canonicalStateDict(*model)) {
        if (name == "decoder.rotary_embd.inv_freq")
            continue;
        const at::Tensor& src = canonical.at(name);
        if (src.sizes() != dst.sizes())
            throw CheckpointError(source, name, "shape " + shapeText(src) + " but config.json needs " + shapeText(dst));
        if (!at::isFloatingType(src.scalar_type()))
            throw CheckpointError(source, name, std::string("expected a floating-point tensor, got ") +
                                                    c10::toString(src.scalar_type()));
        dst.copy_(src.to(dst.scalar_type())); // BF16 -> F32 is exact
    }
    return model;
}

} // namespace ts
