#pragma once
// Pixel-inspection helpers shared by the task tests.

#include "tasks/scene.h"
#include "tasks/task_sample.h"

#include <QImage>
#include <QJsonArray>
#include <cmath>
#include <vector>

namespace tasktest {

using namespace ts::tasks;

inline QRgb pixelAt(const QImage &img, QPointF p) { return img.pixel(int(p.x()), int(p.y())) & 0xffffff; }

// Pixels of exactly `rgb` within `radius` of `centre`.
inline int countColourNear(const QImage &img, QPointF centre, double radius, QRgb rgb)
{
    int n = 0;
    for (int y = int(centre.y() - radius - 1); y <= int(centre.y() + radius + 1); ++y)
        for (int x = int(centre.x() - radius - 1); x <= int(centre.x() + radius + 1); ++x) {
            if (x < 0 || y < 0 || x >= img.width() || y >= img.height())
                continue;
            if (std::hypot(x + 0.5 - centre.x(), y + 0.5 - centre.y()) <= radius + 0.5 && (img.pixel(x, y) & 0xffffff) == (rgb & 0xffffff))
                ++n;
        }
    return n;
}

inline int countColour(const QImage &img, QRgb rgb)
{
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            n += (img.pixel(x, y) & 0xffffff) == (rgb & 0xffffff);
    return n;
}

// 8-connected components of pixels of exactly `rgb` (non-antialiased star tips touch diagonally).
inline int components(const QImage &img, QRgb rgb)
{
    const int w = img.width(), h = img.height();
    std::vector<int> seen(size_t(w * h), 0);
    int count = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if (seen[size_t(y * w + x)] || (img.pixel(x, y) & 0xffffff) != (rgb & 0xffffff))
                continue;
            ++count;
            std::vector<std::pair<int, int>> stack = {{x, y}};
            seen[size_t(y * w + x)] = 1;
            while (!stack.empty()) {
                const auto [cx, cy] = stack.back();
                stack.pop_back();
                const int nx[] = {cx + 1, cx - 1, cx, cx, cx + 1, cx + 1, cx - 1, cx - 1};
                const int ny[] = {cy, cy, cy + 1, cy - 1, cy + 1, cy - 1, cy + 1, cy - 1};
                for (int k = 0; k < 8; ++k) {
                    if (nx[k] < 0 || ny[k] < 0 || nx[k] >= w || ny[k] >= h || seen[size_t(ny[k] * w + nx[k])])
                        continue;
                    if ((img.pixel(nx[k], ny[k]) & 0xffffff) != (rgb & 0xffffff))
                        continue;
                    seen[size_t(ny[k] * w + nx[k])] = 1;
                    stack.push_back({nx[k], ny[k]});
                }
            }
        }
    return count;
}

// Centroid of the pixels of exactly `rgb` (NaN when none).
inline QPointF centroidOf(const QImage &img, QRgb rgb)
{
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if ((img.pixel(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                sx += x + 0.5;
                sy += y + 0.5;
                ++n;
            }
    return n ? QPointF(sx / n, sy / n) : QPointF(std::nan(""), std::nan(""));
}

// Every marker of every image is present in its letter's colour around its stated point.
inline QString checkMarkers(const TaskSample &s)
{
    const QJsonArray images = s.scene().value(QStringLiteral("images")).toArray();
    for (int k = 0; k < images.size(); ++k) {
        const SceneImage desc = sceneImageFromJson(images[k].toObject());
        for (const Item &it : desc.overlay) {
            if (it.role != Role::Marker)
                continue;
            const double r = it.rect.width() / 2;
            const int n = countColourNear(s.images[size_t(k)], it.rect.center(), r + 1, markerRgb(it.marker));
            // A disc shows most of its area, a ring at least a good part of its circumference.
            const int needed = it.filled ? int(3.14159 * r * r * 0.4) : int(2 * 3.14159 * r * 0.8);
            if (n < needed)
                return QStringLiteral("%1 #%2 image %3: marker %4 shows %5 pixels of its colour, expected ≥ %6")
                    .arg(s.abbreviation).arg(s.index).arg(k + 1).arg(letter(it.marker)).arg(n).arg(needed);
        }
    }
    return QString();
}

inline QImage rgb32(const QImage &img) { return img.convertToFormat(QImage::Format_RGB32); }

} // namespace tasktest
