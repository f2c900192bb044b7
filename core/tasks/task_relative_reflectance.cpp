// Relative Reflectance: a Mondrian of grey (level 3: tinted) patches under a smooth light gradient
// and cast shadows. The question is about surface albedo, which the light can invert in the pixels.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

namespace {

constexpr int kAlbedoLevels = 8;
int albedoGrey(int level) { return 45 + 25 * level; } // 45 .. 220

// Random guillotine splits: a Mondrian of `n` rectangles, none thinner than `minSide`.
std::vector<QRectF> mondrian(Rng &rng, int size, int n, double minSide)
{
    std::vector<QRectF> rects = {QRectF(0, 0, size, size)};
    for (int tries = 0; int(rects.size()) < n && tries < 200; ++tries) {
        const size_t i = size_t(rng.below(int(rects.size())));
        const QRectF r = rects[i];
        const bool vertical = r.width() >= r.height();
        const double len = vertical ? r.width() : r.height();
        if (len < 2 * minSide)
            continue;
        const double cut = std::round(rng.uniform(minSide, len - minSide));
        QRectF a = r, b = r;
        if (vertical) {
            a.setWidth(cut);
            b.setLeft(r.left() + cut);
        } else {
            a.setHeight(cut);
            b.setTop(r.top() + cut);
        }
        rects[i] = a;
        rects.push_back(b);
    }
    return rects;
}

} // namespace

void generateRelativeReflectance(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double mr = markerRadius(ctx);
    std::vector<QRectF> rects = mondrian(rng, S, 7 + ctx.level, ctx.s(14));
    std::vector<int> albedo(rects.size());
    for (int &a : albedo)
        a = rng.below(kAlbedoLevels);

    // Two patches for A and B, then albedos that make the answer true.
    std::vector<int> order(rects.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    rng.shuffle(order);
    const int pa = order[0], pb = order[1];
    static const int minStep[] = {3, 2, 2, 1};
    const int step = rng.range(minStep[ctx.level], kAlbedoLevels - 1 - (ctx.level == 0 ? 1 : 0));
    const int dark = rng.range(0, kAlbedoLevels - 1 - step);
    if (ctx.answer == 2) {
        albedo[size_t(pa)] = albedo[size_t(pb)] = rng.below(kAlbedoLevels);
    } else {
        albedo[size_t(ctx.answer == 0 ? pa : pb)] = dark;
        albedo[size_t(ctx.answer == 0 ? pb : pa)] = dark + step;
    }

    SceneImage scene;
    for (size_t i = 0; i < rects.size(); ++i) {
        const int g = albedoGrey(albedo[i]);
        QRgb c = qRgb(g, g, g);
        if (ctx.level >= 3) { // tinted patches keep their luminance order but hide it in hue
            const int t = rng.range(-18, 18);
            c = qRgb(std::max(0, std::min(255, g + t)), g, std::max(0, std::min(255, g - t)));
        }
        Item it = makeRect(rects[i], c, Role::Panel);
        it.object = int(i);
        scene.items.push_back(it);
    }

    // Light: a gradient across the image, oriented (levels ≥ 2, half the time) so the darker surface
    // is the better-lit one; plus shadows cast by off-screen occluders.
    static const double strength[] = {0.2, 0.4, 0.7, 0.8};
    const QPointF a = rects[size_t(pa)].center(), b = rects[size_t(pb)].center();
    QPointF dir(rng.uniform(-1, 1), rng.uniform(-1, 1));
    if (ctx.level >= 2 && ctx.answer != 2 && rng.chance(0.5)) {
        const QPointF darkToLight = (ctx.answer == 0 ? b - a : a - b);
        dir = -darkToLight; // brighter towards the darker surface
    }
    const double norm = std::max(1e-6, std::hypot(dir.x(), dir.y()));
    const double g = strength[ctx.level];
    QJsonObject light{{QStringLiteral("type"), QStringLiteral("light")}, {QStringLiteral("size"), S},
                      {QStringLiteral("base"), 0.95}, {QStringLiteral("gx"), g * dir.x() / norm},
                      {QStringLiteral("gy"), g * dir.y() / norm}, {QStringLiteral("shadowFactor"), 0.55}};
    QJsonArray shadows;
    const int nShadows = ctx.level == 0 ? 0 : ctx.level == 1 ? 1 : rng.range(1, 2);
    for (int i = 0; i < nShadows; ++i) {
        // A slanted band from one edge, as a pole or a wall edge would cast.
        const double x0 = rng.uniform(0, S), w = ctx.s(rng.uniform(8, 16)), slant = rng.uniform(-0.6, 0.6) * S;
        shadows.append(QJsonArray{x0, 0.0, x0 + w, 0.0, x0 + w + slant, double(S), x0 + slant, double(S)});
    }
    light[QStringLiteral("shadows")] = shadows;
    scene.effects.append(light);

    // Points inside their patches, away from the patch edges and from each other.
    auto inside = [&](const QRectF &r) {
        const double m = mr + 2;
        return QPointF(rng.uniform(r.left() + m, std::max(r.left() + m, r.right() - m)),
                       rng.uniform(r.top() + m, std::max(r.top() + m, r.bottom() - m)));
    };
    const QPointF pA = inside(rects[size_t(pa)]), pB = inside(rects[size_t(pb)]);
    scene.overlay.push_back(makeMarker(0, pA, mr, markerStyle(ctx.level)));
    scene.overlay.push_back(makeMarker(1, pB, mr, markerStyle(ctx.level)));

    const QImage img = renderSceneImage(scene, S);
    const QImage mask = shadowMask(light, S);
    ctx.addImage(img, scene);
    const double fa = lightFactorAt(light, pA.x(), pA.y(), &mask), fb = lightFactorAt(light, pB.x(), pB.y(), &mask);
    const bool inverted = ctx.answer != 2
        && ((albedo[size_t(pa)] < albedo[size_t(pb)]) != (albedoGrey(albedo[size_t(pa)]) * fa < albedoGrey(albedo[size_t(pb)]) * fb));

    ctx.question = QStringLiteral("Which point has the darker surface colour: point A (red), point B (blue), or are they about the same?");
    ctx.options = {pointOption(0), pointOption(1), QStringLiteral("about the same")};
    ctx.facts[QStringLiteral("points")] = QJsonArray{pointJson(pA), pointJson(pB)};
    ctx.facts[QStringLiteral("albedo")] = QJsonArray{albedo[size_t(pa)], albedo[size_t(pb)]};
    ctx.facts[QStringLiteral("patches")] = QJsonArray{pa, pb};
    ctx.facts[QStringLiteral("pixelOrderInverted")] = inverted;
    ctx.intermediate(QStringLiteral("albedo of A"), albedo[size_t(pa)], kAlbedoLevels);
    ctx.intermediate(QStringLiteral("albedo of B"), albedo[size_t(pb)], kAlbedoLevels);
}

} // namespace ts::tasks
