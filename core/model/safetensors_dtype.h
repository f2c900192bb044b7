#pragma once
// Internal: the dtype table shared by the safetensors reader and writer.
#include <c10/core/ScalarType.h>

#include <optional>
#include <string>

namespace ts::detail {

struct SafetensorsDtype {
    const char* name;
    c10::ScalarType type;
    int elementSize;
    int writeRank; // the reference Dtype enum order; the writer sorts by it descending
};

std::optional<SafetensorsDtype> safetensorsDtypeByName(const std::string& name);
std::optional<SafetensorsDtype> safetensorsDtypeByType(c10::ScalarType t);
// Dtypes the format defines but libtorch 1.13 cannot represent (rejected with a specific message).
bool isKnownUnsupportedSafetensorsDtype(const std::string& name);

} // namespace ts::detail
