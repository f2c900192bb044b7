// Pixel effects of scene images (scene.h): lighting, noise, blur, copy-move, blanking. All in our
// own integer/double code, so the bytes are the same on every machine.
#include "tasks/rng.h"
#include "tasks/scene.h"

#include <QColor>
#include <QJsonArray>
#include <QPainter>
#include <algorithm>
#include <vector>

namespace ts::tasks {

static QRect clippedRect(const QJsonValue &v, const QImage &img)
{
    return rectFromJson(v).toRect() & img.rect();
}

static inline int clamp8(double v) { return v < 0 ? 0 : v > 255 ? 255 : int(v + 0.5); }

QImage shadowMask(const QJsonObject &e, int size)
{
    QImage mask(size, size, QImage::Format_RGB32);
    mask.fill(qRgb(0, 0, 0));
    const QJsonArray shadows = e.value(QStringLiteral("shadows")).toArray();
    if (shadows.isEmpty())
        return mask;
    QPainter p(&mask);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255));
    for (const QJsonValue &s : shadows) {
        const QJsonArray a = s.toArray();
        QPolygonF poly;
        for (int i = 0; i + 1 < a.size(); i += 2)
            poly << QPointF(a[i].toDouble(), a[i + 1].toDouble());
        p.drawPolygon(poly);
    }
    return mask;
}

namespace {
// The light's parameters read once: per-pixel JSON look-ups made lighting 10× slower than drawing.
struct Light {
    double size, base, gx, gy, shadowFactor;
    explicit Light(const QJsonObject &e)
        : size(e.value(QStringLiteral("size")).toDouble(64)), base(e.value(QStringLiteral("base")).toDouble(1)),
          gx(e.value(QStringLiteral("gx")).toDouble()), gy(e.value(QStringLiteral("gy")).toDouble()),
          shadowFactor(e.value(QStringLiteral("shadowFactor")).toDouble(0.6))
    {
    }
    double at(double x, double y, bool shadowed) const
    {
        const double f = base + gx * ((x + 0.5) / size - 0.5) + gy * ((y + 0.5) / size - 0.5);
        return shadowed ? f * shadowFactor : f;
    }
};
} // namespace

double lightFactorAt(const QJsonObject &e, double x, double y, const QImage *mask)
{
    return Light(e).at(x, y, mask && qRed(mask->pixel(int(x), int(y))) > 0);
}

void applyEffect(QImage &img, const QJsonObject &e)
{
    const QString type = e.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("light")) {
        const QImage mask = shadowMask(e, img.width());
        const Light light(e);
        for (int y = 0; y < img.height(); ++y) {
            QRgb *row = reinterpret_cast<QRgb *>(img.scanLine(y));
            const QRgb *m = reinterpret_cast<const QRgb *>(mask.constScanLine(y));
            for (int x = 0; x < img.width(); ++x) {
                const double f = light.at(x, y, qRed(m[x]) > 0);
                row[x] = qRgb(clamp8(qRed(row[x]) * f), clamp8(qGreen(row[x]) * f), clamp8(qBlue(row[x]) * f));
            }
        }
    } else if (type == QLatin1String("noise")) {
        const QRect r = clippedRect(e.value(QStringLiteral("rect")), img);
        Rng rng(uint64_t(e.value(QStringLiteral("seed")).toString().toULongLong()));
        const double sigma = e.value(QStringLiteral("sigma")).toDouble();
        for (int y = r.top(); y <= r.bottom(); ++y) {
            QRgb *row = reinterpret_cast<QRgb *>(img.scanLine(y));
            for (int x = r.left(); x <= r.right(); ++x) {
                const double n = sigma * rng.normal();
                row[x] = qRgb(clamp8(qRed(row[x]) + n), clamp8(qGreen(row[x]) + n), clamp8(qBlue(row[x]) + n));
            }
        }
    } else if (type == QLatin1String("blur")) {
        const QRect r = clippedRect(e.value(QStringLiteral("rect")), img);
        const int rad = e.value(QStringLiteral("radius")).toInt(1);
        const QImage src = img.copy();
        const int w = src.width(), h = src.height();
        std::vector<const QRgb *> rows(static_cast<size_t>(h), nullptr); // no per-pixel constScanLine
        for (int y = 0; y < h; ++y)
            rows[size_t(y)] = reinterpret_cast<const QRgb *>(src.constScanLine(y));
        for (int y = r.top(); y <= r.bottom(); ++y) {
            QRgb *row = reinterpret_cast<QRgb *>(img.scanLine(y));
            for (int x = r.left(); x <= r.right(); ++x) {
                int sr = 0, sg = 0, sb = 0, n = 0;
                for (int yy = std::max(0, y - rad); yy <= std::min(h - 1, y + rad); ++yy)
                    for (int xx = std::max(0, x - rad); xx <= std::min(w - 1, x + rad); ++xx) {
                        const QRgb c = rows[size_t(yy)][xx];
                        sr += qRed(c);
                        sg += qGreen(c);
                        sb += qBlue(c);
                        ++n;
                    }
                row[x] = qRgb((sr + n / 2) / n, (sg + n / 2) / n, (sb + n / 2) / n);
            }
        }
    } else if (type == QLatin1String("copymove")) {
        const QRect from = rectFromJson(e.value(QStringLiteral("from"))).toRect();
        const QPoint to = pointFromJson(e.value(QStringLiteral("to"))).toPoint();
        const QImage block = img.copy(from);
        QPainter p(&img);
        p.setCompositionMode(QPainter::CompositionMode_Source);
        p.drawImage(to, block);
    } else if (type == QLatin1String("blank")) {
        const QRect r = clippedRect(e.value(QStringLiteral("rect")), img);
        const QRgb c = QColor(e.value(QStringLiteral("colour")).toString()).rgb();
        for (int y = r.top(); y <= r.bottom(); ++y) {
            QRgb *row = reinterpret_cast<QRgb *>(img.scanLine(y));
            for (int x = r.left(); x <= r.right(); ++x)
                row[x] = c;
        }
    }
}

} // namespace ts::tasks
