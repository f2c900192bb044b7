#pragma once
// Per-patch linear classifiers on the ViT features, one per dense target channel (tasks.md "Learning
// support"). They exist only during pretraining: tiny towers learn relational cues far faster when each
// patch is told what it shows, and the heads are dropped from the saved base (not part of nanoVLM).
#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace ts {

class VisionAuxHeadsImpl : public torch::nn::Module {
public:
    // classes[c]: number of classes of channel c (value 0 = background counts as a class).
    VisionAuxHeadsImpl(int64_t featureDim, std::vector<int64_t> classes);

    // features [Ni,N,Dv]; targets [Ni,C,N] int64 (-1 = ignore). Mean over channels of the per-patch CE.
    at::Tensor loss(const at::Tensor& features, const at::Tensor& targets);
    // Accuracy per channel over non-ignored patches (for diagnostics).
    std::vector<double> accuracy(const at::Tensor& features, const at::Tensor& targets);

    int64_t channels() const { return static_cast<int64_t>(classes_.size()); }

private:
    std::vector<int64_t> classes_;
    torch::nn::ModuleList heads_{nullptr};
};
TORCH_MODULE(VisionAuxHeads);

} // namespace ts
