// Real checkpoint tokenizers, prompts and adapters (issue 10, vlm.md §3-§4, §8, §10.3, §10.7), on random-initialised
// micro SmolVLM/Idefics3 folders and a hand-made SmolVLM-like tokenizer: added tokens, SmolVLM / nanoVLM prompt
// token layouts, PEFT adapter key names and round trips, merged adapters, parameter counts and memory estimates.
// The checkpoint formats themselves: test_vlm_real_checkpoints.
#include "real_checkpoint_fixtures.h"

#include "model/adapter_files.h"
#include "model/chat_prompt.h"
#include "model/checkpoint_format.h"
#include "model/idefics3_checkpoint.h"
#include "model/idefics3_config.h"
#include "model/lora.h"
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

class TestVlmRealAdaptersAndPrompts : public QObject, private ScratchFolders {
    Q_OBJECT

    // A micro SmolVLM folder (random weights of `seed`) written to sub(name), loaded, with `lc`'s LoRA added.
    VisionLanguageModel idefics3WithLora(const QString& name, int seed, const LoraConfig& lc)
    {
        writeIdefics3Folder(sub(name), microIdefics3Config(), randomIdefics3Tensors(seed));
        VisionLanguageModel m = loadCheckpointFolder(sub(name).toStdString());
        applyLora(*m, lc);
        return m;
    }

private Q_SLOTS:
    void tokenizerWithAddedTokens()
    {
        const QString dir = sub("tok");
        writeJson((dir + "/tokenizer.json").toStdString(), smolTokenizerJson());
        const BpeTokenizer tok = BpeTokenizer::fromFile((dir + "/tokenizer.json").toStdString());
        QCOMPARE(tok.vocabSize(), kBase + 128);
        QCOMPARE(tok.requireTokenId("<image>"), kBase + 38);
        QCOMPARE(tok.requireTokenId("<row_2_col_3>"), kBase + 9);
        QCOMPARE(tok.requireTokenId("<end_of_utterance>"), kBase + 127);
        // Added tokens split inside words and round-trip; ids above the BPE vocabulary exist only as added tokens.
        const auto ids = tok.encode("ab<image>bc<fake_token_around_image>Hey");
        QCOMPARE(count(ids, kBase + 38), int64_t(1));
        QCOMPARE(count(ids, kBase + 37), int64_t(1));
        QCOMPARE(tok.decode(ids), std::string("ab<image>bc<fake_token_around_image>Hey"));
        QCOMPARE(tok.decode(ids, true), std::string("abbcHey"));
        QCOMPARE(tok.encode(" A"), (std::vector<int64_t>{268}));
        QVERIFY(!tok.tokenString(kBase + 50));

        // nanoVLM: the extra tokens are added to a base tokenizer in config order, ids from lm_base_vocab_size.
        VlmConfig c;
        c.lm_base_vocab_size = kBase + 128;
        c.extra_token_amount = 3;
        c.lm_vocab_size = c.lm_base_vocab_size + 3;
        c.vlm_extra_tokens = Json{{"image_token", "<|image|>"}, {"global_image_token", "<|global_image|>"}, {"r1c1", "<row_1_col_1>"}};
        const BpeTokenizer ext = loadCheckpointTokenizer("/nonexistent", c, dir.toStdString());
        QCOMPARE(ext.requireTokenId("<|image|>"), c.lm_base_vocab_size);
        QCOMPARE(ext.requireTokenId("<|global_image|>"), c.lm_base_vocab_size + 1);
        QCOMPARE(ext.requireTokenId("<row_1_col_1>"), kBase + 1); // already present: kept
        const std::string e = errorOf([&] { loadCheckpointTokenizer(dir.toStdString() + "/none", c); });
        QVERIFY2(e.find("tokenizer.json") != std::string::npos && e.find("transferscope/suite-bpe") != std::string::npos, e.c_str());
    }

