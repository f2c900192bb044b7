// Safetensors IO, config JSON and the nanoVLM folder format (vlm.md §10.1-2).
#include "model/nanovlm_checkpoint.h"
#include "model/safetensors.h"
#include "model/vision_language_model.h"
#include "model/vlm_error.h"
#include "model/vlm_presets.h"
#include "model/weight_blend.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/utils.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <fstream>

using namespace ts;

namespace {

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string rawFile(const std::string& header, const std::string& data)
{
    std::string s(8, '\0');
    uint64_t n = header.size();
    for (int i = 0; i < 8; ++i)
        s[static_cast<size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xff);
    return s + header + data;
}

// The error message must name the problem; returns the message for further checks.
std::string rejection(const std::string& path)
{
    try {
        readSafetensors(path);
    } catch (const CheckpointError& e) {
        return e.what();
    }
    return "NOT REJECTED";
}

} // namespace

class TestVlmIo : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_;
    std::string path(const char* name) const { return (tmp_.path() + "/" + name).toStdString(); }

private Q_SLOTS:
    void safetensorsRoundTripEveryDtype()
    {
        torch::manual_seed(1);
        std::map<std::string, at::Tensor> t;
        t["f32"] = at::randn({3, 4});
        t["f64"] = at::randn({2, 2}, at::kDouble);
        t["f16"] = at::randn({5}).to(at::kHalf);
        t["i64"] = at::arange(-3, 3, at::kLong);
        t["i32"] = at::arange(0, 7, at::kInt).reshape({7, 1});
        t["i16"] = at::arange(-4, 4, at::kShort);
        t["i8"] = at::arange(-5, 5, at::kChar);
        t["u8"] = at::arange(250, 256, at::kInt).to(at::kByte);
        t["bool"] = at::tensor({1, 0, 1}, at::kInt).to(at::kBool);
        t["scalar"] = at::scalar_tensor(2.5, at::kFloat); // rank 0
        t["empty"] = at::empty({0, 3});                     // zero-size
        // BF16 bit patterns of vlm.md §10.1.
        at::Tensor bits = at::tensor({0x3F80, 0xC000, 0x7F80, 0x0001}, at::kInt).to(at::kShort);
        at::Tensor bf = at::empty({4}, at::kBFloat16);
        std::memcpy(bf.data_ptr(), bits.data_ptr(), 8);
        t["bf16"] = bf;
        writeSafetensors(path("all.safetensors"), t, {{"format", "pt"}});

        const std::string bytes = readBytes(path("all.safetensors"));
        uint64_t n = 0;
        std::memcpy(&n, bytes.data(), 8);
        QCOMPARE(n % 8, uint64_t(0));
        QCOMPARE(bytes[8], '{');
        // Reference order: widest dtype first, then by name; __metadata__ first.
        const std::string header = bytes.substr(8, n);
        QVERIFY(header.find("__metadata__") < header.find("\"f64\""));
        QVERIFY(header.find("\"i64\"") < header.find("\"f64\""));
        QVERIFY(header.find("\"f64\"") < header.find("\"f32\""));
        QVERIFY(header.find("\"f32\"") < header.find("\"bf16\""));
        QVERIFY(header.find("\"bf16\"") < header.find("\"f16\""));
        QVERIFY(header.find("\"u8\"") < header.find("\"bool\""));

        SafetensorsFile f = readSafetensors(path("all.safetensors"));
        QCOMPARE(f.metadata.at("format"), std::string("pt"));
        QCOMPARE(f.tensors.size(), t.size());
        for (const auto& [name, orig] : t) {
            const at::Tensor& got = f.tensors.at(name);
            QCOMPARE(got.scalar_type(), orig.scalar_type());
            QCOMPARE(got.sizes().vec(), orig.sizes().vec());
            QVERIFY2(std::memcmp(got.data_ptr(), orig.contiguous().data_ptr(), static_cast<size_t>(orig.nbytes())) == 0,
                     name.c_str());
        }
        at::Tensor asFloat = f.tensors.at("bf16").to(at::kFloat);
        QCOMPARE(asFloat[0].item<float>(), 1.0f);
        QCOMPARE(asFloat[1].item<float>(), -2.0f);
        QVERIFY(std::isinf(asFloat[2].item<float>()) && asFloat[2].item<float>() > 0);
        QVERIFY(std::abs(asFloat[3].item<float>() - 9.18355e-41f) < 1e-44f);
        QCOMPARE(f.tensors.at("scalar").dim(), int64_t(0));
    }

    void safetensorsRejectsMalformedFiles()
    {
        const std::string good = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        const std::string data(8, '\0');
        writeBytes(path("ok.st"), rawFile(good, data));
        QCOMPARE(readSafetensors(path("ok.st")).tensors.size(), size_t(1));

        struct Case {
            const char* name;
            std::string bytes;
            const char* expect;
        };
        std::string hugeN = rawFile(good, data);
        hugeN[0] = '\xff';
        hugeN[1] = '\xff';
        const std::vector<Case> cases = {
            {"short", "abc", "shorter than"},
            {"n_past_end", hugeN, "runs past the end"},
            {"not_brace", rawFile(R"( {"a":1})", ""), "does not start with '{'"},
            {"bad_json", rawFile(R"({"a":{"dtype":"F32",)", ""), "invalid JSON"},
            {"unknown_dtype", rawFile(R"({"a":{"dtype":"Q7","shape":[2],"data_offsets":[0,8]}})", data), "unknown dtype"},
            {"f8", rawFile(R"({"a":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}})", data), "not supported"},
            {"u32", rawFile(R"({"a":{"dtype":"U32","shape":[2],"data_offsets":[0,8]}})", data), "not supported"},
            {"size_mismatch", rawFile(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", data), "need 12"},
            {"past_buffer", rawFile(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", data), "past the end"},
            {"overlap", rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", data), "overlaps"},
            {"hole", rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", data), "hole"},
            {"trailing", rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", data), "trailing bytes"},
            {"neg_shape", rawFile(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", data), "non-negative"},
            {"missing_offsets", rawFile(R"({"a":{"dtype":"F32","shape":[2]}})", data), "missing 'data_offsets'"},
            {"bad_metadata", rawFile(R"({"__metadata__":{"k":3},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", data), "metadata values"},
        };
        for (const auto& c : cases) {
            const std::string p = path((std::string(c.name) + ".st").c_str());
            writeBytes(p, c.bytes);
            const std::string msg = rejection(p);
            QVERIFY2(msg.find(c.expect) != std::string::npos, (std::string(c.name) + ": " + msg).c_str());
            QVERIFY2(msg.find(p) != std::string::npos, (std::string(c.name) + " names no file: " + msg).c_str());
        }
        QVERIFY(rejection(path("does_not_exist.st")).find("cannot open") != std::string::npos);
    }

    void configRoundTripKeepsUnknownKeysAndOrder()
    {
        VlmConfig c = vlmPreset("micro-test").config;
        nlohmann::ordered_json j = c.toJson();
        j["hf_repo_name"] = "someone/model";
        j["lm_re_base"] = 100000; // int where we store a double
        j["vit_hidden_dim"] = 48.0; // integral float accepted
        VlmConfig back = VlmConfig::fromJson(j, "config.json");
        QCOMPARE(back.lm_re_base, 100000.0);
        QCOMPARE(back.toJson()["hf_repo_name"].get<std::string>(), std::string("someone/model"));
        QCOMPARE(back.vlm_extra_tokens.begin().key(), std::string("image_token"));
        j["lm_n_kv_heads"] = 3;
        try {
            VlmConfig::fromJson(j, "config.json");
            QFAIL("inconsistent heads accepted");
        } catch (const CheckpointError& e) {
            QCOMPARE(e.field(), std::string("lm_n_kv_heads"));
            QCOMPARE(e.file(), std::string("config.json"));
        }
        j["lm_n_kv_heads"] = "two";
        QVERIFY_THROWS_EXCEPTION(CheckpointError, VlmConfig::fromJson(j, "config.json"));
    }

    void nanoVlmFolderRoundTripIsBitExact()
    {
        torch::manual_seed(7);
        VlmPreset p = vlmPreset("micro-test");
        VisionLanguageModel m(p.config, p.init_std);
        const std::string dir = path("ckpt");
        saveNanoVlmFolder(*m, dir);

        SafetensorsFile f = readSafetensors(dir + "/model.safetensors");
        QVERIFY(f.tensors.count("decoder.head.weight"));
        QVERIFY(!f.tensors.count("decoder.token_embedding.weight"));
        QVERIFY(f.tensors.count("decoder.rotary_embd.inv_freq"));
        QCOMPARE(f.metadata.at("decoder.token_embedding.weight"), std::string("decoder.head.weight"));
        const int64_t D = p.config.vit_hidden_dim;
        QCOMPARE(f.tensors.at("vision_encoder.blocks.0.attn.qkv_proj.weight").sizes().vec(), (std::vector<int64_t>{3 * D, D}));
        QCOMPARE(f.tensors.at("vision_encoder.patch_embedding.position_embedding").sizes().vec(),
                 (std::vector<int64_t>{1, p.config.patchesPerImage(), D}));
        std::set<std::string> keys;
        for (const auto& kv : f.tensors)
            keys.insert(kv.first);
        const std::set<std::string> expected = {
            "MP.proj.weight", "decoder.blocks.0.attn.k_proj.weight", "decoder.blocks.0.attn.out_proj.weight",
            "decoder.blocks.0.attn.q_proj.weight", "decoder.blocks.0.attn.v_proj.weight",
            "decoder.blocks.0.mlp.down_proj.weight", "decoder.blocks.0.mlp.gate_proj.weight",
            "decoder.blocks.0.mlp.up_proj.weight", "decoder.blocks.0.norm1.weight", "decoder.blocks.0.norm2.weight",
            "decoder.blocks.1.attn.k_proj.weight", "decoder.blocks.1.attn.out_proj.weight",
            "decoder.blocks.1.attn.q_proj.weight", "decoder.blocks.1.attn.v_proj.weight",
            "decoder.blocks.1.mlp.down_proj.weight", "decoder.blocks.1.mlp.gate_proj.weight",
            "decoder.blocks.1.mlp.up_proj.weight", "decoder.blocks.1.norm1.weight", "decoder.blocks.1.norm2.weight",
            "decoder.head.weight", "decoder.norm.weight", "decoder.rotary_embd.inv_freq",
            "vision_encoder.blocks.0.attn.out_proj.bias", "vision_encoder.blocks.0.attn.out_proj.weight",
            "vision_encoder.blocks.0.attn.qkv_proj.bias", "vision_encoder.blocks.0.attn.qkv_proj.weight",
            "vision_encoder.blocks.0.ln1.bias", "vision_encoder.blocks.0.ln1.weight", "vision_encoder.blocks.0.ln2.bias",
            "vision_encoder.blocks.0.ln2.weight", "vision_encoder.blocks.0.mlp.fc1.bias",
            "vision_encoder.blocks.0.mlp.fc1.weight", "vision_encoder.blocks.0.mlp.fc2.bias",
            "vision_encoder.blocks.0.mlp.fc2.weight", "vision_encoder.layer_norm.bias", "vision_encoder.layer_norm.weight",
            "vision_encoder.patch_embedding.conv.bias", "vision_encoder.patch_embedding.conv.weight",
            "vision_encoder.patch_embedding.position_embedding"};
        QCOMPARE(keys, expected);

        VisionLanguageModel back = loadNanoVlmFolder(dir);
        auto a = canonicalStateDict(*m), b = canonicalStateDict(*back);
        for (const auto& [k, v] : a)
            QVERIFY2(at::equal(v, b.at(k)), k.c_str());
        const int64_t n = p.config.mp_image_token_length;
        at::Tensor ids = at::full({1, n + 3}, 5, at::kLong);
        ids.narrow(1, 1, n).fill_(m->imageTokenId());
        at::Tensor images = at::rand({1, 3, p.config.vit_img_size, p.config.vit_img_size});
        at::NoGradGuard g;
        at::Tensor la = m->logits(m->forward(ids, {}, images));
        at::Tensor lb = back->logits(back->forward(ids, {}, images));
        QVERIFY(at::equal(la, lb));

        // A file holding the tied weight under its embedding name loads too.
        std::map<std::string, at::Tensor> alt = f.tensors;
        alt["decoder.token_embedding.weight"] = alt.at("decoder.head.weight");
        alt.erase("decoder.head.weight");
        writeSafetensors(path("alt.safetensors"), alt);
        VisionLanguageModel m2(p.config);
        loadNanoVlmWeights(*m2, path("alt.safetensors"));
        QVERIFY(at::equal(m2->logits(m2->forward(ids, {}, images)), la));

        // Strictness: a missing, an unexpected and a misshaped tensor are each named.
        auto expectError = [&](std::map<std::string, at::Tensor> tensors, const std::string& field) {
            writeSafetensors(path("bad.safetensors"), tensors);
            try {
                loadNanoVlmWeights(*m2, path("bad.safetensors"));
                QFAIL(("accepted: " + field).c_str());
            } catch (const CheckpointError& e) {
                QCOMPARE(e.field(), field);
            }
        };
        auto missing = f.tensors;
        missing.erase("decoder.norm.weight");
        expectError(missing, "decoder.norm.weight");
        auto extra = f.tensors;
        extra["decoder.surprise"] = at::zeros({1});
        expectError(extra, "decoder.surprise");
        auto misshaped = f.tensors;
        misshaped["MP.proj.weight"] = at::zeros({2, 2});
        expectError(misshaped, "MP.proj.weight");
        // BF16 files upcast on load.
        auto bf = f.tensors;
        for (auto& kv : bf)
            kv.second = kv.second.to(at::kBFloat16);
        writeSafetensors(path("bf16.safetensors"), bf);
        loadNanoVlmWeights(*m2, path("bf16.safetensors"));
        QCOMPARE(m2->decoder->norm->weight.scalar_type(), at::kFloat);
        QVERIFY_THROWS_EXCEPTION(CheckpointError, loadNanoVlmFolder(path("no_such_folder")));
    }

    void blendedWeightsInterpolateEveryTensorOnceAndRejectOtherShapes()
    {
        VlmPreset p = vlmPreset("micro-test");
        torch::manual_seed(3);
        VisionLanguageModel a(p.config, p.init_std);
        torch::manual_seed(4);
        VisionLanguageModel b(p.config, p.init_std);
        const std::map<std::string, at::Tensor> before = canonicalStateDict(*a);
        std::map<std::string, at::Tensor> first, second;
        for (const auto& [k, v] : before)
            first[k] = v.detach().clone();
        for (const auto& [k, v] : canonicalStateDict(*b))
            second[k] = v.detach().clone();

        blendWeights(*a, *b, 0.25);
        std::map<std::string, at::Tensor> blended;
        for (const auto& [k, v] : canonicalStateDict(*a))
            blended[k] = v.detach().clone();
        QCOMPARE(blended.size(), first.size());
        bool someDiffer = false;
        for (const auto& [k, v] : blended) {
            // Every tensor lands exactly a quarter of the way (one blended twice would land at 0.4375).
            const at::Tensor expected = first.at(k) * 0.75 + second.at(k) * 0.25;
            QVERIFY2(at::allclose(v, expected, 1e-6, 1e-7), k.c_str());
            someDiffer = someDiffer || !at::equal(first.at(k), second.at(k));
        }
        QVERIFY(someDiffer);

        VlmPreset wider = vlmPreset("micro-test");
        wider.config.lm_inter_dim += 8;
        VisionLanguageModel c(wider.config, wider.init_std);
        try {
            blendWeights(*a, *c, 0.5);
            QFAIL("a model of another shape was blended");
        } catch (const CheckpointError& e) {
            QVERIFY2(std::string(e.what()).find("mlp.") != std::string::npos, e.what()); // names the tensor
        }
        for (const auto& [k, v] : canonicalStateDict(*a))
            QVERIFY2(at::equal(v, blended.at(k)), k.c_str()); // the refused blend changed nothing
        QVERIFY_EXCEPTION_THROWN(blendWeights(*a, *b, 1.5), CheckpointError);
    }

    void presetsHaveDistinctSizes()
    {
        std::vector<int64_t> sizes;
        for (const char* name : {"suite-tiny", "suite-small", "suite-base"}) {
            VlmPreset p = vlmPreset(name);
            VisionLanguageModel m(p.config, p.init_std);
            sizes.push_back(countParameters(*m));
            QCOMPARE(p.config.lm_vocab_size, kSuiteVocab);
            QCOMPARE(p.config.imageTokensPerImage(), int64_t(4));
        }
        // Sized to the cell budget (docs/vlm.md "Speed"): clearly increasing, 2.5x from smallest to largest.
        QVERIFY(sizes[1] > 3 * sizes[0] / 2);
        QVERIFY(sizes[2] > 5 * sizes[1] / 4);
        QVERIFY(sizes[2] > 5 * sizes[0] / 2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, vlmPreset("huge"));
    }
};

QTEST_GUILESS_MAIN(TestVlmIo)
#include "test_vlm_io.moc"
