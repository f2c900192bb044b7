#include "model/vision_language_model.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <torch/nn/init.h>

#include <set>

namespace ts {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

VisionLanguageModelImpl::VisionLanguageModelImpl(const VlmConfig& c, double initStd)
    : config_(c), imageTokenId_(c.imageTokenId())
{
    c.validate();
    vision_encoder = register_module("vision_encoder", VisionEncoder(c));
    MP = register_module("MP", PixelShuffleConnector(c));
    decoder = register_module("decoder", LanguageModel(c));
    at::NoGradGuard guard;
    for (auto& p : named_parameters(true)) {
        const std::string& k = p.key();
        if (endsWith(k, "position_embedding") || (endsWith(k, ".weight") && p.value().dim() >= 2))
            torch::nn::init::normal_(p.value(), 0.0, initStd);
        else if (endsWith(k, ".bias"))
            p.value().zero_();
    }
}

at::Tensor VisionLanguageModelImpl::encodeImages(const at::Tensor& images)
{
    // SmolVLM's tower was trained on SigLIP-normalised pixels (mean = std = 0.5), nanoVLM's on raw [0,1]:
    // batches always carry [0,1], so the one place that knows the model maps the range.
    if (config_.vit_signed_pixels)
        return vision_encoder->forward(images * 2.0 - 1.0);
    return vision_encoder->forward(images);
}

at::Tensor VisionLanguageModelImpl::projectImages(const at::Tensor& visionFeatures)
{
    return MP->forward(visionFeatures);
}

at::Tensor VisionLanguageModelImpl::embedInputs(const at::Tensor& ids, const at::Tensor& imageEmbeds)
{
    at::Tensor emb = decoder->embed(ids);
    at::Tensor isImage = ids.eq(imageTokenId_);
    const int64_t placeholders = isImage.sum().item<int64_t>();
    const int64_t provided = imageEmbeds.defined() ? imageEmbeds.size(0) * imageEmbeds.size(1) : 0;
    if (placeholders != provided)
        throw ModelInputError("the prompt holds " + std::to_string(placeholders) + " image placeholder tokens but " +
                              std::to_string(provided) + " image embeddings were given (" +
                              std::to_string(config_.mp_image_token_length) + " per image)");
    if (provided == 0)
        return emb;
    // masked_scatter fills the selected rows in row-major order: sample by sample, left to right.
    return emb.masked_scatter(isImage.unsqueeze(-1), imageEmbeds.reshape({-1, emb.size(-1)}).to(emb.scalar_type()));
}

at::Tensor VisionLanguageModelImpl::buildAttentionMask(const at::Tensor& attentionMask, int64_t T, int64_t past,
                                                       const at::TensorOptions& opts)
{
    const int64_t Tk = past + T;
    at::Tensor q = at::arange(past, Tk, opts.dtype(at::kLong)).unsqueeze(1);
    at::Tensor k = at::arange(0, Tk, opts.dtype(at::kLong)).unsqueeze(0);
    at::Tensor allowed = k.le(q).unsqueeze(0).unsqueeze(0); // [1,1,T,Tk]
    if (attentionMask.defined())
        allowed = allowed.logical_and(attentionMask.to(at::kBool).unsqueeze(1).unsqueeze(1)); // [B,1,T,Tk]
    return at::zeros(allowed.sizes(), opts).masked_fill(allowed.logical_not(), -1e9);
}

at::Tensor VisionLanguageModelImpl::forwardEmbeddings(const at::Tensor& embeddings, const at::Tensor& attentionMask,
                                                      KvCache* cache, int64_t outputLast)
{
    const int64_t past = cache ? cache->length() : 0;
    at::Tensor mask = buildAttentionMask(attentionMask, embeddings.size(1), past, embeddings.options());
    return decoder->forward(embeddings, mask, past, cache, outputLast);
}

at::Tensor VisionLanguageModelImpl::forward(const at::Tensor& ids, const at::Tensor& attentionMask, const at::Tensor& images)
{
    at::Tensor imageEmbeds;
    if (images.defined() && images.size(0) > 0)
        imageEmbeds = projectImages(encodeImages(images));
    return forwardEmbeddings(embedInputs(ids, imageEmbeds), attentionMask);
}

at::Tensor VisionLanguageModelImpl::loss(const at::Tensor& hidden, const at::Tensor& targets)
{
    at::Tensor flatTargets = targets.reshape({-1});
    at::Tensor idx = flatTargets.ne(-100).nonzero().squeeze(1);
    if (idx.size(0) == 0)
        throw ModelInputError("the batch has no target tokens (all labels are -100)");
    at::Tensor rows = hidden.reshape({-1, hidden.size(-1)}).index_select(0, idx); // [M,D]
    return at::cross_entropy_loss(logits(rows).to(at::kFloat), flatTargets.index_select(0, idx));
}

std::map<std::string, at::Tensor> canonicalStateDict(VisionLanguageModelImpl& m)
{
    std::map<std::string, at::Tensor> out;
    for (const auto& p : m.named_parameters(true)) {
        if (p.key().find("lora_") != std::string::npos)
            continue;
        out[p.key()] = p.value();
    }
    for (const auto& b : m.named_buffers(true))
        out[b.key()] = b.value();
    if (m.decoder->tied()) {
        // save_model keeps the lexicographically first name of a shared tensor: decoder.head.weight.
        out["decoder.head.weight"] = out.at("decoder.token_embedding.weight");
        out.erase("decoder.token_embedding.weight");
    }
    return out;
}

int64_t countParameters(VisionLanguageModelImpl& m, bool trainableOnly)
{
    int64_t n = 0;
    std::set<const void*> seen;
    for (const auto& p : m.parameters(true))
        if ((!trainableOnly || p.requires_grad()) && seen.insert(p.unsafeGetTensorImpl()).second)
            n += p.numel();
    return n;
}

} // namespace ts