    void promptTokenLayouts()
    {
        const QString dir = sub("layout");
        writeJson((dir + "/tokenizer.json").toStdString(), smolTokenizerJson());
        const BpeTokenizer tok = BpeTokenizer::fromFile((dir + "/tokenizer.json").toStdString());
        const int64_t fake = kBase + 37, global = kBase, image = kBase + 38, eou = kBase + 127;

        // SmolVLM global-only at 512 px / patch 16 / scale 4: 64 <image> per image, 67 image-related tokens.
        Json full = microIdefics3Config();
        full["vision_config"]["image_size"] = 512;
        full["scale_factor"] = 4;
        full["image_seq_len"] = 64;
        full["image_token_id"] = image;
        VlmConfig smol = idefics3ConfigFromJson(full);
        const ChatPrompt sp(tok, smol);
        QVERIFY(sp.family() == PromptFamily::SmolVlm);
        const EncodedExample one = sp.encode(example(1));
        std::vector<int64_t> block = {fake, global};
        block.insert(block.end(), 64, image);
        block.push_back(fake);
        QCOMPARE(one.prompt, concat({tok.encode("<|im_start|>User:"), block,
                                     tok.encode("Hey world\n(A) ab\n(B) bc<end_of_utterance>\nAssistant:")}));
        QCOMPARE(count(one.prompt, image) + count(one.prompt, fake) + count(one.prompt, global), int64_t(67));
        QCOMPARE(one.answer, (std::vector<int64_t>{269, eou})); // " B", <end_of_utterance>
        QCOMPARE(sp.optionLetterIds(2), (std::vector<int64_t>{268, 269}));
        QCOMPARE(sp.endOfTurnId(), eou);
        const EncodedExample two = sp.encode(example(2));
        QCOMPARE(count(two.prompt, image) + count(two.prompt, fake) + count(two.prompt, global), int64_t(134));
        const EncodedExample none = sp.encode(example(0));
        QCOMPARE(none.prompt, tok.encode("<|im_start|>User: Hey world\n(A) ab\n(B) bc<end_of_utterance>\nAssistant:"));
        QCOMPARE(sp.promptText(example(1)),
                 std::string("<|im_start|>User:<image 1>Hey world\n(A) ab\n(B) bc<end_of_utterance>\nAssistant:"));

        // nanoVLM v3 with a 1x1 grid: <|global_image|> + 64 <|image|> = 65 per image, ChatML around it.
        VlmConfig v3;
        v3.vit_img_size = 512;
        v3.vit_patch_size = 16;
        v3.mp_pixel_shuffle_factor = 4;
        v3.mp_image_token_length = 64;
        v3.lm_base_vocab_size = kBase + 128;
        v3.lm_vocab_size = v3.lm_base_vocab_size + 2;
        const BpeTokenizer ntok = loadCheckpointTokenizer(dir.toStdString(), v3);
        const ChatPrompt np(ntok, v3);
        QVERIFY(np.family() == PromptFamily::ChatMl);
        const EncodedExample n1 = np.encode(example(1));
        const int64_t img = v3.lm_base_vocab_size, gimg = v3.lm_base_vocab_size + 1;
        QCOMPARE(count(n1.prompt, img) + count(n1.prompt, gimg), int64_t(65));
        std::vector<int64_t> nblock = {gimg};
        nblock.insert(nblock.end(), 64, img);
        QCOMPARE(n1.prompt, concat({ntok.encode("<|im_start|>user\n"), nblock,
                                    ntok.encode("Hey world\n(A) ab\n(B) bc<|im_end|>\n<|im_start|>assistant\n")}));
        QCOMPARE(n1.answer, (std::vector<int64_t>{ntok.encode("B")[0], ntok.requireTokenId("<|im_end|>")}));

        // nanoVLM v2: 64 <|image|> then "Question: … Answer:", answer " B<|im_end|>".
        Json v2j = v3.toJson();
        v2j.erase("lm_chat_template");
        VlmConfig v2 = VlmConfig::fromJson(v2j);
        const ChatPrompt qp(ntok, v2);
        QVERIFY(qp.family() == PromptFamily::QuestionAnswer);
        const EncodedExample q1 = qp.encode(example(1));
        std::vector<int64_t> qblock(64, img);
        QCOMPARE(q1.prompt, concat({qblock, ntok.encode("Question: Hey world\n(A) ab\n(B) bc Answer:")}));
        QCOMPARE(q1.answer, (std::vector<int64_t>{269, ntok.requireTokenId("<|im_end|>")}));

        // A tokenizer whose <image> id is not the config's image_token_id is refused naming the field.
        full["image_token_id"] = image + 1;
        const std::string e = errorOf([&] { ChatPrompt(tok, idefics3ConfigFromJson(full)); });
        QVERIFY2(e.find("image_token_id") != std::string::npos, e.c_str());
    }

