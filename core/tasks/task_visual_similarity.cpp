// Visual Similarity: a reference and two candidates; one candidate is the reference scene slightly
// perturbed (jitter, tint, scale), the other a different scene of the same kinds of objects.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

namespace ts::tasks {

namespace {

QRgb tint(QRgb c, int dr, int dg, int db)
{
    auto cl = [](int v) { return std::max(0, std::min(255, v)); };
    return qRgb(cl(qRed(c) + dr), cl(qGreen(c) + dg), cl(qBlue(c) + db));
}

SceneImage sceneOf(const std::vector<Obj> &objs, QRgb bg, int size)
{
    SceneImage s;
    s.items.push_back(makeRect(QRectF(0, 0, size, size), bg));
    for (const Obj &o : objs)
        s.items.push_back(objItem(o));
    return s;
}

} // namespace

void generateVisualSimilarity(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    static const int minObjs[] = {3, 3, 4, 5};
    const int n = rng.range(minObjs[ctx.level], minObjs[ctx.level] + (ctx.level == 0 ? 0 : 1));
    const double rMin = objectRadiusMin(ctx), rMax = objectRadiusMax(ctx);
    const QRgb bg = pickBackground(rng);

    std::vector<Obj> ref = placeObjects(rng, n, ctx.size, rMin, rMax, ctx.s(2), ctx.s(3));
    const std::vector<int> colours = distinctColours(rng, 9);
    for (size_t i = 0; i < ref.size(); ++i) {
        ref[i].shape = rng.below(int(Shape::Count));
        ref[i].colour = colours[i % colours.size()];
        ref[i].rot = rng.uniform(0, 90);
        ref[i].id = int(i);
    }

    // The near-copy: every object jittered a little, the whole view tinted and (hard) rescaled.
    static const double jitter[] = {1.0, 2.0, 3.0, 4.0};
    static const int tintAmount[] = {0, 8, 14, 20};
    static const double scaleJitter[] = {0.0, 0.0, 0.05, 0.1};
    const double scale = 1.0 + rng.uniform(-scaleJitter[ctx.level], scaleJitter[ctx.level]);
    const QPointF mid(ctx.size / 2.0, ctx.size / 2.0);
    std::vector<Obj> near = ref;
    for (Obj &o : near) {
        o.c = mid + (o.c - mid) * scale + QPointF(rng.uniform(-1, 1), rng.uniform(-1, 1)) * ctx.s(jitter[ctx.level]);
        o.r *= scale;
        o.rot += rng.uniform(-10, 10) * ctx.level;
    }
    const int t = tintAmount[ctx.level];
    const QRgb nearBg = tint(bg, rng.range(-t, t), rng.range(-t, t), rng.range(-t, t));

    // The other scene: level 0 new objects entirely; level 1 half kept, half new; levels 2–3 the very
    // same objects rearranged, so only the layout tells the candidates apart.
    std::vector<Obj> other = placeObjects(rng, int(ref.size()), ctx.size, rMin, rMax, ctx.s(2), ctx.s(3));
    const int keep = ctx.level == 0 ? 0 : ctx.level == 1 ? int(ref.size()) / 2 : int(ref.size());
    const std::vector<int> otherColours = distinctColours(rng, 9);
    for (size_t i = 0; i < other.size(); ++i) {
        Obj &o = other[i];
        o.id = int(ref.size() + i);
        if (int(i) < keep) {
            o.shape = ref[i].shape;
            o.colour = ref[i].colour;
        } else {
            // New objects avoid the reference's (shape, colour) pairs so that they really are new.
            do {
                o.shape = rng.below(int(Shape::Count));
                o.colour = otherColours[size_t(rng.below(int(otherColours.size())))];
            } while (std::any_of(ref.begin(), ref.end(), [&](const Obj &r) { return r.shape == o.shape && r.colour == o.colour; }));
        }
        o.rot = rng.uniform(0, 90);
    }
    const QRgb otherBg = ctx.level >= 2 ? tint(bg, rng.range(-t, t), rng.range(-t, t), rng.range(-t, t)) : bg;

    const SceneImage refScene = sceneOf(ref, bg, ctx.size);
    const SceneImage nearScene = sceneOf(near, nearBg, ctx.size);
    const SceneImage otherScene = sceneOf(other, otherBg, ctx.size);
    ctx.addImage(renderSceneImage(refScene, ctx.size), refScene);
    for (int k = 0; k < 2; ++k) {
        const SceneImage &s = (k == ctx.answer) ? nearScene : otherScene;
        ctx.addImage(renderSceneImage(s, ctx.size), s);
    }

    ctx.question = QStringLiteral("Which image is more similar to the reference image (image 1)?");
    ctx.options = {QStringLiteral("image 2"), QStringLiteral("image 3")};
    ctx.facts[QStringLiteral("similarImage")] = 1 + ctx.answer;
    ctx.facts[QStringLiteral("sharedObjectsInOther")] = keep;
    ctx.intermediate(QStringLiteral("objects shared by the other candidate"), keep, 7);
    ctx.intermediate(QStringLiteral("reference object count"), int(ref.size()), 7);
}

} // namespace ts::tasks
