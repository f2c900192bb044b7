// Trainer and evaluator behaviour: learning from chance, determinism, stop/resume, non-finite loss.
// The image task is drawn here (no dependency on the Qt task suite): "Which colour is the square?".
#include "eval/multiple_choice_evaluator.h"
#include "model/runtime.h"
#include "model/vision_feature_cache.h"
#include "model/vlm_batch.h"
#include "model/vlm_error.h"
#include "model/vlm_presets.h"
#include "train/lr_schedule.h"
#include "train/trainer.h"
#include "square_colour_example.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <set>
#include <thread>

using namespace ts;

namespace {

const std::string kSuite = std::string(TRANSFERSCOPE_RESOURCES) + "/tokenizer/tokenizer.json";

// A red or blue square at a random place on a noisy grey background; options are fixed (A) red (B) blue.
VlmExample colourExample(std::mt19937& rng, int size)
{
    return squareColourExample(rng, size, {{"red", {220, 30, 30}}, {"blue", {30, 30, 220}}}, "Which colour is the square?");
}

std::shared_ptr<std::vector<VlmExample>> colourSet(int n, uint32_t seed, int size)
{
    std::mt19937 rng(seed);
    auto v = std::make_shared<std::vector<VlmExample>>();
    for (int i = 0; i < n; ++i)
        v->push_back(colourExample(rng, size));
    return v;
}

std::map<std::string, at::Tensor> trainableSnapshot(VisionLanguageModelImpl& m)
{
    std::map<std::string, at::Tensor> out;
    for (const auto& p : m.named_parameters())
        if (p.value().requires_grad())
            out[p.key()] = p.value().detach().clone();
    return out;
}

} // namespace

