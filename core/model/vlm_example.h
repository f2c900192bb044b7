#pragma once
// One multiple-choice item as the model sees it. Plain and Qt-free: the task suite converts its QImages
// to RGB bytes, so this library never depends on Qt.
#include <cstdint>
#include <string>
#include <vector>

namespace ts {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb; // height x width x 3, row-major, 8-bit
};

struct VlmExample {
    std::vector<RgbImage> images; // 0..4, in the order the question refers to them
    std::string prompt;           // the question
    std::vector<std::string> options; // option texts; lettered (A), (B), ... in the prompt
    int correct = -1;             // index into options; -1 when unknown (inference only)
};

} // namespace ts
