#pragma once
// Pretraining a base model from scratch (docs/base-models.md): full training of every weight, ViT included,
// with auxiliary supervision that tiny models need to leave the chance plateau of relational tasks:
//   loss = answer CE + denseWeight * per-patch CE on the ViT features + intermediateWeight * CE of the task's
//   intermediate variables at the answer position.
// Data come from a curriculum: phases that each cover a fraction of the steps and draw their own examples.
// Torch-only: the task suite (Qt) fills PretrainExample.
#include "model/answer_aux_heads.h"
#include "model/chat_prompt.h"
#include "model/vision_aux_heads.h"
#include "model/vision_language_model.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ts {

struct PretrainExample {
    VlmExample example;
    // [image][channel][patch] for every image of the example; -1 = not labelled. Empty: no dense loss.
    std::vector<int32_t> dense;
    std::vector<IntermediateTarget> intermediates;
    int32_t stream = -1; // which sampler stream (task and level) drew it; -1 = none (see onExampleScores)
};

// How well the model answered one example of a step: the option-letter cross-entropy divided by ln(options),
// so 1 = chance and 0 = certain and right. An adaptive sampler uses it to move examples to unlearned tasks.
struct ExampleScore {
    int32_t stream = -1;
    double chanceRatio = 1.0;
    bool right = false; // the answer letter had the highest logit among the option letters
};

struct CurriculumPhase {
    std::string name;
    double endFraction = 1.0; // the phase runs until this fraction of the steps
    // Example number `index` of this phase (deterministic: same index, same example).
    std::function<PretrainExample(uint64_t index)> draw;
};

struct PretrainConfig {
    int64_t steps = 2000;
    int64_t batchSize = 32;
    double lr = 2e-3;
    double warmupFraction = 0.05;
    double floorFraction = 0.05;
    double weightDecay = 0.01;
    double clipNorm = 1.0;
    double denseWeight = 1.0;
    double intermediateWeight = 1.0;
    uint64_t seed = 0;
};

struct PretrainMetric {
    int64_t step = 0; // 1-based
    int64_t steps = 0;
    double progress = 0.0; // fraction of the run (steps or time budget) done before this step
    std::string phase;
    double loss = 0.0, answerLoss = 0.0, denseLoss = 0.0, intermediateLoss = 0.0;
    double lr = 0.0;
    double wallSeconds = 0.0;
    std::vector<ExampleScore> scores; // one per example of the batch (run() fills it only with a score callback)
};

struct PretrainResult {
    int64_t stepsDone = 0;
    bool stopped = false;
    double seconds = 0.0;
};

class Pretrainer {
public:
    // denseClasses: classes per dense channel; intermediateClasses: classes per intermediate head.
    Pretrainer(VisionLanguageModelImpl& model, const ChatPrompt& prompt, std::vector<int64_t> denseClasses,
               std::vector<int64_t> intermediateClasses, PretrainConfig config);

    // Runs until config.steps, the stop flag, or the time limit (seconds > 0) ends it; with a time limit the
    // learning-rate schedule and the phases follow the elapsed time. Throws TrainingError on a non-finite loss.
    PretrainResult run(const std::vector<CurriculumPhase>& phases, const std::function<void(const PretrainMetric&)>& onMetric = {},
                       const std::atomic<bool>* stop = nullptr, double timeLimitSeconds = 0.0);

    // Mean losses of one batch without updating anything (for tests and diagnostics).
    PretrainMetric measure(const std::vector<PretrainExample>& batch);

    // Called after every step with the scores of its examples, once the next batch (drawn meanwhile on the
    // prefetch thread) is complete: a sampler that reads the scores therefore changes the batch after next,
    // the same way on every run, and the run stays deterministic.
    void onExampleScores(std::function<void(const std::vector<ExampleScore>&)> callback) { onScores_ = std::move(callback); }

    VisionAuxHeads& visionHeads() { return vision_; }

private:
    PretrainMetric forwardBatch(const std::vector<PretrainExample>& batch, at::Tensor* totalLoss, bool scores);

    VisionLanguageModelImpl& model_;
    const ChatPrompt& prompt_;
    PretrainConfig cfg_;
    VisionAuxHeads vision_{nullptr};
    AnswerAuxHeads answer_{nullptr};
    int64_t step_ = 0;
    std::function<void(const std::vector<ExampleScore>&)> onScores_;
};

// A base folder in BF16 (half the size of F32; loadNanoVlmFolder upcasts it).
void saveNanoVlmFolderBf16(VisionLanguageModelImpl& model, const std::string& dir);

} // namespace ts
