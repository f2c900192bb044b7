// Visual Correspondence: view 2 is view 1 shifted, scaled and (hard) re-lit; A–D are the true
// point and the same relative point on three other objects.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

void generateVisualCorrespondence(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const int counts[] = {4, 5, 5, 6};
    const int n = counts[ctx.level];
    const double rMin = std::max(objectRadiusMin(ctx), ctx.s(6.5)), rMax = std::max(objectRadiusMax(ctx), ctx.s(8));
    const double mr = markerRadius(ctx);

    std::vector<Obj> objs;
    for (int attempt = 0; attempt < 12 && int(objs.size()) < n; ++attempt) {
        const double shrink = 1.0 - 0.05 * attempt; // a crowded draw retries a little smaller
        // Points sit within 0.3 r of their object's centre, so non-overlapping objects already keep
        // the markers apart; a small gap is enough.
        objs = placeObjects(rng, n, S, rMin * shrink, rMax * shrink, ctx.s(4), ctx.s(2));
    }
    const std::vector<int> colours = distinctColours(rng, 9);
    std::vector<int> shapes = {0, 1, 2, 3, 4, 5};
    rng.shuffle(shapes);
    for (size_t i = 0; i < objs.size(); ++i) {
        Obj &o = objs[i];
        o.id = int(i);
        o.rot = rng.uniform(0, 90);
        o.colour = colours[i];
        o.shape = shapes[i % shapes.size()];
        // Hard levels repeat colours (level 2) and shapes (level 3), so a single lookup no longer works.
        if (ctx.level >= 2 && i == 1)
            o.colour = objs[0].colour;
        if (ctx.level >= 3 && i == 3) {
            o.colour = objs[2].colour;
            o.shape = objs[2].shape;
        }
    }

    // The transform of view 2 about the image centre; shrunk until every object stays inside.
    static const double maxShift[] = {4, 6, 8, 10}, maxScale[] = {0.0, 0.12, 0.18, 0.25};
    const QPointF mid(S / 2.0, S / 2.0);
    double scale = 1 + rng.uniform(-maxScale[ctx.level], maxScale[ctx.level]);
    QPointF shift(rng.uniform(-1, 1) * ctx.s(maxShift[ctx.level]), rng.uniform(-1, 1) * ctx.s(maxShift[ctx.level]));
    auto map = [&](QPointF p) { return mid + (p - mid) * scale + shift; };
    for (int tries = 0; tries < 6; ++tries) {
        bool inside = true;
        for (const Obj &o : objs) {
            const QPointF c = map(o.c);
            const double r = o.r * scale + 1;
            inside = inside && c.x() - r >= 0 && c.y() - r >= 0 && c.x() + r <= S && c.y() + r <= S;
        }
        if (inside)
            break;
        shift *= 0.5;
        scale = 1 + (scale - 1) * 0.5;
    }

    const int target = rng.below(int(objs.size()));
    // The point sits off-centre inside its object, so matching objects is not the whole job.
    const QPointF offset(rng.uniform(-0.3, 0.3) * objs[size_t(target)].r, rng.uniform(-0.3, 0.3) * objs[size_t(target)].r);
    const QPointF refPoint = objs[size_t(target)].c + offset;

    const QRgb bg = pickBackground(rng);
    SceneImage v1, v2;
    v1.items.push_back(makeRect(QRectF(0, 0, S, S), bg));
    v2.items.push_back(makeRect(QRectF(0, 0, S, S), bg));
    for (const Obj &o : objs) {
        v1.items.push_back(objItem(o));
        Obj m = o;
        m.c = map(o.c);
        m.r = o.r * scale;
        v2.items.push_back(objItem(m));
    }
    if (ctx.level >= 2) {
        const double g = ctx.level == 2 ? 0.35 : 0.5;
        v2.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("light")}, {QStringLiteral("size"), S},
                                      {QStringLiteral("base"), rng.uniform(0.85, 1.05)},
                                      {QStringLiteral("gx"), rng.uniform(-g, g)}, {QStringLiteral("gy"), rng.uniform(-g, g)}});
    }

    // Letters: the answer letter on the true point, the others on three other objects.
    std::vector<int> others;
    for (int i = 0; i < int(objs.size()); ++i)
        if (i != target)
            others.push_back(i);
    rng.shuffle(others);
    QJsonArray points, pointObjects;
    int k = 0;
    for (int l = 0; l < 4; ++l) {
        const int obj = (l == ctx.answer) ? target : others[size_t(k++)];
        const QPointF p = map(objs[size_t(obj)].c + offset * (objs[size_t(obj)].r / objs[size_t(target)].r));
        v2.overlay.push_back(makeMarker(l, p, mr, markerStyle(ctx.level)));
        points.append(pointJson(p));
        pointObjects.append(obj);
    }
    v1.overlay.push_back(makeMarker(0, refPoint, mr, markerStyle(ctx.level)));

    ctx.addImage(renderSceneImage(v1, S), v1);
    ctx.addImage(renderSceneImage(v2, S), v2);
    ctx.question = QStringLiteral("Which point in image 2 corresponds to the red point in image 1?");
    ctx.options = {pointOption(0), pointOption(1), pointOption(2), pointOption(3)};
    ctx.facts[QStringLiteral("refPoint")] = pointJson(refPoint);
    ctx.facts[QStringLiteral("refObject")] = target;
    ctx.facts[QStringLiteral("points")] = points;
    ctx.facts[QStringLiteral("pointObjects")] = pointObjects;
    ctx.facts[QStringLiteral("scale")] = scale;
    ctx.facts[QStringLiteral("shift")] = pointJson(shift);
    ctx.intermediate(QStringLiteral("colour under the red point"), objs[size_t(target)].colour, int(palette().size()));
    ctx.intermediate(QStringLiteral("shape under the red point"), objs[size_t(target)].shape, int(Shape::Count));
}

} // namespace ts::tasks
