#include "model/language_model.h"

#include <ATen/ATen.h>

#include <cmath>

namespace ts {

RmsNormImpl::RmsNormImpl(int64_t dim, double eps) : eps_(eps)
{
    weight = register_parameter("weight", at::ones({dim}));
}

at::Tensor RmsNormImpl::forward(const at::Tensor& x)
{
    at::Tensor xf = x.to(at::kFloat);
    at::Tensor y = xf * at::rsqrt(xf.pow(2).mean(-1, true) + eps_);
    return (weight * y.to(x.scalar_type()));
}

RotaryEmbeddingImpl::RotaryEmbeddingImpl(int64_t headDim, double base, double attnScaling) : scaling_(attnScaling)
{
    at::Tensor i = at::arange(0, headDim, 2, at::kFloat);
    inv_freq = register_buffer("inv_freq", 1.0 / at::pow(base, i / static_cast<double>(headDim)));
}

std::pair<at::Tensor, at::Tensor> RotaryEmbeddingImpl::forward(int64_t start, int64_t length, const at::TensorOptions& opts)
{
    at::Tensor pos = at::arange(start, start + length, inv_freq.options());
    at::Tensor freqs = at::outer(pos, inv_freq);
    at::Tensor emb = at::cat({freqs, freqs}, -1);
    return {(emb.cos() * scaling_).to(opts), (emb.sin() * scaling_).to(opts)};
}

at::Tensor applyRotary(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin)
{
    const int64_t half = x.size(-1) / 2;
    at::Tensor rotated = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

LmAttentionImpl::LmAttentionImpl(const VlmConfig& c)
    : heads_(c.lm_n_heads), kvHeads_(c.lm_n_kv_heads), headDim_(c.lmHeadDim())
{
    q_proj = register_module("q_proj", ProjLinear(c.lm_hidden_dim, heads_ * headDim_, false));
    k_proj = register_module("k_proj", ProjLinear(c.lm_hidden_dim, kvHeads_ * headDim_, false));
    v_proj = register_module("v_proj", ProjLinear(c.lm_hidden_dim, kvHeads_ * headDim_, false));
    out_proj = register_module("out_proj", ProjLinear(heads_ * headDim_, c.lm_hidden_dim, false));
}

at::Tensor LmAttentionImpl::forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin,
                                    const at::Tensor& mask, at::Tensor* cacheK, at::Tensor* cacheV, int64_t queryLast)
{
    const int64_t B = x.size(0), Tall = x.size(1), g = heads_ / kvHeads_;
    const int64_t T = queryLast > 0 ? queryLast : Tall;
    const at::Tensor xq = queryLast > 0 ? x.narrow(1, Tall - T, T) : x;
    // The rotation is linear, so scaling its cos/sin by 1/sqrt(d) scales q: no separate pass over the scores.
    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim_));
    at::Tensor q = applyRotary(q_proj->forward(xq).view({B, T, heads_, headDim_}).transpose(1, 2),
                               (queryLast > 0 ? cos.narrow(0, Tall - T, T) : cos) * scale,
                               (queryLast > 0 ? sin.narrow(0, Tall - T, T) : sin) * scale);
    at::Tensor k = applyRotary(k_proj->forward(x).view({B, Tall, kvHeads_, headDim_}).transpose(1, 2), cos, sin);
    at::Tensor v = v_proj->forward(x).view({B, Tall, kvHeads_, headDim_}).transpose(1, 2);
    if (cacheK) {
        if (cacheK->defined()) {
            k = at::cat({*cacheK, k}, 2);
            v = at::cat({*cacheV, v}, 2);
        }
        *cacheK = k;
        *cacheV = v;
    }
    const int64_t Tk = k.size(2);
    // Group the q heads of each kv head instead of repeating K/V: q head h uses kv head h/g (repeat_interleave).
    const at::Tensor qg = q.reshape({B * kvHeads_, g * T, headDim_});
    const at::Tensor kT = k.reshape({B * kvHeads_, Tk, headDim_}).transpose(1, 2);
    at::Tensor scores;
    if (mask.defined()) {
        // The additive mask is the GEMM's accumulator (beta = 1): one pass instead of a separate add.
        scores = at::empty({B * kvHeads_, g * T, Tk}, q.options());
        scores.view({B, kvHeads_, g, T, Tk}).copy_((queryLast > 0 ? mask.narrow(2, mask.size(2) - T, T) : mask).unsqueeze(2));
        scores.baddbmm_(qg, kT);
    } else {
        scores = at::bmm(qg, kT);
    }
    at::Tensor probs = at::softmax(scores, -1, at::kFloat).to(x.scalar_type());
    at::Tensor y = at::bmm(probs, v.reshape({B * kvHeads_, Tk, headDim_}))
                       .view({B, heads_, T, headDim_})
                       .transpose(1, 2)
                       .reshape({B, T, heads_ * headDim_});
    return out_proj->forward(y);
}

