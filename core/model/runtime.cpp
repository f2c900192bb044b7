#include "model/runtime.h"

#include <ATen/ATen.h>
#include <ATen/autocast_mode.h>
#include <ATen/Parallel.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

namespace ts {

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

c10::Device configureRuntime(const RuntimeOptions& options)
{
    at::globalContext().setFlushDenormal(true);
    if (options.threads > 0)
        at::set_num_threads(options.threads);
    if (options.preferCuda && cudaAvailable())
        return c10::Device(c10::DeviceType::CUDA, 0);
    return c10::Device(c10::DeviceType::CPU);
}

void seedEverything(uint64_t seed)
{
    torch::manual_seed(seed);
}

at::Generator& threadGenerator()
{
    thread_local at::Generator generator = at::detail::createCPUGenerator(0);
    return generator;
}

void seedThreadGenerator(uint64_t seed)
{
    threadGenerator().set_current_seed(seed);
}

std::mutex& globalRandomMutex()
{
    static std::mutex m;
    return m;
}

// libtorch 2.4 replaced the CUDA-only autocast setters by per-device ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TS_AUTOCAST_PER_DEVICE 1
#endif

CudaAutocastScope::CudaAutocastScope(bool enabled, const c10::Device& device)
{
    if (!enabled || !device.is_cuda())
        return;
    active_ = true;
#ifdef TS_AUTOCAST_PER_DEVICE
    previousEnabled_ = at::autocast::is_autocast_enabled(at::kCUDA);
    previousType_ = at::autocast::get_autocast_dtype(at::kCUDA);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    previousEnabled_ = at::autocast::is_enabled();
    previousType_ = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
#endif
    at::autocast::increment_nesting();
}

CudaAutocastScope::~CudaAutocastScope()
{
    if (!active_)
        return;
    // The casts autocast caches belong to this scope's weights (they change at every optimizer step).
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
#ifdef TS_AUTOCAST_PER_DEVICE
    at::autocast::set_autocast_enabled(at::kCUDA, previousEnabled_);
    at::autocast::set_autocast_dtype(at::kCUDA, previousType_);
#else
    at::autocast::set_enabled(previousEnabled_);
    at::autocast::set_autocast_gpu_dtype(previousType_);
#endif
}

} // namespace ts
