// Relative Depth: objects standing on a ground plane in perspective; which marked point is closer.
// Cues: height in the image, size (consistent at easy levels only), haze, occlusion.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

void generateRelativeDepth(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double horizon = ctx.s(19);
    const QRgb sky = qRgb(200, 220, 240), ground = qRgb(120, 150, 90);
    const double mr = markerRadius(ctx);
    static const double minRatio[] = {2.0, 1.6, 1.35, 1.25};
    static const int distractors[] = {1, 2, 3, 4};
    const double zMin = 1.2, zMax = 3.6;

    // Depths of A and B: the closer one gets the answer's letter.
    const double zNear = rng.uniform(zMin, zMax / minRatio[ctx.level]);
    const double zFar = rng.uniform(zNear * minRatio[ctx.level], zMax);
    const double zA = ctx.answer == 0 ? zNear : zFar, zB = ctx.answer == 0 ? zFar : zNear;

    struct Thing {
        Obj o;
        double z;
        int letter;
    };
    std::vector<Thing> things;
    const std::vector<int> colours = distinctColours(rng, 9);
    auto make = [&](double z, int letterIndex, int i) {
        Thing t;
        t.z = z;
        t.letter = letterIndex;
        const double world = ctx.level >= 2 ? rng.uniform(0.7, 1.4) : 1.0;
        t.o.r = ctx.s(12) * world / z;
        t.o.c = QPointF(rng.uniform(t.o.r + 1, S - t.o.r - 1), groundY(horizon, S, z) - t.o.r);
        t.o.shape = rng.pick(std::vector<int>{0, 1, 4, 5});
        t.o.colour = colours[size_t(i)];
        t.o.id = i;
        t.o.depth = depthBin(z);
        return t;
    };
    things.push_back(make(zA, 0, 0));
    things.push_back(make(zB, 1, 1));
    // A and B far enough apart that their markers never touch.
    const double apart = std::max(ctx.s(18), things[0].o.r + things[1].o.r + 2);
    for (int tries = 0; tries < 40 && std::abs(things[0].o.c.x() - things[1].o.c.x()) < apart; ++tries)
        things[1].o.c.setX(rng.uniform(things[1].o.r + 1, S - things[1].o.r - 1));
    for (int i = 0; i < distractors[ctx.level]; ++i) {
        Thing t = make(rng.uniform(zMin, zMax), -1, 2 + i);
        // Without occlusion (levels 0–2) distractors keep clear of everything; at level 3 they may
        // overlap, but never cover a marked point.
        for (int tries = 0; tries < 30; ++tries) {
            bool ok = true;
            for (const Thing &u : things) {
                const double d = std::hypot(u.o.c.x() - t.o.c.x(), u.o.c.y() - t.o.c.y());
                const bool covers = u.letter >= 0 && t.z < u.z && d < t.o.r + mr + 1;
                if (covers || (ctx.level < 3 && d < u.o.r + t.o.r + 1))
                    ok = false;
            }
            if (ok)
                break;
            t.o.c.setX(rng.uniform(t.o.r + 1, S - t.o.r - 1));
        }
        things.push_back(t);
    }
    std::stable_sort(things.begin(), things.end(), [](const Thing &a, const Thing &b) { return a.z > b.z; });

    SceneImage scene;
    addSkyAndGround(scene, S, horizon, sky, ground);
    // Objects stand on the ground whatever their shape; marked points sit at their visual centre.
    std::vector<Item> items;
    std::vector<QPointF> marks(2);
    for (const Thing &t : things) {
        Item it = objItem(t.o);
        standOn(it, groundY(horizon, S, t.z));
        if (ctx.level >= 1)
            it.fill = haze(it.fill, sky, (t.z - zMin) / 6.0);
        items.push_back(it);
        if (t.letter >= 0)
            marks[size_t(t.letter)] = it.centre();
    }
    // A nearer object drawn over a marked point would change what the point is on: leave it out.
    QJsonArray points;
    for (size_t i = 0; i < items.size(); ++i) {
        bool hides = false;
        for (size_t j = 0; j < i; ++j) {
            const int l = things[j].letter;
            if (l < 0)
                continue;
            for (const QPointF d : {QPointF(0, 0), QPointF(mr, 0), QPointF(-mr, 0), QPointF(0, mr), QPointF(0, -mr)})
                hides = hides || isInside(items[i], marks[size_t(l)] + d);
        }
        if (!hides || things[i].letter >= 0)
            scene.items.push_back(items[i]);
    }
    for (int l = 0; l < 2; ++l) {
        scene.overlay.push_back(makeMarker(l, marks[size_t(l)], mr, markerStyle(ctx.level)));
        points.append(pointJson(marks[size_t(l)]));
    }

    ctx.addImage(renderSceneImage(scene, S), scene);
    ctx.question = QStringLiteral("Which point is closer to the camera, point A (red) or point B (blue)?");
    ctx.options = {pointOption(0), pointOption(1)};
    ctx.facts[QStringLiteral("points")] = points;
    ctx.facts[QStringLiteral("depths")] = QJsonArray{zA, zB};
    ctx.facts[QStringLiteral("horizon")] = horizon;
    ctx.intermediate(QStringLiteral("depth bin of A"), depthBin(zA), 4);
    ctx.intermediate(QStringLiteral("depth bin of B"), depthBin(zB), 4);
}

} // namespace ts::tasks