    void peftAdapterKeyNames()
    {
        LoraConfig lc;
        lc.settings.rank = 4;
        VisionLanguageModel m = idefics3WithLora("peft-base", 7, lc);
        const QString out = sub("peft-idefics3");
        exportPeftAdapter(*m, lc, out.toStdString(), CheckpointFormat::Idefics3);
        const SafetensorsFile f = readSafetensors((out + "/adapter_model.safetensors").toStdString());
        std::set<std::string> expected;
        for (int i = 0; i < kTextLayers; ++i)
            for (const std::string mod : {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                                          "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"})
                for (const char* ab : {"lora_A", "lora_B"})
                    expected.insert("base_model.model.model.text_model.layers." + std::to_string(i) + "." + mod + "." + ab + ".weight");
        std::set<std::string> keys;
        for (const auto& [k, v] : f.tensors)
            keys.insert(k);
        QVERIFY(keys == expected);
        QCOMPARE(f.tensors.at("base_model.model.model.text_model.layers.1.self_attn.k_proj.lora_A.weight").sizes().vec(),
                 (std::vector<int64_t>{4, 64}));
        QCOMPARE(f.tensors.at("base_model.model.model.text_model.layers.1.self_attn.k_proj.lora_B.weight").sizes().vec(),
                 (std::vector<int64_t>{32, 4}));
        const Json cfg = readJson((out + "/adapter_config.json").toStdString());
        QCOMPARE(cfg["target_modules"].get<std::vector<std::string>>(),
                 (std::vector<std::string>{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}));
        QCOMPARE(cfg["r"].get<int>(), 4);

        // The nanoVLM naming stays the home format's module paths.
        const QString nano = sub("peft-nano");
        exportPeftAdapter(*m, lc, nano.toStdString(), CheckpointFormat::NanoVlm);
        QVERIFY(readSafetensors((nano + "/adapter_model.safetensors").toStdString())
                    .tensors.count("base_model.model.decoder.blocks.0.attn.out_proj.lora_B.weight"));
        QVERIFY(idefics3ModulePath("decoder.blocks.12.mlp.down_proj") == std::string("model.text_model.layers.12.mlp.down_proj"));
        QVERIFY(!idefics3ModulePath("vision_encoder.blocks.0.attn.qkv_proj")); // fused: no single HF module
    }

    void peftAdapterRoundTripsInTheIdefics3Naming()
    {
        // LoRA on the text model plus the connector trained whole (modules_to_save): exported with HF names,
        // read back onto a fresh base, the logits are the finetuned model's.
        LoraConfig lc;
        lc.settings.rank = 4;
        lc.settings.alpha = 8;
        VisionLanguageModel tuned = idefics3WithLora("peft-rt-base", 11, lc);
        const QString dir = sub("peft-rt-base");
        {
            at::NoGradGuard g;
            torch::manual_seed(12);
            for (auto& p : tuned->named_parameters(true)) {
                const bool lora = p.key().find("lora_B") != std::string::npos, connector = p.key().rfind("MP.", 0) == 0;
                if (lora || connector)
                    p.value().add_(at::randn_like(p.value()) * 0.05);
                p.value().set_requires_grad(p.key().find("lora_") != std::string::npos || connector);
            }
        }
        const QString out = sub("peft-rt-adapter");
        exportPeftAdapter(*tuned, lc, out.toStdString(), CheckpointFormat::Idefics3, trainedFullModules(*tuned));
        const Json cfg = readJson((out + "/adapter_config.json").toStdString());
        QCOMPARE(cfg["modules_to_save"].get<std::vector<std::string>>(),
                 (std::vector<std::string>{"model.connector.modality_projection.proj"}));
        QVERIFY(readSafetensors((out + "/adapter_model.safetensors").toStdString())
                    .tensors.count("base_model.model.model.connector.modality_projection.proj.weight"));

        VisionLanguageModel fresh = loadCheckpointFolder(dir.toStdString());
        const at::Tensor before = logitsOf(*fresh);
        const AdapterInfo info = importAdapter(*fresh, out.toStdString(), CheckpointFormat::Idefics3);
        QCOMPARE(info.lora.settings.rank, int64_t(4));
        QCOMPARE(info.fullModules, (std::vector<std::string>{"MP.proj"}));
        const at::Tensor expected = logitsOf(*tuned), got = logitsOf(*fresh);
        QVERIFY((expected - before).abs().max().item<float>() > 1e-3);
        QVERIFY((expected - got).abs().max().item<float>() < 1e-5);

        // Read with the wrong naming, the file's keys name no module: the message says which key.
        VisionLanguageModel other = loadCheckpointFolder(dir.toStdString());
        const std::string e = errorOf([&] { importAdapter(*other, out.toStdString(), CheckpointFormat::NanoVlm); });
        QVERIFY2(e.find("base_model.model.model.") != std::string::npos && e.find("adapter_model.safetensors") != std::string::npos, e.c_str());
    }

