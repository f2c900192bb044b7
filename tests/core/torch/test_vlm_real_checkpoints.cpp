// Real open-weight checkpoint formats (issue 10, vlm.md §3-§4, §10.3, §10.7): random-initialised folders in the
// exact SmolVLM/Idefics3 and nanoVLM layouts (real key names and dtypes, shapes scaled down): key sets, shapes and
// dtypes, cross-format logits, fused vs split q/k/v, head tying, refused keys and fields, BF16 bits, nanoVLM
// generations. Tokenizers, prompt layouts, PEFT adapters and parameter counts: test_vlm_real_adapters_and_prompts.
// With TRANSFERSCOPE_SMOLVLM_DIR / TRANSFERSCOPE_NANOVLM_DIR set, real folders are loaded and run too.
#include "real_checkpoint_fixtures.h"

#include "model/chat_prompt.h"
#include "model/checkpoint_format.h"
#include "model/idefics3_checkpoint.h"
#include "model/idefics3_config.h"
#include "model/nanovlm_checkpoint.h"
#include "model/safetensors.h"
#include "model/vision_language_model.h"
#include "model/vlm_error.h"
#include "model/vlm_presets.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/utils.h>

#include <QtTest>

#include <cstdlib>
#include <set>

using namespace ts;
using namespace ts::test;

class TestVlmRealCheckpoints : public QObject, private ScratchFolders {
    Q_OBJECT

private Q_SLOTS:
    void idefics3KeySetShapesAndDtypes()
    {
        const QString dir = sub("idefics3");
        const auto original = randomIdefics3Tensors(1);
        writeIdefics3Folder(dir, microIdefics3Config(), original);
        QCOMPARE(int(original.size()), 3 + kVisionLayers * 16 + 2 + 1 + 1 + kTextLayers * 9 + 1 + 1); // 471 at full depth
        QVERIFY(detectCheckpointFormat(dir.toStdString()) == CheckpointFormat::Idefics3);
        VisionLanguageModel m = loadCheckpointFolder(dir.toStdString());
        QVERIFY(!m->decoder->tied());
        QVERIFY(m->config().vit_signed_pixels);
        QCOMPARE(m->imageTokenId(), kImageTokenId);
        QCOMPARE(countParameters(*m), parameterCountFromConfig(m->config()));

        const QString out = sub("idefics3-resaved");
        saveIdefics3Folder(*m, out.toStdString());
        const SafetensorsFile f = readSafetensors((out + "/model.safetensors").toStdString());
        std::set<std::string> keys, expected;
        for (const auto& [k, v] : f.tensors) {
            keys.insert(k);
            QCOMPARE(v.scalar_type(), at::kBFloat16);
            QCOMPARE(v.sizes().vec(), idefics3Shapes().at(k));
            QVERIFY2(at::equal(v, original.at(k)), k.c_str()); // BF16 -> F32 -> BF16 is exact
        }
        for (const auto& [k, s] : idefics3Shapes())
            expected.insert(k);
        QVERIFY(keys == expected);
        QCOMPARE(f.metadata.at("format"), std::string("pt"));
        const Json cfg = readJson((out + "/config.json").toStdString());
        QVERIFY(isIdefics3ConfigJson(cfg));
        QCOMPARE(cfg["image_token_id"].get<int64_t>(), kImageTokenId);
        QCOMPARE(cfg["text_config"]["num_key_value_heads"].get<int64_t>(), 2);
        QCOMPARE(cfg["tie_word_embeddings"].get<bool>(), false);
    }

