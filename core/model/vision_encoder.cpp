#include "model/vision_encoder.h"

#include <ATen/ATen.h>
#include <torch/nn/init.h>

namespace ts {

VitPatchEmbeddingImpl::VitPatchEmbeddingImpl(const VlmConfig& c)
{
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, c.vit_hidden_dim, c.vit_patch_size)
                                                         .stride(c.vit_patch_size)
                                                         .bias(true)));
    position_embedding = register_parameter("position_embedding", at::zeros({1, c.patchesPerImage(), c.vit_hidden_dim}));
    torch::nn::init::normal_(position_embedding, 0.0, 0.02);
}

at::Tensor VitPatchEmbeddingImpl::forward(const at::Tensor& images)
{
    at::Tensor x = conv->forward(images);       // [B,D,h,w]
    x = x.flatten(2).transpose(1, 2);           // row-major patches: [B,N,D]
    return x + position_embedding;
}

VitAttentionImpl::VitAttentionImpl(int64_t dim, int64_t heads) : heads_(heads)
{
    qkv_proj = register_module("qkv_proj", ProjLinear(dim, 3 * dim, true));
    out_proj = register_module("out_proj", ProjLinear(dim, dim, true));
}

at::Tensor VitAttentionImpl::forward(const at::Tensor& x)
{
    const int64_t B = x.size(0), N = x.size(1), D = x.size(2), hd = D / heads_;
    // unbind (not three selects): select's backward materialises three full zero gradients (stack.md quirk 9).
    auto qkv = qkv_proj->forward(x).view({B, N, 3, heads_, hd}).permute({2, 0, 3, 1, 4}).unbind(0);
    at::Tensor scores = at::matmul(qkv[0], qkv[1].transpose(-2, -1)) * (1.0 / std::sqrt(static_cast<double>(hd)));
    at::Tensor probs = at::softmax(scores, -1, at::kFloat).to(x.scalar_type());
    at::Tensor y = at::matmul(probs, qkv[2]).transpose(1, 2).reshape({B, N, D});
    return out_proj->forward(y);
}

VitMlpImpl::VitMlpImpl(int64_t dim, int64_t inter)
{
    fc1 = register_module("fc1", ProjLinear(dim, inter, true));
    fc2 = register_module("fc2", ProjLinear(inter, dim, true));
}

at::Tensor VitMlpImpl::forward(const at::Tensor& x)
{
    return fc2->forward(at::gelu(fc1->forward(x), "tanh"));
}

VitBlockImpl::VitBlockImpl(const VlmConfig& c)
{
    auto lnOpts = torch::nn::LayerNormOptions({c.vit_hidden_dim}).eps(c.vit_ln_eps);
    ln1 = register_module("ln1", torch::nn::LayerNorm(lnOpts));
    attn = register_module("attn", VitAttention(c.vit_hidden_dim, c.vit_n_heads));
    ln2 = register_module("ln2", torch::nn::LayerNorm(lnOpts));
    mlp = register_module("mlp", VitMlp(c.vit_hidden_dim, c.vit_inter_dim));
}

at::Tensor VitBlockImpl::forward(const at::Tensor& x)
{
    at::Tensor h = x + attn->forward(ln1->forward(x));
    return h + mlp->forward(ln2->forward(h));
}

VisionEncoderImpl::VisionEncoderImpl(const VlmConfig& c)
{
    patch_embedding = register_module("patch_embedding", VitPatchEmbedding(c));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.vit_n_blocks; ++i)
        blocks->push_back(VitBlock(c));
    layer_norm = register_module("layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.vit_hidden_dim}).eps(c.vit_ln_eps)));
}

at::Tensor VisionEncoderImpl::forward(const at::Tensor& images)
{
    at::Tensor x = patch_embedding->forward(images);
    for (const auto& b : *blocks)
        x = b->as<VitBlockImpl>()->forward(x);
    return layer_norm->forward(x);
}

} // namespace ts
