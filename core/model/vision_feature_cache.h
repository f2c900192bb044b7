#pragma once
// ViT outputs per image, for a frozen vision tower: the suite shows the same val images to every cell of a
// study, so a model pays its ViT once per image. Valid only while the tower's weights do not change: clear()
// (or use a new cache) after training or loading the vision tower.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ts {

class VisionLanguageModelImpl;

class VisionFeatureCache {
public:
    explicit VisionFeatureCache(int64_t maxBytes = int64_t(2) << 30) : maxBytes_(maxBytes) {}

    // [Ni,N,Dv] ViT features of the batch's images; misses are computed under NoGradGuard and stored
    // (until the byte budget is reached; later misses are computed but not kept).
    at::Tensor features(VisionLanguageModelImpl& model, const at::Tensor& images, const std::vector<uint64_t>& keys);

    void clear();
    int64_t bytes() const { return bytes_; }
    int64_t hits() const { return hits_; }
    int64_t misses() const { return misses_; }

private:
    std::unordered_map<uint64_t, at::Tensor> store_;
    int64_t maxBytes_, bytes_ = 0, hits_ = 0, misses_ = 0;
};

} // namespace ts
