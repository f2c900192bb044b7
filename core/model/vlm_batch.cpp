#include "model/vlm_batch.h"

#include "model/vlm_error.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace ts {

uint64_t imageContentKey(const RgbImage& image)
{
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&](uint8_t b) {
        h ^= b;
        h *= 1099511628211ULL;
    };
    for (int v : {image.width, image.height})
        for (int s = 0; s < 32; s += 8)
            mix(static_cast<uint8_t>((static_cast<uint32_t>(v) >> s) & 0xff));
    for (uint8_t b : image.rgb)
        mix(b);
    return h;
}

at::Tensor imagesToTensor(const std::vector<const RgbImage*>& images, int64_t size)
{
    std::vector<at::Tensor> out;
    out.reserve(images.size());
    for (const RgbImage* im : images) {
        if (im->width <= 0 || im->height <= 0 ||
            im->rgb.size() != static_cast<size_t>(im->width) * static_cast<size_t>(im->height) * 3)
            throw ModelInputError("image of " + std::to_string(im->width) + "x" + std::to_string(im->height) + " has " +
                                  std::to_string(im->rgb.size()) + " bytes, expected width*height*3");
        at::Tensor t = at::empty({im->height, im->width, 3}, at::kByte);
        std::copy(im->rgb.begin(), im->rgb.end(), t.data_ptr<uint8_t>());
        t = t.permute({2, 0, 1}).to(at::kFloat).div_(255.0).unsqueeze(0);
        if (im->width != size || im->height != size)
            t = at::upsample_bilinear2d(t, {size, size}, false);
        out.push_back(t);
    }
    return at::cat(out, 0);
}

VlmBatch collateBatch(const std::vector<const VlmExample*>& examples, const std::vector<const EncodedExample*>& encoded,
                      int64_t padId, int64_t imageSize, bool withAnswers)
{
    const auto B = static_cast<int64_t>(encoded.size());
    int64_t T = 0;
    for (const auto* e : encoded) {
        if (withAnswers && e->answer.empty())
            throw ModelInputError("a training example has no correct option");
        T = std::max<int64_t>(T, static_cast<int64_t>(e->prompt.size() + (withAnswers ? e->answer.size() : 0)));
    }
    VlmBatch b;
    b.inputIds = at::full({B, T}, padId, at::kLong);
    b.attentionMask = at::zeros({B, T}, at::kLong);
    if (withAnswers)
        b.targets = at::full({B, T}, -100, at::kLong);
    auto ids = b.inputIds.accessor<int64_t, 2>();
    auto mask = b.attentionMask.accessor<int64_t, 2>();
    for (int64_t r = 0; r < B; ++r) {
        const auto& e = *encoded[static_cast<size_t>(r)];
        std::vector<int64_t> seq = e.prompt;
        if (withAnswers)
            seq.insert(seq.end(), e.answer.begin(), e.answer.end());
        const int64_t off = T - static_cast<int64_t>(seq.size());
        for (size_t k = 0; k < seq.size(); ++k) {
            ids[r][off + static_cast<int64_t>(k)] = seq[k];
            mask[r][off + static_cast<int64_t>(k)] = 1;
        }
        if (withAnswers) {
            // Pre-shifted: the position before each answer token predicts it.
            auto tg = b.targets.accessor<int64_t, 2>();
            const int64_t firstAnswer = off + static_cast<int64_t>(e.prompt.size());
            for (int64_t p = firstAnswer; p < T; ++p)
                tg[r][p - 1] = ids[r][p];
        }
    }
    std::vector<const RgbImage*> images;
    for (const auto* ex : examples)
        for (const auto& im : ex->images) {
            images.push_back(&im);
            b.imageKeys.push_back(imageContentKey(im));
        }
    if (!images.empty())
        b.images = imagesToTensor(images, imageSize);
    return b;
}

} // namespace ts
