#include "model/lora.h"

#include "model/idefics3_checkpoint.h"
#include "model/safetensors.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace ts {
namespace {

std::string leafName(const std::string& path)
{
    auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

std::string canonicalTarget(const std::string& t)
{
    return t == "o_proj" ? "out_proj" : t;
}

template <typename F>
void forEachDecoderProjection(VisionLanguageModelImpl& model, F&& f)
{
    for (const auto& item : model.named_modules("", false)) {
        const std::string& path = item.key();
        if (path.rfind("decoder.", 0) != 0)
            continue;
        if (auto* p = dynamic_cast<ProjLinearImpl*>(item.value().get()))
            f(path, *p);
    }
}

} // namespace

std::vector<std::string> applyLora(VisionLanguageModelImpl& model, const LoraConfig& cfg)
{
    std::set<std::string> targets, used;
    for (const auto& t : cfg.targetModules)
        targets.insert(canonicalTarget(t));
    std::vector<std::string> done;
    forEachDecoderProjection(model, [&](const std::string& path, ProjLinearImpl& p) {
        const std::string leaf = leafName(path);
        if (leaf == "head" || !targets.count(leaf))
            return;
        p.enableLora(cfg.settings);
        used.insert(leaf);
        done.push_back(path);
    });
    for (const auto& t : targets)
        if (!used.count(t))
            throw std::invalid_argument("LoRA target module '" + t + "' matches no decoder projection");
    return done;
}

void mergeLora(VisionLanguageModelImpl& model)
{
    forEachDecoderProjection(model, [](const std::string&, ProjLinearImpl& p) { p.mergeLora(); });
}

void exportPeftAdapter(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir, CheckpointFormat naming)
{
    auto modulePath = [&](const std::string& path) {
        if (naming == CheckpointFormat::NanoVlm)
            return path;
        auto hf = idefics3ModulePath(path);
        if (!hf)
            throw std::logic_error("no Idefics3 name for the adapted module " + path);
        return *hf;
    };
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot create the adapter folder: " + ec.message());
    std::map<std::string, at::Tensor> tensors;
    forEachDecoderProjection(model, [&](const std::string& path, ProjLinearImpl& p) {
        if (!p.hasLora())
            return;
        tensors["base_model.model." + modulePath(path) + ".lora_A.weight"] = p.lora_A.detach().to(at::kCPU, at::kFloat);
        tensors["base_model.model." + modulePath(path) + ".lora_B.weight"] = p.lora_B.detach().to(at::kCPU, at::kFloat);
    });
    if (tensors.empty())
        throw std::logic_error("the model has no LoRA adapter to export");
    writeSafetensors((std::filesystem::path(dir) / "adapter_model.safetensors").string(), tensors, {{"format", "pt"}});
    nlohmann::ordered_json j;
    j["peft_type"] = "LORA";
    j["task_type"] = nullptr;
    j["r"] = cfg.settings.rank;
    j["lora_alpha"] = cfg.settings.alpha;
    j["lora_dropout"] = cfg.settings.dropout;
    j["use_rslora"] = cfg.settings.rslora;
    std::vector<std::string> targets;
    for (const auto& t : cfg.targetModules) {
        const std::string c = canonicalTarget(t);
        // Target names are leaf module names of the base model: HF calls nanoVLM's out_proj "o_proj".
        targets.push_back(naming == CheckpointFormat::Idefics3 && c == "out_proj" ? "o_proj" : c);
    }
    j["target_modules"] = targets;
    j["bias"] = "none";
    const auto cfgPath = (std::filesystem::path(dir) / "adapter_config.json").string();
    std::ofstream out(cfgPath, std::ios::trunc);
    out << j.dump(2) << '\n';
    if (!out)
        throw CheckpointError(cfgPath, "", "write failed");
}

} // namespace ts
