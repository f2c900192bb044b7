// Functional Correspondence: two tools of different designs, each made of a handle, a shaft, a head
// and a tip along one axis. The red point marks a part of tool 1; A–D mark the four parts of tool 2.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

namespace {

enum PartKind { RectPart, Trapezoid, Oval, Point };
struct PartDesign {
    double length, width0, width1; // along the axis; width at start and end (64-px units)
    PartKind kind;
};
struct ToolDesign {
    const char *name;
    PartDesign parts[4]; // handle, shaft, head, tip
};

const ToolDesign kDesigns[] = {
    {"hammer", {{18, 7, 7, RectPart}, {13, 4, 4, RectPart}, {10, 18, 18, RectPart}, {9, 9, 9, RectPart}}},
    {"screwdriver", {{16, 10, 10, Oval}, {17, 4, 4, RectPart}, {9, 8, 5, Trapezoid}, {9, 5, 0, Point}}},
    {"axe", {{19, 6, 6, RectPart}, {10, 5, 5, RectPart}, {10, 11, 21, Trapezoid}, {9, 13, 13, RectPart}}},
    {"ladle", {{17, 6, 6, RectPart}, {11, 4, 4, RectPart}, {13, 14, 14, Oval}, {9, 6, 0, Point}}},
    {"wrench", {{17, 8, 8, RectPart}, {13, 5, 5, RectPart}, {9, 9, 15, Trapezoid}, {9, 7, 11, Trapezoid}}},
};
constexpr int kDesignCount = int(sizeof(kDesigns) / sizeof(kDesigns[0]));
const char *kRoles[] = {"handle", "shaft", "head", "tip"};

QPolygonF partOutline(const PartDesign &p, double u0, double scale)
{
    const double u1 = u0 + p.length * scale, w0 = p.width0 * scale / 2, w1 = p.width1 * scale / 2;
    QPolygonF poly;
    switch (p.kind) {
    case Oval:
        for (int i = 0; i < 14; ++i) {
            const double a = 2 * 3.14159265358979 * i / 14;
            poly << QPointF((u0 + u1) / 2 + (u1 - u0) / 2 * std::cos(a), w0 * std::sin(a));
        }
        break;
    case Point:
        poly << QPointF(u0, -w0) << QPointF(u1, 0) << QPointF(u0, w0);
        break;
    default:
        poly << QPointF(u0, -w0) << QPointF(u1, -w1) << QPointF(u1, w1) << QPointF(u0, w0);
    }
    return poly;
}

struct Tool {
    std::vector<Item> items;
    QPointF roleAt[4];
};

Tool makeTool(TaskContext &ctx, int design, const int colours[4], bool textureGrip)
{
    Rng &rng = ctx.rng;
    const ToolDesign &d = kDesigns[design];
    // Per-instance variation of every part, so no two tools of one design are identical either.
    double lengths[4], total = 0;
    for (int i = 0; i < 4; ++i) {
        lengths[i] = d.parts[i].length * rng.uniform(0.85, 1.15);
        total += lengths[i];
    }
    const double scale = ctx.s(rng.uniform(0.9, 1.0) * 56.0 / total);
    const double theta = ctx.level == 0 ? 0.0 : ctx.level == 1 ? rng.uniform(-30, 30) : rng.uniform(0, 360);
    const double t = theta * 3.14159265358979 / 180.0;
    const QPointF axis(std::cos(t), std::sin(t)), perp(-std::sin(t), std::cos(t));
    const double len = total * scale;
    const QPointF origin = QPointF(ctx.size / 2.0, ctx.size / 2.0) - axis * (len / 2)
        + QPointF(rng.uniform(-1, 1), rng.uniform(-1, 1)) * ctx.s(3);
    auto map = [&](QPointF local) { return origin + axis * local.x() + perp * local.y(); };

    Tool tool;
    double u = 0;
    for (int i = 0; i < 4; ++i) {
        PartDesign p = d.parts[i];
        p.length = lengths[i];
        Item it;
        it.kind = Item::Polygon;
        it.role = Role::Part;
        it.part = i;
        it.object = 0;
        it.colour = colours[i];
        it.fill = colourRgb(colours[i]);
        for (const QPointF &q : partOutline(p, u, scale))
            it.points << map(q);
        if (i == 0 && textureGrip) {
            it.texture = int(Texture::Hatching);
            it.textureColour = qRgb(30, 30, 30);
            it.texturePeriod = ctx.s(3);
        }
        tool.items.push_back(it);
        const double u1 = u + p.length * scale;
        // The tip's point sits near its far end so its marker does not run into the head's.
        tool.roleAt[i] = map(QPointF(i == 3 ? u1 - (u1 - u) * 0.4 : (u + u1) / 2, 0));
        u = u1;
    }
    return tool;
}

} // namespace

