#pragma once
// Process-wide libtorch settings the model code relies on (vlm.md §7, stack.md §3).
#include <ATen/core/Generator.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <mutex>

namespace ts {

struct RuntimeOptions {
    int threads = 0;         // intra-op threads; 0 keeps libtorch's current setting
    bool preferCuda = false; // use CUDA when the linked libtorch has it and a device is present
};

// Sets flush-denormal (the vocab-head backward is ~20x slower on subnormals) and the thread count,
// and returns the device to use: CUDA only when asked for and available, CPU otherwise.
c10::Device configureRuntime(const RuntimeOptions& options);
bool cudaAvailable();
// Seeds libtorch's CPU (and CUDA, when present) generators.
void seedEverything(uint64_t seed);
// Held by code that seeds the global generator and then draws from it (model and LoRA initialisation),
// so that cells running on several threads draw exactly what they would draw alone.
std::mutex& globalRandomMutex();
// This thread's own CPU generator, for random draws during training (LoRA dropout): a cell's draws then
// depend on its seed only, not on what other cells running beside it draw.
at::Generator& threadGenerator();
void seedThreadGenerator(uint64_t seed);

// While alive, forwards on CUDA run under bf16 autocast (matmuls in bf16, reductions in F32; the weights stay
// F32): the `autocast` option of studies on CUDA. Nothing happens when disabled or on another device. Autocast
// state is per thread, so cells of other workers are not affected.
class CudaAutocastScope {
public:
    CudaAutocastScope(bool enabled, const c10::Device& device);
    ~CudaAutocastScope();
    CudaAutocastScope(const CudaAutocastScope&) = delete;
    CudaAutocastScope& operator=(const CudaAutocastScope&) = delete;
    bool active() const { return active_; }

private:
    bool active_ = false;
    bool previousEnabled_ = false;
    c10::ScalarType previousType_ = c10::ScalarType::Half;
};

} // namespace ts
