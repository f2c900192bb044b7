#pragma once
// A finetune's adapter on disk (docs/real-checkpoints.md "Adapters"). One folder holds two forms side by side:
//  - PEFT: adapter_model.safetensors + adapter_config.json. LoRA tensors are
//    base_model.model.<module>.lora_{A,B}.weight and modules trained outright (the connector) are saved whole as
//    base_model.model.<module>.weight and listed in modules_to_save, with module names in the base model's
//    format, so that PEFT applies the folder to the Hugging Face model unchanged.
//  - Transferscope: transferscope_adapter.safetensors, every trained tensor under this program's names, the
//    LoRA settings and the provenance (cell, base hash) in its metadata.
// Reading prefers the Transferscope file and falls back to the PEFT pair, so a folder made by PEFT loads too.
#include "model/checkpoint_format.h"
#include "model/lora.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ts {

struct AdapterInfo {
    LoraConfig lora;
    std::vector<std::string> fullModules;           // module paths (this program's names) saved whole
    std::map<std::string, std::string> provenance;  // Transferscope file only
    std::string source;                             // the file it was read from
};

// Module paths of the parameters that train but are not LoRA tensors (e.g. "MP.proj" when the connector trains).
std::vector<std::string> trainedFullModules(VisionLanguageModelImpl& model);

// The PEFT pair only. `fullModules` are saved whole and listed in modules_to_save.
void exportPeftAdapter(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir,
                       CheckpointFormat naming = CheckpointFormat::NanoVlm, const std::vector<std::string>& fullModules = {});

// Both forms; the folder appears complete or not at all (written beside it, then renamed).
void saveAdapterFolder(VisionLanguageModelImpl& model, const LoraConfig& cfg, const std::string& dir, CheckpointFormat naming,
                       const std::map<std::string, std::string>& provenance = {});

// Adds the folder's adapter to a base model that has none yet and loads its tensors. Throws CheckpointError
// naming the file and the key or field: a missing or malformed config, a tensor that matches no module of the
// model, a shape that differs, a tensor the adapter should have but lacks.
AdapterInfo importAdapter(VisionLanguageModelImpl& model, const std::string& dir, CheckpointFormat naming);

// Base folder + adapter folder -> a plain checkpoint folder with the adapter folded into the weights, in
// `format` (the base's own when not given). The base's tokenizer and template files are copied along, so the
// result loads like the base. Returns what was merged.
AdapterInfo mergeAdapterFolder(const std::string& baseDir, const std::string& adapterDir, const std::string& outDir,
                               std::optional<CheckpointFormat> format = std::nullopt);

} // namespace ts
