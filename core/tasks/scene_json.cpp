// JSON form of scene items and images (scene.h): what TaskSample::scene() and BLINK export carry.
#include "tasks/scene.h"

#include <QColor>
#include <QJsonArray>

namespace ts::tasks {

static Role roleFromName(const QString &s)
{
    for (int i = 0; i <= int(Role::Box); ++i) {
        if (roleName(Role(i)) == s)
            return Role(i);
    }
    return Role::Object;
}

QString rgbHex(QRgb c) { return QColor(c).name(); }
static QRgb rgbFromHex(const QJsonValue &v) { return QColor(v.toString()).rgb(); }

QJsonArray rectJson(const QRectF &r) { return {r.x(), r.y(), r.width(), r.height()}; }
QRectF rectFromJson(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return a.size() == 4 ? QRectF(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()) : QRectF();
}
QJsonArray pointJson(QPointF p) { return {p.x(), p.y()}; }
QPointF pointFromJson(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return a.size() == 2 ? QPointF(a[0].toDouble(), a[1].toDouble()) : QPointF();
}

QJsonObject itemToJson(const Item &it)
{
    static const char *kinds[] = {"rect", "ellipse", "polygon", "polyline"};
    QJsonObject o;
    o[QStringLiteral("kind")] = QLatin1String(kinds[it.kind]);
    o[QStringLiteral("role")] = roleName(it.role);
    if (it.kind == Item::Rect || it.kind == Item::Ellipse) {
        o[QStringLiteral("rect")] = rectJson(it.rect);
        if (it.rotation != 0)
            o[QStringLiteral("rotation")] = it.rotation;
    } else {
        QJsonArray pts;
        for (const QPointF &p : it.points) {
            pts.append(p.x());
            pts.append(p.y());
        }
        o[QStringLiteral("points")] = pts;
    }
    if (it.filled)
        o[QStringLiteral("fill")] = rgbHex(it.fill);
    if (it.texture > 0) {
        o[QStringLiteral("texture")] = textureName(it.texture);
        o[QStringLiteral("textureColour")] = rgbHex(it.textureColour);
        o[QStringLiteral("texturePeriod")] = it.texturePeriod;
    }
    if (it.strokeWidth > 0) {
        o[QStringLiteral("stroke")] = rgbHex(it.stroke);
        o[QStringLiteral("strokeWidth")] = it.strokeWidth;
    }
    auto label = [&](const char *key, int v) {
        if (v >= 0)
            o[QLatin1String(key)] = v;
    };
    label("object", it.object);
    label("colour", it.colour);
    label("shape", it.shape);
    label("depth", it.depth);
    label("marker", it.marker);
    label("part", it.part);
    return o;
}

Item itemFromJson(const QJsonObject &o)
{
    Item it;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    it.kind = kind == QLatin1String("rect") ? Item::Rect
        : kind == QLatin1String("ellipse") ? Item::Ellipse
        : kind == QLatin1String("polyline") ? Item::Polyline : Item::Polygon;
    it.role = roleFromName(o.value(QStringLiteral("role")).toString());
    if (it.kind == Item::Rect || it.kind == Item::Ellipse) {
        it.rect = rectFromJson(o.value(QStringLiteral("rect")));
        it.rotation = o.value(QStringLiteral("rotation")).toDouble(0);
    } else {
        const QJsonArray pts = o.value(QStringLiteral("points")).toArray();
        for (int i = 0; i + 1 < pts.size(); i += 2)
            it.points << QPointF(pts[i].toDouble(), pts[i + 1].toDouble());
    }
    it.filled = o.contains(QStringLiteral("fill"));
    if (it.filled)
        it.fill = rgbFromHex(o.value(QStringLiteral("fill")));
    if (o.contains(QStringLiteral("texture"))) {
        const QString t = o.value(QStringLiteral("texture")).toString();
        for (int i = 1; i < int(Texture::Count); ++i)
            if (textureName(i) == t)
                it.texture = i;
        it.textureColour = rgbFromHex(o.value(QStringLiteral("textureColour")));
        it.texturePeriod = o.value(QStringLiteral("texturePeriod")).toDouble(4);
    }
    if (o.contains(QStringLiteral("stroke"))) {
        it.stroke = rgbFromHex(o.value(QStringLiteral("stroke")));
        it.strokeWidth = o.value(QStringLiteral("strokeWidth")).toDouble();
    }
    it.object = o.value(QStringLiteral("object")).toInt(-1);
    it.colour = o.value(QStringLiteral("colour")).toInt(-1);
    it.shape = o.value(QStringLiteral("shape")).toInt(-1);
    it.depth = o.value(QStringLiteral("depth")).toInt(-1);
    it.marker = o.value(QStringLiteral("marker")).toInt(-1);
    it.part = o.value(QStringLiteral("part")).toInt(-1);
    return it;
}

QJsonObject sceneImageToJson(const SceneImage &img)
{
    QJsonObject o;
    if (!img.crop.isEmpty())
        o[QStringLiteral("crop")] = img.crop;
    QJsonArray items;
    for (const Item &it : img.items)
        items.append(itemToJson(it));
    if (!items.isEmpty())
        o[QStringLiteral("items")] = items;
    if (!img.effects.isEmpty())
        o[QStringLiteral("effects")] = img.effects;
    QJsonArray overlay;
    for (const Item &it : img.overlay)
        overlay.append(itemToJson(it));
    if (!overlay.isEmpty())
        o[QStringLiteral("overlay")] = overlay;
    return o;
}

SceneImage sceneImageFromJson(const QJsonObject &o)
{
    SceneImage img;
    img.crop = o.value(QStringLiteral("crop")).toObject();
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
        img.items.push_back(itemFromJson(v.toObject()));
    img.effects = o.value(QStringLiteral("effects")).toArray();
    for (const QJsonValue &v : o.value(QStringLiteral("overlay")).toArray())
        img.overlay.push_back(itemFromJson(v.toObject()));
    return img;
}

} // namespace ts::tasks
