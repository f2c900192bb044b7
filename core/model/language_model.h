#pragma once
// SmolLM2/Llama-style decoder (vlm.md §2): RMSNorm, grouped-query attention, rotate-half RoPE, SwiGLU MLP.
// Bias-free. Names follow nanoVLM ("decoder.*").
#include "model/proj_linear.h"
#include "model/vlm_config.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>

#include <vector>

namespace ts {

// Keys/values per block after RoPE, [B,KV,T,hd]; grows by one position per decode step.
struct KvCache {
    std::vector<at::Tensor> keys, values;
    int64_t length() const { return keys.empty() || !keys[0].defined() ? 0 : keys[0].size(2); }
};

class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t dim, double eps);
    at::Tensor forward(const at::Tensor& x); // computed in fp32
    at::Tensor weight;

private:
    double eps_;
};
TORCH_MODULE(RmsNorm);

class RotaryEmbeddingImpl : public torch::nn::Module {
public:
    RotaryEmbeddingImpl(int64_t headDim, double base, double attnScaling);
    // cos/sin [T,hd] for positions start..start+T-1
    std::pair<at::Tensor, at::Tensor> forward(int64_t start, int64_t length, const at::TensorOptions& opts);
    at::Tensor inv_freq; // persistent buffer, F32 [hd/2]: nanoVLM's strict loader requires it in the file

private:
    double scaling_;
};
TORCH_MODULE(RotaryEmbedding);

// HF rotate_half RoPE (not interleaved): x*cos + [-x2, x1]*sin.
at::Tensor applyRotary(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin);

class LmAttentionImpl : public torch::nn::Module {
public:
    explicit LmAttentionImpl(const VlmConfig& c);
    // x [B,T,D]; mask additive [B,1,T,Tk] (or undefined); cache slot updated when given.
    // queryLast > 0: keys/values from all T positions, queries (and the output) only for the last queryLast.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& mask,
                       at::Tensor* cacheK, at::Tensor* cacheV, int64_t queryLast = 0);
    ProjLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};

private:
    int64_t heads_, kvHeads_, headDim_;
};
TORCH_MODULE(LmAttention);

class LmMlpImpl : public torch::nn::Module {
public:
    LmMlpImpl(int64_t dim, int64_t inter);
    at::Tensor forward(const at::Tensor& x);
    ProjLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
};
TORCH_MODULE(LmMlp);

class LmBlockImpl : public torch::nn::Module {
public:
    explicit LmBlockImpl(const VlmConfig& c);
    at::Tensor forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& mask,
                       at::Tensor* cacheK, at::Tensor* cacheV, int64_t queryLast = 0);
    RmsNorm norm1{nullptr}, norm2{nullptr};
    LmAttention attn{nullptr};
    LmMlp mlp{nullptr};
};
TORCH_MODULE(LmBlock);

class LanguageModelImpl : public torch::nn::Module {
public:
    explicit LanguageModelImpl(const VlmConfig& c);
    at::Tensor embed(const at::Tensor& ids);
    // embeddings [B,T,D] at positions start.. -> final-normed hidden states [B,T,D]. outputLast > 0 returns only
    // the last outputLast positions [B,outputLast,D]: the final block then skips queries, attention output and MLP
    // for the other positions (scoring needs one position, training only the answer's).
    at::Tensor forward(const at::Tensor& embeddings, const at::Tensor& mask, int64_t start, KvCache* cache,
                       int64_t outputLast = 0);
    // Vocabulary logits for hidden states [...,D]; tied models use the embedding matrix.
    at::Tensor logits(const at::Tensor& hidden);
    const at::Tensor& headWeight() const;
    bool tied() const { return tied_; }

    torch::nn::Embedding token_embedding{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    RmsNorm norm{nullptr};
    ProjLinear head{nullptr}; // null when tied
    RotaryEmbedding rotary_embd{nullptr};

private:
    bool tied_;
};
TORCH_MODULE(LanguageModel);

} // namespace ts