class TestVlmTraining : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<BpeTokenizer> tok_;
    VlmPreset preset_ = vlmPreset("micro-test");

    VisionLanguageModel freshModel(uint64_t seed)
    {
        seedEverything(seed);
        return VisionLanguageModel(preset_.config, preset_.init_std);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One thread: the test machine is shared, and OpenMP spin-waits collapse under oversubscription.
        configureRuntime({1, false});
        tok_ = std::make_unique<BpeTokenizer>(BpeTokenizer::fromFile(kSuite));
    }

    void lrScheduleWarmupCosineFloor()
    {
        LrSchedule s{1.0, 100, 0.1, 0.1};
        QCOMPARE(s.at(0), 0.1);
        QCOMPARE(s.at(9), 1.0);
        QVERIFY(std::abs(s.at(10) - 1.0) < 1e-12);
        QVERIFY(std::abs(s.at(55) - 0.55) < 1e-9);
        QVERIFY(std::abs(s.at(100) - 0.1) < 1e-12);
        QVERIFY(s.at(30) > s.at(60));
    }

    void microModelLearnsColourTaskFromChance()
    {
        VisionLanguageModel m = freshModel(11);
        ChatPrompt prompt(*tok_, preset_.config);
        const int size = static_cast<int>(preset_.config.vit_img_size);
        auto train = colourSet(2000, 1, size);
        auto val = colourSet(200, 2, size);
        VisionFeatureCache cache;
        EvalResult before = evaluateMultipleChoice(*m, prompt, *val, {}, &cache);
        QCOMPARE(before.items.size(), val->size());
        QVERIFY2(before.accuracy < 0.7, std::to_string(before.accuracy).c_str());

        TrainConfig tc;
        tc.steps = 120;
        tc.batchSize = 16;
        tc.lr = 3e-3;
        tc.lrConnector = 3e-3;
        tc.warmupFraction = 0.1;
        tc.seed = 5;
        Trainer trainer(*m, prompt, tc);
        std::vector<MetricSample> metrics;
        TrainResult r = trainer.train(ExampleSource::fromVector(train), [&](const MetricSample& s) { metrics.push_back(s); },
                                      nullptr, &cache);
        QCOMPARE(r.stepsDone, int64_t(120));
        QCOMPARE(metrics.size(), size_t(120));
        QCOMPARE(metrics.front().step, int64_t(1));
        QVERIFY(metrics.front().lr < metrics[20].lr);  // warm-up
        QVERIFY(metrics.back().lr < metrics[20].lr);   // cosine decay
        QVERIFY(metrics.back().samplesPerSecond > 0 && metrics.back().wallSeconds > 0);
        EvalResult after = evaluateMultipleChoice(*m, prompt, *val, {}, &cache);
        qInfo("colour task: accuracy %.3f -> %.3f, loss %.3f -> %.3f, %.2f s", before.accuracy, after.accuracy,
              metrics.front().loss, metrics.back().loss, r.seconds);
        QVERIFY2(after.accuracy >= 0.9, std::to_string(after.accuracy).c_str());
        for (size_t i = 0; i < after.items.size(); ++i) {
            QCOMPARE(after.items[i].correct, (*val)[i].correct);
            QCOMPARE(after.items[i].isCorrect, after.items[i].chosen == after.items[i].correct);
            QCOMPARE(after.items[i].optionLogits.size(), size_t(2));
        }
        QVERIFY(cache.hits() > 0);

        // Generation + answer parsing agrees with the letter logits on a trained model for most items.
        EvalOptions gen;
        gen.method = ScoringMethod::Generation;
        gen.maxNewTokens = 2;
        EvalResult viaGen = evaluateMultipleChoice(*m, prompt, *val, gen, &cache);
        QCOMPARE(viaGen.items.size(), val->size());
        QVERIFY2(viaGen.accuracy >= 0.8, std::to_string(viaGen.accuracy).c_str());
    }

    // The workers of a study share one cache per model: two threads asking for overlapping images at once
    // get the same features the model computes directly, and each image passes through the ViT only once.
    void sharedFeatureCacheComputesEachImageOnce()
    {
        VisionLanguageModel m = freshModel(21);
        m->eval();
        const int size = static_cast<int>(preset_.config.vit_img_size);
        const auto set = colourSet(48, 9, size);
        std::vector<const RgbImage*> images;
        std::vector<uint64_t> keys;
        for (const auto& ex : *set) {
            images.push_back(&ex.images.at(0));
            keys.push_back(imageContentKey(ex.images.at(0)));
        }
        at::Tensor all = imagesToTensor(images, size);
        at::Tensor direct;
        {
            at::NoGradGuard g;
            direct = m->encodeImages(all);
        }
        VisionFeatureCache cache;
        // Thread A asks for images 0..31, thread B for 16..47 (twice, the second time all hits).
        auto ask = [&](int64_t from, int64_t to, at::Tensor* out) {
            std::vector<uint64_t> k(keys.begin() + from, keys.begin() + to);
            for (int rep = 0; rep < 2; ++rep)
                *out = cache.features(*m, all.narrow(0, from, to - from), k);
        };
        at::Tensor a, b;
        std::thread ta(ask, 0, 32, &a), tb(ask, 16, 48, &b);
        ta.join();
        tb.join();
        QVERIFY(at::allclose(a, direct.narrow(0, 0, 32), 1e-5, 1e-6));
        QVERIFY(at::allclose(b, direct.narrow(0, 16, 32), 1e-5, 1e-6));
        std::set<uint64_t> unique(keys.begin(), keys.end());
        QCOMPARE(cache.misses(), int64_t(unique.size()));
        QCOMPARE(cache.hits(), int64_t(4 * 32) - cache.misses());
        QVERIFY(cache.bytes() > 0);

        // Over budget: nothing is stored, every request is computed, and the answer is still right.
        VisionFeatureCache tiny(1);
        at::Tensor t1 = tiny.features(*m, all, keys);
        QVERIFY(at::allclose(t1, direct, 1e-5, 1e-6));
        QCOMPARE(tiny.bytes(), int64_t(0));
    }

    void sameSeedSameNumbers()
    {
        auto run = [&] {
            VisionLanguageModel m = freshModel(3);
            ChatPrompt prompt(*tok_, preset_.config);
            TrainConfig tc;
            tc.steps = 5;
            tc.batchSize = 4;
            tc.seed = 9;
            tc.lora.settings.dropout = 0.1;
            Trainer t(*m, prompt, tc);
            std::vector<double> losses;
            t.train(ExampleSource::fromVector(colourSet(50, 3, 32)), [&](const MetricSample& s) { losses.push_back(s.loss); });
            return losses;
        };
        QCOMPARE(run(), run());
    }

    void stopKeepAndResumeMatchesUninterrupted()
    {
        auto data = ExampleSource::fromVector(colourSet(40, 4, 32));
        ChatPrompt prompt(*tok_, preset_.config);
        TrainConfig tc;
        tc.steps = 6;
        tc.batchSize = 4;
        tc.seed = 2;

        VisionLanguageModel a = freshModel(21);
        Trainer ta(*a, prompt, tc);
        ta.train(data);
        const auto want = trainableSnapshot(*a);

        QTemporaryDir dir;
        tc.checkpointDir = dir.path().toStdString();
        VisionLanguageModel b = freshModel(21);
        Trainer tb(*b, prompt, tc);
        std::atomic<bool> stop{false};
        TrainResult rb = tb.train(data, [&](const MetricSample& s) { stop = s.step == 3; }, &stop);
        QVERIFY(rb.stopped);
        QCOMPARE(rb.stepsDone, int64_t(3));

        VisionLanguageModel c = freshModel(21);
        Trainer tc2(*c, prompt, tc);
        tc2.loadState(tc.checkpointDir);
        QCOMPARE(tc2.step(), int64_t(3));
        TrainResult rc = tc2.train(data);
        QCOMPARE(rc.stepsDone, int64_t(6));
        const auto got = trainableSnapshot(*c);
        QCOMPARE(got.size(), want.size());
        for (const auto& [k, v] : want)
            QVERIFY2((v - got.at(k)).abs().max().item<double>() < 1e-6, k.c_str());
    }

    void nonFiniteLossStopsWithClearError()
    {
        VisionLanguageModel m = freshModel(1);
        ChatPrompt prompt(*tok_, preset_.config);
        TrainConfig tc;
        tc.steps = 3;
        tc.batchSize = 2;
        Trainer t(*m, prompt, tc);
        {
            at::NoGradGuard g;
            m->MP->proj->weight[0][0] = std::numeric_limits<float>::quiet_NaN();
        }
        const auto before = trainableSnapshot(*m);
        try {
            t.train(ExampleSource::fromVector(colourSet(8, 5, 32)));
            QFAIL("NaN loss accepted");
        } catch (const TrainingError& e) {
            QVERIFY(std::string(e.what()).find("non-finite loss") != std::string::npos);
            QVERIFY(std::string(e.what()).find("step 1") != std::string::npos);
        }
        for (const auto& [k, v] : trainableSnapshot(*m))
            if (k.find("lora_B") != std::string::npos)
                QVERIFY(at::equal(v, before.at(k))); // nothing was written
    }

    // A spec's "connector_learning_rate": 0 freezes the connector: its weights stay bit-identical while the
    // LoRA adapters learn; with the connector trained, the same steps move it.
    void frozenConnectorStaysUnchanged()
    {
        ChatPrompt prompt(*tok_, preset_.config);
        auto connectorOf = [](VisionLanguageModelImpl& m) {
            std::vector<at::Tensor> out;
            for (const auto& p : m.named_parameters())
                if (p.key().rfind("MP.", 0) == 0)
                    out.push_back(p.value().detach().clone());
            return out;
        };
        auto trained = [&](bool trainConnector, bool& loraMoved) {
            VisionLanguageModel m = freshModel(8);
            TrainConfig tc;
            tc.steps = 3;
            tc.batchSize = 4;
            tc.trainConnector = trainConnector;
            Trainer t(*m, prompt, tc);
            t.train(ExampleSource::fromVector(colourSet(12, 4, 32)));
            loraMoved = false;
            for (const auto& p : m->named_parameters())
                if (p.key().find("lora_B") != std::string::npos && p.value().abs().sum().item<double>() > 0)
                    loraMoved = true; // B starts at zero
            return connectorOf(*m);
        };
        const std::vector<at::Tensor> initial = connectorOf(*freshModel(8));
        QVERIFY(!initial.empty());
        bool loraMoved = false;
        const auto frozen = trained(false, loraMoved);
        QVERIFY(loraMoved);
        QCOMPARE(frozen.size(), initial.size());
        for (size_t i = 0; i < initial.size(); ++i)
            QVERIFY(torch::equal(frozen[i], initial[i]));
        const auto moved = trained(true, loraMoved);
        bool anyMoved = false;
        for (size_t i = 0; i < initial.size(); ++i)
            anyMoved = anyMoved || !torch::equal(moved[i], initial[i]);
        QVERIFY(anyMoved);
    }

    void frozenVisionGetsNoGradientAndBadSettingsAreRefused()
    {
        VisionLanguageModel m = freshModel(4);
        ChatPrompt prompt(*tok_, preset_.config);
        TrainConfig tc;
        tc.steps = 1;
        tc.batchSize = 2;
        Trainer t(*m, prompt, tc);
        t.train(ExampleSource::fromVector(colourSet(4, 6, 32)));
        for (const auto& p : m->named_parameters()) {
            const bool frozen = p.key().rfind("vision_encoder.", 0) == 0 ||
                                (p.key().rfind("decoder.", 0) == 0 && p.key().find("lora_") == std::string::npos);
            if (frozen)
                QVERIFY2(!p.value().requires_grad() && !p.value().grad().defined(), p.key().c_str());
        }
        QVERIFY(t.trainableParameters() > 0);
        QCOMPARE(t.loraModules().size(), size_t(14));
        TrainConfig bad;
        bad.steps = 0;
        QVERIFY_THROWS_EXCEPTION(TrainingError, Trainer(*freshModel(1), prompt, bad));
        VlmExample wrong = colourExample(*std::make_unique<std::mt19937>(1), 32);
        wrong.images[0].rgb.pop_back();
        QVERIFY_THROWS_EXCEPTION(ModelInputError, evaluateMultipleChoice(*m, prompt, {wrong}, {}));
    }
};

QTEST_GUILESS_MAIN(TestVlmTraining)
#include "test_vlm_training.moc"
