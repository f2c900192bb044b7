#pragma once
// Dense per-patch targets derived from a sample's scene description, to supervise the vision tower
// directly (tasks.md "Learning support").
//
// Channels (value 0 always means "none / background"):
//   object   1 + the object id (ids are shared between views of one scene; tools and animals are one
//            object made of parts)
//   colour   1 + palette index (scene.h palette(): red, green, blue, yellow, magenta, cyan, orange,
//            purple, white, gray, brown, black)
//   shape    1 + Shape (circle, square, triangle, diamond, hexagon, star)
//   texture  1 + Texture for objects and panels (1 = solid, 2 stripes, 3 dots, 4 checks, 5 hatching)
//   depth    1 + depth bin (0 near .. 3 far; sky counts as far) where a task has depth
//   marker   1 + marker letter (A red .. D yellow) for point markers and boxes
//   centre   1 if an object's centre lies in the patch
// A patch takes the most frequent non-zero value of a channel when it covers at least a quarter of
// the patch (markers: at least 3 pixels, as they are thin), else 0.

#include "tasks/scene.h"
#include "tasks/task_sample.h"

#include <QJsonObject>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace ts::tasks {

enum class PatchChannel { Object, Colour, Shape, Texture, Depth, Marker, Centre, Count };
constexpr int kPatchChannels = int(PatchChannel::Count);
QStringList patchChannelNames();
// Number of classes of each channel (for a classification head), value 0 included.
int patchChannelClasses(PatchChannel channel);

// Labels of every pixel of one image (0 = none), rasterised from the description.
struct PixelLabels {
    int size = 0;
    std::vector<uint8_t> values; // [channel][y][x], channels as PatchChannel minus Centre
    int at(PatchChannel c, int x, int y) const { return values[(size_t(c) * size_t(size) + size_t(y)) * size_t(size) + size_t(x)]; }
};
PixelLabels pixelLabels(const SceneDescription &scene, int image);
PixelLabels pixelLabels(const QJsonObject &scene, int image);

struct PatchTargets {
    int patchSize = 8;
    int grid = 8;   // patches per side
    int images = 0;
    std::vector<int32_t> data; // [image][channel][gy][gx], row-major like the ViT's patch order
    int at(int image, PatchChannel c, int gy, int gx) const
    {
        return data[((size_t(image) * kPatchChannels + size_t(c)) * size_t(grid) + size_t(gy)) * size_t(grid) + size_t(gx)];
    }
};
// patchSize must divide the image size (64 / 8 by default).
PatchTargets patchTargets(const TaskSample &sample, int patchSize = 8); // throws without a description
PatchTargets patchTargets(const SceneDescription &scene, int patchSize = 8);
PatchTargets patchTargets(const QJsonObject &scene, int patchSize = 8);

} // namespace ts::tasks