    void mergedAdapterMatchesUnmerged()
    {
        LoraConfig lc;
        lc.settings.rank = 4;
        VisionLanguageModel m = idefics3WithLora("merge-base", 9, lc);
        const QString dir = sub("merge-base");
        {
            at::NoGradGuard g;
            torch::manual_seed(10);
            for (auto& p : m->named_parameters(true))
                if (p.key().find("lora_B") != std::string::npos)
                    p.value().normal_(0.0, 0.05);
        }
        const at::Tensor unmerged = logitsOf(*m);
        const std::string e = errorOf([&] { saveCheckpointFolder(*m, sub("merge-refused").toStdString(), CheckpointFormat::Idefics3); });
        QVERIFY2(e.find("LoRA adapters") != std::string::npos, e.c_str());

        const QString nano = sub("merge-nano");
        saveCheckpointFolder(*m, nano.toStdString(), CheckpointFormat::NanoVlm, /*mergeAdapters=*/true);
        const at::Tensor merged = logitsOf(*m);
        QVERIFY2(at::allclose(merged, unmerged, 1e-4, 1e-5), c10::str((merged - unmerged).abs().max()).c_str());
        VisionLanguageModel reloaded = loadCheckpointFolder(nano.toStdString());
        QVERIFY(at::equal(logitsOf(*reloaded), merged)); // F32: bit-exact
        QVERIFY(!(at::equal(unmerged, logitsOf(*loadCheckpointFolder(dir.toStdString()))))); // the adapter mattered

        const QString hf = sub("merge-hf");
        saveCheckpointFolder(*m, hf.toStdString(), CheckpointFormat::Idefics3, true);
        const at::Tensor bf = logitsOf(*loadCheckpointFolder(hf.toStdString()));
        QVERIFY2(at::allclose(bf, unmerged, 0.05, 0.05), c10::str((bf - unmerged).abs().max()).c_str()); // BF16 rounding
    }

    void parameterCountAndMemoryEstimate()
    {
        // The real SmolVLM-256M-Instruct and -500M-Instruct shapes (vlm.md §4.1, §8).
        Json c256 = microIdefics3Config();
        c256["vision_config"] = {{"hidden_size", 768}, {"intermediate_size", 3072}, {"num_hidden_layers", 12},
                                 {"num_attention_heads", 12}, {"image_size", 512}, {"patch_size", 16}};
        c256["text_config"] = {{"hidden_size", 576}, {"intermediate_size", 1536}, {"num_hidden_layers", 30},
                               {"num_attention_heads", 9}, {"num_key_value_heads", 3}, {"head_dim", 64},
                               {"rope_theta", 100000}, {"vocab_size", 49280}};
        c256["vocab_size"] = 49280;
        c256["scale_factor"] = 4;
        c256["image_seq_len"] = 64;
        c256["image_token_id"] = 49190;
        const VlmConfig s256 = idefics3ConfigFromJson(c256);
        QCOMPARE(parameterCountFromConfig(s256), int64_t(256484928));
        QCOMPARE(loraParameterCount(s256, 16), int64_t(4884480)); // "4.88M"
        Json c500 = c256;
        c500["text_config"] = {{"hidden_size", 960}, {"intermediate_size", 2560}, {"num_hidden_layers", 32},
                               {"num_attention_heads", 15}, {"num_key_value_heads", 5}, {"vocab_size", 49280}};
        QVERIFY(std::abs(parameterCountFromConfig(idefics3ConfigFromJson(c500)) - 507.5e6) < 0.1e6);

        const MemoryEstimate mem = estimateTrainingMemory(s256);
        QVERIFY(std::abs(double(mem.weightBytes) - 0.997e9) < 0.01e9); // frozen fp32 weights ≈ 1.0 GB
        QCOMPARE(mem.trainableParameters, loraParameterCount(s256, 8) + 768 * 16 * 576);
        QVERIFY(mem.totalBytes() > 2.0e9 && mem.totalBytes() < 4.0e9); // the spec's LoRA estimate: ≈ 3.5 GB at batch 8

        // Micro models: the count from the config equals the model's, tied and untied.
        VlmPreset p = vlmPreset("micro-test");
        VisionLanguageModel tied(p.config, p.init_std);
        QCOMPARE(parameterCountFromConfig(p.config), countParameters(*tied));
        const QString dir = sub("info");
        writeIdefics3Folder(dir, microIdefics3Config(), randomIdefics3Tensors(11));
        const CheckpointInfo info = inspectCheckpointFolder(dir.toStdString());
        QVERIFY(info.format == CheckpointFormat::Idefics3);
        QCOMPARE(info.parameters, countParameters(*loadCheckpointFolder(dir.toStdString())));
        QVERIFY(!info.hasTokenizer);
        QVERIFY(info.memory.totalBytes() > info.memory.weightBytes);
    }
};

QTEST_GUILESS_MAIN(TestVlmRealAdaptersAndPrompts)
#include "test_vlm_real_adapters_and_prompts.moc"
