// Counting: 0–9 targets of one shape among distractors; at hard levels targets touch or overlap and
// distractors share their colour.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

namespace ts::tasks {

void generateCounting(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const int maxCount[] = {5, 7, 9, 9};
    static const int distractors[] = {1, 2, 3, 4};
    static const double rMin[] = {7.5, 6.5, 5.5, 5}, rMax[] = {9, 8, 6.5, 6};
    static const double gap[] = {3, 2, 0, -3}; // negative: partial overlap
    const int targetShape = rng.below(int(Shape::Count));
    const int wanted = rng.range(0, maxCount[ctx.level]);

    // Place targets and distractors together; the canvas is sized so this nearly always fits, and the
    // count asked is what was actually placed.
    std::vector<Obj> objs = placeObjects(rng, wanted + distractors[ctx.level], S, ctx.s(rMin[ctx.level]),
                                         ctx.s(rMax[ctx.level]), ctx.s(1), ctx.s(gap[ctx.level]));
    const int count = std::min<int>(wanted, int(objs.size()));
    const std::vector<int> colours = distinctColours(rng, 9);
    const int targetColour = colours[0];
    std::vector<int> perColour(palette().size(), 0);
    for (size_t i = 0; i < objs.size(); ++i) {
        Obj &o = objs[i];
        o.id = int(i);
        o.rot = rng.uniform(0, 90);
        if (int(i) < count) {
            o.shape = targetShape;
            // Level 0–1: all targets share one colour that no distractor uses; later, any colour.
            o.colour = ctx.level <= 1 ? targetColour : colours[size_t(rng.below(3))];
        } else {
            do {
                o.shape = rng.below(int(Shape::Count));
            } while (o.shape == targetShape);
            o.colour = ctx.level <= 1 ? colours[size_t(1 + rng.below(int(colours.size()) - 1))] : colours[size_t(rng.below(3))];
        }
        ++perColour[size_t(o.colour)];
    }
    // Level-3 overlap is at most 3 px (at 64 px), so no object is ever hidden entirely.
    SceneImage scene;
    scene.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    for (const Obj &o : objs)
        scene.items.push_back(objItem(o));
    ctx.addImage(renderSceneImage(scene, S), scene);

    ctx.question = QStringLiteral("How many %1 are there in the image?").arg(shapePlural(targetShape));
    ctx.options = numberOptions(rng, count, ctx.answer, 0, 9);
    ctx.facts[QStringLiteral("count")] = count;
    ctx.facts[QStringLiteral("targetShape")] = shapeName(targetShape);
    ctx.facts[QStringLiteral("targetColour")] = ctx.level <= 1 ? rgbHex(colourRgb(targetColour)) : QString();
    ctx.facts[QStringLiteral("touching")] = ctx.level >= 2;
    ctx.intermediate(QStringLiteral("target count"), count, 10);
    for (int c : {0, 1, 2, 3, 4, 5, 6, 7, 10})
        ctx.intermediate(QStringLiteral("count of %1").arg(colourName(c)), std::min(perColour[size_t(c)], 9), 10);
}

} // namespace ts::tasks
