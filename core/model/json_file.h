#pragma once
// A JSON file of a checkpoint folder (config.json, preprocessor_config.json, a shard index), parsed
// with CheckpointError naming the file when it cannot be opened or is not JSON.
#include <nlohmann/json.hpp>

#include <string>

namespace ts {

nlohmann::ordered_json readJsonFile(const std::string& path);

} // namespace ts
