#pragma once
// Finetuning one model on one source task: AdamW, warm-up + cosine, clipping, accumulation, LoRA or full,
// frozen (and cached) vision tower by default. One Trainer per cell.
#include "model/chat_prompt.h"
#include "model/lora.h"
#include "model/vision_feature_cache.h"
#include "model/vision_language_model.h"
#include "train/metric_sample.h"

#include <c10/core/Device.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ts {

struct TrainConfig {
    int64_t steps = 150;     // optimizer steps
    int64_t batchSize = 16;  // examples per micro-batch
    int64_t gradAccum = 1;   // micro-batches per optimizer step
    double lr = 2e-3;        // language model (LoRA adapters or full weights)
    double lrConnector = 2e-3;
    double lrVision = 1e-4;  // only when trainVision
    double weightDecay = 0.01;
    double warmupFraction = 0.03;
    double floorFraction = 0.1;
    double clipNorm = 1.0;   // <= 0 disables clipping
    bool useLora = true;     // false: full finetuning of the language model
    LoraConfig lora;
    bool trainConnector = true;
    bool trainVision = false;
    uint64_t seed = 0;       // data order and LoRA init / dropout
    std::string checkpointDir;   // where saveState writes; also used by "stop and keep"
    int64_t checkpointEvery = 0; // steps between automatic saves; 0 = only on stop
    c10::Device device = c10::Device(c10::DeviceType::CPU);
    bool bf16Autocast = false; // forwards under bf16 autocast when the device is CUDA (model/runtime.h)
};

// Training data by index; the trainer draws a seeded permutation per epoch.
struct ExampleSource {
    int64_t size = 0;
    std::function<VlmExample(int64_t)> get;
    static ExampleSource fromVector(std::shared_ptr<const std::vector<VlmExample>> examples);
};

struct TrainResult {
    int64_t stepsDone = 0;
    bool stopped = false; // the stop flag ended training early
    double lastLoss = 0.0;
    double seconds = 0.0;
};

class Trainer {
public:
    // Freezes/unfreezes parameters and adds LoRA adapters to the model as configured; builds the optimizer.
    Trainer(VisionLanguageModelImpl& model, const ChatPrompt& prompt, TrainConfig config);
    ~Trainer();

    // Throws TrainingError on a non-finite loss or gradient (before the optimizer touches the weights).
    TrainResult train(const ExampleSource& data, const MetricCallback& onMetric = {},
                      const std::atomic<bool>* stop = nullptr, VisionFeatureCache* featureCache = nullptr);

    // Trainable tensors (incl. LoRA), optimizer state and the step counter; resume with loadState + train.
    void saveState(const std::string& dir) const;
    void loadState(const std::string& dir);

    int64_t step() const { return step_; }
    int64_t trainableParameters() const;
    const std::vector<std::string>& loraModules() const { return loraModules_; }

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    VisionLanguageModelImpl& model_;
    const ChatPrompt& prompt_;
    TrainConfig cfg_;
    int64_t step_ = 0;
    std::vector<std::string> loraModules_;
};

} // namespace ts