    void crossFormatLogitsIdentical()
    {
        try {
            crossFormat();
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }
    void fusedAndSplitQkvAgree()
    {
        try {
            fusedAndSplit();
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

private:
    void crossFormat()
    {
        const QString hfDir = sub("cross-hf");
        writeIdefics3Folder(hfDir, microIdefics3Config(), randomIdefics3Tensors(2));
        VisionLanguageModel a = loadCheckpointFolder(hfDir.toStdString());
        const at::Tensor la = logitsOf(*a);

        const QString nanoDir = sub("cross-nano");
        saveCheckpointFolder(*a, nanoDir.toStdString(), CheckpointFormat::NanoVlm);
        QVERIFY(detectCheckpointFormat(nanoDir.toStdString()) == CheckpointFormat::NanoVlm);
        const SafetensorsFile nf = readSafetensors((nanoDir + "/model.safetensors").toStdString());
        QVERIFY(nf.tensors.count("decoder.head.weight") && nf.tensors.count("decoder.token_embedding.weight")); // untied
        QVERIFY(nf.tensors.count("decoder.rotary_embd.inv_freq"));
        QCOMPARE(nf.tensors.at("vision_encoder.blocks.0.attn.qkv_proj.weight").sizes().vec(), (std::vector<int64_t>{144, 48}));
        QCOMPARE(nf.tensors.at("vision_encoder.patch_embedding.position_embedding").sizes().vec(), (std::vector<int64_t>{1, 16, 48}));
        VisionLanguageModel b = loadCheckpointFolder(nanoDir.toStdString());
        QVERIFY(b->config().vit_signed_pixels);
        QCOMPARE(b->imageTokenId(), kImageTokenId);
        QVERIFY(at::equal(logitsOf(*b), la));

        // nanoVLM -> Idefics3 -> load: the same logits again (BF16 holds these weights exactly).
        const QString back = sub("cross-back");
        saveCheckpointFolder(*b, back.toStdString(), CheckpointFormat::Idefics3);
        VisionLanguageModel c = loadCheckpointFolder(back.toStdString());
        QVERIFY(at::equal(logitsOf(*c), la));

        // A micro nanoVLM preset (tied, [0,1] pixels) through Idefics3 and back.
        torch::manual_seed(5);
        VlmPreset p = vlmPreset("micro-test");
        VisionLanguageModel n(p.config, p.init_std);
        const QString hf2 = sub("cross-preset-hf");
        saveIdefics3Folder(*n, hf2.toStdString(), /*bf16=*/false);
        const SafetensorsFile hf2f = readSafetensors((hf2 + "/model.safetensors").toStdString());
        QVERIFY(!hf2f.tensors.count("lm_head.weight")); // tied: transformers re-ties it
        // The [0,1] pixel range travels in preprocessor_config.json (do_normalize false), as HF's processor reads it.
        QCOMPARE(readJson((hf2 + "/preprocessor_config.json").toStdString())["do_normalize"].get<bool>(), false);
        VisionLanguageModel n2 = loadIdefics3Folder(hf2.toStdString());
        QVERIFY(n2->decoder->tied());
        QVERIFY(!n2->config().vit_signed_pixels);
        QVERIFY(at::equal(logitsOf(*n2), logitsOf(*n)));
    }

    void fusedAndSplit()
    {
        // A reference SigLIP forward written here from the split HF tensors must equal the model's fused tower.
        const auto t = randomIdefics3Tensors(3);
        const QString dir = sub("qkv");
        writeIdefics3Folder(dir, microIdefics3Config(), t);
        VisionLanguageModel m = loadCheckpointFolder(dir.toStdString());
        auto w = [&](const std::string& k) { return t.at(k).to(at::kFloat); };
        const at::Tensor images = testImages(2);
        at::Tensor x = at::conv2d(images * 2 - 1, w("model.vision_model.embeddings.patch_embedding.weight"),
                                  w("model.vision_model.embeddings.patch_embedding.bias"), 16);
        x = x.flatten(2).transpose(1, 2) + w("model.vision_model.embeddings.position_embedding.weight");
        const int64_t B = 2, N = 16, H = 3, hd = 16;
        for (int i = 0; i < kVisionLayers; ++i) {
            const std::string p = "model.vision_model.encoder.layers." + std::to_string(i) + ".";
            auto proj = [&](const at::Tensor& h, const std::string& name) {
                return at::linear(h, w(p + name + ".weight"), w(p + name + ".bias"));
            };
            at::Tensor h = at::layer_norm(x, {48}, w(p + "layer_norm1.weight"), w(p + "layer_norm1.bias"), 1e-6);
            auto heads = [&](const at::Tensor& y) { return y.reshape({B, N, H, hd}).transpose(1, 2); };
            at::Tensor q = heads(proj(h, "self_attn.q_proj")), k = heads(proj(h, "self_attn.k_proj")),
                       v = heads(proj(h, "self_attn.v_proj"));
            at::Tensor att = at::softmax(at::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(hd)), -1);
            x = x + proj(at::matmul(att, v).transpose(1, 2).reshape({B, N, 48}), "self_attn.out_proj");
            h = at::layer_norm(x, {48}, w(p + "layer_norm2.weight"), w(p + "layer_norm2.bias"), 1e-6);
            x = x + proj(at::gelu(proj(h, "mlp.fc1"), "tanh"), "mlp.fc2");
        }
        x = at::layer_norm(x, {48}, w("model.vision_model.post_layernorm.weight"), w("model.vision_model.post_layernorm.bias"), 1e-6);
        at::NoGradGuard g;
        const at::Tensor fused = m->encodeImages(images);
        QVERIFY2(at::allclose(fused, x, 1e-4, 1e-5), c10::str((fused - x).abs().max()).c_str());

        // q and k swapped in the file must change the tower's output (the check above sees the order).
        auto swapped = t;
        std::swap(swapped["model.vision_model.encoder.layers.0.self_attn.q_proj.weight"],
                  swapped["model.vision_model.encoder.layers.0.self_attn.k_proj.weight"]);
        const QString dir2 = sub("qkv-swapped");
        writeIdefics3Folder(dir2, microIdefics3Config(), swapped);
        VisionLanguageModel m2 = loadCheckpointFolder(dir2.toStdString());
        QVERIFY(!at::allclose(m2->encodeImages(images), x, 1e-4, 1e-5));
    }

private Q_SLOTS:

    void tiedAndUntiedHeadRules()
    {
        // Untied (SmolVLM): lm_head is required.
        auto untied = randomIdefics3Tensors(4);
        untied.erase("lm_head.weight");
        const QString d1 = sub("head-missing");
        writeIdefics3Folder(d1, microIdefics3Config(false), untied);
        const std::string e1 = errorOf([&] { loadCheckpointFolder(d1.toStdString()); });
        QVERIFY2(e1.find("lm_head.weight") != std::string::npos && e1.find("missing") != std::string::npos, e1.c_str());

        // Tied: no lm_head needed; the head is the embedding.
        const auto tied = randomIdefics3Tensors(4, true);
        const QString d2 = sub("head-tied");
        writeIdefics3Folder(d2, microIdefics3Config(true), tied);
        VisionLanguageModel m = loadCheckpointFolder(d2.toStdString());
        QVERIFY(m->decoder->tied());
        QVERIFY(at::equal(m->decoder->headWeight(), tied.at("model.text_model.embed_tokens.weight").to(at::kFloat)));

        // Tied with an equal lm_head: accepted; with a different one: refused naming it.
        auto withHead = tied;
        withHead["lm_head.weight"] = tied.at("model.text_model.embed_tokens.weight").clone();
        const QString d3 = sub("head-tied-equal");
        writeIdefics3Folder(d3, microIdefics3Config(true), withHead);
        QVERIFY(loadCheckpointFolder(d3.toStdString())->decoder->tied());
        withHead["lm_head.weight"] = (withHead["lm_head.weight"].to(at::kFloat) + 1).to(at::kBFloat16);
        writeIdefics3Folder(d3, microIdefics3Config(true), withHead);
        const std::string e3 = errorOf([&] { loadCheckpointFolder(d3.toStdString()); });
        QVERIFY2(e3.find("lm_head.weight") != std::string::npos && e3.find("tie_word_embeddings") != std::string::npos, e3.c_str());

        // The nanoVLM home format keeps its rule: tied -> decoder.head.weight only.
        const QString d4 = sub("head-tied-nano");
        saveCheckpointFolder(*m, d4.toStdString(), CheckpointFormat::NanoVlm);
        const SafetensorsFile f = readSafetensors((d4 + "/model.safetensors").toStdString());
        QVERIFY(f.tensors.count("decoder.head.weight") && !f.tensors.count("decoder.token_embedding.weight"));
        QCOMPARE(f.metadata.at("decoder.token_embedding.weight"), std::string("decoder.head.weight"));
    }

    void unknownKeysAndFieldsRefused()
    {
        const QString dir = sub("refuse");
        const std::string cfgPath = (dir + "/config.json").toStdString();
        auto t = randomIdefics3Tensors(5);
        t["model.vision_model.head.probe"] = at::zeros({1, 1, 48}, at::kBFloat16);
        writeIdefics3Folder(dir, microIdefics3Config(), t);
        std::string e = errorOf([&] { loadCheckpointFolder(dir.toStdString()); });
        QVERIFY2(e.find("model.vision_model.head.probe") != std::string::npos && e.find("model.safetensors") != std::string::npos, e.c_str());

        t.erase("model.vision_model.head.probe");
        t["model.text_model.layers.0.self_attn.q_proj.weight"] = at::zeros({60, 64}, at::kBFloat16);
        writeIdefics3Folder(dir, microIdefics3Config(), t);
        e = errorOf([&] { loadCheckpointFolder(dir.toStdString()); });
        QVERIFY2(e.find("decoder.blocks.0.attn.q_proj.weight") != std::string::npos && e.find("[60, 64]") != std::string::npos, e.c_str());

        Json cfg = microIdefics3Config();
        cfg["text_config"]["sliding_window"] = 4096;
        writeJson(cfgPath, cfg);
        e = errorOf([&] { loadCheckpointFolder(dir.toStdString()); });
        QVERIFY2(e.find("text_config.sliding_window") != std::string::npos && e.find(cfgPath) != std::string::npos, e.c_str());

        cfg = microIdefics3Config();
        cfg["text_config"]["rope_scaling"] = {{"type", "linear"}, {"factor", 2.0}};
        writeJson(cfgPath, cfg);
        e = errorOf([&] { loadCheckpointFolder(dir.toStdString()); });
        QVERIFY2(e.find("text_config.rope_scaling") != std::string::npos, e.c_str());

        cfg = microIdefics3Config();
        cfg["image_seq_len"] = 64;
        writeJson(cfgPath, cfg);
        e = errorOf([&] { inspectCheckpointFolder(dir.toStdString()); });
        QVERIFY2(e.find("image_seq_len") != std::string::npos, e.c_str());

        writeJson(cfgPath, Json{{"hello", 1}});
        e = errorOf([&] { detectCheckpointFormat(dir.toStdString()); });
        QVERIFY2(e.find("neither a nanoVLM config") != std::string::npos, e.c_str());

        const QString empty = sub("no-weights");
        writeJson((empty + "/config.json").toStdString(), microIdefics3Config());
        e = errorOf([&] { inspectCheckpointFolder(empty.toStdString()); });
        QVERIFY2(e.find("model.safetensors") != std::string::npos && e.find("weights are absent") != std::string::npos, e.c_str());
        e = errorOf([&] { detectCheckpointFormat(sub("no-config").toStdString()); });
        QVERIFY2(e.find("config.json") != std::string::npos && e.find("missing") != std::string::npos, e.c_str());
    }

    void bf16BitPatterns()
    {
        auto t = randomIdefics3Tensors(6);
        at::Tensor norm = t.at("model.text_model.norm.weight");
        auto bits = norm.view(at::kShort);
        bits[0] = int16_t(0x3F80); // 1.0
        bits[1] = int16_t(0xC000); // -2.0
        bits[2] = int16_t(0x0001); // 9.18e-41 (subnormal)
        bits[3] = int16_t(0x3E20); // 0.15625
        const QString dir = sub("bf16");
        writeIdefics3Folder(dir, microIdefics3Config(), t);
        VisionLanguageModel m = loadCheckpointFolder(dir.toStdString());
        const at::Tensor w = m->decoder->norm->weight;
        QCOMPARE(w.scalar_type(), at::kFloat);
        QCOMPARE(w[0].item<float>(), 1.0f);
        QCOMPARE(w[1].item<float>(), -2.0f);
        QCOMPARE(w[2].item<float>(), 9.18354961579912e-41f);
        QCOMPARE(w[3].item<float>(), 0.15625f);
        const QString out = sub("bf16-out");
        saveIdefics3Folder(*m, out.toStdString());
        const at::Tensor back = readSafetensors((out + "/model.safetensors").toStdString()).tensors.at("model.text_model.norm.weight");
        const auto b = back.view(at::kShort);
        QCOMPARE(uint16_t(b[0].item<int16_t>()), uint16_t(0x3F80));
        QCOMPARE(uint16_t(b[1].item<int16_t>()), uint16_t(0xC000));
        QCOMPARE(uint16_t(b[2].item<int16_t>()), uint16_t(0x0001));
        QCOMPARE(uint16_t(b[3].item<int16_t>()), uint16_t(0x3E20));
    }

    void nanoVlmGenerationsDetected()
    {
        VlmPreset p = vlmPreset("micro-test");
        Json v3 = p.config.toJson();
        v3["lm_chat_template"] = "{% for message in messages %}<|im_start|>{{ message['role'] }}\n…";
        Json v2 = v3;
        for (const char* k : {"lm_chat_template", "max_img_size", "resize_to_max_side_len"})
            v2.erase(k);
        Json v1 = v2;
        for (const char* k : {"lm_base_vocab_size", "extra_token_amount", "mp_image_token_length", "vlm_extra_tokens"})
            v1.erase(k);
        v1["lm_eos_token_id"] = 0;
        QVERIFY(detectNanoVlmGeneration(v1) == NanoVlmGeneration::V1Prefix);
        QVERIFY(detectNanoVlmGeneration(v2) == NanoVlmGeneration::V2Replace);
        QVERIFY(detectNanoVlmGeneration(v3) == NanoVlmGeneration::V3Chat);

        // Written back, a v1/v2 config keeps its generation (no later-generation keys are added).
        const VlmConfig c1 = VlmConfig::fromJson(v1), c2 = VlmConfig::fromJson(v2), c3 = VlmConfig::fromJson(v3);
        QVERIFY(detectNanoVlmGeneration(c1.toJson()) == NanoVlmGeneration::V1Prefix);
        QVERIFY(detectNanoVlmGeneration(c2.toJson()) == NanoVlmGeneration::V2Replace);
        QCOMPARE(c1.toJson()["lm_eos_token_id"].get<int>(), 0);
        QCOMPARE(c1.imageTokenId(), int64_t(-1));
        QVERIFY(promptFamilyOf(c2) == PromptFamily::QuestionAnswer);
        QVERIFY(promptFamilyOf(c3) == PromptFamily::ChatMl);
        const std::string e = errorOf([&] { promptFamilyOf(c1); });
        QVERIFY2(e.find("vlm_extra_tokens") != std::string::npos && e.find("prefix") != std::string::npos, e.c_str());
        Json bad = v3;
        bad["lm_chat_template"] = "{{ unknown }}";
        const std::string e2 = errorOf([&] { promptFamilyOf(VlmConfig::fromJson(bad)); });
        QVERIFY2(e2.find("lm_chat_template") != std::string::npos, e2.c_str());

        // A v1 folder loads (same weight names; no image token) and is described as such.
        torch::manual_seed(8);
        VisionLanguageModel m1(c1, 0.02);
        QCOMPARE(m1->imageTokenId(), int64_t(-1));
        const QString dir = sub("nano-v1");
        saveNanoVlmFolder(*m1, dir.toStdString());
        QVERIFY(detectNanoVlmGeneration(readJson((dir + "/config.json").toStdString())) == NanoVlmGeneration::V1Prefix);
        const CheckpointInfo info = inspectCheckpointFolder(dir.toStdString());
        QVERIFY(info.format == CheckpointFormat::NanoVlm);
        QVERIFY2(info.description.find("v1") != std::string::npos, info.description.c_str());
        VisionLanguageModel back = loadCheckpointFolder(dir.toStdString());
        at::NoGradGuard g;
        const at::Tensor ids = at::tensor(std::vector<int64_t>{1, 5, 9, 12}, at::kLong).unsqueeze(0);
        QVERIFY(at::equal(back->logits(back->forward(ids, {}, {})), m1->logits(m1->forward(ids, {}, {}))));
    }

    void realSmolVlmFolder()
    {
        const char* dir = std::getenv("TRANSFERSCOPE_SMOLVLM_DIR");
        if (!dir || !*dir)
            QSKIP("TRANSFERSCOPE_SMOLVLM_DIR is not set: name a local SmolVLM-256M/500M-Instruct folder to run this test");
        const CheckpointInfo info = inspectCheckpointFolder(dir);
        QVERIFY(info.format == CheckpointFormat::Idefics3);
        VisionLanguageModel m = loadCheckpointFolder(dir);
        QCOMPARE(countParameters(*m), info.parameters);
        if (m->config().lm_hidden_dim == 576)
            QCOMPARE(info.parameters, int64_t(256484928));
        const BpeTokenizer tok = loadCheckpointTokenizer(dir, m->config());
        QCOMPARE(tok.encode("<|im_start|>User: What is in"), (std::vector<int64_t>{1, 11126, 42, 1812, 314, 281}));
        QCOMPARE(tok.encode(" this image?"), (std::vector<int64_t>{451, 2443, 47}));
        const ChatPrompt prompt(tok, m->config());
        VlmExample ex = example(1, -1);
        ex.images[0] = RgbImage{8, 8, std::vector<uint8_t>(8 * 8 * 3, 200)};
        const EncodedExample enc = prompt.encode(ex);
        at::NoGradGuard g;
        m->eval();
        const at::Tensor ids = at::tensor(enc.prompt, at::kLong).unsqueeze(0);
        const at::Tensor images = at::full({1, 3, m->config().vit_img_size, m->config().vit_img_size}, 200.0 / 255.0);
        const at::Tensor logits = m->logits(m->forward(ids, {}, images)).select(1, -1);
        QVERIFY(at::isfinite(logits).all().item<bool>());
    }

    void realNanoVlmFolder()
    {
        const char* dir = std::getenv("TRANSFERSCOPE_NANOVLM_DIR");
        if (!dir || !*dir)
            QSKIP("TRANSFERSCOPE_NANOVLM_DIR is not set: name a local nanoVLM checkpoint folder (and "
                  "TRANSFERSCOPE_NANOVLM_TOKENIZER_DIR its tokenizer folder) to run this test");
        const CheckpointInfo info = inspectCheckpointFolder(dir);
        QVERIFY(info.format == CheckpointFormat::NanoVlm);
        VisionLanguageModel m = loadCheckpointFolder(dir);
        QCOMPARE(countParameters(*m), info.parameters);
        at::NoGradGuard g;
        m->eval();
        const int64_t S = m->config().vit_img_size;
        const char* tokDir = std::getenv("TRANSFERSCOPE_NANOVLM_TOKENIZER_DIR");
        if (m->imageTokenId() < 0 || !tokDir || !*tokDir) {
            // v1 (prefix) or no tokenizer: a text-only forward still checks the weights.
            const at::Tensor ids = at::tensor(std::vector<int64_t>{1, 2, 3, 4}, at::kLong).unsqueeze(0);
            QVERIFY(at::isfinite(m->logits(m->forward(ids, {}, {}))).all().item<bool>());
            return;
        }
        const BpeTokenizer tok = loadCheckpointTokenizer(dir, m->config(), tokDir);
        const ChatPrompt prompt(tok, m->config());
        const EncodedExample enc = prompt.encode(example(1, -1));
        const at::Tensor ids = at::tensor(enc.prompt, at::kLong).unsqueeze(0);
        QVERIFY(at::isfinite(m->logits(m->forward(ids, {}, at::full({1, 3, S, S}, 0.5)))).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestVlmRealCheckpoints)
#include "test_vlm_real_checkpoints.moc"