LmMlpImpl::LmMlpImpl(int64_t dim, int64_t inter)
{
    gate_proj = register_module("gate_proj", ProjLinear(dim, inter, false));
    up_proj = register_module("up_proj", ProjLinear(dim, inter, false));
    down_proj = register_module("down_proj", ProjLinear(inter, dim, false));
}

at::Tensor LmMlpImpl::forward(const at::Tensor& x)
{
    at::Tensor gate = gate_proj->forward(x);
    if (at::GradMode::is_enabled() && gate.requires_grad())
        return down_proj->forward(at::silu(gate) * up_proj->forward(x));
    // Evaluation: in place, two fewer [B,T,inter] allocations per block (fresh pages cost page faults).
    return down_proj->forward(at::silu_(gate).mul_(up_proj->forward(x)));
}

LmBlockImpl::LmBlockImpl(const VlmConfig& c)
{
    norm1 = register_module("norm1", RmsNorm(c.lm_hidden_dim, c.lm_rms_eps));
    attn = register_module("attn", LmAttention(c));
    norm2 = register_module("norm2", RmsNorm(c.lm_hidden_dim, c.lm_rms_eps));
    mlp = register_module("mlp", LmMlp(c.lm_hidden_dim, c.lm_inter_dim));
}

at::Tensor LmBlockImpl::forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& mask,
                                at::Tensor* cacheK, at::Tensor* cacheV, int64_t queryLast)
{
    const at::Tensor residual = queryLast > 0 ? x.narrow(1, x.size(1) - queryLast, queryLast) : x;
    at::Tensor h = residual + attn->forward(norm1->forward(x), cos, sin, mask, cacheK, cacheV, queryLast);
    return h + mlp->forward(norm2->forward(h));
}

LanguageModelImpl::LanguageModelImpl(const VlmConfig& c) : tied_(c.lm_tie_weights)
{
    token_embedding = register_module("token_embedding", torch::nn::Embedding(c.lm_vocab_size, c.lm_hidden_dim));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.lm_n_blocks; ++i)
        blocks->push_back(LmBlock(c));
    norm = register_module("norm", RmsNorm(c.lm_hidden_dim, c.lm_rms_eps));
    if (!tied_)
        head = register_module("head", ProjLinear(c.lm_hidden_dim, c.lm_vocab_size, false));
    rotary_embd = register_module("rotary_embd", RotaryEmbedding(c.lmHeadDim(), c.lm_re_base, c.lm_attn_scaling));
}

at::Tensor LanguageModelImpl::embed(const at::Tensor& ids)
{
    return token_embedding->forward(ids);
}

at::Tensor LanguageModelImpl::forward(const at::Tensor& x, const at::Tensor& mask, int64_t start, KvCache* cache,
                                      int64_t outputLast)
{
    if (outputLast >= x.size(1))
        outputLast = 0;
    auto [cos, sin] = rotary_embd->forward(start, x.size(1), x.options());
    if (cache && cache->keys.size() != blocks->size()) {
        cache->keys.assign(blocks->size(), at::Tensor());
        cache->values.assign(blocks->size(), at::Tensor());
    }
    at::Tensor h = x;
    for (size_t i = 0; i < blocks->size(); ++i)
        h = blocks[i]->as<LmBlockImpl>()->forward(h, cos, sin, mask, cache ? &cache->keys[i] : nullptr,
                                                  cache ? &cache->values[i] : nullptr,
                                                  i + 1 == blocks->size() ? outputLast : 0);
    return norm->forward(h);
}

const at::Tensor& LanguageModelImpl::headWeight() const
{
    return tied_ ? token_embedding->weight : head->weight;
}

at::Tensor LanguageModelImpl::logits(const at::Tensor& hidden)
{
    return at::linear(hidden, headWeight());
}

} // namespace ts
