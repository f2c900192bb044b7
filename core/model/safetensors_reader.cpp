#include "model/safetensors.h"
#include "model/safetensors_dtype.h"
#include "model/vlm_error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <vector>

namespace ts {
namespace detail {

namespace {
const SafetensorsDtype kDtypes[] = {
    {"BOOL", c10::ScalarType::Bool, 1, 0},   {"U8", c10::ScalarType::Byte, 1, 1},
    {"I8", c10::ScalarType::Char, 1, 2},     {"I16", c10::ScalarType::Short, 2, 3},
    {"F16", c10::ScalarType::Half, 2, 4},    {"BF16", c10::ScalarType::BFloat16, 2, 5},
    {"I32", c10::ScalarType::Int, 4, 6},     {"F32", c10::ScalarType::Float, 4, 7},
    {"F64", c10::ScalarType::Double, 8, 8},  {"I64", c10::ScalarType::Long, 8, 9},
};
} // namespace

std::optional<SafetensorsDtype> safetensorsDtypeByName(const std::string& name)
{
    for (const auto& d : kDtypes)
        if (name == d.name)
            return d;
    return std::nullopt;
}

std::optional<SafetensorsDtype> safetensorsDtypeByType(c10::ScalarType t)
{
    for (const auto& d : kDtypes)
        if (t == d.type)
            return d;
    return std::nullopt;
}

bool isKnownUnsupportedSafetensorsDtype(const std::string& name)
{
    return name == "F8_E4M3" || name == "F8_E5M2" || name == "U16" || name == "U32" || name == "U64" ||
           name == "F8_E8M0" || name == "F4" || name == "F6_E2M3" || name == "F6_E3M2" || name == "C64";
}

} // namespace detail

std::string safetensorsDtypeName(c10::ScalarType t)
{
    auto d = detail::safetensorsDtypeByType(t);
    if (!d)
        throw std::invalid_argument(std::string("safetensors cannot store dtype ") + c10::toString(t));
    return d->name;
}

namespace {

struct Entry {
    std::string name;
    detail::SafetensorsDtype dtype;
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;
};

uint64_t readU64LE(const unsigned char* p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

uint64_t checkedOffset(const nlohmann::json& v, const std::string& path, const std::string& field)
{
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0))
        throw CheckpointError(path, field, "data_offsets must be non-negative integers, got " + v.dump());
    return v.get<uint64_t>();
}

Entry parseEntry(const std::string& name, const nlohmann::json& e, const std::string& path)
{
    const std::string field = name;
    if (!e.is_object())
        throw CheckpointError(path, field, "tensor entry must be an object");
    for (const char* key : {"dtype", "shape", "data_offsets"})
        if (!e.contains(key))
            throw CheckpointError(path, field, std::string("missing '") + key + "'");
    if (!e["dtype"].is_string())
        throw CheckpointError(path, field + ".dtype", "must be a string");
    const std::string dt = e["dtype"].get<std::string>();
    auto dtype = detail::safetensorsDtypeByName(dt);
    if (!dtype) {
        if (detail::isKnownUnsupportedSafetensorsDtype(dt))
            throw CheckpointError(path, field + ".dtype", "dtype " + dt + " is not supported by this libtorch build");
        throw CheckpointError(path, field + ".dtype", "unknown dtype '" + dt + "'");
    }
    Entry out{name, *dtype, {}, 0, 0};
    const auto& shape = e["shape"];
    if (!shape.is_array())
        throw CheckpointError(path, field + ".shape", "must be an array");
    uint64_t numel = 1;
    for (const auto& s : shape) {
        if (!s.is_number_integer() || s.get<int64_t>() < 0)
            throw CheckpointError(path, field + ".shape", "dimensions must be non-negative integers, got " + shape.dump());
        const auto dim = s.get<uint64_t>();
        if (dim != 0 && numel > std::numeric_limits<uint64_t>::max() / 16 / dim)
            throw CheckpointError(path, field + ".shape", "too many elements");
        numel *= dim;
        out.shape.push_back(static_cast<int64_t>(dim));
    }
    const auto& off = e["data_offsets"];
    if (!off.is_array() || off.size() != 2)
        throw CheckpointError(path, field + ".data_offsets", "must be [begin, end]");
    out.begin = checkedOffset(off[0], path, field + ".data_offsets");
    out.end = checkedOffset(off[1], path, field + ".data_offsets");
    if (out.end < out.begin)
        throw CheckpointError(path, field + ".data_offsets", "end is before begin");
    const uint64_t expected = numel * static_cast<uint64_t>(dtype->elementSize);
    if (out.end - out.begin != expected)
        throw CheckpointError(path, field + ".data_offsets",
                              "holds " + std::to_string(out.end - out.begin) + " bytes but shape and dtype need " +
                                  std::to_string(expected));
    return out;
}

} // namespace

