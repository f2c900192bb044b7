#include "model/vision_feature_cache.h"

#include "model/vision_language_model.h"

#include <ATen/ATen.h>

namespace ts {

at::Tensor VisionFeatureCache::features(VisionLanguageModelImpl& model, const at::Tensor& images,
                                        const std::vector<uint64_t>& keys)
{
    const auto n = static_cast<int64_t>(keys.size());
    std::vector<at::Tensor> rows(keys.size());
    std::vector<int64_t> missing;
    for (int64_t i = 0; i < n; ++i) {
        auto it = store_.find(keys[static_cast<size_t>(i)]);
        if (it != store_.end()) {
            rows[static_cast<size_t>(i)] = it->second;
            ++hits_;
        } else {
            missing.push_back(i);
        }
    }
    if (!missing.empty()) {
        misses_ += static_cast<int64_t>(missing.size());
        at::NoGradGuard guard;
        at::Tensor idx = at::tensor(missing, at::kLong).to(images.device());
        at::Tensor feats = model.encodeImages(images.index_select(0, idx));
        for (size_t j = 0; j < missing.size(); ++j) {
            at::Tensor f = feats[static_cast<int64_t>(j)].clone();
            rows[static_cast<size_t>(missing[j])] = f;
            const int64_t sz = f.numel() * static_cast<int64_t>(f.element_size());
            if (bytes_ + sz <= maxBytes_) {
                store_.emplace(keys[static_cast<size_t>(missing[j])], f);
                bytes_ += sz;
            }
        }
    }
    return at::stack(rows, 0);
}

void VisionFeatureCache::clear()
{
    store_.clear();
    bytes_ = hits_ = misses_ = 0;
}

} // namespace ts
