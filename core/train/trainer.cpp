#include "train/trainer.h"

#include "model/runtime.h"

#include "model/safetensors.h"
#include "model/vlm_batch.h"
#include "model/vlm_error.h"
#include "train/lr_schedule.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/serialize.h>
#include <torch/utils.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>

namespace ts {

namespace fs = std::filesystem;

ExampleSource ExampleSource::fromVector(std::shared_ptr<const std::vector<VlmExample>> examples)
{
    ExampleSource s;
    s.size = static_cast<int64_t>(examples->size());
    s.get = [examples](int64_t i) { return (*examples)[static_cast<size_t>(i)]; };
    return s;
}

struct Trainer::Impl {
    std::vector<std::pair<std::string, at::Tensor>> trainable; // name -> parameter
    std::vector<double> groupPeaks;                            // peak lr per optimizer group
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::vector<at::Tensor> allTrainable;
};

Trainer::Trainer(VisionLanguageModelImpl& model, const ChatPrompt& prompt, TrainConfig config)
    : d_(std::make_unique<Impl>()), model_(model), prompt_(prompt), cfg_(std::move(config))
{
    if (cfg_.steps <= 0 || cfg_.batchSize <= 0 || cfg_.gradAccum <= 0)
        throw TrainingError("steps, batch size and gradient accumulation must be positive");
    bool hasLora = false;
    for (const auto& p : model_.named_parameters(true))
        hasLora = hasLora || p.key().find("lora_") != std::string::npos;
    if (cfg_.useLora && !hasLora) {
        std::lock_guard<std::mutex> lock(globalRandomMutex());
        torch::manual_seed(cfg_.seed); // LoRA A init depends only on the cell's seed
        loraModules_ = applyLora(model_, cfg_.lora);
    }
    seedThreadGenerator(cfg_.seed * 2654435761ULL + 7); // LoRA dropout masks
    std::vector<at::Tensor> vision, connector, language;
    for (auto& p : model_.named_parameters(true)) {
        const std::string& k = p.key();
        bool train = false;
        std::vector<at::Tensor>* group = &language;
        if (k.rfind("vision_encoder.", 0) == 0) {
            train = cfg_.trainVision;
            group = &vision;
        } else if (k.rfind("MP.", 0) == 0) {
            train = cfg_.trainConnector;
            group = &connector;
        } else if (cfg_.useLora) {
            train = k.find("lora_") != std::string::npos;
        } else {
            train = k.find("lora_") == std::string::npos;
        }
        p.value().set_requires_grad(train);
        if (train) {
            group->push_back(p.value());
            d_->trainable.emplace_back(k, p.value());
            d_->allTrainable.push_back(p.value());
        }
    }
    if (d_->trainable.empty())
        throw TrainingError("nothing to train: every parameter is frozen by this configuration");
    std::vector<torch::optim::OptimizerParamGroup> groups;
    auto addGroup = [&](std::vector<at::Tensor>& params, double lr) {
        if (params.empty())
            return;
        auto opts = std::make_unique<torch::optim::AdamWOptions>(lr);
        opts->weight_decay(cfg_.weightDecay);
        groups.emplace_back(params, std::move(opts));
        d_->groupPeaks.push_back(lr);
    };
    addGroup(language, cfg_.lr);
    addGroup(connector, cfg_.lrConnector);
    addGroup(vision, cfg_.lrVision);
    d_->optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups),
                                                          torch::optim::AdamWOptions(cfg_.lr).weight_decay(cfg_.weightDecay));
    model_.to(cfg_.device);
}

Trainer::~Trainer() = default;

int64_t Trainer::trainableParameters() const
{
    int64_t n = 0;
    for (const auto& [k, t] : d_->trainable)
        n += t.numel();
    return n;
}

