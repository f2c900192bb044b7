#include "model/runtime.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/utils.h>

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

} // namespace ts
