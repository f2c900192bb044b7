#pragma once
// The one projection module of the model (vlm.md §7): a linear layer that can carry a LoRA adapter.
// Using it everywhere avoids swapping submodules, which libtorch only allows for the same holder type.
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ts {

struct LoraSettings {
    int64_t rank = 8;
    double alpha = 16.0;
    double dropout = 0.0;
    bool rslora = false; // scaling alpha/sqrt(r) instead of alpha/r
};

class ProjLinearImpl : public torch::nn::Module {
public:
    ProjLinearImpl(int64_t in, int64_t out, bool bias);

    at::Tensor forward(const at::Tensor& x);

    // Adds lora_A [r,in] (kaiming-uniform a=sqrt(5), as PEFT) and lora_B [out,r] (zeros), trainable; freezes nothing.
    void enableLora(const LoraSettings& s);
    bool hasLora() const { return lora_A.defined() && !loraMerged_; }
    double loraScaling() const { return scaling_; }
    // W += scaling * B A (fp32), then B = 0 and the adapter branch is no longer computed: the module keeps its
    // output at the cost of a plain linear layer (evaluation after finetuning, saving a merged base).
    void mergeLora();

    int64_t inFeatures() const { return in_; }
    int64_t outFeatures() const { return out_; }

    at::Tensor weight, bias, lora_A, lora_B;

private:
    int64_t in_, out_;
    double scaling_ = 0.0;
    double dropout_ = 0.0;
    bool loraMerged_ = false;
};
TORCH_MODULE(ProjLinear);

} // namespace ts
