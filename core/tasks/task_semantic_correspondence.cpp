// Semantic Correspondence: two instances of one animal category (head, body, legs, tail) in
// different pose, scale, facing and colours; the red point marks a part of animal 1.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

namespace {

const char *kParts[] = {"head", "body", "leg", "tail"};
const char *kCategories[] = {"quadruped", "bird"};

struct Animal {
    std::vector<Item> items;
    QPointF partAt[4];
};

// Built facing right around the origin in 64-px units, then scaled, mirrored, rotated and moved.
Animal makeAnimal(TaskContext &ctx, int category, int bodyColour, int headColour, bool flip, double scale, double rotDeg, QPointF centre)
{
    Rng &rng = ctx.rng;
    const double t = rotDeg * 3.14159265358979 / 180.0, ct = std::cos(t), st = std::sin(t);
    auto map = [&](QPointF p) {
        const double x = (flip ? -p.x() : p.x()) * scale, y = p.y() * scale;
        return centre + QPointF(x * ct - y * st, x * st + y * ct);
    };
    auto ellipse = [&](QPointF c, double rx, double ry, int colour, int part) {
        Item it;
        it.kind = Item::Polygon;
        it.role = Role::Part;
        it.part = part;
        it.object = 0;
        it.colour = colour;
        it.fill = colourRgb(colour);
        for (int i = 0; i < 16; ++i) {
            const double a = 2 * 3.14159265358979 * i / 16;
            it.points << map(c + QPointF(rx * std::cos(a), ry * std::sin(a)));
        }
        return it;
    };
    auto limb = [&](std::initializer_list<QPointF> pts, double width, int colour, int part) {
        QPolygonF poly;
        for (const QPointF &p : pts)
            poly << map(p);
        Item it = makePolyline(poly, std::max(2.0, width * scale), colourRgb(colour));
        it.part = part;
        it.object = 0;
        it.colour = colour;
        return it;
    };

    Animal a;
    const double swing = rng.uniform(-4, 4), wag = rng.uniform(-5, 5), nod = rng.uniform(-3, 3);
    if (category == 0) {
        const QPointF legTop(9, 5), hindTop(-9, 5);
        a.items.push_back(limb({hindTop, hindTop + QPointF(-swing, 12)}, 3.5, bodyColour, 2));
        a.items.push_back(limb({QPointF(-14, -2), QPointF(-20, -8 + wag), QPointF(-24, -12 + wag)}, 3, bodyColour, 3));
        a.items.push_back(ellipse(QPointF(0, 0), 14, 7.5, bodyColour, 1));
        a.items.push_back(limb({legTop, legTop + QPointF(swing, 12)}, 3.5, bodyColour, 2));
        a.items.push_back(limb({QPointF(9, -3), QPointF(15, -7 + nod)}, 5, bodyColour, 1)); // neck
        a.items.push_back(ellipse(QPointF(17, -8 + nod), 6.5, 5.5, headColour, 0));
        a.partAt[0] = map(QPointF(18, -8 + nod));
        a.partAt[1] = map(QPointF(-2, 0));
        a.partAt[2] = map(legTop + QPointF(swing, 12) * 0.8);
        a.partAt[3] = map(QPointF(-22, -10 + wag));
    } else {
        a.items.push_back(limb({QPointF(2, 6), QPointF(2 + swing * 0.5, 17)}, 2.5, headColour, 2));
        a.items.push_back(ellipse(QPointF(-15, 1 + wag * 0.4), 7, 3.5, bodyColour, 3));
        a.items.push_back(ellipse(QPointF(0, 0), 11, 7.5, bodyColour, 1));
        a.items.push_back(ellipse(QPointF(11, -9 + nod), 5.5, 5, headColour, 0));
        Item beak;
        beak.kind = Item::Polygon;
        beak.role = Role::Part;
        beak.part = 0;
        beak.object = 0;
        beak.colour = 6;
        beak.fill = colourRgb(6);
        beak.points << map(QPointF(15.5, -11 + nod)) << map(QPointF(22, -9 + nod)) << map(QPointF(15.5, -7 + nod));
        a.items.push_back(beak);
        a.partAt[0] = map(QPointF(11, -9 + nod));
        a.partAt[1] = map(QPointF(-1, 1));
        a.partAt[2] = map(QPointF(2 + swing * 0.4, 15));
        a.partAt[3] = map(QPointF(-17, 1 + wag * 0.4));
    }
    return a;
}

} // namespace

void generateSemanticCorrespondence(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double mr = markerRadius(ctx);
    const int category = rng.below(2);
    const int part = rng.below(4);

    SceneImage views[2];
    Animal animals[2];
    for (int k = 0; k < 2; ++k) {
        const std::vector<int> colours = distinctColours(rng, 2);
        const bool flip = ctx.level >= 1 && rng.chance(0.5);
        const double scale = ctx.s(ctx.level == 0 ? 1.0 : rng.uniform(0.8, 1.15));
        const double rot = ctx.level >= 2 ? rng.uniform(-20, 20) : 0.0;
        const QPointF centre(S / 2.0 + rng.uniform(-1, 1) * ctx.s(3), S / 2.0 + rng.uniform(-1, 1) * ctx.s(3));
        views[k].items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
        if (ctx.level >= 3) { // clutter behind the animal
            for (int i = 0; i < 3; ++i) {
                const QRectF r(rng.uniform(0, S * 0.8), rng.uniform(0, S * 0.8), ctx.s(rng.uniform(6, 14)), ctx.s(rng.uniform(6, 14)));
                views[k].items.push_back(makeRect(r, colourRgb(distinctColours(rng, 1, true)[0])));
            }
        }
        animals[k] = makeAnimal(ctx, category, colours[0], colours[1], flip, scale, rot, centre);
        for (const Item &it : animals[k].items)
            views[k].items.push_back(it);
    }
    views[0].overlay.push_back(makeMarker(0, animals[0].partAt[part], mr, markerStyle(ctx.level)));
    std::vector<int> others;
    for (int p = 0; p < 4; ++p)
        if (p != part)
            others.push_back(p);
    rng.shuffle(others);
    QJsonArray points, parts;
    int k = 0;
    for (int l = 0; l < 4; ++l) {
        const int p = l == ctx.answer ? part : others[size_t(k++)];
        views[1].overlay.push_back(makeMarker(l, animals[1].partAt[p], mr, markerStyle(ctx.level)));
        points.append(pointJson(animals[1].partAt[p]));
        parts.append(QLatin1String(kParts[p]));
    }
    for (const SceneImage &v : views)
        ctx.addImage(renderSceneImage(v, S), v);

    ctx.question = QStringLiteral("Which point in image 2 is the same part as the red point in image 1?");
    ctx.options = {pointOption(0), pointOption(1), pointOption(2), pointOption(3)};
    ctx.facts[QStringLiteral("category")] = QLatin1String(kCategories[category]);
    ctx.facts[QStringLiteral("refPart")] = QLatin1String(kParts[part]);
    ctx.facts[QStringLiteral("refPoint")] = pointJson(animals[0].partAt[part]);
    ctx.facts[QStringLiteral("points")] = points;
    ctx.facts[QStringLiteral("pointParts")] = parts;
    ctx.intermediate(QStringLiteral("part under the red point"), part, 4);
    ctx.intermediate(QStringLiteral("category"), category, 2);
}

} // namespace ts::tasks
