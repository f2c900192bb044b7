#pragma once
// Startup self-check for the BLAS behind libtorch (stack.md §4/§6): Debian picks it through the
// libblas.so.3 alternative, and a wrong one (reference BLAS, ~5 GFLOP/s) makes every study ~50x slower
// without any error. Timing one 256^3 sgemm catches that in a few milliseconds.
#include <string>

namespace ts {

struct BlasCheckResult {
    double gflops = 0.0;     // best of the timed repetitions
    double thresholdGflops = 0.0;
    bool slow = false;       // below the threshold even on 1 thread (so not just busy cores)
    int threads = 0;         // libtorch intra-op threads during the check (gflops is for these)
    std::string message;     // one line; names the fix when slow
};

// Times a 256x256x256 fp32 matmul (at::mm) with libtorch's current thread count (and, when that is slow, on
// 1 thread to tell a slow library from busy cores); 10-60 ms in total.
// It does not change any libtorch setting.
BlasCheckResult checkBlasSpeed(double warnBelowGflops = 50.0);

} // namespace ts
