#pragma once
// Batched multiple-choice evaluation under inference mode. Default: compare the option letters' logits right
// after the prompt (cheap, never unparseable); option: greedy generation + answer parsing.
#include "model/chat_prompt.h"
#include "model/vision_feature_cache.h"
#include "model/vision_language_model.h"

#include <c10/core/Device.h>

#include <string>
#include <vector>

namespace ts {

enum class ScoringMethod { OptionLogits, Generation };

struct EvalOptions {
    int64_t batchSize = 64;
    ScoringMethod method = ScoringMethod::OptionLogits;
    int64_t maxNewTokens = 4; // Generation only
    c10::Device device = c10::Device(c10::DeviceType::CPU);
    bool bf16Autocast = false; // bf16 autocast when the device is CUDA (model/runtime.h)
};

struct ItemResult {
    int chosen = -1;  // option index the model picked; -1 when a generated answer named none
    int correct = -1; // from the example
    bool isCorrect = false;
    std::vector<float> optionLogits; // OptionLogits: the letter logits, in option order
    std::string generated;           // Generation: the decoded answer
};

struct EvalResult {
    std::vector<ItemResult> items; // same order as the examples
    double accuracy = 0.0;
    double seconds = 0.0;
};

// featureCache (optional) reuses ViT outputs across calls: pass one per model whose vision tower is frozen.
EvalResult evaluateMultipleChoice(VisionLanguageModelImpl& model, const ChatPrompt& prompt,
                                  const std::vector<VlmExample>& examples, const EvalOptions& options,
                                  VisionFeatureCache* featureCache = nullptr);

} // namespace ts
