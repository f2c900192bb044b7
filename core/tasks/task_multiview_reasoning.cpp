// Multi-view Reasoning: two views of one 3-D scene on a ground plane; the camera translates left or
// right. Near objects shift more than far ones, opposite to the camera. From level 2 the camera also
// turns to keep a fixation depth still, so the whole-image shift no longer gives the answer away.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

void generateMultiviewReasoning(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double horizon = ctx.s(19), f = ctx.s(40);
    const QRgb sky = qRgb(205, 222, 238), ground = qRgb(135, 120, 95);
    static const int counts[] = {3, 4, 5, 6};
    static const double motion[] = {0.45, 0.3, 0.4, 0.25}; // camera translation, world units
    const int n = counts[ctx.level];
    const double dir = ctx.answer == 0 ? -1.0 : 1.0; // options: left, right
    const double t = dir * motion[ctx.level] * rng.uniform(0.9, 1.1);
    const double zFix = ctx.level >= 2 ? rng.uniform(2.0, 2.6) : 1e9; // depth that stays still
    const double pan = f * t / zFix;

    struct Thing {
        double X, z;
        Obj o;
    };
    std::vector<Thing> things;
    const std::vector<int> colours = distinctColours(rng, 9);
    auto screenX = [&](const Thing &th, double cam, double panPx) { return S / 2.0 + f * (th.X - cam) / th.z + panPx; };
    for (int i = 0; i < n; ++i) {
        Thing th;
        // Depths spread over near and far so parallax is visible: one near, one far, the rest anywhere.
        th.z = i == 0 ? rng.uniform(1.2, 1.6) : i == 1 ? rng.uniform(3.0, 3.6) : rng.uniform(1.2, 3.6);
        th.o.r = ctx.s(11) / th.z;
        th.o.shape = rng.below(int(Shape::Count));
        th.o.colour = colours[size_t(i)];
        th.o.id = i;
        th.o.depth = depthBin(th.z);
        th.o.rot = rng.uniform(0, 90);
        // X such that the object is inside both views with a margin.
        for (int tries = 0; tries < 30; ++tries) {
            th.X = rng.uniform(-1.0, 1.0) * th.z * 0.6;
            const double x1 = screenX(th, 0, 0), x2 = screenX(th, t, pan);
            const double m = th.o.r + 2;
            bool ok = std::min(x1, x2) >= m && std::max(x1, x2) <= S - m;
            for (const Thing &u : things) // keep objects apart in view 1 so correspondences are clear
                ok = ok && std::hypot(screenX(u, 0, 0) - x1, (groundY(horizon, S, u.z) - u.o.r) - (groundY(horizon, S, th.z) - th.o.r)) > u.o.r + th.o.r + 2;
            if (ok)
                break;
        }
        things.push_back(th);
    }
    std::stable_sort(things.begin(), things.end(), [](const Thing &a, const Thing &b) { return a.z > b.z; });

    QJsonArray shifts;
    double nearestZ = 1e9, nearestShift = 0;
    for (int view = 0; view < 2; ++view) {
        SceneImage scene;
        addSkyAndGround(scene, S, horizon, sky, ground);
        for (const Thing &th : things) {
            Obj o = th.o;
            o.c = QPointF(view == 0 ? screenX(th, 0, 0) : screenX(th, t, pan), groundY(horizon, S, th.z) - o.r);
            Item it = objItem(o);
            standOn(it, groundY(horizon, S, th.z));
            scene.items.push_back(it);
        }
        ctx.addImage(renderSceneImage(scene, S), scene);
    }
    for (const Thing &th : things) {
        const double shift = screenX(th, t, pan) - screenX(th, 0, 0);
        shifts.append(QJsonObject{{QStringLiteral("object"), th.o.id}, {QStringLiteral("z"), th.z}, {QStringLiteral("shift"), shift}});
        if (th.z < nearestZ) {
            nearestZ = th.z;
            nearestShift = shift;
        }
    }

    ctx.question = QStringLiteral("The images are two views of one scene. Did the camera move to the left or to the right from image 1 to image 2?");
    ctx.options = {QStringLiteral("left"), QStringLiteral("right")};
    ctx.facts[QStringLiteral("cameraMove")] = t;
    ctx.facts[QStringLiteral("fixationDepth")] = zFix < 1e8 ? zFix : -1.0;
    ctx.facts[QStringLiteral("shifts")] = shifts;
    ctx.intermediate(QStringLiteral("nearest object shifts right"), nearestShift > 0 ? 1 : 0, 2);
}

} // namespace ts::tasks
