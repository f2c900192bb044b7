#include "tasks/patch_targets.h"
#include "common/input_error.h"
#include "tasks/scene.h"

#include <QJsonArray>
#include <QPainter>
#include <array>

namespace ts::tasks {

namespace {

constexpr int kPixelChannels = kPatchChannels - 1; // centre is a patch-level channel only

// Labels packed into the 24 colour bits so one non-antialiased paint pass rasterises them all:
// object 5 bits, colour 4, shape 3, texture 3, depth 3.
QRgb packLabels(const Item &it)
{
    if (it.role == Role::Shadow)
        return qRgb(0, 0, 0);
    const bool hasSurface = it.role == Role::Object || it.role == Role::Part || it.role == Role::Panel;
    const uint32_t object = it.object >= 0 ? uint32_t(std::min(it.object + 1, 31)) : 0;
    const uint32_t colour = it.colour >= 0 ? uint32_t(it.colour + 1) : 0;
    const uint32_t shape = it.shape >= 0 ? uint32_t(it.shape + 1) : 0;
    const uint32_t texture = hasSurface ? uint32_t(it.texture + 1) : 0;
    const uint32_t depth = it.depth >= 0 ? uint32_t(it.depth + 1) : 0;
    return 0xff000000u | object | (colour << 5) | (shape << 9) | (texture << 12) | (depth << 15);
}

int unpack(QRgb v, int channel)
{
    static const int shift[] = {0, 5, 9, 12, 15};
    static const int mask[] = {31, 15, 7, 7, 7};
    return int((v & 0xffffff) >> shift[channel]) & mask[channel];
}

QImage labelImage(const std::vector<Item> &items, int size)
{
    QImage img(size, size, QImage::Format_RGB32);
    img.fill(qRgb(0, 0, 0));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (Item it : items) {
        if (it.role == Role::Marker || it.role == Role::Box)
            continue;
        const QRgb v = packLabels(it);
        it.fill = v;
        it.stroke = v;
        it.texture = 0;
        paintItem(p, it);
    }
    return img;
}

QImage markerImage(const std::vector<Item> &overlay, int size)
{
    QImage img(size, size, QImage::Format_RGB32);
    img.fill(qRgb(0, 0, 0));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (Item it : overlay) {
        if (it.marker < 0)
            continue;
        const QRgb v = qRgb(0, 0, it.marker + 1);
        it.fill = v;
        it.stroke = v;
        paintItem(p, it);
    }
    return img;
}

// The effects that move or erase content move or erase labels too; the others leave them.
void applyLabelEffects(QImage &labels, const QJsonArray &effects)
{
    for (const QJsonValue &v : effects) {
        const QJsonObject e = v.toObject();
        const QString type = e.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("copymove")) {
            applyEffect(labels, e);
        } else if (type == QLatin1String("blank")) {
            QJsonObject cleared = e;
            cleared[QStringLiteral("colour")] = QStringLiteral("#000000");
            applyEffect(labels, cleared);
        }
    }
}

} // namespace

QStringList patchChannelNames()
{
    return {QStringLiteral("object"), QStringLiteral("colour"), QStringLiteral("shape"), QStringLiteral("texture"),
            QStringLiteral("depth"), QStringLiteral("marker"), QStringLiteral("centre")};
}

int patchChannelClasses(PatchChannel c)
{
    switch (c) {
    case PatchChannel::Object: return 32;
    case PatchChannel::Colour: return 1 + int(palette().size());
    case PatchChannel::Shape: return 1 + int(Shape::Count);
    case PatchChannel::Texture: return 1 + int(Texture::Count);
    case PatchChannel::Depth: return 5;
    case PatchChannel::Marker: return 5;
    case PatchChannel::Centre: return 2;
    default: return 0;
    }
}

PixelLabels pixelLabels(const QJsonObject &scene, int image) { return pixelLabels(SceneDescription::fromJson(scene), image); }

