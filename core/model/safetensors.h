#pragma once
// Strict safetensors IO (vlm.md §5). Every malformed file is rejected with a CheckpointError naming the
// file and the tensor/field; nothing is read through an unchecked offset.
#include <ATen/core/Tensor.h>

#include <map>
#include <string>

namespace ts {

struct SafetensorsFile {
    std::map<std::string, at::Tensor> tensors; // CPU tensors in the file's dtype
    std::map<std::string, std::string> metadata;
};

// Header limit of the reference implementation.
constexpr uint64_t kSafetensorsMaxHeader = 100'000'000;

// Supported: BOOL U8 I8 I16 F16 BF16 I32 F32 F64 I64. F8_*, U16, U32, U64 have no libtorch 1.13 type and are rejected.
SafetensorsFile readSafetensors(const std::string& path);

// Writes like the reference (safetensors.torch): tensors sorted by dtype (wide first) then name, compact JSON
// header padded with spaces to a multiple of 8, __metadata__ first. Tensors may live on any device.
void writeSafetensors(const std::string& path, const std::map<std::string, at::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

// "F32" etc. for a scalar type; throws std::invalid_argument for types safetensors cannot hold here.
std::string safetensorsDtypeName(c10::ScalarType t);

} // namespace ts
