#include "model/json_file.h"

#include "model/vlm_error.h"

#include <fstream>
#include <sstream>

namespace ts {

nlohmann::ordered_json readJsonFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CheckpointError(path, "", "cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    try {
        return nlohmann::ordered_json::parse(ss.str());
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(path, "", std::string("invalid JSON: ") + e.what());
    }
}

} // namespace ts
