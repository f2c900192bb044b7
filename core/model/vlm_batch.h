#pragma once
// Batches of encoded examples: left padding (so every prompt ends in the last column), pre-shifted targets.
#include "model/chat_prompt.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace ts {

struct VlmBatch {
    at::Tensor inputIds;      // [B,T] int64
    at::Tensor attentionMask; // [B,T] int64, 1 = real token
    at::Tensor targets;       // [B,T] int64, -100 = no loss; undefined for prompt-only batches
    at::Tensor images;        // [Ni,3,H,W] float in [0,1], all images of sample 0 first; undefined if none
    std::vector<uint64_t> imageKeys; // content hash per image (for the vision feature cache)
    int64_t size() const { return inputIds.defined() ? inputIds.size(0) : 0; }
};

// FNV-1a over width, height and bytes.
uint64_t imageContentKey(const RgbImage& image);
// [N,3,S,S] float in [0,1] (nanoVLM's range), bilinear-resized when an image is not S x S.
// Throws ModelInputError for an image whose byte count is not width*height*3.
at::Tensor imagesToTensor(const std::vector<const RgbImage*>& images, int64_t size);

// withAnswers: sequences are prompt+answer and targets cover the answer tokens only.
VlmBatch collateBatch(const std::vector<const VlmExample*>& examples, const std::vector<const EncodedExample*>& encoded,
                      int64_t padId, int64_t imageSize, bool withAnswers);

} // namespace ts
