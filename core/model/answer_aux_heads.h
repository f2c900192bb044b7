#pragma once
// Classifiers on the decoder's hidden state at the answer position, one per named intermediate variable
// of a task (tasks.md "Learning support": e.g. the fill of each style panel). Supervising the variables
// the answer is computed from breaks the long plateaus of answer-only training. Pretraining only.
#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <string>
#include <vector>

namespace ts {

struct IntermediateTarget {
    int64_t head = 0;  // index into the heads given to the constructor
    int64_t value = 0; // class
};

class AnswerAuxHeadsImpl : public torch::nn::Module {
public:
    AnswerAuxHeadsImpl(int64_t hiddenDim, std::vector<int64_t> classes);

    // answerHidden [B,D]; targets[b] the intermediates of example b. Mean CE over all targets; 0 when none.
    at::Tensor loss(const at::Tensor& answerHidden, const std::vector<std::vector<IntermediateTarget>>& targets);
    int64_t size() const { return static_cast<int64_t>(classes_.size()); }

private:
    std::vector<int64_t> classes_;
    torch::nn::ModuleList heads_{nullptr};
};
TORCH_MODULE(AnswerAuxHeads);

} // namespace ts
