#include "study/blas_check.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace ts {

namespace {

// Best-of-5 GFLOP/s of a 256^3 sgemm with libtorch's current thread count.
double timeSgemm()
{
    constexpr int64_t n = 256;
    const at::Tensor a = at::rand({n, n});
    const at::Tensor b = at::rand({n, n});
    at::Tensor c = at::empty({n, n});
    // Warm-up: the first call pays for thread-pool start and page faults, not for the BLAS.
    for (int i = 0; i < 3; ++i)
        at::mm_out(c, a, b);
    double best = 1e30;
    // Best of several short batches: on a shared machine the minimum is the BLAS, the rest is noise.
    for (int rep = 0; rep < 5; ++rep) {
        constexpr int inner = 4;
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < inner; ++i)
            at::mm_out(c, a, b);
        const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / inner;
        best = std::min(best, dt);
    }
    return 2.0 * n * n * n / std::max(best, 1e-12) / 1e9;
}

} // namespace

BlasCheckResult checkBlasSpeed(double warnBelowGflops)
{
    BlasCheckResult r;
    r.threads = at::get_num_threads();
    r.thresholdGflops = warnBelowGflops;
    r.gflops = timeSgemm();
    double single = r.gflops;
    if (r.gflops < warnBelowGflops && r.threads > 1) {
        // Measured: with other processes on the cores, 2 OpenMP threads can drop a good OpenBLAS from ~75 to
        // ~5 GFLOP/s (a thread waits at every barrier for a descheduled sibling). One thread tells a slow
        // library (reference BLAS: ~5) from busy cores (OpenBLAS: 60-85 per core).
        at::set_num_threads(1);
        single = timeSgemm();
        at::set_num_threads(r.threads);
    }
    r.slow = single < warnBelowGflops;
    char line[640];
    if (r.slow)
        std::snprintf(line, sizeof line,
                      "slow BLAS: 256^3 sgemm reaches %.1f GFLOP/s (%d thread(s), %.1f on 1 thread; expected >= %.0f). The "
                      "libblas.so.3 alternative is probably the reference BLAS. Install libopenblas0-openmp and run "
                      "'update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3' "
                      "(or start with LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp)",
                      r.gflops, r.threads, single, warnBelowGflops);
    else if (single != r.gflops)
        std::snprintf(line, sizeof line,
                      "BLAS ok but cores busy: 256^3 sgemm reaches %.1f GFLOP/s on 1 thread, only %.1f on %d threads "
                      "(other processes share the cores; consider fewer threads)",
                      single, r.gflops, r.threads);
    else
        std::snprintf(line, sizeof line, "BLAS ok: 256^3 sgemm reaches %.1f GFLOP/s on %d thread(s)", r.gflops, r.threads);
    r.message = line;
    return r;
}

} // namespace ts
