#pragma once
// ViT outputs per image, for a frozen vision tower: the suite shows the same val images to every cell of a
// study, so a model pays its ViT once per image. Valid only while the tower's weights do not change: clear()
// (or use a new cache) after training or loading the vision tower.
//
// Thread-safe: the workers of a study share one cache per model (every cell starts from the same frozen
// tower). An image another thread is computing right now is waited for, not computed twice.
#include <ATen/core/Tensor.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
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
    int64_t bytes() const;
    int64_t hits() const;
    int64_t misses() const; // images this cache's callers computed (each image once unless over budget)

private:
    // Computes the rows `which` of `images` into `rows`; stores and un-marks them when `publish`.
    void compute(VisionLanguageModelImpl& model, const at::Tensor& images, const std::vector<uint64_t>& keys,
                 const std::vector<int64_t>& which, std::vector<at::Tensor>& rows, bool publish);

    mutable std::mutex mutex_;
    std::condition_variable published_;
    std::unordered_map<uint64_t, at::Tensor> store_;
    std::unordered_set<uint64_t> inFlight_; // being computed by some caller, not stored yet
    int64_t maxBytes_, bytes_ = 0, hits_ = 0, misses_ = 0;
};

} // namespace ts
