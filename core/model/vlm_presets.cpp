#include "model/vlm_presets.h"

#include <stdexcept>

namespace ts {
namespace {

struct Dims {
    int64_t img, patch, vd, vl, vh, vi, shuffle;
    int64_t ld, ll, lh, lkv, li;
    int64_t base_vocab, vocab;
};

VlmConfig makeConfig(const Dims& d, const std::string& tokenizer, const std::string& type)
{
    VlmConfig c;
    c.vit_img_size = d.img;
    c.max_img_size = d.img;
    c.vit_patch_size = d.patch;
    c.vit_hidden_dim = d.vd;
    c.vit_n_blocks = d.vl;
    c.vit_n_heads = d.vh;
    c.vit_inter_dim = d.vi;
    c.mp_pixel_shuffle_factor = d.shuffle;
    c.lm_hidden_dim = d.ld;
    c.lm_n_blocks = d.ll;
    c.lm_n_heads = d.lh;
    c.lm_n_kv_heads = d.lkv;
    c.lm_inter_dim = d.li;
    c.lm_base_vocab_size = d.base_vocab;
    c.extra_token_amount = d.vocab - d.base_vocab;
    c.lm_vocab_size = d.vocab;
    c.lm_tokenizer = tokenizer;
    c.vit_model_type = type + "/vision";
    c.lm_model_type = type + "/language";
    c.mp_image_token_length = c.imageTokensPerImage();
    c.lm_max_length = 512;
    c.raw = c.toJson();
    c.validate("preset " + type);
    return c;
}

} // namespace

std::vector<std::string> presetNames()
{
    return {"micro-test", "suite-tiny", "suite-small", "suite-base", "tiny-cpu", "small-cpu"};
}

VlmPreset vlmPreset(const std::string& name)
{
    const std::string suiteTok = "transferscope/suite-bpe-1k";
    const std::string smolTok = "HuggingFaceTB/SmolLM2-360M-Instruct";
    VlmPreset p;
    p.name = name;
    if (name == "micro-test") {
        // vlm.md §9 micro config, but on the suite tokenizer so that tests can train on text.
        p.config = makeConfig({32, 16, 48, 1, 3, 96, 2, 64, 2, 4, 2, 128, kSuiteBaseVocab, kSuiteVocab}, suiteTok, name);
        p.init_std = 0.06;
        p.description = "unit tests: 32 px, 1 image token, milliseconds per step";
    } else if (name == "suite-tiny") {
        p.config = makeConfig({64, 8, 64, 2, 2, 192, 4, 96, 2, 4, 2, 256, kSuiteBaseVocab, kSuiteVocab}, suiteTok, name);
        p.init_std = 0.06;
        p.description = "smallest study model (64 px, 4 tokens per image)";
    } else if (name == "suite-small") {
        p.config = makeConfig({64, 8, 96, 3, 3, 288, 4, 112, 3, 4, 2, 288, kSuiteBaseVocab, kSuiteVocab}, suiteTok, name);
        p.init_std = 0.05;
        p.description = "middle study model (64 px, 4 tokens per image)";
    } else if (name == "suite-base") {
        p.config = makeConfig({64, 8, 128, 3, 4, 320, 4, 128, 3, 4, 2, 288, kSuiteBaseVocab, kSuiteVocab}, suiteTok, name);
        p.init_std = 0.04;
        p.description = "largest study model (64 px, 4 tokens per image)";
    } else if (name == "tiny-cpu") {
        p.config = makeConfig({64, 8, 192, 4, 3, 768, 2, 256, 4, 4, 2, 768, 49152, 49152 + 2}, smolTok, name);
        p.description = "vlm.md tiny-cpu: SmolLM2 vocabulary (tokenizer.json supplied by the user)";
    } else if (name == "small-cpu") {
        p.config = makeConfig({128, 16, 384, 6, 6, 1536, 2, 384, 8, 6, 2, 1024, 49152, 49152 + 2}, smolTok, name);
        p.description = "vlm.md small-cpu: SmolLM2 vocabulary (tokenizer.json supplied by the user)";
    } else {
        std::string known;
        for (const auto& n : presetNames())
            known += (known.empty() ? "" : ", ") + n;
        throw std::invalid_argument("unknown model preset '" + name + "' (known: " + known + ")");
    }
    return p;
}

} // namespace ts
