// Forensic Detection: four renders of scenes lit by one light (every object casts its shadow the same
// way); one image is manipulated: a pasted object whose shadow falls the wrong way, a copy-moved
// block, a block of mismatched noise, or a blurred block.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

namespace {

const char *kKinds[] = {"pasted object", "copy-move", "noise", "blur"};

QRgb darker(QRgb c, double f) { return qRgb(int(qRed(c) * f), int(qGreen(c) * f), int(qBlue(c) * f)); }

void addObjectWithShadow(SceneImage &scene, const Obj &o, QPointF shadowOffset, QRgb bg)
{
    Obj shadow = o;
    shadow.c += shadowOffset;
    Item s = objItem(shadow);
    s.role = Role::Shadow;
    s.fill = darker(bg, 0.6);
    s.texture = 0;
    s.colour = -1;
    s.object = -1;
    s.shape = -1;
    scene.items.push_back(s);
    scene.items.push_back(objItem(o));
}

} // namespace

void generateForensicDetection(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    const double phi = rng.uniform(0, 2 * 3.14159265358979);
    const QPointF shadowOffset = QPointF(std::cos(phi), std::sin(phi)) * ctx.s(3.5);
    const int kind = rng.below(4);
    static const double region[] = {30, 22, 16, 12};
    static const double sigma[] = {40, 28, 18, 12};
    const int q = int(std::lround(ctx.s(region[ctx.level])));

    QJsonArray regionJson;
    QJsonArray pastedItems;
    int manipEffect = -1;
    for (int k = 0; k < 4; ++k) {
        SceneImage scene;
        const QRgb bg = pickBackground(rng);
        scene.items.push_back(makeRect(QRectF(0, 0, S, S), bg));
        const int n = rng.range(3, 4);
        std::vector<Obj> objs = placeObjects(rng, n, S, objectRadiusMin(ctx), objectRadiusMax(ctx), ctx.s(5), ctx.s(6));
        const std::vector<int> colours = distinctColours(rng, 9);
        for (size_t i = 0; i < objs.size(); ++i) {
            objs[i].id = int(i);
            objs[i].shape = rng.below(int(Shape::Count));
            objs[i].colour = colours[i];
            objs[i].rot = rng.uniform(0, 90);
            addObjectWithShadow(scene, objs[i], shadowOffset, bg);
        }
        if (ctx.level >= 2) { // sensor noise on every image, so noise alone is not the tell
            scene.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("noise")},
                                             {QStringLiteral("seed"), QString::number(rng.next())},
                                             {QStringLiteral("sigma"), 3.0}, {QStringLiteral("rect"), rectJson(QRectF(0, 0, S, S))}});
        }
        if (k == ctx.answer) {
            QRectF changed;
            if (kind == 0) {
                Obj p;
                p.r = objectRadiusMax(ctx);
                const std::vector<Obj> spot = placeObjects(rng, 1, S, p.r, p.r, ctx.s(5), ctx.s(1), objs);
                p.c = spot.empty() ? QPointF(S / 2.0, S / 2.0) : spot[0].c;
                p.shape = rng.below(int(Shape::Count));
                p.colour = colours[std::min<size_t>(objs.size(), colours.size() - 1)];
                p.id = int(objs.size());
                pastedItems = {int(scene.items.size()), int(scene.items.size() + 1)};
                addObjectWithShadow(scene, p, -shadowOffset, bg); // the shadow falls towards the light
                changed = scene.items.back().bounds().united(scene.items[scene.items.size() - 2].bounds());
            } else {
                const QRect from(rng.range(0, S - q), rng.range(0, S - q), q, q);
                QRect to = from;
                if (kind == 1) { // copy-move: a block around an object, moved clear of its source
                    const Obj &src = objs[size_t(rng.below(int(objs.size())))];
                    QRect f(int(src.c.x()) - q / 2, int(src.c.y()) - q / 2, q, q);
                    f.moveLeft(std::max(0, std::min(S - q, f.left())));
                    f.moveTop(std::max(0, std::min(S - q, f.top())));
                    for (int tries = 0; tries < 40; ++tries) {
                        to = QRect(rng.range(0, S - q), rng.range(0, S - q), q, q);
                        if (!to.intersects(f))
                            break;
                    }
                    scene.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("copymove")},
                                                     {QStringLiteral("from"), rectJson(f)}, {QStringLiteral("to"), pointJson(to.topLeft())}});
                } else if (kind == 2) {
                    scene.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("noise")},
                                                     {QStringLiteral("seed"), QString::number(rng.next())},
                                                     {QStringLiteral("sigma"), sigma[ctx.level]}, {QStringLiteral("rect"), rectJson(to)}});
                } else { // blur a block that holds an object edge, where blur is visible
                    const Obj &src = objs[size_t(rng.below(int(objs.size())))];
                    to.moveLeft(std::max(0, std::min(S - q, int(src.c.x() + src.r) - q / 2)));
                    to.moveTop(std::max(0, std::min(S - q, int(src.c.y()) - q / 2)));
                    scene.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("blur")},
                                                     {QStringLiteral("radius"), ctx.level <= 1 ? 2 : 1}, {QStringLiteral("rect"), rectJson(to)}});
                }
                manipEffect = int(scene.effects.size()) - 1;
                changed = to;
            }
            regionJson = rectJson(changed);
        }
        ctx.addImage(renderSceneImage(scene, S), scene);
    }

    ctx.question = QStringLiteral("Which image has been manipulated?");
    ctx.options = {QStringLiteral("image 1"), QStringLiteral("image 2"), QStringLiteral("image 3"), QStringLiteral("image 4")};
    ctx.facts[QStringLiteral("manipulated")] = ctx.answer;
    ctx.facts[QStringLiteral("kind")] = QLatin1String(kKinds[kind]);
    ctx.facts[QStringLiteral("region")] = regionJson;
    ctx.facts[QStringLiteral("effectIndex")] = manipEffect;
    ctx.facts[QStringLiteral("pastedItems")] = pastedItems;
    ctx.facts[QStringLiteral("shadowOffset")] = pointJson(shadowOffset);
    ctx.intermediate(QStringLiteral("manipulation kind"), kind, 4);
    ctx.intermediate(QStringLiteral("light direction quadrant"), int(phi / (3.14159265358979 / 2)) % 4, 4);
}

} // namespace ts::tasks