PixelLabels pixelLabels(const SceneDescription &scene, int image)
{
    const int size = scene.size();
    if (image < 0 || image >= int(scene.images.size()))
        throw InputError(QString(), 0, QStringLiteral("images"), QStringLiteral("the scene has no image %1").arg(image));
    const SceneImage &desc = scene.images[size_t(image)];
    QImage labels;
    if (!desc.crop.isEmpty()) {
        const SceneImage &src = scene.images.at(size_t(desc.crop.value(QStringLiteral("from")).toInt()));
        labels = labelImage(src.items, size)
                     .copy(rectFromJson(desc.crop.value(QStringLiteral("rect"))).toRect())
                     .scaled(size, size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    } else {
        labels = labelImage(desc.items, size);
    }
    applyLabelEffects(labels, desc.effects);
    const QImage markers = markerImage(desc.overlay, size);

    PixelLabels out;
    out.size = size;
    out.values.assign(size_t(kPixelChannels) * size_t(size) * size_t(size), 0);
    for (int y = 0; y < size; ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(labels.constScanLine(y));
        const QRgb *mrow = reinterpret_cast<const QRgb *>(markers.constScanLine(y));
        for (int x = 0; x < size; ++x) {
            for (int c = 0; c < 5; ++c)
                out.values[(size_t(c) * size_t(size) + size_t(y)) * size_t(size) + size_t(x)] = uint8_t(unpack(row[x], c));
            out.values[(size_t(PatchChannel::Marker) * size_t(size) + size_t(y)) * size_t(size) + size_t(x)] = uint8_t(qBlue(mrow[x]));
        }
    }
    return out;
}

PatchTargets patchTargets(const QJsonObject &scene, int patchSize) { return patchTargets(SceneDescription::fromJson(scene), patchSize); }

PatchTargets patchTargets(const SceneDescription &scene, int patchSize)
{
    const int size = scene.size();
    if (patchSize <= 0 || size % patchSize != 0)
        throw InputError(QString(), 0, QStringLiteral("patchSize"),
                         QStringLiteral("patch size %1 does not divide the image size %2").arg(patchSize).arg(size));
    PatchTargets t;
    t.patchSize = patchSize;
    t.grid = size / patchSize;
    t.images = int(scene.images.size());
    t.data.assign(size_t(t.images) * kPatchChannels * size_t(t.grid) * size_t(t.grid), 0);
    const int area = patchSize * patchSize;
    for (int k = 0; k < t.images; ++k) {
        const PixelLabels px = pixelLabels(scene, k);
        for (int gy = 0; gy < t.grid; ++gy)
            for (int gx = 0; gx < t.grid; ++gx)
                for (int c = 0; c < kPixelChannels; ++c) {
                    std::array<int, 32> counts{};
                    for (int y = gy * patchSize; y < (gy + 1) * patchSize; ++y)
                        for (int x = gx * patchSize; x < (gx + 1) * patchSize; ++x)
                            ++counts[size_t(px.at(PatchChannel(c), x, y))];
                    int best = 0, bestCount = 0;
                    for (int v = 1; v < 32; ++v)
                        if (counts[size_t(v)] > bestCount) {
                            best = v;
                            bestCount = counts[size_t(v)];
                        }
                    const int needed = c == int(PatchChannel::Marker) ? 3 : (area + 3) / 4;
                    const int value = bestCount >= needed ? best : 0;
                    t.data[((size_t(k) * kPatchChannels + size_t(c)) * size_t(t.grid) + size_t(gy)) * size_t(t.grid) + size_t(gx)] = value;
                }
        // Object centres: a patch-level fact, from the items themselves.
        const SceneImage &desc = scene.images[size_t(k)];
        if (desc.crop.isEmpty()) {
            for (const Item &it : desc.items) {
                if (it.role != Role::Object || it.object < 0)
                    continue;
                const QPointF c = it.centre();
                const int gx = int(c.x()) / patchSize, gy = int(c.y()) / patchSize;
                if (gx >= 0 && gy >= 0 && gx < t.grid && gy < t.grid)
                    t.data[((size_t(k) * kPatchChannels + size_t(PatchChannel::Centre)) * size_t(t.grid) + size_t(gy)) * size_t(t.grid) + size_t(gx)] = 1;
            }
        }
    }
    return t;
}

PatchTargets patchTargets(const TaskSample &sample, int patchSize)
{
    if (!sample.description)
        throw InputError(QString(), 0, QStringLiteral("scene"),
                         QStringLiteral("%1 item %2 has no scene description: dense targets need one").arg(sample.task).arg(sample.index));
    return patchTargets(*sample.description, patchSize);
}

} // namespace ts::tasks
