#include "model/lora.h"

#include <ATen/ATen.h>
#include <set>

namespace ts {
namespace {

std::string leafName(const std::string& path)
{
    auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

} // namespace

std::string canonicalLoraTarget(const std::string& t)
{
    return t == "o_proj" ? "out_proj" : t;
}

void forEachDecoderProjection(VisionLanguageModelImpl& model, const std::function<void(const std::string&, ProjLinearImpl&)>& f)
{
    for (const auto& item : model.named_modules("", false)) {
        const std::string& path = item.key();
        if (path.rfind("decoder.", 0) != 0)
            continue;
        if (auto* p = dynamic_cast<ProjLinearImpl*>(item.value().get()))
            f(path, *p);
    }
}

std::vector<std::string> applyLora(VisionLanguageModelImpl& model, const LoraConfig& cfg)
{
    std::set<std::string> targets, used;
    for (const auto& t : cfg.targetModules)
        targets.insert(canonicalLoraTarget(t));
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

} // namespace ts
