#include "model/vision_aux_heads.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/linear.h>

namespace ts {

VisionAuxHeadsImpl::VisionAuxHeadsImpl(int64_t featureDim, std::vector<int64_t> classes) : classes_(std::move(classes))
{
    heads_ = register_module("heads", torch::nn::ModuleList());
    for (int64_t k : classes_)
        heads_->push_back(torch::nn::Linear(featureDim, k));
}

at::Tensor VisionAuxHeadsImpl::loss(const at::Tensor& features, const at::Tensor& targets)
{
    if (targets.dim() != 3 || targets.size(0) != features.size(0) || targets.size(1) != channels() ||
        targets.size(2) != features.size(1))
        throw ModelInputError("dense targets " + c10::str(targets.sizes()) + " do not match features " +
                              c10::str(features.sizes()) + " with " + std::to_string(channels()) + " channels");
    at::Tensor flat = features.reshape({-1, features.size(-1)});
    at::Tensor total = at::zeros({}, features.options());
    int64_t used = 0;
    for (int64_t c = 0; c < channels(); ++c) {
        at::Tensor t = targets.select(1, c).reshape({-1});
        if (!t.ge(0).any().item<bool>())
            continue; // no labelled patch in this channel (e.g. depth in a flat scene)
        at::Tensor logits = heads_[static_cast<size_t>(c)]->as<torch::nn::Linear>()->forward(flat);
        // ignore_index -1: patches a channel does not label
        total = total + at::cross_entropy_loss(logits, t, {}, at::Reduction::Mean, -1);
        ++used;
    }
    return used ? total / static_cast<double>(used) : total;
}

std::vector<double> VisionAuxHeadsImpl::accuracy(const at::Tensor& features, const at::Tensor& targets)
{
    at::NoGradGuard guard;
    at::Tensor flat = features.reshape({-1, features.size(-1)});
    std::vector<double> out;
    for (int64_t c = 0; c < channels(); ++c) {
        at::Tensor t = targets.select(1, c).reshape({-1});
        at::Tensor keep = t.ge(0);
        const int64_t n = keep.sum().item<int64_t>();
        if (n == 0) {
            out.push_back(-1.0);
            continue;
        }
        at::Tensor pred = heads_[static_cast<size_t>(c)]->as<torch::nn::Linear>()->forward(flat).argmax(-1);
        out.push_back(pred.eq(t).logical_and(keep).sum().item<double>() / static_cast<double>(n));
    }
    return out;
}

} // namespace ts
