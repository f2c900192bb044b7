#include "model/nanovlm_checkpoint.h"

#include "model/safetensors.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>

#include <filesystem>

namespace ts {

namespace fs = std::filesystem;

void saveNanoVlmFolder(VisionLanguageModelImpl& model, const std::string& dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot create the checkpoint folder: " + ec.message());
    std::map<std::string, at::Tensor> tensors;
    for (auto& [k, v] : canonicalStateDict(model))
        tensors[k] = v.detach().to(at::kCPU, at::kFloat);
    std::map<std::string, std::string> meta;
    if (model.decoder->tied())
        meta["decoder.token_embedding.weight"] = "decoder.head.weight";
    // Write to temporaries and rename, so a crash never leaves a half-written checkpoint under the real name.
    const std::string st = (fs::path(dir) / "model.safetensors").string();
    const std::string cfg = (fs::path(dir) / "config.json").string();
    writeSafetensors(st + ".tmp", tensors, meta);
    model.config().save(cfg + ".tmp");
    fs::rename(st + ".tmp", st);
    fs::rename(cfg + ".tmp", cfg);
}

void loadNanoVlmWeights(VisionLanguageModelImpl& model, const std::string& path)
{
    SafetensorsFile file = readSafetensors(path);
    std::map<std::string, at::Tensor> expected = canonicalStateDict(model);
    if (model.decoder->tied()) {
        auto emb = file.tensors.find("decoder.token_embedding.weight");
        if (emb != file.tensors.end()) {
            if (file.tensors.count("decoder.head.weight") &&
                !at::equal(file.tensors.at("decoder.head.weight"), emb->second))
                throw CheckpointError(path, "decoder.head.weight", "differs from decoder.token_embedding.weight in a tied model");
            file.tensors["decoder.head.weight"] = emb->second;
            file.tensors.erase(emb);
        }
    }
    for (const auto& [name, t] : file.tensors)
        if (!expected.count(name))
            throw CheckpointError(path, name, "unexpected tensor (not part of this model's config)");
    at::NoGradGuard guard;
    for (auto& [name, dst] : expected) {
        auto it = file.tensors.find(name);
        if (it == file.tensors.end())
            throw CheckpointError(path, name, "missing tensor");
        if (it->second.sizes() != dst.sizes())
            throw CheckpointError(path, name, "shape " + c10::str(it->second.sizes()) + " but the config needs " +
                                                  c10::str(dst.sizes()));
        if (!at::isFloatingType(it->second.scalar_type()))
            throw CheckpointError(path, name, std::string("expected a floating-point tensor, got ") +
                                                  c10::toString(it->second.scalar_type()));
        dst.copy_(it->second.to(dst.scalar_type()));
    }
}

VisionLanguageModel loadNanoVlmFolder(const std::string& dir)
{
    const std::string cfg = (fs::path(dir) / "config.json").string();
    const std::string st = (fs::path(dir) / "model.safetensors").string();
    if (!fs::exists(cfg))
        throw CheckpointError(cfg, "", "missing: a nanoVLM folder holds config.json and model.safetensors");
    if (!fs::exists(st))
        throw CheckpointError(st, "", "missing: a nanoVLM folder holds config.json and model.safetensors");
    VisionLanguageModel model(VlmConfig::load(cfg));
    loadNanoVlmWeights(*model, st);
    return model;
}

} // namespace ts
