#include "model/answer_aux_heads.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/linear.h>

namespace ts {

AnswerAuxHeadsImpl::AnswerAuxHeadsImpl(int64_t hiddenDim, std::vector<int64_t> classes) : classes_(std::move(classes))
{
    heads_ = register_module("heads", torch::nn::ModuleList());
    for (int64_t k : classes_)
        heads_->push_back(torch::nn::Linear(hiddenDim, k));
}

at::Tensor AnswerAuxHeadsImpl::loss(const at::Tensor& answerHidden,
                                    const std::vector<std::vector<IntermediateTarget>>& targets)
{
    // Group the rows by head so each head runs once per batch.
    std::vector<std::vector<int64_t>> rows(classes_.size()), values(classes_.size());
    int64_t n = 0;
    for (size_t b = 0; b < targets.size(); ++b)
        for (const IntermediateTarget& t : targets[b]) {
            if (t.head < 0 || t.head >= size() || t.value < 0 || t.value >= classes_[static_cast<size_t>(t.head)])
                throw ModelInputError("intermediate target (head " + std::to_string(t.head) + ", value " +
                                      std::to_string(t.value) + ") is out of range");
            rows[static_cast<size_t>(t.head)].push_back(static_cast<int64_t>(b));
            values[static_cast<size_t>(t.head)].push_back(t.value);
            ++n;
        }
    at::Tensor total = at::zeros({}, answerHidden.options());
    if (n == 0)
        return total;
    for (size_t h = 0; h < classes_.size(); ++h) {
        if (rows[h].empty())
            continue;
        at::Tensor idx = at::tensor(rows[h], at::kLong).to(answerHidden.device());
        at::Tensor y = at::tensor(values[h], at::kLong).to(answerHidden.device());
        at::Tensor logits = heads_[h]->as<torch::nn::Linear>()->forward(answerHidden.index_select(0, idx));
        // Sum, then divide by all targets: every intermediate weighs the same whatever its head.
        total = total + at::cross_entropy_loss(logits, y, {}, at::Reduction::Sum);
    }
    return total / static_cast<double>(n);
}

} // namespace ts
