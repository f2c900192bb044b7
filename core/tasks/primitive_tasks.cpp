// Primitive single-object skill tasks: the pieces the relational tasks are built from, for a
// pretraining curriculum (tasks.md "Learning support"). One cohesive set: they share one scene
// recipe (a target object among a few distractors).
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <algorithm>
#include <cmath>

namespace ts::tasks {

namespace {

struct Basic {
    SceneImage scene;
    std::vector<Obj> objs;
};

// `n` objects with distinct colours and random shapes on a plain background.
Basic basicScene(TaskContext &ctx, int n, double margin = 2)
{
    Rng &rng = ctx.rng;
    Basic b;
    b.scene.items.push_back(makeRect(QRectF(0, 0, ctx.size, ctx.size), pickBackground(rng)));
    b.objs = placeObjects(rng, n, ctx.size, objectRadiusMin(ctx), objectRadiusMax(ctx), ctx.s(margin), ctx.s(3));
    const std::vector<int> colours = distinctColours(rng, 9);
    for (size_t i = 0; i < b.objs.size(); ++i) {
        b.objs[i].id = int(i);
        b.objs[i].colour = colours[i];
        b.objs[i].shape = rng.below(int(Shape::Count));
        b.objs[i].rot = rng.uniform(0, 90);
    }
    return b;
}

int distractorCount(const TaskContext &ctx) { return ctx.level + 1; }

void finish(TaskContext &ctx, Basic &b)
{
    for (const Obj &o : b.objs)
        b.scene.items.push_back(objItem(o));
    ctx.addImage(renderSceneImage(b.scene, ctx.size), b.scene);
}

// Option texts with the true value at the answer slot and distinct other values from `pool`.
QStringList optionsFrom(Rng &rng, const QStringList &pool, int truth, int slot, int count)
{
    std::vector<int> others;
    for (int i = 0; i < pool.size(); ++i)
        if (i != truth)
            others.push_back(i);
    rng.shuffle(others);
    QStringList out;
    int k = 0;
    for (int i = 0; i < count; ++i)
        out << pool[i == slot ? truth : others[size_t(k++)]];
    return out;
}

} // namespace

void generatePrimitiveColour(TaskContext &ctx)
{
    Basic b = basicScene(ctx, 1 + distractorCount(ctx));
    const Obj &t = b.objs[0];
    finish(ctx, b);
    ctx.scenes.back().overlay.push_back(makeMarker(0, t.c, markerRadius(ctx), markerStyle(ctx.level)));
    ctx.images.back() = renderSceneImage(ctx.scenes.back(), ctx.size);
    QStringList pool;
    for (int c = 0; c < int(palette().size()); ++c)
        pool << colourName(c);
    ctx.question = QStringLiteral("What colour is the object under the red point?");
    ctx.options = optionsFrom(ctx.rng, pool, t.colour, ctx.answer, 4);
    ctx.facts[QStringLiteral("point")] = pointJson(t.c);
    ctx.facts[QStringLiteral("colour")] = rgbHex(colourRgb(t.colour));
    ctx.intermediate(QStringLiteral("colour under the red point"), t.colour, int(palette().size()));
}

void generatePrimitiveShape(TaskContext &ctx)
{
    Basic b = basicScene(ctx, 1 + distractorCount(ctx));
    const Obj &t = b.objs[0];
    finish(ctx, b);
    // The marker sits near the object's top so the shape stays readable around it.
    const QPointF at = t.c - QPointF(0, t.r * 0.35);
    ctx.scenes.back().overlay.push_back(makeMarker(0, at, markerRadius(ctx) * 0.8, markerStyle(ctx.level)));
    ctx.images.back() = renderSceneImage(ctx.scenes.back(), ctx.size);
    QStringList pool;
    for (int s = 0; s < int(Shape::Count); ++s)
        pool << shapeName(s);
    ctx.question = QStringLiteral("What shape is the object under the red point?");
    ctx.options = optionsFrom(ctx.rng, pool, t.shape, ctx.answer, 4);
    ctx.facts[QStringLiteral("point")] = pointJson(at);
    ctx.facts[QStringLiteral("shape")] = shapeName(t.shape);
    ctx.intermediate(QStringLiteral("shape under the red point"), t.shape, int(Shape::Count));
}

void generatePrimitiveLocate(TaskContext &ctx)
{
    Basic b = basicScene(ctx, distractorCount(ctx));
    finish(ctx, b);
    const int S = ctx.size;
    const int quadrant = ctx.answer; // options are the quadrants in a fixed order
    const double m = ctx.s(7);
    const QPointF at(quadrant % 2 == 0 ? ctx.rng.uniform(m, S / 2.0 - m) : ctx.rng.uniform(S / 2.0 + m, S - m),
                     quadrant < 2 ? ctx.rng.uniform(m, S / 2.0 - m) : ctx.rng.uniform(S / 2.0 + m, S - m));
    ctx.scenes.back().overlay.push_back(makeMarker(0, at, markerRadius(ctx), markerStyle(ctx.level)));
    ctx.images.back() = renderSceneImage(ctx.scenes.back(), S);
    ctx.question = QStringLiteral("Where is the red point?");
    ctx.options = {QStringLiteral("top left"), QStringLiteral("top right"), QStringLiteral("bottom left"), QStringLiteral("bottom right")};
    ctx.facts[QStringLiteral("point")] = pointJson(at);
    ctx.intermediate(QStringLiteral("marker column"), quadrant % 2, 2);
    ctx.intermediate(QStringLiteral("marker row"), quadrant / 2, 2);
}

void generatePrimitiveTexture(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const int texture = 1 + ctx.answer; // options: stripes, dots, checks, hatching
    static const double side[] = {40, 34, 28, 22};
    const double w = ctx.s(side[ctx.level]) * rng.uniform(0.9, 1.1);
    const QRectF panel(rng.uniform(2, S - w - 2), rng.uniform(2, S - w - 2), w, w);
    SceneImage scene;
    scene.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    Item it = makeRect(panel, colourRgb(distinctColours(rng, 1)[0]), Role::Panel);
    it.texture = texture;
    it.textureColour = QColor(it.fill).lightness() > 140 ? qRgb(40, 40, 40) : qRgb(235, 235, 235);
    it.texturePeriod = ctx.s(6 - ctx.level * 0.5);
    it.object = 0;
    scene.items.push_back(it);
    ctx.addImage(renderSceneImage(scene, S), scene);
    ctx.question = QStringLiteral("What texture fills the panel?");
    ctx.options = {textureName(1), textureName(2), textureName(3), textureName(4)};
    ctx.facts[QStringLiteral("panel")] = rectJson(panel);
    ctx.intermediate(QStringLiteral("panel texture"), texture - 1, 4);
}

void generatePrimitiveCount(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const int maxCount[] = {4, 5, 6, 6};
    const int wanted = rng.range(0, maxCount[ctx.level]);
    SceneImage scene;
    scene.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    std::vector<Obj> objs = placeObjects(rng, wanted + 1 + ctx.level, S, ctx.s(5.5), ctx.s(7.5), ctx.s(1), ctx.s(2));
    const int count = std::min<int>(wanted, int(objs.size()));
    const std::vector<int> colours = distinctColours(rng, 9);
    for (size_t i = 0; i < objs.size(); ++i) {
        objs[i].id = int(i);
        objs[i].colour = int(i) < count ? colours[0] : colours[size_t(1 + rng.below(int(colours.size()) - 1))];
        objs[i].shape = rng.below(int(Shape::Count));
        objs[i].rot = rng.uniform(0, 90);
        scene.items.push_back(objItem(objs[i]));
    }
    ctx.addImage(renderSceneImage(scene, S), scene);
    ctx.question = QStringLiteral("How many %1 objects are there?").arg(colourName(colours[0]));
    ctx.options = numberOptions(rng, count, ctx.answer, 0, 8);
    ctx.facts[QStringLiteral("count")] = count;
    ctx.facts[QStringLiteral("colour")] = rgbHex(colourRgb(colours[0]));
    ctx.intermediate(QStringLiteral("count"), count, 10);
}

void generatePrimitiveSide(TaskContext &ctx)
{
    Basic b = basicScene(ctx, 1 + distractorCount(ctx));
    Obj &t = b.objs[0];
    const int S = ctx.size;
    const double m = t.r + ctx.s(2);
    // The target's side is the answer; its centre keeps clear of the middle line.
    t.c.setX(ctx.answer == 0 ? ctx.rng.uniform(m, S / 2.0 - ctx.s(4)) : ctx.rng.uniform(S / 2.0 + ctx.s(4), S - m));
    for (size_t i = 1; i < b.objs.size(); ++i) // distractors must not share the target's colour and shape
        if (b.objs[i].shape == t.shape)
            b.objs[i].shape = (t.shape + 1) % int(Shape::Count);
    const Obj target = t;
    std::rotate(b.objs.begin(), b.objs.begin() + 1, b.objs.end()); // drawn last: never hidden
    finish(ctx, b);
    ctx.question = QStringLiteral("Is the %1 %2 on the left or the right half of the image?").arg(colourName(target.colour), shapeName(target.shape));
    ctx.options = {QStringLiteral("left"), QStringLiteral("right")};
    ctx.facts[QStringLiteral("centre")] = pointJson(target.c);
    ctx.intermediate(QStringLiteral("side"), ctx.answer, 2);
}

} // namespace ts::tasks
