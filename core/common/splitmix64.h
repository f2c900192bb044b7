#pragma once
// SplitMix64: the project's one fixed PRNG step. std::*_distribution is implementation-defined and
// rand() is global state; this is tiny, fast and gives the same numbers on every platform.

#include <cstdint>

namespace ts {

inline uint64_t splitmix64(uint64_t &state)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace ts
