#pragma once
// SigLIP-style ViT (vlm.md §2): pre-LN, no CLS token, no pooling head. Names follow nanoVLM.
#include "model/proj_linear.h"
#include "model/vlm_config.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

namespace ts {

class VitPatchEmbeddingImpl : public torch::nn::Module {
public:
    explicit VitPatchEmbeddingImpl(const VlmConfig& c);
    at::Tensor forward(const at::Tensor& images); // [B,3,H,W] -> [B,N,D]
    torch::nn::Conv2d conv{nullptr};
    at::Tensor position_embedding; // [1,N,D], as nanoVLM stores it
};
TORCH_MODULE(VitPatchEmbedding);

class VitAttentionImpl : public torch::nn::Module {
public:
    VitAttentionImpl(int64_t dim, int64_t heads);
    at::Tensor forward(const at::Tensor& x);
    ProjLinear qkv_proj{nullptr}, out_proj{nullptr};

private:
    int64_t heads_;
};
TORCH_MODULE(VitAttention);

class VitMlpImpl : public torch::nn::Module {
public:
    VitMlpImpl(int64_t dim, int64_t inter);
    at::Tensor forward(const at::Tensor& x);
    ProjLinear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(VitMlp);

class VitBlockImpl : public torch::nn::Module {
public:
    explicit VitBlockImpl(const VlmConfig& c);
    at::Tensor forward(const at::Tensor& x);
    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    VitAttention attn{nullptr};
    VitMlp mlp{nullptr};
};
TORCH_MODULE(VitBlock);

class VisionEncoderImpl : public torch::nn::Module {
public:
    explicit VisionEncoderImpl(const VlmConfig& c);
    // images [B,3,H,W] in the model's pixel range -> features [B,N,Dv] (row-major patch order)
    at::Tensor forward(const at::Tensor& images);
    VitPatchEmbedding patch_embedding{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(VisionEncoder);

} // namespace ts
