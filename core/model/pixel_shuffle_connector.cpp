#include "model/pixel_shuffle_connector.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>

#include <cmath>

namespace ts {

at::Tensor pixelShuffle(const at::Tensor& x, int64_t s)
{
    const int64_t B = x.size(0), N = x.size(1), D = x.size(2);
    const auto side = static_cast<int64_t>(std::lround(std::sqrt(static_cast<double>(N))));
    if (side * side != N || side % s != 0)
        throw ModelInputError("pixel shuffle needs a square patch grid divisible by " + std::to_string(s) + ", got " +
                              std::to_string(N) + " patches");
    const int64_t h = side / s;
    // [B, h, dy, w, dx, D] -> [B, h, w, dy, dx, D]: the nanoVLM reshape/permute, identical to Idefics3's.
    return x.reshape({B, h, s, h, s, D}).permute({0, 1, 3, 2, 4, 5}).reshape({B, h * h, s * s * D});
}

PixelShuffleConnectorImpl::PixelShuffleConnectorImpl(const VlmConfig& c) : factor_(c.mp_pixel_shuffle_factor)
{
    proj = register_module("proj", ProjLinear(c.vit_hidden_dim * factor_ * factor_, c.lm_hidden_dim, false));
}

at::Tensor PixelShuffleConnectorImpl::forward(const at::Tensor& visionFeatures)
{
    return proj->forward(pixelShuffle(visionFeatures, factor_));
}

} // namespace ts
