#pragma once
// Pixel shuffle + bias-free projection (vlm.md §2, "MP" in nanoVLM).
#include "model/proj_linear.h"
#include "model/vlm_config.h"

namespace ts {

// [B,N,D] on a sqrt(N) grid -> [B,N/S^2,D*S^2]; output cell (r,c) channel (dy*S+dx)*D+d = patch (S*r+dy, S*c+dx).
at::Tensor pixelShuffle(const at::Tensor& x, int64_t factor);

class PixelShuffleConnectorImpl : public torch::nn::Module {
public:
    explicit PixelShuffleConnectorImpl(const VlmConfig& c);
    at::Tensor forward(const at::Tensor& visionFeatures); // [B,N,Dv] -> [B,N/S^2,Dl]
    ProjLinear proj{nullptr};

private:
    int64_t factor_;
};
TORCH_MODULE(PixelShuffleConnector);

} // namespace ts
