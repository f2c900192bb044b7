#pragma once
// The whole model: ViT -> pixel shuffle + projection -> decoder, with image placeholders replaced in order (vlm.md §2).
#include "model/language_model.h"
#include "model/pixel_shuffle_connector.h"
#include "model/vision_encoder.h"
#include "model/vlm_config.h"

namespace ts {

class VisionLanguageModelImpl : public torch::nn::Module {
public:
    // Weights drawn from the current torch RNG: normal(0, initStd) for matrices, embeddings and position embeddings.
    explicit VisionLanguageModelImpl(const VlmConfig& c, double initStd = 0.02);

    const VlmConfig& config() const { return config_; }
    int64_t imageTokenId() const { return imageTokenId_; }

    // images [Ni,3,H,W] in [0,1] -> ViT features [Ni,N,Dv]
    at::Tensor encodeImages(const at::Tensor& images);
    // ViT features -> image-token embeddings [Ni,N/S^2,Dl]
    at::Tensor projectImages(const at::Tensor& visionFeatures);
    // Token embeddings with the placeholder rows replaced, in order, by imageEmbeds (all of image 0 first).
    // Throws ModelInputError when the number of placeholders differs from Ni * tokens per image.
    at::Tensor embedInputs(const at::Tensor& ids, const at::Tensor& imageEmbeds);
    // Final hidden states [B,T,Dl]. attentionMask [B,Tk] (1 = real token, covers cached + new positions) may be undefined.
    // outputLast > 0: only the last outputLast positions [B,outputLast,Dl], computed more cheaply (same values).
    at::Tensor forwardEmbeddings(const at::Tensor& embeddings, const at::Tensor& attentionMask, KvCache* cache = nullptr,
                                 int64_t outputLast = 0);
    // Convenience: ids + images (or undefined when the prompt has none) -> hidden states.
    at::Tensor forward(const at::Tensor& ids, const at::Tensor& attentionMask, const at::Tensor& images);

    at::Tensor logits(const at::Tensor& hidden) { return decoder->logits(hidden); }
    // Mean cross-entropy over targets != -100 (pre-shifted labels). Only the target rows go through the head.
    at::Tensor loss(const at::Tensor& hidden, const at::Tensor& targets);

    // The additive mask (0 / -1e9, finite so fully padded rows stay NaN-free): causal and key padding.
    static at::Tensor buildAttentionMask(const at::Tensor& attentionMask, int64_t queryLength, int64_t pastLength,
                                         const at::TensorOptions& opts);

    VisionEncoder vision_encoder{nullptr};
    PixelShuffleConnector MP{nullptr};
    LanguageModel decoder{nullptr};

private:
    VlmConfig config_;
    int64_t imageTokenId_;
};
TORCH_MODULE(VisionLanguageModel);

// Named parameters/buffers of the home format (no LoRA tensors, tied head reported once under decoder.head.weight).
std::map<std::string, at::Tensor> canonicalStateDict(VisionLanguageModelImpl& m);
int64_t countParameters(VisionLanguageModelImpl& m, bool trainableOnly = false);

} // namespace ts
