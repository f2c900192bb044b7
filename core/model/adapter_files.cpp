#include "model/adapter_files.h"

#include "model/idefics3_checkpoint.h"
#include "model/safetensors.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace ts {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPeftPrefix = "base_model.model.";
constexpr const char* kTransferscopeFile = "transferscope_adapter.safetensors";

// A module path of this program's graph as the base model's format names it.
std::string formattedPath(const std::string& canonical, CheckpointFormat naming)
{
    if (naming == CheckpointFormat::NanoVlm)
        return canonical;
    if (auto hf = idefics3ModulePath(canonical))
        return *hf;
    throw std::logic_error("no " + formatName(naming) + " name for the module " + canonical);
}

// The module of a parameter key: "MP.proj.weight" -> "MP.proj".
std::string moduleOf(const std::string& key)
{
    const auto dot = key.rfind('.');
    return dot == std::string::npos ? key : key.substr(0, dot);
}

std::string join(const std::vector<std::string>& parts, char sep)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : std::string(1, sep)) + p;
    return out;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);)
        if (!part.empty())
            out.push_back(part);
    return out;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Copies `value` into the model's parameter `key`, or names what does not fit.
void assign(std::map<std::string, at::Tensor>& params, const std::string& key, const at::Tensor& value, const std::string& file,
            const std::string& fileKey)
{
    auto it = params.find(key);
    if (it == params.end())
        throw CheckpointError(file, fileKey, "matches no parameter of the model (" + key + ")");
    if (it->second.sizes() != value.sizes()) {
        std::ostringstream msg;
        msg << "shape " << value.sizes() << " does not match the model's " << it->second.sizes();
        throw CheckpointError(file, fileKey, msg.str());
    }
    at::NoGradGuard guard;
    it->second.copy_(value.to(it->second.scalar_type()));
}

std::map<std::string, at::Tensor> parameterMap(VisionLanguageModelImpl& model)
{
    std::map<std::string, at::Tensor> out;
    for (const auto& p : model.named_parameters(true))
        out[p.key()] = p.value();
    return out;
}

// Every LoRA tensor the model now carries must have come from the file.
void requireAllLora(const std::map<std::string, at::Tensor>& params, const std::set<std::string>& loaded, const std::string& file)
{
    for (const auto& [k, v] : params)
        if (k.find("lora_") != std::string::npos && !loaded.count(k))
            throw CheckpointError(file, k, "the adapter's target modules include this module, but the file has no tensor for it");
}

AdapterInfo importTransferscope(VisionLanguageModelImpl& model, const std::string& file)
{
    const SafetensorsFile f = readSafetensors(file);
    auto meta = [&](const std::string& k) {
        auto it = f.metadata.find(k);
        if (it == f.metadata.end())
            throw CheckpointError(file, "__metadata__." + k, "missing");
        return it->second;
    };
    AdapterInfo info;
    info.source = file;
    try {
        info.lora.settings.rank = std::stoll(meta("lora_rank"));
        info.lora.settings.alpha = std::stod(meta("lora_alpha"));
        info.lora.settings.dropout = std::stod(meta("lora_dropout"));
    } catch (const std::invalid_argument&) {
        throw CheckpointError(file, "__metadata__", "lora_rank, lora_alpha and lora_dropout must be numbers");
    }
    info.lora.settings.rslora = meta("lora_rslora") == "true";
    info.lora.targetModules = split(meta("lora_targets"), ',');
    info.fullModules = split(f.metadata.count("full_modules") ? f.metadata.at("full_modules") : "", ',');
    for (const auto& [k, v] : f.metadata)
        if (k.rfind("provenance.", 0) == 0)
            info.provenance[k.substr(11)] = v;
    try {
        applyLora(model, info.lora);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(file, "__metadata__.lora_targets", e.what());
    }
    auto params = parameterMap(model);
    std::set<std::string> loaded;
    for (const auto& [k, t] : f.tensors) {
        assign(params, k, t, file, k);
        loaded.insert(k);
    }
    requireAllLora(params, loaded, file);
    return info;
}

