// Spatial Relation: two named objects (unique colour + shape) and a relation between their centres.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

void generateSpatialRelation(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const char *relations[] = {"to the left of", "to the right of", "above", "below"};
    const int rel = rng.below(4);
    const bool truth = ctx.answer == 0; // options: yes, no
    static const double minOffset[] = {22, 16, 12, 8};
    static const int distractors[] = {0, 1, 3, 5};
    const double rMin = objectRadiusMin(ctx), rMax = objectRadiusMax(ctx);

    // The first object's offset from the second along the relation's axis: sign from the truth.
    const bool horizontal = rel < 2;
    const double sign = ((rel == 0 || rel == 2) == truth) ? -1.0 : 1.0; // −: left/above of the second
    Obj a, b;
    for (int tries = 0; tries < 50; ++tries) {
        a.r = rng.uniform(rMin, rMax);
        b.r = rng.uniform(rMin, rMax);
        const double margin = std::max(a.r, b.r) + 1;
        const double along = ctx.s(rng.uniform(minOffset[ctx.level], 40));
        // Easy levels keep the other axis quieter than the asked one, so the relation is unambiguous.
        const double across = ctx.s(rng.uniform(-1, 1) * (ctx.level <= 1 ? 0.6 * along / ctx.s(1) : 20));
        const QPointF d = horizontal ? QPointF(sign * along, across) : QPointF(across, sign * along);
        b.c = QPointF(rng.uniform(margin, S - margin), rng.uniform(margin, S - margin));
        a.c = b.c + d;
        const bool inFrame = a.c.x() >= margin && a.c.y() >= margin && a.c.x() <= S - margin && a.c.y() <= S - margin;
        if (inFrame && std::hypot(d.x(), d.y()) >= a.r + b.r + 2)
            break;
    }
    const std::vector<int> colours = distinctColours(rng, 9);
    a.colour = colours[0];
    b.colour = colours[1];
    a.shape = rng.below(int(Shape::Count));
    b.shape = rng.below(int(Shape::Count));
    a.id = 0;
    b.id = 1;
    a.rot = rng.uniform(0, 90);
    b.rot = rng.uniform(0, 90);

    std::vector<Obj> others = placeObjects(rng, distractors[ctx.level], S, rMin, rMax, 1, ctx.s(2), {a, b});
    for (size_t i = 0; i < others.size(); ++i) {
        Obj &o = others[i];
        o.id = int(2 + i);
        o.rot = rng.uniform(0, 90);
        // A distractor may share the colour or the shape of a named object, never both.
        do {
            o.colour = colours[size_t(rng.below(int(colours.size())))];
            o.shape = rng.below(int(Shape::Count));
        } while ((o.colour == a.colour && o.shape == a.shape) || (o.colour == b.colour && o.shape == b.shape));
    }

    SceneImage scene;
    scene.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    scene.items.push_back(objItem(a));
    scene.items.push_back(objItem(b));
    for (const Obj &o : others)
        scene.items.push_back(objItem(o));
    ctx.addImage(renderSceneImage(scene, S), scene);

    ctx.question = QStringLiteral("Is the %1 %2 %3 the %4 %5?")
                       .arg(colourName(a.colour), shapeName(a.shape), QLatin1String(relations[rel]), colourName(b.colour), shapeName(b.shape));
    ctx.options = {QStringLiteral("yes"), QStringLiteral("no")};
    ctx.facts[QStringLiteral("relation")] = QLatin1String(relations[rel]);
    ctx.facts[QStringLiteral("first")] = pointJson(a.c);
    ctx.facts[QStringLiteral("second")] = pointJson(b.c);
    ctx.facts[QStringLiteral("firstColour")] = rgbHex(colourRgb(a.colour));
    ctx.facts[QStringLiteral("secondColour")] = rgbHex(colourRgb(b.colour));
    ctx.intermediate(QStringLiteral("first object is left of the second"), a.c.x() < b.c.x() ? 1 : 0, 2);
    ctx.intermediate(QStringLiteral("first object is above the second"), a.c.y() < b.c.y() ? 1 : 0, 2);
    ctx.intermediate(QStringLiteral("relation asked"), rel, 4);
}

} // namespace ts::tasks