void generateFunctionalCorrespondence(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double mr = markerRadius(ctx);
    const std::vector<int> designs = rng.distinct(kDesignCount, 2);
    const int role = rng.below(4);

    auto coloursFor = [&](int out[4]) {
        if (ctx.level == 0) { // a fixed colour per role: correspondence by a single lookup
            const int fixed[4] = {10, 9, 2, 6};
            std::copy(fixed, fixed + 4, out);
        } else if (ctx.level == 1) {
            const std::vector<int> c = distinctColours(rng, 4, true);
            std::copy(c.begin(), c.end(), out);
        } else if (ctx.level == 2) {
            const std::vector<int> c = distinctColours(rng, 2, true);
            out[0] = c[0];
            out[1] = out[2] = out[3] = c[1];
        } else {
            out[0] = out[1] = out[2] = out[3] = distinctColours(rng, 1, true)[0];
        }
    };

    SceneImage views[2];
    Tool tools[2];
    for (int k = 0; k < 2; ++k) {
        int colours[4];
        coloursFor(colours);
        views[k].items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
        tools[k] = makeTool(ctx, designs[size_t(k)], colours, ctx.level <= 1);
        for (const Item &it : tools[k].items)
            views[k].items.push_back(it);
    }
    views[0].overlay.push_back(makeMarker(0, tools[0].roleAt[role], mr, markerStyle(ctx.level)));
    std::vector<int> otherRoles;
    for (int r = 0; r < 4; ++r)
        if (r != role)
            otherRoles.push_back(r);
    rng.shuffle(otherRoles);
    QJsonArray points, roles;
    int k = 0;
    for (int l = 0; l < 4; ++l) {
        const int r = l == ctx.answer ? role : otherRoles[size_t(k++)];
        views[1].overlay.push_back(makeMarker(l, tools[1].roleAt[r], mr, markerStyle(ctx.level)));
        points.append(pointJson(tools[1].roleAt[r]));
        roles.append(QLatin1String(kRoles[r]));
    }
    for (const SceneImage &v : views)
        ctx.addImage(renderSceneImage(v, S), v);

    ctx.question = QStringLiteral("Which point in image 2 plays the same role as the red point in image 1?");
    ctx.options = {pointOption(0), pointOption(1), pointOption(2), pointOption(3)};
    ctx.facts[QStringLiteral("tools")] = QJsonArray{QLatin1String(kDesigns[designs[0]].name), QLatin1String(kDesigns[designs[1]].name)};
    ctx.facts[QStringLiteral("refRole")] = QLatin1String(kRoles[role]);
    ctx.facts[QStringLiteral("refPoint")] = pointJson(tools[0].roleAt[role]);
    ctx.facts[QStringLiteral("points")] = points;
    ctx.facts[QStringLiteral("pointRoles")] = roles;
    ctx.intermediate(QStringLiteral("role of the red point"), role, 4);
    ctx.intermediate(QStringLiteral("design of tool 2"), designs[1], kDesignCount);
}

} // namespace ts::tasks