AdapterInfo importPeft(VisionLanguageModelImpl& model, const std::string& dir, CheckpointFormat naming)
{
    const std::string cfgPath = (fs::path(dir) / "adapter_config.json").string();
    const std::string file = (fs::path(dir) / "adapter_model.safetensors").string();
    std::ifstream in(cfgPath);
    if (!in)
        throw CheckpointError(cfgPath, "", "missing: an adapter folder holds " + std::string(kTransferscopeFile) +
                                               " or adapter_config.json with adapter_model.safetensors");
    nlohmann::json j;
    try {
        in >> j;
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(cfgPath, "", std::string("invalid JSON: ") + e.what());
    }
    if (j.value("peft_type", std::string("LORA")) != "LORA")
        throw CheckpointError(cfgPath, "peft_type", "only LORA adapters are supported");
    if (!j.contains("r") || !j["r"].is_number_integer() || j["r"].get<int64_t>() <= 0)
        throw CheckpointError(cfgPath, "r", "missing or not a positive integer");
    if (!j.contains("lora_alpha") || !j["lora_alpha"].is_number())
        throw CheckpointError(cfgPath, "lora_alpha", "missing or not a number");
    AdapterInfo info;
    info.source = file;
    info.lora.settings.rank = j["r"].get<int64_t>();
    info.lora.settings.alpha = j["lora_alpha"].get<double>();
    info.lora.settings.dropout = j.value("lora_dropout", 0.0);
    info.lora.settings.rslora = j.value("use_rslora", false);
    if (!j.contains("target_modules") || !j["target_modules"].is_array())
        throw CheckpointError(cfgPath, "target_modules", "expected a list of module names (a regular expression is not supported)");
    info.lora.targetModules.clear();
    for (const auto& t : j["target_modules"])
        info.lora.targetModules.push_back(canonicalLoraTarget(t.get<std::string>()));
    try {
        applyLora(model, info.lora);
    } catch (const std::invalid_argument& e) {
        throw CheckpointError(cfgPath, "target_modules", e.what());
    }

    // The file names modules in the base's format: map every module of the model to that name.
    std::map<std::string, std::string> canonicalOf;
    for (const auto& item : model.named_modules("", false)) {
        if (item.key().empty())
            continue;
        try {
            canonicalOf[formattedPath(item.key(), naming)] = item.key();
        } catch (const std::logic_error&) {
            // fused or format-specific modules have no name of their own in this format
        }
    }
    auto params = parameterMap(model);
    std::set<std::string> loaded;
    const SafetensorsFile f = readSafetensors(file);
    for (const auto& [key, t] : f.tensors) {
        if (key.rfind(kPeftPrefix, 0) != 0)
            throw CheckpointError(file, key, std::string("expected the PEFT prefix ") + kPeftPrefix);
        std::string rest = key.substr(std::string(kPeftPrefix).size());
        for (const char* adapterName : {".default.weight", ".default.bias"}) // some exports keep PEFT's adapter name
            if (endsWith(rest, adapterName))
                rest = rest.substr(0, rest.size() - std::string(adapterName).size()) + (endsWith(adapterName, "bias") ? ".bias" : ".weight");
        std::string module = moduleOf(rest), leaf = rest.substr(module.size() + 1), suffix = leaf;
        bool lora = false;
        for (const char* ab : {".lora_A", ".lora_B"})
            if (endsWith(module, ab)) {
                suffix = std::string(ab + 1);
                module = module.substr(0, module.size() - std::string(ab).size());
                lora = true;
            }
        auto it = canonicalOf.find(module);
        if (it == canonicalOf.end())
            throw CheckpointError(file, key, "names no module of this " + formatName(naming) + " model");
        const std::string target = it->second + "." + suffix;
        assign(params, target, t, file, key);
        loaded.insert(target);
        if (!lora && std::find(info.fullModules.begin(), info.fullModules.end(), it->second) == info.fullModules.end())
            info.fullModules.push_back(it->second);
    }
    requireAllLora(params, loaded, file);
    return info;
}

} // namespace

