#include "model/proj_linear.h"
#include "model/runtime.h"

#include <ATen/ATen.h>
#include <torch/nn/init.h>

#include <cmath>
#include <stdexcept>

namespace ts {

ProjLinearImpl::ProjLinearImpl(int64_t in, int64_t out, bool withBias) : in_(in), out_(out)
{
    weight = register_parameter("weight", at::empty({out, in}));
    torch::nn::init::normal_(weight, 0.0, 0.02);
    if (withBias)
        bias = register_parameter("bias", at::zeros({out}));
}

at::Tensor ProjLinearImpl::forward(const at::Tensor& x)
{
    at::Tensor y = at::linear(x, weight, bias);
    if (lora_A.defined() && !loraMerged_) {
        at::Tensor h = x;
        if (dropout_ > 0.0 && is_training()) {
            // On the CPU the mask comes from this thread's generator, so parallel cells stay reproducible.
            h = x.is_cpu() ? x * at::empty_like(x).bernoulli_(1.0 - dropout_, threadGenerator()) / (1.0 - dropout_)
                           : at::dropout(x, dropout_, true);
        }
        y = at::add(y, at::linear(at::linear(h, lora_A), lora_B), scaling_); // one pass, not a scale then an add
    }
    return y;
}

void ProjLinearImpl::enableLora(const LoraSettings& s)
{
    if (s.rank <= 0)
        throw std::invalid_argument("LoRA rank must be positive");
    if (lora_A.defined())
        throw std::logic_error("this projection already carries a LoRA adapter (merged adapters stay attached)");
    auto opts = weight.options();
    lora_A = register_parameter("lora_A", at::empty({s.rank, in_}, opts));
    torch::nn::init::kaiming_uniform_(lora_A, std::sqrt(5.0));
    lora_B = register_parameter("lora_B", at::zeros({out_, s.rank}, opts));
    scaling_ = s.rslora ? s.alpha / std::sqrt(static_cast<double>(s.rank)) : s.alpha / static_cast<double>(s.rank);
    dropout_ = s.dropout;
}

void ProjLinearImpl::mergeLora()
{
    if (!lora_A.defined() || loraMerged_)
        return;
    at::NoGradGuard guard;
    at::Tensor delta = at::matmul(lora_B.to(at::kFloat), lora_A.to(at::kFloat)) * scaling_;
    weight.add_(delta.to(weight.scalar_type()));
    lora_B.zero_();
    loraMerged_ = true; // the branch would only add zeros: skip its two GEMMs and the add from now on
}

} // namespace ts
