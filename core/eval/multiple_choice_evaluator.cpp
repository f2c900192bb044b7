#include "eval/multiple_choice_evaluator.h"

#include "model/greedy_generation.h"
#include "model/runtime.h"
#include "model/vlm_batch.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>

namespace ts {

EvalResult evaluateMultipleChoice(VisionLanguageModelImpl& model, const ChatPrompt& prompt,
                                  const std::vector<VlmExample>& examples, const EvalOptions& options,
                                  VisionFeatureCache* featureCache)
{
    const auto t0 = std::chrono::steady_clock::now();
    // NoGradGuard, not InferenceMode: features cached here are reused by training, and inference tensors
    // may not be saved for backward.
    at::NoGradGuard noGrad;
    const CudaAutocastScope autocast(options.bf16Autocast, options.device);
    const bool wasTraining = model.is_training();
    model.eval();

    EvalResult result;
    result.items.resize(examples.size());
    std::vector<EncodedExample> encoded(examples.size());
    for (size_t i = 0; i < examples.size(); ++i)
        encoded[i] = prompt.encode(examples[i]);
    // Batch similar items together (same image count, similar length) so little compute goes to padding.
    std::vector<size_t> order(examples.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::make_pair(encoded[a].numImages, encoded[a].prompt.size()) <
               std::make_pair(encoded[b].numImages, encoded[b].prompt.size());
    });

    const int64_t imageSize = model.config().vit_img_size;
    size_t maxOptions = 0;
    for (const auto& ex : examples)
        maxOptions = std::max(maxOptions, ex.options.size());
    const std::vector<int64_t> letterIds = prompt.optionLetterIds(maxOptions);
    const auto bs = static_cast<size_t>(std::max<int64_t>(1, options.batchSize));
    for (size_t start = 0; start < order.size(); start += bs) {
        const size_t end = std::min(order.size(), start + bs);
        std::vector<const VlmExample*> exs;
        std::vector<const EncodedExample*> encs;
        for (size_t k = start; k < end; ++k) {
            exs.push_back(&examples[order[k]]);
            encs.push_back(&encoded[order[k]]);
        }
        VlmBatch batch = collateBatch(exs, encs, prompt.padId(), imageSize, false);
        at::Tensor ids = batch.inputIds.to(options.device);
        at::Tensor mask = batch.attentionMask.to(options.device);
        at::Tensor imageEmbeds;
        if (batch.images.defined()) {
            at::Tensor images = batch.images.to(options.device);
            at::Tensor feats = featureCache ? featureCache->features(model, images, batch.imageKeys) : model.encodeImages(images);
            imageEmbeds = model.projectImages(feats);
        }
        if (options.method == ScoringMethod::OptionLogits) {
            at::Tensor hidden = model.forwardEmbeddings(model.embedInputs(ids, imageEmbeds), mask, nullptr, 1);
            at::Tensor last = model.logits(hidden.select(1, hidden.size(1) - 1)).to(at::kFloat).to(at::kCPU).contiguous();
            auto acc = last.accessor<float, 2>(); // [B,V]
            for (size_t k = 0; k < exs.size(); ++k) {
                ItemResult& item = result.items[order[start + k]];
                float best = -std::numeric_limits<float>::infinity();
                for (size_t o = 0; o < exs[k]->options.size(); ++o) {
                    const float v = acc[static_cast<int64_t>(k)][letterIds[o]];
                    item.optionLogits.push_back(v);
                    if (v > best) {
                        best = v;
                        item.chosen = static_cast<int>(o);
                    }
                }
            }
        } else {
            GenerationOptions g;
            g.maxNewTokens = options.maxNewTokens;
            g.eosId = prompt.endOfTurnId();
            const auto gen = generateGreedy(model, ids, mask, imageEmbeds, g);
            for (size_t k = 0; k < exs.size(); ++k) {
                ItemResult& item = result.items[order[start + k]];
                item.generated = prompt.tokenizer().decode(gen[k], true);
                item.chosen = parseOptionAnswer(item.generated, exs[k]->options);
            }
        }
    }
    int64_t right = 0;
    for (size_t i = 0; i < examples.size(); ++i) {
        ItemResult& item = result.items[i];
        item.correct = examples[i].correct;
        item.isCorrect = item.chosen >= 0 && item.chosen == item.correct;
        right += item.isCorrect ? 1 : 0;
    }
    result.accuracy = examples.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(examples.size());
    if (wasTraining)
        model.train();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result;
}

} // namespace ts
