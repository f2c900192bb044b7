// Art Style: style = fill texture × palette × stroke; the content (shapes, layout) differs in all
// three panels, so only the style links the reference to the right candidate.
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

namespace ts::tasks {

namespace {

struct Style {
    int texture = 1; // 1..4
    int palette = 0;
    int stroke = 0;  // 0 none, 1 thin black, 2 thick white
};

const std::vector<std::vector<int>> &palettes()
{
    // Colour indices into palette(); each palette is a set of three.
    static const std::vector<std::vector<int>> p = {{0, 6, 3}, {2, 5, 7}, {1, 10, 9}, {4, 8, 11}, {5, 3, 1}};
    return p;
}

SceneImage panel(TaskContext &ctx, const Style &st)
{
    Rng &rng = ctx.rng;
    SceneImage s;
    s.items.push_back(makeRect(QRectF(0, 0, ctx.size, ctx.size), qRgb(215, 212, 205)));
    const int n = ctx.level >= 3 ? rng.range(4, 5) : 3;
    static const double rMin[] = {11, 10, 9, 7}, rMax[] = {14, 13, 12, 10};
    std::vector<Obj> objs;
    // Every palette colour must appear, so all n objects must fit: retry a little smaller if not.
    for (int attempt = 0; attempt < 10 && int(objs.size()) < n; ++attempt)
        objs = placeObjects(rng, n, ctx.size, ctx.s(rMin[ctx.level]) * (1 - 0.06 * attempt), ctx.s(rMax[ctx.level]) * (1 - 0.06 * attempt),
                            ctx.s(1), ctx.s(1));
    static const double period[] = {6, 5.5, 5, 4};
    const auto &pal = palettes()[size_t(st.palette)];
    for (size_t i = 0; i < objs.size(); ++i) {
        Obj &o = objs[i];
        o.shape = rng.below(int(Shape::Count));
        o.colour = pal[i % pal.size()]; // every palette colour appears in every panel
        o.texture = st.texture;
        o.rot = rng.uniform(0, 90);
        o.id = int(i);
        Item it = objItem(o);
        it.texturePeriod = ctx.s(period[ctx.level]);
        if (st.stroke == 1) {
            it.stroke = qRgb(20, 20, 20);
            it.strokeWidth = 1;
        } else if (st.stroke == 2) {
            it.stroke = qRgb(255, 255, 255);
            it.strokeWidth = 2;
        }
        s.items.push_back(it);
    }
    return s;
}

} // namespace

void generateArtStyle(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    Style ref;
    ref.texture = rng.range(1, 4);
    ref.palette = rng.below(int(palettes().size()));
    ref.stroke = rng.below(3);

    // How many of the three style attributes the wrong candidate changes.
    static const int changes[] = {3, 2, 1, 1};
    std::vector<int> which = {0, 1, 2};
    if (ctx.level >= 2)
        which = {0, 1}; // one change: texture or palette (stroke alone is too faint at 64 px)
    rng.shuffle(which);
    Style wrong = ref;
    for (int k = 0; k < changes[ctx.level]; ++k) {
        switch (which[size_t(k)]) {
        case 0: wrong.texture = 1 + (ref.texture - 1 + rng.range(1, 3)) % 4; break;
        case 1: wrong.palette = (ref.palette + rng.range(1, int(palettes().size()) - 1)) % int(palettes().size()); break;
        default: wrong.stroke = (ref.stroke + rng.range(1, 2)) % 3; break;
        }
    }

    const Style styles[3] = {ref, ctx.answer == 0 ? ref : wrong, ctx.answer == 1 ? ref : wrong};
    QJsonArray styleFacts;
    for (int k = 0; k < 3; ++k) {
        const SceneImage s = panel(ctx, styles[k]);
        ctx.addImage(renderSceneImage(s, ctx.size), s);
        styleFacts.append(QJsonObject{{QStringLiteral("texture"), textureName(styles[k].texture)},
                                      {QStringLiteral("palette"), styles[k].palette},
                                      {QStringLiteral("stroke"), styles[k].stroke}});
        ctx.intermediate(QStringLiteral("texture of image %1").arg(k + 1), styles[k].texture - 1, 4);
        ctx.intermediate(QStringLiteral("palette of image %1").arg(k + 1), styles[k].palette, int(palettes().size()));
    }
    QJsonArray pal;
    for (const auto &p : palettes())
        pal.append(QJsonArray{p[0], p[1], p[2]});
    ctx.facts[QStringLiteral("styles")] = styleFacts;
    ctx.facts[QStringLiteral("palettes")] = pal;
    ctx.question = QStringLiteral("Which image shares the same style as the reference image (image 1)?");
    ctx.options = {QStringLiteral("image 2"), QStringLiteral("image 3")};
}

} // namespace ts::tasks
