#include "tasks/scene.h"
#include "tasks/rng.h"

#include <QPainter>
#include <QPainterPath>
#include <QTransform>
#include <algorithm>
#include <cmath>

namespace ts::tasks {

const std::vector<PaletteColour> &palette()
{
    // Chosen to stay distinguishable at 64 px and to differ from every marker colour exactly.
    static const std::vector<PaletteColour> colours = {
        {"red", qRgb(205, 45, 45)},      {"green", qRgb(45, 160, 70)},   {"blue", qRgb(50, 85, 200)},
        {"yellow", qRgb(230, 200, 50)},  {"magenta", qRgb(195, 70, 190)}, {"cyan", qRgb(60, 190, 200)},
        {"orange", qRgb(235, 135, 35)},  {"purple", qRgb(110, 60, 170)}, {"white", qRgb(245, 245, 240)},
        {"gray", qRgb(125, 125, 125)},   {"brown", qRgb(125, 80, 45)},   {"black", qRgb(30, 30, 30)},
    };
    return colours;
}

QString colourName(int colour) { return QString::fromLatin1(palette()[size_t(colour)].name); }
QRgb colourRgb(int colour) { return palette()[size_t(colour)].rgb; }

QString shapeName(int shape)
{
    static const char *names[] = {"circle", "square", "triangle", "diamond", "hexagon", "star"};
    return QString::fromLatin1(names[shape]);
}

QString shapePlural(int shape) { return shapeName(shape) + QLatin1Char('s'); }

QString textureName(int texture)
{
    static const char *names[] = {"solid", "stripes", "dots", "checks", "hatching"};
    return QString::fromLatin1(names[texture]);
}

QRgb markerRgb(int letter)
{
    static const QRgb colours[] = {qRgb(255, 0, 0), qRgb(0, 90, 255), qRgb(0, 210, 0), qRgb(255, 235, 0)};
    return colours[letter];
}

QString markerColourName(int letter)
{
    static const char *names[] = {"red", "blue", "green", "yellow"};
    return QString::fromLatin1(names[letter]);
}

QString letter(int index) { return QString(QChar(QLatin1Char(char('A' + index)))); }

QString roleName(Role role)
{
    static const char *names[] = {"background", "ground", "object", "part", "panel", "shadow", "marker", "box"};
    return QString::fromLatin1(names[int(role)]);
}

QRectF Item::bounds() const
{
    if (kind == Rect || kind == Ellipse) {
        if (rotation == 0)
            return rect;
        QTransform t;
        t.translate(rect.center().x(), rect.center().y()).rotate(rotation).translate(-rect.center().x(), -rect.center().y());
        return t.mapRect(rect);
    }
    return points.boundingRect();
}

QPointF Item::centre() const
{
    if (kind == Rect || kind == Ellipse)
        return rect.center();
    if (kind == Polyline)
        return points.boundingRect().center();
    QPointF c;
    for (const QPointF &p : points)
        c += p;
    return points.isEmpty() ? c : c / double(points.size());
}

Item makeShape(int shape, QPointF c, double r, double rotationDeg, QRgb fill)
{
    Item it;
    it.role = Role::Object;
    it.shape = shape;
    it.fill = fill;
    if (shape == int(Shape::Circle)) {
        it.kind = Item::Ellipse;
        it.rect = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r);
        return it;
    }
    it.kind = Item::Polygon;
    // A square turned by 45° is a diamond at 64 px: squares and diamonds stay within ±15° of upright.
    if (shape == int(Shape::Square) || shape == int(Shape::Diamond))
        rotationDeg = std::fmod(std::fabs(rotationDeg), 30.0) - 15.0;
    std::vector<QPointF> unit; // shape outline on the unit circle, before rotation
    const double pi = 3.14159265358979323846;
    auto ring = [&](int n, double phase, double inner) {
        for (int i = 0; i < n; ++i) {
            const double a = phase + 2 * pi * i / n;
            const double rr = (inner > 0 && (i % 2)) ? inner : 1.0;
            unit.emplace_back(rr * std::cos(a), rr * std::sin(a));
        }
    };
    switch (Shape(shape)) {
    case Shape::Square: ring(4, pi / 4, 0); break;
    case Shape::Triangle: ring(3, -pi / 2, 0); for (auto &p : unit) p.setY(p.y() + 0.2); break;
    case Shape::Diamond: ring(4, -pi / 2, 0); for (auto &p : unit) p.setX(p.x() * 0.65); break;
    case Shape::Hexagon: ring(6, 0, 0); break;
    case Shape::Star: ring(10, -pi / 2, 0.45); break;
    default: break;
    }
    const double a = rotationDeg * pi / 180.0;
    const double ca = std::cos(a), sa = std::sin(a);
    for (const QPointF &u : unit)
        it.points << QPointF(c.x() + r * (u.x() * ca - u.y() * sa), c.y() + r * (u.x() * sa + u.y() * ca));
    return it;
}

