#include "model/vision_feature_cache.h"

#include "model/vision_language_model.h"

#include <ATen/ATen.h>

namespace ts {

at::Tensor VisionFeatureCache::features(VisionLanguageModelImpl& model, const at::Tensor& images,
                                        const std::vector<uint64_t>& keys)
{
    std::vector<at::Tensor> rows(keys.size());
    std::vector<int64_t> mine, theirs; // to compute here; being computed by another caller
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (size_t i = 0; i < keys.size(); ++i) {
            auto it = store_.find(keys[i]);
            if (it != store_.end()) {
                rows[i] = it->second;
                ++hits_;
            } else if (inFlight_.insert(keys[i]).second) {
                mine.push_back(static_cast<int64_t>(i));
            } else {
                theirs.push_back(static_cast<int64_t>(i)); // also a repeat of an image earlier in this batch
            }
        }
    }
    if (!mine.empty())
        compute(model, images, keys, mine, rows, true);
    if (!theirs.empty()) {
        std::vector<int64_t> stillMissing; // the other caller found the budget full: compute without storing
        {
            std::unique_lock<std::mutex> lock(mutex_);
            published_.wait(lock, [&] {
                for (int64_t i : theirs)
                    if (inFlight_.count(keys[static_cast<size_t>(i)]))
                        return false;
                return true;
            });
            for (int64_t i : theirs) {
                auto it = store_.find(keys[static_cast<size_t>(i)]);
                if (it != store_.end()) {
                    rows[static_cast<size_t>(i)] = it->second;
                    ++hits_;
                } else {
                    stillMissing.push_back(i);
                }
            }
        }
        if (!stillMissing.empty())
            compute(model, images, keys, stillMissing, rows, false);
    }
    return at::stack(rows, 0);
}

void VisionFeatureCache::compute(VisionLanguageModelImpl& model, const at::Tensor& images, const std::vector<uint64_t>& keys,
                                 const std::vector<int64_t>& which, std::vector<at::Tensor>& rows, bool publish)
{
    at::Tensor feats;
    try {
        at::NoGradGuard guard;
        at::Tensor idx = at::tensor(which, at::kLong).to(images.device());
        feats = model.encodeImages(images.index_select(0, idx));
    } catch (...) {
        if (publish) { // do not leave other callers waiting for images that will never come
            std::lock_guard<std::mutex> lock(mutex_);
            for (int64_t i : which)
                inFlight_.erase(keys[static_cast<size_t>(i)]);
            published_.notify_all();
        }
        throw;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    misses_ += static_cast<int64_t>(which.size());
    for (size_t j = 0; j < which.size(); ++j) {
        const auto i = static_cast<size_t>(which[j]);
        at::Tensor f = feats[static_cast<int64_t>(j)].clone();
        rows[i] = f;
        if (!publish)
            continue;
        const int64_t sz = f.numel() * static_cast<int64_t>(f.element_size());
        if (bytes_ + sz <= maxBytes_ && store_.emplace(keys[i], f).second)
            bytes_ += sz;
        inFlight_.erase(keys[i]);
    }
    if (publish)
        published_.notify_all();
}

void VisionFeatureCache::clear()
{
    std::lock_guard<std::mutex> lock(mutex_);
    store_.clear();
    bytes_ = hits_ = misses_ = 0;
}

int64_t VisionFeatureCache::bytes() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

int64_t VisionFeatureCache::hits() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

int64_t VisionFeatureCache::misses() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return misses_;
}

} // namespace ts
