// Object Localization: two boxes, A (red) and B (blue); one tightly bounds the named object, the
// other is shifted, resized or around a neighbour.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

void generateObjectLocalization(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const int counts[] = {2, 3, 5, 6};
    const double rMin = objectRadiusMin(ctx), rMax = objectRadiusMax(ctx);
    std::vector<Obj> objs;
    for (int attempt = 0; attempt < 10 && int(objs.size()) < 2; ++attempt)
        objs = placeObjects(rng, counts[ctx.level], S, rMin, rMax, ctx.s(3), ctx.s(4));
    const std::vector<int> colours = distinctColours(rng, 9);
    for (size_t i = 0; i < objs.size(); ++i) {
        objs[i].id = int(i);
        objs[i].shape = rng.below(int(Shape::Count));
        objs[i].colour = colours[i];
        objs[i].rot = rng.uniform(0, 90);
    }
    SceneImage scene;
    scene.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    for (const Obj &o : objs)
        scene.items.push_back(objItem(o));

    // The tight box: the object's pixel extent, one pixel out so the outline does not cover it.
    // Pixel extent of a non-antialiased fill = the pixel centres inside the outline.
    auto tightBox = [&](int i) {
        const QImage only = renderItems({makeRect(QRectF(0, 0, S, S), qRgb(0, 0, 0)), objItem(objs[size_t(i)])}, S);
        int x0 = S, y0 = S, x1 = -1, y1 = -1;
        for (int y = 0; y < S; ++y) {
            const QRgb *row = reinterpret_cast<const QRgb *>(only.constScanLine(y));
            for (int x = 0; x < S; ++x)
                if ((row[x] & 0xffffff) != 0) {
                    x0 = std::min(x0, x);
                    y0 = std::min(y0, y);
                    x1 = std::max(x1, x);
                    y1 = std::max(y1, y);
                }
        }
        return QRectF(x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2);
    };
    const int target = rng.below(int(objs.size()));
    const QRectF tight = tightBox(target);
    QRectF wrong;
    int wrongKind = 0; // 0 around another object, 1 shifted, 2 resized
    if (ctx.level == 0) {
        wrong = tightBox((target + 1 + rng.below(int(objs.size()) - 1)) % int(objs.size()));
    } else {
        static const double lo[] = {0, 0.4, 0.25, 0.15}, hi[] = {0, 0.6, 0.4, 0.25};
        const double amount = rng.uniform(lo[ctx.level], hi[ctx.level]);
        wrongKind = rng.chance(0.5) ? 1 : 2;
        if (wrongKind == 1) {
            const double a = rng.uniform(0, 2 * 3.14159265358979);
            wrong = tight.translated(std::cos(a) * amount * tight.width(), std::sin(a) * amount * tight.height());
        } else {
            const double k = rng.chance(0.5) ? 1 + amount : 1 - amount;
            wrong = QRectF(0, 0, tight.width() * k, tight.height() * k);
            wrong.moveCenter(tight.center());
        }
        wrong = wrong.intersected(QRectF(0, 0, S - 1, S - 1));
    }
    const QRectF boxes[2] = {ctx.answer == 0 ? tight : wrong, ctx.answer == 1 ? tight : wrong};
    for (int l = 0; l < 2; ++l)
        scene.overlay.push_back(makeBox(l, boxes[l], 1));
    ctx.addImage(renderSceneImage(scene, S), scene);

    const Obj &t = objs[size_t(target)];
    ctx.question = QStringLiteral("Which box correctly bounds the %1 %2: box A (red) or box B (blue)?").arg(colourName(t.colour), shapeName(t.shape));
    ctx.options = {QStringLiteral("box A (red)"), QStringLiteral("box B (blue)")};
    ctx.facts[QStringLiteral("target")] = target;
    ctx.facts[QStringLiteral("boxes")] = QJsonArray{rectJson(boxes[0]), rectJson(boxes[1])};
    ctx.facts[QStringLiteral("wrongKind")] = wrongKind;
    ctx.intermediate(QStringLiteral("target colour"), t.colour, int(palette().size()));
    ctx.intermediate(QStringLiteral("target shape"), t.shape, int(Shape::Count));
    ctx.intermediate(QStringLiteral("how the wrong box is wrong"), wrongKind, 3);
}

} // namespace ts::tasks