Item makeRect(const QRectF &rect, QRgb fill, Role role)
{
    Item it;
    it.kind = Item::Rect;
    it.role = role;
    it.rect = rect;
    it.fill = fill;
    return it;
}

Item makeMarker(int letterIndex, QPointF at, double radius, MarkerStyle style)
{
    Item it;
    it.kind = Item::Ellipse;
    it.role = Role::Marker;
    it.marker = letterIndex;
    it.rect = QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius);
    if (style == MarkerStyle::Disc) {
        it.fill = markerRgb(letterIndex);
        it.stroke = qRgb(0, 0, 0); // a dark rim keeps a disc visible on a same-hue object
        it.strokeWidth = 1;
    } else {
        it.filled = false;
        it.stroke = markerRgb(letterIndex);
        it.strokeWidth = std::max(1.5, radius * 0.5);
    }
    return it;
}

Item makeBox(int letterIndex, const QRectF &box, double width)
{
    Item it;
    it.kind = Item::Rect;
    it.role = Role::Box;
    it.marker = letterIndex;
    it.rect = box;
    it.filled = false;
    it.stroke = markerRgb(letterIndex);
    it.strokeWidth = width;
    return it;
}

Item makePolyline(const QPolygonF &pts, double width, QRgb colour, Role role)
{
    Item it;
    it.kind = Item::Polyline;
    it.role = role;
    it.points = pts;
    it.filled = false;
    it.stroke = colour;
    it.strokeWidth = width;
    return it;
}

static QPainterPath itemPath(const Item &it)
{
    QPainterPath path;
    if (it.kind == Item::Rect)
        path.addRect(it.rect);
    else if (it.kind == Item::Ellipse)
        path.addEllipse(it.rect);
    else
        path.addPolygon(it.points);
    if ((it.kind == Item::Rect || it.kind == Item::Ellipse) && it.rotation != 0) {
        QTransform t;
        t.translate(it.rect.center().x(), it.rect.center().y()).rotate(it.rotation).translate(-it.rect.center().x(), -it.rect.center().y());
        path = t.map(path);
    }
    path.closeSubpath();
    return path;
}

// One period of the texture as a tile (fill colour + ink), painted as a textured brush anchored at
// the item's bounding box: one fill instead of dozens of clipped shapes, and integer-exact pixels.
static QImage textureTile(const Item &it)
{
    const int period = std::max(2, int(std::lround(it.texturePeriod)));
    int w = period, h = period;
    const Texture kind = Texture(it.texture);
    // Dots are sparse and checks large, so the two grids stay apart at 64 px.
    const int dotStep = std::max(3, int(std::lround(period * 1.5)));
    const int cell = std::max(2, int(std::lround(period * 0.6)));
    const int hatch = std::max(2, int(std::lround(period * 0.75)));
    if (kind == Texture::Dots)
        w = h = dotStep;
    else if (kind == Texture::Checks)
        w = h = 2 * cell;
    else if (kind == Texture::Hatching)
        w = h = hatch;
    QImage tile(w, h, QImage::Format_RGB32);
    const double dotR = std::max(1.5, period * 0.3);
    for (int y = 0; y < h; ++y) {
        QRgb *row = reinterpret_cast<QRgb *>(tile.scanLine(y));
        for (int x = 0; x < w; ++x) {
            bool ink = false;
            switch (kind) {
            case Texture::Stripes: ink = x < (period + 1) / 2; break; // vertical bars, half a period wide
            case Texture::Dots: {
                const double dx = x + 0.5 - w / 2.0, dy = y + 0.5 - h / 2.0;
                ink = dx * dx + dy * dy <= dotR * dotR;
                break;
            }
            case Texture::Checks: ink = ((x / cell) + (y / cell)) % 2 == 0; break;
            case Texture::Hatching: ink = (x + y) % hatch == 0; break; // thin "/" diagonals
            default: break;
            }
            row[x] = ink ? it.textureColour : it.fill;
        }
    }
    return tile;
}

