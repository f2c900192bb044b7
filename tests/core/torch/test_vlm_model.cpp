// Math properties of the model graph and LoRA (vlm.md §10.4-5).
#include "model/greedy_generation.h"
#include "model/adapter_files.h"
#include "model/lora.h"
#include "model/safetensors.h"
#include "model/vision_language_model.h"
#include "model/vlm_error.h"
#include "model/vlm_presets.h"

#include <ATen/ATen.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace ts;

namespace {

VisionLanguageModel microModel(uint64_t seed = 3)
{
    torch::manual_seed(seed);
    VlmPreset p = vlmPreset("micro-test");
    return VisionLanguageModel(p.config, p.init_std);
}

// One image's placeholders after a short text prefix, then text: [B, prefix + n + suffix].
at::Tensor promptIds(VisionLanguageModelImpl& m, int64_t batch, int64_t prefix, int64_t suffix)
{
    const int64_t n = m.config().mp_image_token_length;
    at::Tensor ids = at::randint(3, 900, {batch, prefix + n + suffix}, at::kLong);
    ids.narrow(1, prefix, n).fill_(m.imageTokenId());
    return ids;
}

double maxDiff(const at::Tensor& a, const at::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestVlmModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelShuffleOrdering()
    {
        const int64_t D = 2, side = 4, S = 2;
        at::Tensor x = at::empty({1, side * side, D});
        for (int64_t p = 0; p < side * side; ++p)
            for (int64_t d = 0; d < D; ++d)
                x[0][p][d] = static_cast<float>(p * 10 + d);
        at::Tensor y = pixelShuffle(x, S);
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{1, 4, S * S * D}));
        for (int64_t r = 0; r < 2; ++r)
            for (int64_t c = 0; c < 2; ++c)
                for (int64_t dy = 0; dy < S; ++dy)
                    for (int64_t dx = 0; dx < S; ++dx)
                        for (int64_t d = 0; d < D; ++d) {
                            const float want = static_cast<float>(((S * r + dy) * side + (S * c + dx)) * 10 + d);
                            QCOMPARE(y[0][r * 2 + c][(dy * S + dx) * D + d].item<float>(), want);
                        }
        QVERIFY_THROWS_EXCEPTION(ModelInputError, pixelShuffle(at::zeros({1, 15, 2}), 2));
    }

    void rotaryHandCaseAndRelativity()
    {
        const double theta = 100000.0;
        RotaryEmbedding rope(4, theta, 1.0);
        const int64_t p = 3;
        auto [cos, sin] = rope->forward(p, 1, at::TensorOptions().dtype(at::kFloat));
        at::Tensor x = at::tensor({1.f, 2.f, 3.f, 4.f}).view({1, 1, 1, 4});
        at::Tensor y = applyRotary(x, cos, sin).flatten();
        const double f0 = p * 1.0, f1 = p * std::pow(theta, -0.5);
        const double want[4] = {1 * std::cos(f0) - 3 * std::sin(f0), 2 * std::cos(f1) - 4 * std::sin(f1),
                                3 * std::cos(f0) + 1 * std::sin(f0), 4 * std::cos(f1) + 2 * std::sin(f1)};
        for (int i = 0; i < 4; ++i)
            QVERIFY(std::abs(y[i].item<double>() - want[i]) < 1e-5);

        RotaryEmbedding rope16(16, theta, 1.0);
        torch::manual_seed(0);
        at::Tensor q = at::randn({1, 1, 1, 16}), k = at::randn({1, 1, 1, 16});
        auto score = [&](int64_t i, int64_t j) {
            auto [ci, si] = rope16->forward(i, 1, q.options());
            auto [cj, sj] = rope16->forward(j, 1, q.options());
            return (applyRotary(q, ci, si) * applyRotary(k, cj, sj)).sum().item<double>();
        };
        for (int64_t shift : {1, 7, 100})
            QVERIFY(std::abs(score(5, 2) - score(5 + shift, 2 + shift)) < 1e-4);
    }

    void groupedQueryAttentionUsesRepeatInterleave()
    {
        VisionLanguageModel m = microModel();
        auto& attn = *m->decoder->blocks[0]->as<LmBlockImpl>()->attn;
        const auto& c = m->config();
        const int64_t H = c.lm_n_heads, KV = c.lm_n_kv_heads, hd = c.lmHeadDim(), T = 5;
        at::Tensor x = at::randn({1, T, c.lm_hidden_dim});
        auto [cos, sin] = m->decoder->rotary_embd->forward(0, T, x.options());
        at::NoGradGuard g;
        at::Tensor got = attn.forward(x, cos, sin, at::Tensor(), nullptr, nullptr);
        at::Tensor q = applyRotary(attn.q_proj->forward(x).view({1, T, H, hd}).transpose(1, 2), cos, sin);
        at::Tensor k = applyRotary(attn.k_proj->forward(x).view({1, T, KV, hd}).transpose(1, 2), cos, sin);
        at::Tensor v = attn.v_proj->forward(x).view({1, T, KV, hd}).transpose(1, 2);
        k = k.repeat_interleave(H / KV, 1);
        v = v.repeat_interleave(H / KV, 1);
        at::Tensor probs = at::softmax(at::matmul(q, k.transpose(-2, -1)) / std::sqrt(double(hd)), -1);
        at::Tensor want = attn.out_proj->forward(at::matmul(probs, v).transpose(1, 2).reshape({1, T, H * hd}));
        QVERIFY(maxDiff(got, want) < 1e-5);
    }

    void causality()
    {
        VisionLanguageModel m = microModel();
        at::NoGradGuard g;
        at::Tensor ids = promptIds(*m, 1, 2, 6);
        at::Tensor images = at::rand({1, 3, 32, 32});
        at::Tensor a = m->logits(m->forward(ids, {}, images));
        at::Tensor ids2 = ids.clone();
        ids2[0][ids.size(1) - 1] = 7;
        at::Tensor b = m->logits(m->forward(ids2, {}, images));
        const int64_t T = ids.size(1);
        QVERIFY(maxDiff(a.narrow(1, 0, T - 1), b.narrow(1, 0, T - 1)) == 0.0);
        QVERIFY(maxDiff(a.narrow(1, T - 1, 1), b.narrow(1, T - 1, 1)) > 1e-4);
        // The shortcut that runs the final block only for the last positions gives the same values.
        at::Tensor emb = m->embedInputs(ids, m->projectImages(m->encodeImages(images)));
        at::Tensor full = m->forwardEmbeddings(emb, {});
        at::Tensor last3 = m->forwardEmbeddings(emb, {}, nullptr, 3);
        QCOMPARE(last3.size(1), int64_t(3));
        QVERIFY(maxDiff(last3, full.narrow(1, T - 3, 3)) < 1e-5);
    }

    void leftPaddingInvariance()
    {
        VisionLanguageModel m = microModel();
        at::NoGradGuard g;
        at::Tensor shortIds = promptIds(*m, 1, 2, 3);
        at::Tensor longIds = promptIds(*m, 1, 2, 9);
        const int64_t pad = longIds.size(1) - shortIds.size(1);
        at::Tensor images = at::rand({2, 3, 32, 32});
        at::Tensor alone = m->logits(m->forward(shortIds, {}, images.narrow(0, 0, 1)));
        at::Tensor batchIds = at::cat({at::cat({at::full({1, pad}, 2, at::kLong), shortIds}, 1), longIds}, 0);
        at::Tensor mask = at::ones_like(batchIds);
        mask[0].narrow(0, 0, pad).zero_();
        at::Tensor batched = m->logits(m->forward(batchIds, mask, images));
        QVERIFY(maxDiff(batched[0].narrow(0, pad, shortIds.size(1)), alone[0]) < 1e-5);
        at::Tensor longAlone = m->logits(m->forward(longIds, {}, images.narrow(0, 1, 1)));
        QVERIFY(maxDiff(batched[1], longAlone[0]) < 1e-5);
        QVERIFY(!at::isnan(batched).any().item<bool>());
    }

    void imagePlaceholdersAreCheckedAndReplacedInOrder()
    {
        VisionLanguageModel m = microModel();
        at::NoGradGuard g;
        at::Tensor ids = promptIds(*m, 1, 2, 3);
        QVERIFY_THROWS_EXCEPTION(ModelInputError, m->forward(ids, {}, at::rand({2, 3, 32, 32})));
        QVERIFY_THROWS_EXCEPTION(ModelInputError, m->forward(ids, {}, at::Tensor()));
        // Two images: the first image's tokens fill the first placeholders.
        const int64_t n = m->config().mp_image_token_length;
        at::Tensor two = at::cat({ids, at::full({1, n}, m->imageTokenId(), at::kLong)}, 1);
        at::Tensor embeds = at::randn({2, n, m->config().lm_hidden_dim});
        at::Tensor e = m->embedInputs(two, embeds);
        at::Tensor plain = m->decoder->embed(two);
        QVERIFY(at::equal(e[0][2], embeds[0][0]));
        QVERIFY(at::equal(e[0][two.size(1) - 1], embeds[1][n - 1]));
        QVERIFY(at::equal(e[0][0], plain[0][0]));
        QVERIFY(at::equal(e[0][3 + n - 1], plain[0][3 + n - 1]));
    }

    void cachedGenerationEqualsUncached()
    {
        VisionLanguageModel m = microModel();
        at::Tensor row0 = at::cat({at::full({1, 3}, 2, at::kLong), promptIds(*m, 1, 2, 4)}, 1);
        at::Tensor batchIds = at::cat({row0, promptIds(*m, 1, 2, row0.size(1) - 2 - m->config().mp_image_token_length)}, 0);
        // Row 0 has 3 pad-like tokens masked out; both rows hold one image.
        at::Tensor mask = at::ones_like(batchIds);
        mask[0].narrow(0, 0, 3).zero_();
        at::Tensor images = at::rand({2, 3, 32, 32});
        at::Tensor embeds;
        {
            at::NoGradGuard g;
            embeds = m->projectImages(m->encodeImages(images));
        }
        GenerationOptions o;
        o.maxNewTokens = 10;
        o.useCache = true;
        auto cached = generateGreedy(*m, batchIds, mask, embeds, o);
        o.useCache = false;
        auto uncached = generateGreedy(*m, batchIds, mask, embeds, o);
        QCOMPARE(cached, uncached);
        QCOMPARE(cached[0].size(), size_t(10));
        QCOMPARE(parseOptionAnswer(" (B) blue", {"red", "blue"}), 1);
        QCOMPARE(parseOptionAnswer("C", {"a", "b", "c"}), 2);
        QCOMPARE(parseOptionAnswer("Answer: red", {"red", "blue"}), 0);
        QCOMPARE(parseOptionAnswer("none", {"red", "blue"}), -1);
    }

    void maskedTargetsGetNoGradientAndTiedEmbeddingLearns()
    {
        VisionLanguageModel m = microModel();
        at::Tensor ids = promptIds(*m, 2, 2, 5);
        at::Tensor targets = at::full_like(ids, -100);
        targets.select(1, ids.size(1) - 2).copy_(ids.select(1, ids.size(1) - 1));
        at::Tensor images = at::rand({2, 3, 32, 32});
        at::Tensor hidden = m->forward(ids, {}, images);
        at::Tensor logits = m->logits(hidden);
        logits.retain_grad();
        at::Tensor full = at::cross_entropy_loss(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
                                                 {}, at::Reduction::Mean, -100);
        full.backward({}, true);
        at::Tensor rowGrad = logits.grad().abs().sum(-1); // [B,T]
        at::Tensor masked = targets.eq(-100);
        QCOMPARE(rowGrad.masked_select(masked).max().item<float>(), 0.0f);
        QVERIFY(rowGrad.masked_select(masked.logical_not()).min().item<float>() > 0.0f);
        // The fast path (head only on target rows) gives the same loss.
        QVERIFY(std::abs(m->loss(hidden, targets).item<double>() - full.item<double>()) < 1e-5);
        // Tied head: the single embedding tensor receives the head's gradient.
        at::Tensor g = m->decoder->token_embedding->weight.grad();
        QVERIFY(g.defined());
        const int64_t target = targets[0][ids.size(1) - 2].item<int64_t>();
        QVERIFY(g[target].abs().sum().item<float>() > 0.0f);
        QVERIFY_THROWS_EXCEPTION(ModelInputError, m->loss(hidden, at::full_like(ids, -100)));
    }

    void loraZeroBMergeFreezeAndPeftNames()
    {
        VisionLanguageModel m = microModel();
        at::Tensor ids = promptIds(*m, 2, 2, 5);
        at::Tensor images = at::rand({2, 3, 32, 32});
        at::Tensor before;
        {
            at::NoGradGuard g;
            before = m->logits(m->forward(ids, {}, images));
        }
        LoraConfig lc;
        lc.settings.rank = 4;
        lc.settings.alpha = 8;
        const auto modules = applyLora(*m, lc);
        QCOMPARE(modules.size(), size_t(2 * 7));
        QCOMPARE(modules.front(), std::string("decoder.blocks.0.attn.q_proj"));
        {
            at::NoGradGuard g;
            QCOMPARE(maxDiff(m->logits(m->forward(ids, {}, images)), before), 0.0); // B = 0
        }
        std::vector<at::Tensor> trainable;
        for (auto& p : m->named_parameters()) {
            const bool lora = p.key().find("lora_") != std::string::npos;
            p.value().set_requires_grad(lora);
            if (lora)
                trainable.push_back(p.value());
        }
        torch::optim::AdamW opt(trainable, torch::optim::AdamWOptions(1e-2));
        at::Tensor targets = at::full_like(ids, -100);
        targets.select(1, ids.size(1) - 2).fill_(11);
        at::Tensor loss = m->loss(m->forward(ids, {}, images), targets);
        loss.backward();
        for (const auto& p : m->named_parameters()) {
            if (p.key().find("lora_") == std::string::npos)
                QVERIFY2(!p.value().grad().defined(), p.key().c_str());
        }
        QVERIFY(m->decoder->blocks[0]->as<LmBlockImpl>()->attn->q_proj->lora_B.grad().abs().sum().item<float>() > 0);
        opt.step();
        at::Tensor unmerged, merged;
        {
            at::NoGradGuard g;
            unmerged = m->logits(m->forward(ids, {}, images));
            QVERIFY(maxDiff(unmerged, before) > 1e-6);
            mergeLora(*m);
            merged = m->logits(m->forward(ids, {}, images));
        }
        QVERIFY(maxDiff(merged, unmerged) < 1e-5);
        {
            // A merged projection is a plain linear layer: whatever the adapter tensors hold is not computed.
            at::NoGradGuard g;
            ProjLinearImpl& q = *m->decoder->blocks[0]->as<LmBlockImpl>()->attn->q_proj;
            QVERIFY(!q.hasLora());
            q.lora_B.fill_(1.0);
            QCOMPARE(maxDiff(m->logits(m->forward(ids, {}, images)), merged), 0.0);
        }

        QTemporaryDir dir;
        VisionLanguageModel m2 = microModel();
        applyLora(*m2, lc);
        exportPeftAdapter(*m2, lc, dir.path().toStdString());
        SafetensorsFile f = readSafetensors(dir.path().toStdString() + "/adapter_model.safetensors");
        QCOMPARE(f.tensors.size(), size_t(2 * 2 * 7));
        QVERIFY(f.tensors.count("base_model.model.decoder.blocks.0.attn.q_proj.lora_A.weight"));
        QVERIFY(f.tensors.count("base_model.model.decoder.blocks.1.mlp.down_proj.lora_B.weight"));
        QCOMPARE(f.tensors.at("base_model.model.decoder.blocks.0.attn.k_proj.lora_A.weight").sizes().vec(),
                 (std::vector<int64_t>{4, m->config().lm_hidden_dim}));
        std::ifstream cfg(dir.path().toStdString() + "/adapter_config.json");
        nlohmann::json j = nlohmann::json::parse(cfg);
        QCOMPARE(j["peft_type"].get<std::string>(), std::string("LORA"));
        QCOMPARE(j["r"].get<int>(), 4);
        QCOMPARE(j["target_modules"].size(), size_t(7));
        LoraConfig bad;
        bad.targetModules = {"nonexistent_proj"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyLora(*microModel(), bad));
    }
};

QTEST_GUILESS_MAIN(TestVlmModel)
#include "test_vlm_model.moc"
