#include "train/pretrainer.h"

#include "model/nanovlm_checkpoint.h"
#include "model/safetensors.h"
#include "model/vlm_batch.h"
#include "model/vlm_error.h"
#include "train/lr_schedule.h"

#include <ATen/ATen.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <chrono>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>

namespace ts {

Pretrainer::Pretrainer(VisionLanguageModelImpl& model, const ChatPrompt& prompt, std::vector<int64_t> denseClasses,
                       std::vector<int64_t> intermediateClasses, PretrainConfig config)
    : model_(model), prompt_(prompt), cfg_(config)
{
    if (cfg_.steps <= 0 || cfg_.batchSize <= 0)
        throw TrainingError("steps and batch size must be positive");
    torch::manual_seed(cfg_.seed * 2654435761ULL + 17);
    vision_ = VisionAuxHeads(model_.config().vit_hidden_dim, std::move(denseClasses));
    answer_ = AnswerAuxHeads(model_.config().lm_hidden_dim, std::move(intermediateClasses));
    for (auto& p : model_.parameters(true))
        p.set_requires_grad(true);
}

PretrainMetric Pretrainer::forwardBatch(const std::vector<PretrainExample>& batch, at::Tensor* totalLoss, bool scores)
{
    std::vector<EncodedExample> enc;
    std::vector<const VlmExample*> exPtr;
    std::vector<const EncodedExample*> encPtr;
    enc.reserve(batch.size());
    for (const auto& b : batch)
        enc.push_back(prompt_.encode(b.example));
    for (size_t k = 0; k < batch.size(); ++k) {
        exPtr.push_back(&batch[k].example);
        encPtr.push_back(&enc[k]);
    }
    VlmBatch vb = collateBatch(exPtr, encPtr, prompt_.padId(), model_.config().vit_img_size, true);
    PretrainMetric m;
    at::Tensor imageEmbeds, dense = at::zeros({});
    if (vb.images.defined()) {
        at::Tensor feats = model_.encodeImages(vb.images);
        imageEmbeds = model_.projectImages(feats);
        // Dense targets of the images that have them; the others are ignored (-1).
        const int64_t C = vision_->channels(), N = feats.size(1);
        at::Tensor targets = at::full({feats.size(0), C, N}, -1, at::kLong);
        int64_t row = 0;
        bool any = false;
        for (const auto& b : batch) {
            const auto n = static_cast<int64_t>(b.example.images.size());
            if (!b.dense.empty()) {
                if (static_cast<int64_t>(b.dense.size()) != n * C * N)
                    throw ModelInputError("dense targets hold " + std::to_string(b.dense.size()) + " values, expected " +
                                          std::to_string(n * C * N));
                at::Tensor t = at::tensor(at::ArrayRef<int32_t>(b.dense), at::kInt).to(at::kLong).reshape({n, C, N});
                targets.narrow(0, row, n).copy_(t);
                any = true;
            }
            row += n;
        }
        if (any && cfg_.denseWeight > 0)
            dense = vision_->loss(feats, targets);
    }
    // Left padding: all rows end at column T-1; run the blocks' output only from the first target column.
    const int64_t T = vb.targets.size(1);
    std::vector<int64_t> firstCol(static_cast<size_t>(vb.size()), T);
    std::vector<int64_t> letters(static_cast<size_t>(vb.size()), -100); // the answer letter each row predicts there
    {
        auto tg = vb.targets.accessor<int64_t, 2>();
        for (int64_t r = 0; r < vb.size(); ++r)
            for (int64_t c = 0; c < T; ++c)
                if (tg[r][c] != -100) {
                    firstCol[static_cast<size_t>(r)] = c;
                    letters[static_cast<size_t>(r)] = tg[r][c];
                    break;
                }
    }
    const int64_t first = *std::min_element(firstCol.begin(), firstCol.end());
    at::Tensor hidden = model_.forwardEmbeddings(model_.embedInputs(vb.inputIds, imageEmbeds), vb.attentionMask, nullptr, T - first);
    at::Tensor answer = model_.loss(hidden, vb.targets.narrow(1, first, T - first));
    // The answer position is the one that predicts the option letter.
    std::vector<int64_t> pos;
    for (int64_t c : firstCol)
        pos.push_back(c - first);
    at::Tensor answerHidden = hidden.gather(1, at::tensor(pos, at::kLong).view({-1, 1, 1}).expand({-1, 1, hidden.size(2)})).squeeze(1);
    std::vector<std::vector<IntermediateTarget>> inter;
    for (const auto& b : batch)
        inter.push_back(b.intermediates);
    if (scores) {
        at::NoGradGuard noGrad;
        const at::Tensor logits = model_.logits(answerHidden).to(at::kFloat);
        const at::Tensor target = at::tensor(letters, at::kLong).to(logits.device());
        const at::Tensor ce = at::cross_entropy_loss(logits, target, {}, at::Reduction::None).to(at::kCPU);
        // Right = the answer letter has the highest logit among the example's option letters, as the
        // evaluator scores it. Only the letters' columns leave the device.
        size_t most = 2;
        for (const auto& b : batch)
            most = std::max(most, b.example.options.size());
        const std::vector<int64_t> ids = prompt_.optionLetterIds(most);
        const at::Tensor letterLogits = logits.index_select(1, at::tensor(ids, at::kLong).to(logits.device())).to(at::kCPU);
        auto acc = ce.accessor<float, 1>();
        auto lg = letterLogits.accessor<float, 2>();
        for (size_t r = 0; r < batch.size(); ++r) {
            const size_t n = std::max<size_t>(2, batch[r].example.options.size());
            const auto i = static_cast<int64_t>(r);
            size_t best = 0;
            for (size_t o = 1; o < n; ++o)
                best = lg[i][static_cast<int64_t>(o)] > lg[i][static_cast<int64_t>(best)] ? o : best;
            m.scores.push_back({batch[r].stream, acc[i] / std::log(static_cast<double>(n)), ids[best] == letters[r]});
        }
    }
    at::Tensor interLoss = answer_->size() > 0 ? answer_->loss(answerHidden, inter) : at::zeros({});
    if (totalLoss)
        *totalLoss = answer + cfg_.denseWeight * dense + cfg_.intermediateWeight * interLoss;
    m.answerLoss = answer.item<double>();
    m.denseLoss = dense.item<double>();
    m.intermediateLoss = interLoss.item<double>();
    m.loss = m.answerLoss + cfg_.denseWeight * m.denseLoss + cfg_.intermediateWeight * m.intermediateLoss;
    return m;
}

PretrainMetric Pretrainer::measure(const std::vector<PretrainExample>& batch)
{
    at::NoGradGuard guard;
    return forwardBatch(batch, nullptr, false);
}

PretrainResult Pretrainer::run(const std::vector<CurriculumPhase>& phases, const std::function<void(const PretrainMetric&)>& onMetric,
                               const std::atomic<bool>* stop, double timeLimitSeconds)
{
    if (phases.empty())
        throw TrainingError("the curriculum has no phase");
    std::vector<at::Tensor> params;
    for (auto& p : model_.parameters(true))
        params.push_back(p);
    for (auto& p : vision_->parameters(true))
        params.push_back(p);
    for (auto& p : answer_->parameters(true))
        params.push_back(p);
    torch::optim::AdamW opt(params, torch::optim::AdamWOptions(cfg_.lr).weight_decay(cfg_.weightDecay));
    // With a time limit the schedule (and the curriculum) follows the elapsed fraction of the budget, so a run
    // of M minutes always completes its warm-up, phases and decay whatever the machine's speed.
    constexpr int64_t kResolution = 100000;
    const LrSchedule schedule{cfg_.lr, kResolution, cfg_.warmupFraction, cfg_.floorFraction};
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    model_.train();
    PretrainResult result;
    std::vector<uint64_t> drawn(phases.size(), 0); // examples drawn so far per phase: the stream resumes per phase
    auto phaseAt = [&](double frac) {
        size_t ph = 0;
        while (ph + 1 < phases.size() && frac >= phases[ph].endFraction)
            ++ph;
        return ph;
    };
    auto drawBatch = [&phases, this](size_t ph, uint64_t first) {
        std::vector<PretrainExample> batch;
        for (int64_t k = 0; k < cfg_.batchSize; ++k)
            batch.push_back(phases[ph].draw(cfg_.seed * 1000000007ULL + first + static_cast<uint64_t>(k)));
        return batch;
    };
    // Rendering the scenes costs about as much as a step of the tiny presets: the next batch is drawn on a
    // second thread meanwhile. Examples depend only on (phase, index), so prefetching changes no result.
    std::future<std::vector<PretrainExample>> next;
    size_t nextPhase = 0;
    while (step_ < cfg_.steps) {
        if (stop && stop->load()) {
            result.stopped = true;
            break;
        }
        double frac = static_cast<double>(step_) / static_cast<double>(cfg_.steps);
        if (timeLimitSeconds > 0)
            frac = std::max(frac, elapsed() / timeLimitSeconds);
        if (frac >= 1.0)
            break;
        const size_t ph = phaseAt(frac);
        std::vector<PretrainExample> batch;
        if (next.valid() && nextPhase == ph)
            batch = next.get();
        else {
            if (next.valid())
                next.get(); // drawn for a phase that did not come: dropped, the phase's stream is not advanced
            batch = drawBatch(ph, drawn[ph]);
        }
        drawn[ph] += static_cast<uint64_t>(cfg_.batchSize);
        if (step_ + 1 < cfg_.steps) {
            nextPhase = timeLimitSeconds > 0 ? ph : phaseAt(static_cast<double>(step_ + 1) / static_cast<double>(cfg_.steps));
            next = std::async(std::launch::async, drawBatch, nextPhase, drawn[nextPhase]);
        }
        const double lr = schedule.at(static_cast<int64_t>(frac * kResolution));
        for (auto& g : opt.param_groups())
            static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
        opt.zero_grad();
        at::Tensor loss;
        PretrainMetric m = forwardBatch(batch, &loss, static_cast<bool>(onScores_));
        if (!std::isfinite(m.loss))
            throw TrainingError("non-finite pretraining loss at step " + std::to_string(step_ + 1));
        loss.backward();
        if (cfg_.clipNorm > 0)
            torch::nn::utils::clip_grad_norm_(params, cfg_.clipNorm);
        opt.step();
        ++step_;
        if (onScores_) {
            if (next.valid())
                next.wait();
            onScores_(m.scores);
        }
        if (onMetric) {
            m.step = step_;
            m.steps = cfg_.steps;
            m.progress = frac;
            m.phase = phases[ph].name;
            m.lr = lr;
            m.wallSeconds = elapsed();
            onMetric(m);
        }
    }
    model_.eval();
    result.stepsDone = step_;
    result.seconds = elapsed();
    return result;
}

void saveNanoVlmFolderBf16(VisionLanguageModelImpl& model, const std::string& dir)
{
    saveNanoVlmFolder(model, dir); // config.json and the F32 file, then the weights again in BF16
    std::map<std::string, at::Tensor> tensors;
    for (auto& [k, v] : canonicalStateDict(model))
        tensors[k] = v.detach().to(at::kCPU, at::kBFloat16);
    std::map<std::string, std::string> meta;
    if (model.decoder->tied())
        meta["decoder.token_embedding.weight"] = "decoder.head.weight";
    const std::string st = (std::filesystem::path(dir) / "model.safetensors").string();
    writeSafetensors(st + ".tmp", tensors, meta);
    std::filesystem::rename(st + ".tmp", st);
}

} // namespace ts
