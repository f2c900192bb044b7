#pragma once
// A coloured square at a random place on a noisy grey background, and the question which colour it is: a task a
// model learns within a few steps. Shared by test_vlm_training (the behaviour test) and bench/cuda_check (the CUDA
// check), which builds on its own against another libtorch, so this stays header-only and Qt-free.
#include "model/vlm_example.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ts {

struct SquareColour {
    std::string name;
    uint8_t rgb[3];
};

inline VlmExample squareColourExample(std::mt19937& rng, int size, const std::vector<SquareColour>& colours,
                                      const std::string& prompt)
{
    VlmExample ex;
    const int colour = static_cast<int>(rng() % static_cast<unsigned>(colours.size()));
    RgbImage im{size, size, std::vector<uint8_t>(static_cast<size_t>(size * size * 3))};
    std::uniform_int_distribution<int> noise(100, 140);
    for (auto& b : im.rgb)
        b = static_cast<uint8_t>(noise(rng));
    const int side = size / 3;
    const int x0 = static_cast<int>(rng() % static_cast<unsigned>(size - side));
    const int y0 = static_cast<int>(rng() % static_cast<unsigned>(size - side));
    const uint8_t* rgb = colours[static_cast<size_t>(colour)].rgb;
    for (int y = y0; y < y0 + side; ++y)
        for (int x = x0; x < x0 + side; ++x)
            std::copy(rgb, rgb + 3, &im.rgb[static_cast<size_t>((y * size + x) * 3)]);
    ex.images.push_back(std::move(im));
    ex.prompt = prompt;
    for (const auto& c : colours)
        ex.options.push_back(c.name);
    ex.correct = colour;
    return ex;
}

} // namespace ts