std::vector<std::string> trainedFullModules(VisionLanguageModelImpl& model)
{
    std::vector<std::string> out;
    for (const auto& p : model.named_parameters(true)) {
        if (!p.value().requires_grad() || p.key().find("lora_") != std::string::npos)
            continue;
        const std::string m = moduleOf(p.key());
        if (std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    }
    return out;
}

void exportPeftAdapter(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir, CheckpointFormat naming,
                       const std::vector<std::string>& fullModules)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot create the adapter folder: " + ec.message());
    std::map<std::string, at::Tensor> tensors;
    forEachDecoderProjection(model, [&](const std::string& path, ProjLinearImpl& p) {
        if (!p.hasLora())
            return;
        const std::string name = kPeftPrefix + formattedPath(path, naming);
        tensors[name + ".lora_A.weight"] = p.lora_A.detach().to(at::kCPU, at::kFloat);
        tensors[name + ".lora_B.weight"] = p.lora_B.detach().to(at::kCPU, at::kFloat);
    });
    if (tensors.empty())
        throw std::logic_error("the model has no LoRA adapter to export");
    std::vector<std::string> saved;
    for (const auto& p : model.named_parameters(true)) {
        const std::string m = moduleOf(p.key());
        if (p.key().find("lora_") != std::string::npos || std::find(fullModules.begin(), fullModules.end(), m) == fullModules.end())
            continue;
        const std::string name = formattedPath(m, naming);
        tensors[kPeftPrefix + name + p.key().substr(m.size())] = p.value().detach().to(at::kCPU, at::kFloat);
        if (std::find(saved.begin(), saved.end(), name) == saved.end())
            saved.push_back(name);
    }
    writeSafetensors((fs::path(dir) / "adapter_model.safetensors").string(), tensors, {{"format", "pt"}});
    nlohmann::ordered_json j;
    j["peft_type"] = "LORA";
    j["task_type"] = nullptr;
    j["r"] = cfg.settings.rank;
    j["lora_alpha"] = cfg.settings.alpha;
    j["lora_dropout"] = cfg.settings.dropout;
    j["use_rslora"] = cfg.settings.rslora;
    std::vector<std::string> targets;
    for (const auto& t : cfg.targetModules) {
        const std::string c = canonicalLoraTarget(t);
        // Target names are leaf module names of the base model: HF calls nanoVLM's out_proj "o_proj".
        targets.push_back(naming == CheckpointFormat::Idefics3 && c == "out_proj" ? "o_proj" : c);
    }
    j["target_modules"] = targets;
    j["modules_to_save"] = saved.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(saved);
    j["bias"] = "none";
    const auto cfgPath = (fs::path(dir) / "adapter_config.json").string();
    std::ofstream out(cfgPath, std::ios::trunc);
    out << j.dump(2) << '\n';
    if (!out)
        throw CheckpointError(cfgPath, "", "write failed");
}

void saveAdapterFolder(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir, CheckpointFormat naming,
                       const std::map<std::string, std::string>& provenance)
{
    const std::vector<std::string> full = trainedFullModules(model);
    const std::string tmp = dir + ".partial";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    exportPeftAdapter(model, cfg, tmp, naming, full);
    std::map<std::string, at::Tensor> tensors;
    for (const auto& p : model.named_parameters(true)) {
        const bool lora = p.key().find("lora_") != std::string::npos;
        if (lora || std::find(full.begin(), full.end(), moduleOf(p.key())) != full.end())
            tensors[p.key()] = p.value().detach().to(at::kCPU, at::kFloat);
    }
    std::vector<std::string> targets;
    for (const auto& t : cfg.targetModules)
        targets.push_back(canonicalLoraTarget(t));
    std::map<std::string, std::string> meta{{"format", "transferscope-adapter-1"},
                                            {"lora_rank", std::to_string(cfg.settings.rank)},
                                            {"lora_alpha", std::to_string(cfg.settings.alpha)},
                                            {"lora_dropout", std::to_string(cfg.settings.dropout)},
                                            {"lora_rslora", cfg.settings.rslora ? "true" : "false"},
                                            {"lora_targets", join(targets, ',')},
                                            {"full_modules", join(full, ',')},
                                            {"base_format", formatName(naming)}};
    for (const auto& [k, v] : provenance)
        meta["provenance." + k] = v;
    writeSafetensors((fs::path(tmp) / kTransferscopeFile).string(), tensors, meta);
    fs::remove_all(dir, ec);
    fs::rename(tmp, dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot move the adapter folder into place: " + ec.message());
}

AdapterInfo importAdapter(VisionLanguageModelImpl& model, const std::string& dir, CheckpointFormat naming)
{
    if (!fs::is_directory(dir))
        throw CheckpointError(dir, "", "not a folder");
    for (const auto& p : model.named_parameters(true))
        if (p.key().find("lora_") != std::string::npos)
            throw std::logic_error("the model already carries a LoRA adapter; load the adapter onto a fresh base");
    const fs::path own = fs::path(dir) / kTransferscopeFile;
    return fs::exists(own) ? importTransferscope(model, own.string()) : importPeft(model, dir, naming);
}

AdapterInfo mergeAdapterFolder(const std::string& baseDir, const std::string& adapterDir, const std::string& outDir,
                               std::optional<CheckpointFormat> format)
{
    const CheckpointFormat baseFormat = detectCheckpointFormat(baseDir);
    VisionLanguageModel model = loadCheckpointFolder(baseDir);
    const AdapterInfo info = importAdapter(*model, adapterDir, baseFormat);
    saveCheckpointFolder(*model, outDir, format.value_or(baseFormat), /*mergeAdapters=*/true);
    for (const char* f : {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.json",
                          "generation_config.json"}) {
        const fs::path from = fs::path(baseDir) / f, to = fs::path(outDir) / f;
        std::error_code ec;
        if (fs::exists(from) && !fs::exists(to))
            fs::copy_file(from, to, ec);
        if (ec)
            throw CheckpointError(to.string(), "", "cannot copy from the base folder: " + ec.message());
    }
    return info;
}

} // namespace ts