SafetensorsFile readSafetensors(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CheckpointError(path, "", "cannot open safetensors file");
    in.seekg(0, std::ios::end);
    const auto fileSize = static_cast<uint64_t>(in.tellg());
    in.seekg(0);
    if (fileSize < 8)
        throw CheckpointError(path, "header", "file is shorter than the 8-byte header length");
    unsigned char lenBytes[8];
    in.read(reinterpret_cast<char*>(lenBytes), 8);
    const uint64_t n = readU64LE(lenBytes);
    if (n > kSafetensorsMaxHeader)
        throw CheckpointError(path, "header", "header length " + std::to_string(n) + " exceeds the 100 MB limit");
    if (n > fileSize - 8)
        throw CheckpointError(path, "header", "header length " + std::to_string(n) + " runs past the end of the file (" +
                                                  std::to_string(fileSize) + " bytes)");
    std::string header(n, '\0');
    in.read(header.data(), static_cast<std::streamsize>(n));
    if (!in)
        throw CheckpointError(path, "header", "could not read the header");
    if (n == 0 || header[0] != '{')
        throw CheckpointError(path, "header", "header does not start with '{'");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(header);
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(path, "header", std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object())
        throw CheckpointError(path, "header", "must be a JSON object");

    SafetensorsFile out;
    std::vector<Entry> entries;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object())
                throw CheckpointError(path, "__metadata__", "must be an object of string values");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string())
                    throw CheckpointError(path, "__metadata__." + m.key(), "metadata values must be strings");
                out.metadata[m.key()] = m->get<std::string>();
            }
            continue;
        }
        entries.push_back(parseEntry(it.key(), *it, path));
    }

    const uint64_t bufferSize = fileSize - 8 - n;
    std::vector<const Entry*> byOffset;
    for (const auto& e : entries)
        byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(), [](const Entry* a, const Entry* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    uint64_t cursor = 0;
    for (const Entry* e : byOffset) {
        if (e->begin < cursor)
            throw CheckpointError(path, e->name + ".data_offsets", "overlaps another tensor");
        if (e->begin > cursor)
            throw CheckpointError(path, e->name + ".data_offsets", "leaves a hole in the data buffer before it");
        if (e->end > bufferSize)
            throw CheckpointError(path, e->name + ".data_offsets", "runs past the end of the file");
        cursor = e->end;
    }
    if (cursor != bufferSize)
        throw CheckpointError(path, "data", std::to_string(bufferSize - cursor) + " trailing bytes are not covered by any tensor");

    for (const Entry& e : entries) {
        // Read into freshly allocated (aligned) storage; never alias the file buffer.
        at::Tensor t = at::empty(e.shape, at::TensorOptions().dtype(e.dtype.type));
        const uint64_t bytes = e.end - e.begin;
        if (bytes > 0) {
            in.seekg(static_cast<std::streamoff>(8 + n + e.begin));
            in.read(static_cast<char*>(t.data_ptr()), static_cast<std::streamsize>(bytes));
            if (!in)
                throw CheckpointError(path, e.name, "could not read the tensor data");
        }
        out.tensors.emplace(e.name, std::move(t));
    }
    return out;
}

} // namespace ts
