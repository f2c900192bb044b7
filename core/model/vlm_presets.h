#pragma once
// Named model sizes. All share one graph (vlm.md §2) and the nanoVLM home format.
#include "model/vlm_config.h"

#include <string>
#include <vector>

namespace ts {

struct VlmPreset {
    std::string name;
    std::string description;
    VlmConfig config;
    // Weight init std. Tiny models stall on the answer-letter prior at GPT's 0.02 (tasks.md), so the suite presets use more.
    double init_std = 0.02;
};

// Vocabulary of resources/tokenizer/tokenizer.json (built by scripts/make_tokenizer.py): 1022 base + 2 image tokens.
constexpr int64_t kSuiteBaseVocab = 1022;
constexpr int64_t kSuiteVocab = 1024;

// "micro-test", "suite-tiny", "suite-small", "suite-base" (64 px, suite tokenizer), "tiny-cpu", "small-cpu" (SmolLM2 vocab).
std::vector<std::string> presetNames();
// Throws std::invalid_argument listing the known names.
VlmPreset vlmPreset(const std::string& name);

} // namespace ts
