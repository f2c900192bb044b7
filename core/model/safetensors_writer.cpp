#include "model/safetensors.h"
#include "model/safetensors_dtype.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <vector>

namespace ts {

void writeSafetensors(const std::string& path, const std::map<std::string, at::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata)
{
    struct Item {
        const std::string* name;
        at::Tensor data;
        detail::SafetensorsDtype dtype;
    };
    std::vector<Item> items;
    for (const auto& [name, t] : tensors) {
        if (name == "__metadata__")
            throw CheckpointError(path, name, "reserved name");
        auto dt = detail::safetensorsDtypeByType(t.scalar_type());
        if (!dt)
            throw CheckpointError(path, name, std::string("dtype ") + c10::toString(t.scalar_type()) + " cannot be stored");
        items.push_back({&name, t.detach().to(at::kCPU).contiguous(), *dt});
    }
    // The reference sorts by dtype (descending enum order) then name, so files diff cleanly against Python's.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.dtype.writeRank != b.dtype.writeRank ? a.dtype.writeRank > b.dtype.writeRank : *a.name < *b.name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        nlohmann::ordered_json m = nlohmann::ordered_json::object();
        for (const auto& [k, v] : metadata)
            m[k] = v;
        header["__metadata__"] = m;
    }
    uint64_t offset = 0;
    for (const auto& it : items) {
        const uint64_t bytes = static_cast<uint64_t>(it.data.numel()) * static_cast<uint64_t>(it.dtype.elementSize);
        header[*it.name] = {{"dtype", it.dtype.name}, {"shape", it.data.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string h = header.dump();
    h.append((8 - h.size() % 8) % 8, ' ');

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw CheckpointError(path, "", "cannot open for writing");
    unsigned char len[8];
    uint64_t n = h.size();
    for (int i = 0; i < 8; ++i)
        len[i] = static_cast<unsigned char>((n >> (8 * i)) & 0xff);
    out.write(reinterpret_cast<const char*>(len), 8);
    out.write(h.data(), static_cast<std::streamsize>(h.size()));
    for (const auto& it : items)
        if (it.data.numel() > 0)
            out.write(static_cast<const char*>(it.data.data_ptr()),
                      static_cast<std::streamsize>(it.data.numel() * it.dtype.elementSize));
    out.flush();
    if (!out)
        throw CheckpointError(path, "", "write failed (disk full?)");
}

} // namespace ts
