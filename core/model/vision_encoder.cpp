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
    // A convolution whose stride is its kernel is a linear map of non-overlapping patches. Done as one GEMM
    // on the unfolded patches it is faster on CPU than the convolution, and its output is row-major [B,N,D]
    // from the start (the convolution's transposed output made every later op copy it).
    const int64_t P = conv->weight.size(2), B = images.size(0), C = images.size(1), H = images.size(2), W = images.size(3);
    at::Tensor x;
    if (H % P == 0 && W % P == 0) {
        at::Tensor patches = images.reshape({B, C, H / P, P, W / P, P}).permute({0, 2, 4, 1, 3, 5}).reshape({B, (H / P) * (W / P), C * P * P});
        x = at::linear(patches, conv->weight.reshape({conv->weight.size(0), C * P * P}), conv->bias);
    } else {
        x = conv->forward(images).flatten(2).transpose(1, 2).contiguous(); // row-major patches: [B,N,D]
    }
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

namespace {

// GELU, tanh approximation. Without autograd it is evaluated as x·sigmoid(2z) (= 0.5·x·(1 + tanh z), exact up to
// rounding: < 1e-6), in place: ATen's sigmoid is 2.5x faster than its tanh on this CPU and the tanh GELU was 16 %
// of the frozen ViT's time. With autograd the library op keeps its exact backward.
at::Tensor geluTanh(const at::Tensor& x)
{
    if (at::GradMode::is_enabled() && x.requires_grad())
        return at::gelu(x, "tanh");
    constexpr double k = 1.5957691216057308; // 2·sqrt(2/π)
    at::Tensor y = x * x;
    y.mul_(0.044715 * k).add_(k).mul_(x).sigmoid_();
    return y.mul_(x);
}

} // namespace

at::Tensor VitMlpImpl::forward(const at::Tensor& x)
{
    return fc2->forward(geluTanh(fc1->forward(x)));
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
