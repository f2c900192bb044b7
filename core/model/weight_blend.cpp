#include "model/weight_blend.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <map>
#include <set>
#include <sstream>

namespace ts {

namespace {

std::map<std::string, at::Tensor> namedTensors(VisionLanguageModelImpl& m)
{
    std::map<std::string, at::Tensor> all;
    for (const auto& p : m.named_parameters(true))
        all[p.key()] = p.value();
    for (const auto& b : m.named_buffers(true))
        all[b.key()] = b.value();
    return all;
}

std::string shapeText(const at::Tensor& t)
{
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

} // namespace

void blendWeights(VisionLanguageModelImpl& into, VisionLanguageModelImpl& other, double alpha)
{
    if (!(alpha >= 0.0 && alpha <= 1.0))
        throw CheckpointError("", "alpha", "must lie in [0, 1], got " + std::to_string(alpha));
    const std::map<std::string, at::Tensor> a = namedTensors(into);
    const std::map<std::string, at::Tensor> b = namedTensors(other);
    // Check everything before changing anything, so a mismatch leaves `into` as it was.
    for (const auto& [name, t] : a) {
        const auto it = b.find(name);
        if (it == b.end())
            throw CheckpointError("", name, "missing from the second model");
        if (!it->second.sizes().equals(t.sizes()))
            throw CheckpointError("", name, "shape " + shapeText(t) + " vs " + shapeText(it->second) + " in the second model");
    }
    for (const auto& [name, t] : b)
        if (!a.count(name))
            throw CheckpointError("", name, "missing from the first model");
    torch::NoGradGuard noGrad;
    std::set<const void*> done; // a tensor registered under two names (a tie) is blended once
    for (const auto& [name, t] : a) {
        if (!done.insert(t.unsafeGetTensorImpl()).second)
            continue;
        if (!at::isFloatingType(t.scalar_type()))
            continue; // integer buffers (none in the presets) are kept from the first model
        const at::Tensor theirs = b.at(name).to(t.device(), t.scalar_type());
        t.mul_(1.0 - alpha).add_(theirs, alpha);
    }
}

} // namespace ts
