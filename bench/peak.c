/* FP32 FMA peak of this machine (stack.md §4): each thread runs 12 independent vector FMA chains
 * (enough to hide the 4-cycle FMA latency on 2 ports), so the loop is bound by FMA throughput only.
 * FLOPs = threads x iterations x 12 chains x lanes x 2. Prints AVX-512 (when the CPU has it) and AVX2.
 * Build: gcc -O2 -march=native -fopenmp bench/peak.c -o peak   (CMake target transferscope_peak_bench). */
#include <immintrin.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define CHAINS 12

static double now(void) { return omp_get_wtime(); }

#ifdef __AVX512F__
static float run512(long iters)
{
    __m512 acc[CHAINS];
    const __m512 m = _mm512_set1_ps(0.999999f), a = _mm512_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS; ++c) acc[c] = _mm512_set1_ps((float)c);
    for (long i = 0; i < iters; ++i)
        for (int c = 0; c < CHAINS; ++c) acc[c] = _mm512_fmadd_ps(acc[c], m, a);
    float s = 0;
    for (int c = 0; c < CHAINS; ++c) s += _mm512_reduce_add_ps(acc[c]);
    return s; /* returned so the compiler cannot drop the loop */
}
#endif

#ifdef __AVX2__
static float run256(long iters)
{
    __m256 acc[CHAINS];
    const __m256 m = _mm256_set1_ps(0.999999f), a = _mm256_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS; ++c) acc[c] = _mm256_set1_ps((float)c);
    for (long i = 0; i < iters; ++i)
        for (int c = 0; c < CHAINS; ++c) acc[c] = _mm256_fmadd_ps(acc[c], m, a);
    float buf[8], s = 0;
    for (int c = 0; c < CHAINS; ++c) {
        _mm256_storeu_ps(buf, acc[c]);
        for (int k = 0; k < 8; ++k) s += buf[k];
    }
    return s;
}
#endif

static void measure(const char *name, int lanes, float (*fn)(long), int threads)
{
    const long iters = 100000000L / lanes * 4; /* ~0.3-0.5 s per thread */
    double best = 0;
    volatile float sink = 0;
    for (int rep = 0; rep < 3; ++rep) {
        double t0 = now();
#pragma omp parallel num_threads(threads) reduction(+ : sink)
        sink += fn(iters);
        double dt = now() - t0;
        double gflops = (double)threads * iters * CHAINS * lanes * 2.0 / dt / 1e9;
        if (gflops > best) best = gflops;
    }
    printf("%-8s threads=%d  best of 3: %.1f GFLOP/s (%.1f per thread)\n", name, threads, best, best / threads);
}

int main(int argc, char **argv)
{
    int threads = argc > 1 ? atoi(argv[1]) : 2;
#ifdef __AVX512F__
    measure("AVX-512", 16, run512, threads);
#endif
#ifdef __AVX2__
    measure("AVX2", 8, run256, threads);
#endif
    return 0;
}