void paintItem(QPainter &p, const Item &it)
{
    if (it.kind == Item::Polyline) {
        QPen pen(QColor(it.stroke), it.strokeWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(it.points);
        return;
    }
    // Untextured, unrotated shapes take QPainter's direct calls: a path per item cost more than the
    // drawing itself.
    const bool simple = it.texture == 0 && it.rotation == 0;
    if (simple) {
        p.setPen(it.strokeWidth > 0 ? QPen(QColor(it.stroke), it.strokeWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin) : QPen(Qt::NoPen));
        p.setBrush(it.filled ? QBrush(QColor(it.fill)) : QBrush(Qt::NoBrush));
        if (it.filled && it.strokeWidth > 0) {
            // Fill and outline in two passes, as the path branch does, so both give the same pixels.
            p.setPen(Qt::NoPen);
        }
        switch (it.kind) {
        case Item::Rect: p.drawRect(it.rect); break;
        case Item::Ellipse: p.drawEllipse(it.rect); break;
        default: p.drawPolygon(it.points); break;
        }
        if (it.filled && it.strokeWidth > 0) {
            p.setPen(QPen(QColor(it.stroke), it.strokeWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
            p.setBrush(Qt::NoBrush);
            switch (it.kind) {
            case Item::Rect: p.drawRect(it.rect); break;
            case Item::Ellipse: p.drawEllipse(it.rect); break;
            default: p.drawPolygon(it.points); break;
            }
        }
        return;
    }
    const QPainterPath path = itemPath(it);
    if (it.filled) {
        if (it.texture > 0) {
            QBrush brush(textureTile(it));
            const QRectF b = path.boundingRect();
            brush.setTransform(QTransform::fromTranslate(std::floor(b.left()), std::floor(b.top())));
            p.fillPath(path, brush);
        } else {
            p.fillPath(path, QColor(it.fill));
        }
    }
    if (it.strokeWidth > 0) {
        p.setPen(QPen(QColor(it.stroke), it.strokeWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}

QImage renderItems(const std::vector<Item> &items, int size)
{
    QImage img(size, size, QImage::Format_RGB32);
    img.fill(qRgb(0, 0, 0));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const Item &it : items)
        paintItem(p, it);
    return img;
}

QImage renderFromDescription(const SceneDescription &scene, int k)
{
    const SceneImage &desc = scene.images.at(size_t(k));
    if (desc.crop.isEmpty())
        return renderSceneImage(desc, scene.size());
    // Crops are taken from the earlier image's items only (before its effects), as generated.
    const SceneImage &src = scene.images.at(size_t(desc.crop.value(QStringLiteral("from")).toInt()));
    QImage img = renderItems(src.items, scene.size())
                     .copy(rectFromJson(desc.crop.value(QStringLiteral("rect"))).toRect())
                     .scaled(scene.size(), scene.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
    for (const QJsonValue &e : desc.effects)
        applyEffect(img, e.toObject());
    if (!desc.overlay.empty()) {
        QPainter p(&img);
        for (const Item &it : desc.overlay)
            paintItem(p, it);
    }
    return img;
}

QImage renderFromDescription(const QJsonObject &scene, int k, int size)
{
    SceneDescription d = SceneDescription::fromJson(scene);
    d.header[QStringLiteral("size")] = size;
    return renderFromDescription(d, k);
}

QJsonObject SceneDescription::toJson() const
{
    QJsonObject o = header;
    QJsonArray list;
    for (const SceneImage &img : images)
        list.append(sceneImageToJson(img));
    o[QStringLiteral("images")] = list;
    return o;
}

SceneDescription SceneDescription::fromJson(const QJsonObject &scene)
{
    SceneDescription d;
    d.header = scene;
    d.header.remove(QStringLiteral("images"));
    for (const QJsonValue &v : scene.value(QStringLiteral("images")).toArray())
        d.images.push_back(sceneImageFromJson(v.toObject()));
    return d;
}

QImage renderSceneImage(const SceneImage &desc, int size)
{
    QImage img = renderItems(desc.items, size);
    for (const QJsonValue &e : desc.effects)
        applyEffect(img, e.toObject());
    if (!desc.overlay.empty()) {
        QPainter p(&img);
        for (const Item &it : desc.overlay)
            paintItem(p, it);
    }
    return img;
}

} // namespace ts::tasks