TrainResult Trainer::train(const ExampleSource& data, const MetricCallback& onMetric, const std::atomic<bool>* stop,
                           VisionFeatureCache* featureCache)
{
    if (data.size <= 0 || !data.get)
        throw TrainingError("the training set is empty");
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    model_.train();
    TrainResult result;
    const int64_t perStep = cfg_.batchSize * cfg_.gradAccum;
    std::vector<int64_t> perm;
    int64_t permEpoch = -1;
    auto indexFor = [&](int64_t sampleCounter) {
        // Epoch permutations seeded by (seed, epoch): the order depends only on the sample counter, so resume
        // continues the same stream.
        const int64_t epoch = sampleCounter / data.size;
        if (epoch != permEpoch) {
            perm.resize(static_cast<size_t>(data.size));
            std::iota(perm.begin(), perm.end(), 0);
            std::mt19937_64 rng(cfg_.seed * 1000003ULL + static_cast<uint64_t>(epoch));
            std::shuffle(perm.begin(), perm.end(), rng);
            permEpoch = epoch;
        }
        return perm[static_cast<size_t>(sampleCounter % data.size)];
    };
    const LrSchedule schedule{1.0, cfg_.steps, cfg_.warmupFraction, cfg_.floorFraction};
    const int64_t imageSize = model_.config().vit_img_size;

    while (step_ < cfg_.steps) {
        if (stop && stop->load()) {
            result.stopped = true;
            if (!cfg_.checkpointDir.empty())
                saveState(cfg_.checkpointDir);
            break;
        }
        const auto ts0 = std::chrono::steady_clock::now();
        const double factor = schedule.at(step_);
        auto& groups = d_->optimizer->param_groups();
        for (size_t g = 0; g < groups.size(); ++g)
            static_cast<torch::optim::AdamWOptions&>(groups[g].options()).lr(d_->groupPeaks[g] * factor);
        d_->optimizer->zero_grad();
        double lossSum = 0.0;
        int64_t tokens = 0;
        for (int64_t micro = 0; micro < cfg_.gradAccum; ++micro) {
            std::vector<VlmExample> exs;
            std::vector<EncodedExample> enc;
            exs.reserve(static_cast<size_t>(cfg_.batchSize));
            for (int64_t k = 0; k < cfg_.batchSize; ++k)
                exs.push_back(data.get(indexFor(step_ * perStep + micro * cfg_.batchSize + k)));
            for (const auto& e : exs) {
                enc.push_back(prompt_.encode(e));
                tokens += static_cast<int64_t>(enc.back().prompt.size() + enc.back().answer.size());
            }
            std::vector<const VlmExample*> exPtr;
            std::vector<const EncodedExample*> encPtr;
            for (size_t k = 0; k < exs.size(); ++k) {
                exPtr.push_back(&exs[k]);
                encPtr.push_back(&enc[k]);
            }
            VlmBatch batch = collateBatch(exPtr, encPtr, prompt_.padId(), imageSize, true);
            std::optional<CudaAutocastScope> autocast(std::in_place, cfg_.bf16Autocast, cfg_.device); // forward only
            at::Tensor imageEmbeds;
            if (batch.images.defined()) {
                at::Tensor images = batch.images.to(cfg_.device);
                at::Tensor feats;
                if (cfg_.trainVision) {
                    feats = model_.encodeImages(images);
                } else if (featureCache) {
                    feats = featureCache->features(model_, images, batch.imageKeys);
                } else {
                    at::NoGradGuard guard;
                    feats = model_.encodeImages(images);
                }
                imageEmbeds = model_.projectImages(feats);
            }
            // Left padding puts every answer at the end: run the final block only from the first target column.
            const int64_t T = batch.targets.size(1);
            int64_t firstTarget = T - 1;
            {
                auto tg = batch.targets.accessor<int64_t, 2>();
                for (int64_t r = 0; r < batch.targets.size(0); ++r)
                    for (int64_t c = 0; c < firstTarget; ++c)
                        if (tg[r][c] != -100) {
                            firstTarget = c;
                            break;
                        }
            }
            at::Tensor ids = batch.inputIds.to(cfg_.device);
            at::Tensor hidden = model_.forwardEmbeddings(model_.embedInputs(ids, imageEmbeds),
                                                         batch.attentionMask.to(cfg_.device), nullptr, T - firstTarget);
            at::Tensor loss = model_.loss(hidden, batch.targets.narrow(1, firstTarget, T - firstTarget).to(cfg_.device));
            autocast.reset();
            const double lv = loss.item<double>();
            if (!std::isfinite(lv))
                throw TrainingError("non-finite loss (" + std::to_string(lv) + ") at step " + std::to_string(step_ + 1) +
                                    "; training stopped before the weights were updated");
            lossSum += lv;
            (loss / static_cast<double>(cfg_.gradAccum)).backward();
        }
        double gradNorm = 0.0;
        if (cfg_.clipNorm > 0)
            gradNorm = torch::nn::utils::clip_grad_norm_(d_->allTrainable, cfg_.clipNorm);
        else
            gradNorm = torch::nn::utils::clip_grad_norm_(d_->allTrainable, 1e30);
        if (!std::isfinite(gradNorm))
            throw TrainingError("non-finite gradient norm at step " + std::to_string(step_ + 1) +
                                "; training stopped before the weights were updated");
        d_->optimizer->step();
        ++step_;
        result.lastLoss = lossSum / static_cast<double>(cfg_.gradAccum);
        if (onMetric) {
            const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - ts0).count();
            MetricSample m;
            m.step = step_;
            m.loss = result.lastLoss;
            m.lr = d_->groupPeaks[0] * factor;
            m.samplesPerSecond = static_cast<double>(perStep) / std::max(dt, 1e-9);
            m.tokensPerSecond = static_cast<double>(tokens) / std::max(dt, 1e-9);
            m.gradNorm = gradNorm;
            m.wallSeconds = elapsed();
            onMetric(m);
        }
        if (cfg_.checkpointEvery > 0 && !cfg_.checkpointDir.empty() && step_ % cfg_.checkpointEvery == 0)
            saveState(cfg_.checkpointDir);
    }
    result.stepsDone = step_;
    result.seconds = elapsed();
    return result;
}

