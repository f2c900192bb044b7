#include "tasks/task_context.h"

#include <QPainterPath>
#include <QTransform>
#include <cmath>

namespace ts::tasks {

Item objItem(const Obj &o)
{
    Item it = makeShape(o.shape, o.c, o.r, o.rot, colourRgb(o.colour));
    it.colour = o.colour;
    it.object = o.id;
    it.depth = o.depth;
    if (o.texture > 0) {
        it.texture = o.texture;
        // Texture ink: dark on light colours, light on dark ones, so the pattern is always visible.
        const QColor c(colourRgb(o.colour));
        it.textureColour = c.lightness() > 140 ? qRgb(40, 40, 40) : qRgb(235, 235, 235);
        it.texturePeriod = std::max(3.0, o.r * 0.6);
    }
    return it;
}

std::vector<Obj> placeObjects(Rng &rng, int n, int size, double rMin, double rMax, double margin, double gap,
                              const std::vector<Obj> &avoid)
{
    std::vector<Obj> out;
    for (int tries = 0; int(out.size()) < n && tries < 60 * n; ++tries) {
        Obj o;
        o.r = rng.uniform(rMin, rMax);
        const double lo = margin + o.r, hi = size - margin - o.r;
        if (hi <= lo)
            break;
        o.c = QPointF(rng.uniform(lo, hi), rng.uniform(lo, hi));
        bool ok = true;
        const std::vector<Obj> *lists[] = {&out, &avoid};
        for (const std::vector<Obj> *list : lists) {
            for (const Obj &q : *list) {
                const QPointF d = q.c - o.c;
                if (std::sqrt(d.x() * d.x() + d.y() * d.y()) < q.r + o.r + gap) {
                    ok = false;
                    break;
                }
            }
        }
        if (ok)
            out.push_back(o);
    }
    return out;
}

QRgb pickBackground(Rng &rng)
{
    static const QRgb backgrounds[] = {qRgb(222, 218, 205), qRgb(205, 215, 225), qRgb(215, 225, 205),
                                       qRgb(228, 214, 222), qRgb(200, 200, 200), qRgb(232, 228, 215)};
    return backgrounds[rng.below(6)];
}

MarkerStyle markerStyle(int level) { return level <= 1 ? MarkerStyle::Disc : MarkerStyle::Ring; }

double markerRadius(const TaskContext &ctx)
{
    static const double r[] = {3.5, 3.0, 3.0, 3.0}; // small enough to leave the marked part visible
    return ctx.s(r[ctx.level]);
}

double objectRadiusMin(const TaskContext &ctx)
{
    static const double r[] = {9.0, 7.5, 6.0, 5.0};
    return ctx.s(r[ctx.level]);
}

double objectRadiusMax(const TaskContext &ctx)
{
    static const double r[] = {11.0, 9.5, 8.0, 7.0};
    return ctx.s(r[ctx.level]);
}

std::vector<int> distinctColours(Rng &rng, int n, bool includeNeutral)
{
    // Neutral greys/white/black are kept out by default: they vanish on light backgrounds.
    std::vector<int> pool = {0, 1, 2, 3, 4, 5, 6, 7, 10};
    if (includeNeutral)
        pool.insert(pool.end(), {8, 9, 11});
    rng.shuffle(pool);
    pool.resize(size_t(std::min<int>(n, int(pool.size()))));
    return pool;
}

QStringList numberOptions(Rng &rng, int truth, int slot, int lo, int hi, int count)
{
    std::vector<int> others;
    for (int v = lo; v <= hi; ++v)
        if (v != truth)
            others.push_back(v);
    // Near misses are the informative distractors for counting, so prefer values close to the truth.
    std::vector<int> near, far;
    for (int v : others)
        (std::abs(v - truth) <= 3 ? near : far).push_back(v);
    rng.shuffle(near);
    rng.shuffle(far);
    near.insert(near.end(), far.begin(), far.end());
    QStringList out;
    int k = 0;
    for (int i = 0; i < count; ++i)
        out << QString::number(i == slot ? truth : near[size_t(k++)]);
    return out;
}

QString pointOption(int letterIndex) { return QStringLiteral("Point %1 (%2)").arg(letter(letterIndex), markerColourName(letterIndex)); }

bool isInside(const Item &it, QPointF p)
{
    if (it.kind == Item::Rect || it.kind == Item::Ellipse) {
        QPointF q = p;
        if (it.rotation != 0) {
            QTransform t;
            t.translate(it.rect.center().x(), it.rect.center().y()).rotate(-it.rotation).translate(-it.rect.center().x(), -it.rect.center().y());
            q = t.map(p);
        }
        if (it.kind == Item::Rect)
            return it.rect.contains(q);
        const QPointF d = q - it.rect.center();
        const double a = it.rect.width() / 2, b = it.rect.height() / 2;
        return (d.x() * d.x()) / (a * a) + (d.y() * d.y()) / (b * b) <= 1.0;
    }
    if (it.kind == Item::Polygon)
        return it.points.containsPoint(p, Qt::OddEvenFill);
    return false;
}


double groundY(double horizon, int size, double z) { return horizon + (size - horizon) / z; }

int depthBin(double z) { return z < 1.6 ? 0 : z < 2.2 ? 1 : z < 2.9 ? 2 : 3; }

QRgb haze(QRgb c, QRgb sky, double a)
{
    a = std::max(0.0, std::min(1.0, a));
    auto mix = [a](int x, int y) { return int(x + (y - x) * a + 0.5); };
    return qRgb(mix(qRed(c), qRed(sky)), mix(qGreen(c), qGreen(sky)), mix(qBlue(c), qBlue(sky)));
}

void addSkyAndGround(SceneImage &scene, int size, double horizon, QRgb sky, QRgb ground)
{
    Item skyItem = makeRect(QRectF(0, 0, size, horizon + 1), sky);
    skyItem.depth = 3;
    scene.items.push_back(skyItem);
    const double edges[] = {1.6, 2.2, 2.9};
    double top = horizon;
    for (int bin = 3; bin >= 0; --bin) {
        const double bottom = bin == 0 ? size : groundY(horizon, size, edges[bin - 1]);
        Item band = makeRect(QRectF(0, top, size, bottom - top + 1), haze(ground, sky, 0.12 * bin), Role::Ground);
        band.depth = bin;
        scene.items.push_back(band);
        top = bottom;
    }
}


void standOn(Item &item, double ground)
{
    const double dy = ground - item.bounds().bottom();
    if (item.kind == Item::Rect || item.kind == Item::Ellipse)
        item.rect.translate(0, dy);
    else
        item.points.translate(0, dy);
}

} // namespace ts::tasks
