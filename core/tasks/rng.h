#pragma once
// A fixed PRNG for the procedural suite. std::*_distribution is implementation-defined (libstdc++
// and libc++ draw different numbers from the same engine) and rand() is global state, so neither can
// give "same bytes on any machine". SplitMix64 is tiny, fast and fully specified.

#include "common/splitmix64.h"

#include <QString>
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace ts::tasks {

using ts::splitmix64;

// Order-dependent combination, so (a, b) and (b, a) give different streams.
inline uint64_t hashCombine(uint64_t h, uint64_t v)
{
    uint64_t s = h ^ (v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2));
    return splitmix64(s);
}

// FNV-1a over UTF-8: stable across platforms, unlike qHash (seeded per process).
inline uint64_t hashString(const QString &text)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char c : text.toUtf8()) {
        h ^= uint8_t(c);
        h *= 1099511628211ULL;
    }
    return h;
}

class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}

    uint64_t next() { return splitmix64(m_state); }
    // 53 random bits → [0, 1); exact in IEEE doubles on every platform.
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // [0, n) by multiply-shift: no modulo bias worth mentioning at these n, and fully specified.
    int below(int n) { return n <= 1 ? 0 : int(((next() >> 32) * uint64_t(n)) >> 32); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    bool chance(double p) { return uniform() < p; }
    double sign() { return chance(0.5) ? 1.0 : -1.0; }
    // Irwin–Hall approximation of N(0,1): no log/cos, so no libm differences between machines.
    double normal()
    {
        double s = 0;
        for (int i = 0; i < 12; ++i)
            s += uniform();
        return s - 6.0;
    }
    template <typename T> void shuffle(std::vector<T> &v)
    {
        for (int i = int(v.size()) - 1; i > 0; --i)
            std::swap(v[size_t(i)], v[size_t(below(i + 1))]);
    }
    template <typename T> const T &pick(const std::vector<T> &v) { return v[size_t(below(int(v.size())))]; }
    // k distinct values from [0, n).
    std::vector<int> distinct(int n, int k)
    {
        std::vector<int> all(static_cast<size_t>(n), 0);
        for (int i = 0; i < n; ++i)
            all[size_t(i)] = i;
        shuffle(all);
        all.resize(size_t(std::min(k, n)));
        return all;
    }

private:
    uint64_t m_state;
};

} // namespace ts::tasks