void Trainer::saveState(const std::string& dir) const
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw CheckpointError(dir, "", "cannot create the training-state folder: " + ec.message());
    std::map<std::string, at::Tensor> tensors;
    for (const auto& [k, t] : d_->trainable)
        tensors[k] = t.detach().to(at::kCPU);
    const fs::path base(dir);
    writeSafetensors((base / "trainable.safetensors.tmp").string(), tensors, {{"step", std::to_string(step_)}});
    torch::save(*d_->optimizer, (base / "optimizer.pt.tmp").string());
    nlohmann::json j = {{"step", step_}, {"seed", cfg_.seed}, {"steps", cfg_.steps}, {"use_lora", cfg_.useLora}};
    {
        std::ofstream out(base / "trainer_state.json.tmp", std::ios::trunc);
        out << j.dump(2) << '\n';
        if (!out)
            throw CheckpointError((base / "trainer_state.json").string(), "", "write failed");
    }
    for (const char* f : {"trainable.safetensors", "optimizer.pt", "trainer_state.json"})
        fs::rename(base / (std::string(f) + ".tmp"), base / f);
}

void Trainer::loadState(const std::string& dir)
{
    const fs::path base(dir);
    const std::string statePath = (base / "trainer_state.json").string();
    std::ifstream in(statePath);
    if (!in)
        throw CheckpointError(statePath, "", "missing training state");
    nlohmann::json j;
    try {
        in >> j;
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(statePath, "", std::string("invalid JSON: ") + e.what());
    }
    if (!j.contains("step") || !j["step"].is_number_integer())
        throw CheckpointError(statePath, "step", "missing or not an integer");
    if (j.value("use_lora", cfg_.useLora) != cfg_.useLora)
        throw CheckpointError(statePath, "use_lora", "the saved state was trained with a different LoRA setting");
    const std::string tensorsPath = (base / "trainable.safetensors").string();
    SafetensorsFile file = readSafetensors(tensorsPath);
    at::NoGradGuard guard;
    for (auto& [k, t] : d_->trainable) {
        auto it = file.tensors.find(k);
        if (it == file.tensors.end())
            throw CheckpointError(tensorsPath, k, "missing tensor");
        if (it->second.sizes() != t.sizes())
            throw CheckpointError(tensorsPath, k, "shape does not match the model");
        t.copy_(it->second.to(t.scalar_type()));
    }
    if (file.tensors.size() != d_->trainable.size())
        throw CheckpointError(tensorsPath, "", "holds tensors this model does not train");
    try {
        torch::load(*d_->optimizer, (base / "optimizer.pt").string());
    } catch (const c10::Error& e) {
        throw CheckpointError((base / "optimizer.pt").string(), "", std::string("cannot load optimizer state: ") + e.what_without_backtrace());
    }
    step_ = j["step"].get<int64_t>();
}

} // namespace ts
