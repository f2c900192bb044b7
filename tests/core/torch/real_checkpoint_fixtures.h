#pragma once
// Builders shared by the real-checkpoint tests (test_vlm_real_checkpoints, test_vlm_real_adapters_and_prompts):
// a micro SmolVLM/Idefics3 folder written by hand (real key names and dtypes, shapes scaled down), a SmolVLM-like
// tokenizer.json, test inputs and small helpers.

#include "model/vision_language_model.h"
#include "model/vlm_example.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace ts::test {

using Json = nlohmann::ordered_json;

inline constexpr int64_t kVisionLayers = 2, kTextLayers = 2, kVocab = 401, kImageTokenId = 311;

// Id of the first Idefics3 added token (<global-img>) in smolTokenizerJson(); see there for the layout.
inline constexpr int64_t kBase = 273;

// A SmolVLM-256M config.json scaled down in width and depth, with the inert bookkeeping keys HF writes.
Json microIdefics3Config(bool tied = false);

// The exact tensors of an Idefics3 checkpoint of that config, written out by hand (not from the loader's table).
std::map<std::string, std::vector<int64_t>> idefics3Shapes(bool tied = false);

// BF16 tensors of idefics3Shapes(tied), random from `seed` (norm weights near 1, the rest small).
std::map<std::string, at::Tensor> randomIdefics3Tensors(uint64_t seed, bool tied = false);

void writeJson(const std::string& path, const Json& j);
Json readJson(const std::string& path);

// config.json and model.safetensors (metadata format=pt) in `dir`.
void writeIdefics3Folder(const QString& dir, const Json& config, const std::map<std::string, at::Tensor>& tensors);

// `n` random [0,1] images of size x size (fixed seed).
at::Tensor testImages(int64_t n = 1, int64_t size = 64);

// One image's placeholders between text tokens.
at::Tensor testIds(int64_t imageId, int64_t tokens = 4);

// The model's logits on testIds/testImages sized for its config, without gradients.
at::Tensor logitsOf(VisionLanguageModelImpl& m);

// The message of the exception `f` throws, or "NO ERROR".
std::string errorOf(const std::function<void()>& f);

// SmolVLM-like tokenizer.json made by hand from the byte-level fixture (layout in the .cpp).
Json smolTokenizerJson();

// A two-option multiple-choice example ("Hey world", options "ab"/"bc") with `images` grey 2x2 images.
VlmExample example(int images, int correct = 1);

std::vector<int64_t> concat(std::initializer_list<std::vector<int64_t>> parts);
int64_t count(const std::vector<int64_t>& v, int64_t id);

// Scratch folders under one temporary directory that lives as long as the test object.
class ScratchFolders {
public:
    // tmp/<name>, created if needed.
    QString sub(const QString& name) const;

private:
    QTemporaryDir tmp_;
};

} // namespace ts::test
