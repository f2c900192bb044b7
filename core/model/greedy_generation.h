#pragma once
// Greedy decoding with a KV cache (prefill, then one position per step), and the uncached reference.
#include "model/vision_language_model.h"

#include <string>
#include <vector>

namespace ts {

struct GenerationOptions {
    int64_t maxNewTokens = 8;
    int64_t eosId = -1;   // a row stops after emitting it (it is kept in the output); -1 = never
    bool useCache = true; // false: recompute the whole sequence each step (tests compare the two)
};

// ids/attentionMask: left-padded prompts [B,T]; imageEmbeds [Ni,tokens,Dl] or undefined.
// The image placeholder id is never generated. Runs under NoGradGuard.
std::vector<std::vector<int64_t>> generateGreedy(VisionLanguageModelImpl& model, const at::Tensor& ids,
                                                 const at::Tensor& attentionMask, const at::Tensor& imageEmbeds,
                                                 const GenerationOptions& options);

// The option a free-form answer names: "(B)", "B", "B) ..." or the option text itself; -1 when none is found.
int parseOptionAnswer(const std::string& text, const std::vector<std::string>& options);

} // namespace ts
