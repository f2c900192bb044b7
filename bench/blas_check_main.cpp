// Standalone BLAS self-check: prints the 256^3 sgemm speed and exits 1 when it is below the threshold
// (a slow libblas.so.3 alternative). Usage: transferscope_blas_check_bench [--threads N] [--min GFLOPS]
#include "study/blas_check.h"

#include <ATen/Parallel.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
    int threads = 2;
    double minGflops = 50.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--min"))
            minGflops = std::atof(argv[i + 1]);
    }
    at::set_num_threads(threads); // libtorch defaults to 1 thread on this VM (stack.md quirk 6)
    const ts::BlasCheckResult r = ts::checkBlasSpeed(minGflops);
    std::printf("%s\n", r.message.c_str());
    return r.slow ? 1 : 0;
}
