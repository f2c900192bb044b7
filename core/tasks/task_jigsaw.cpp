// Jigsaw: a scene with a blanked square and two candidate patches, shown enlarged as images 2 and
// 3: the true crop of the blank, and a crop from elsewhere (similar in colour at hard levels).
#include "tasks/task_context.h"
#include "tasks/task_generators.h"

#include <cmath>

namespace ts::tasks {

namespace {

QRgb meanColour(const QImage &img, const QRect &r)
{
    long sr = 0, sg = 0, sb = 0, n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = r.left(); x <= r.right(); ++x) {
            const QRgb c = row[x];
            sr += qRed(c);
            sg += qGreen(c);
            sb += qBlue(c);
            ++n;
        }
    }
    return n ? qRgb(int(sr / n), int(sg / n), int(sb / n)) : 0;
}

int colourDistance(QRgb a, QRgb b) { return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)); }

} // namespace

void generateJigsaw(TaskContext &ctx)
{
    Rng &rng = ctx.rng;
    const int S = ctx.size;
    static const double blankFrac[] = {0.5, 0.375, 0.25, 0.25};
    const int c = std::max(4, int(std::lround(S * blankFrac[ctx.level])));

    SceneImage full;
    full.items.push_back(makeRect(QRectF(0, 0, S, S), pickBackground(rng)));
    const int n = ctx.level <= 1 ? rng.range(5, 6) : rng.range(7, 9);
    std::vector<Obj> objs = placeObjects(rng, n, S, ctx.s(6), ctx.s(12), -ctx.s(3), -ctx.s(3));
    const std::vector<int> colours = distinctColours(rng, 9); // no black: the blank is black
    for (size_t i = 0; i < objs.size(); ++i) {
        Obj &o = objs[i];
        o.id = int(i);
        o.shape = rng.below(int(Shape::Count));
        o.colour = colours[i % colours.size()];
        o.rot = rng.uniform(0, 90);
        if (ctx.level >= 3 && rng.chance(0.5))
            o.texture = rng.range(1, 4);
        full.items.push_back(objItem(o));
    }
    const QImage clean = renderItems(full.items, S);

    // The blank must hide something (not plain background), or no patch could be told apart.
    const QRgb bgColour = full.items.front().fill;
    std::vector<const QRgb *> rows(static_cast<size_t>(S), nullptr); // constScanLine per pixel was most of this task's time
    for (int y = 0; y < S; ++y)
        rows[size_t(y)] = reinterpret_cast<const QRgb *>(clean.constScanLine(y));
    auto at = [&](int x, int y) { return rows[size_t(y)][x]; };
    auto content = [&](const QRect &r) {
        int n = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                n += at(x, y) != bgColour;
        return double(n) / (r.width() * r.height());
    };
    QRect blank(rng.range(0, S - c), rng.range(0, S - c), c, c);
    for (int tries = 0; tries < 30 && content(blank) < 0.2; ++tries)
        blank = QRect(rng.range(0, S - c), rng.range(0, S - c), c, c);
    // Candidate places for the wrong patch: mostly outside the blank (overlap ≤ a quarter).
    std::vector<QRect> candidates;
    for (int tries = 0; tries < 60 && candidates.size() < 12; ++tries) {
        const QRect r(rng.range(0, S - c), rng.range(0, S - c), c, c);
        const QRect overlap = r & blank;
        // The wrong patch must look different from the right one in a good share of its pixels.
        int differ = 0;
        for (int y = 0; y < c; ++y)
            for (int x = 0; x < c; ++x)
                differ += at(r.x() + x, r.y() + y) != at(blank.x() + x, blank.y() + y);
        if (overlap.width() * overlap.height() * 4 <= c * c && differ * 5 >= c * c)
            candidates.push_back(r);
    }
    if (candidates.empty()) // cannot happen for c ≤ S/2, but keep a valid sample regardless
        candidates.push_back(QRect(blank.x() < S / 2 ? S - c : 0, blank.y(), c, c));
    QRect wrong = candidates.front();
    if (ctx.level >= 2) { // the most similar mean colour makes the colour shortcut useless
        const QRgb target = meanColour(clean, blank);
        for (const QRect &r : candidates)
            if (colourDistance(meanColour(clean, r), target) < colourDistance(meanColour(clean, wrong), target))
                wrong = r;
    }

    SceneImage shown = full;
    shown.effects.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("blank")}, {QStringLiteral("rect"), rectJson(blank)},
                                     {QStringLiteral("colour"), rgbHex(qRgb(0, 0, 0))}});
    QImage shownImg = clean.copy();
    applyEffect(shownImg, shown.effects[0].toObject()); // the same as renderSceneImage(shown), one render less
    ctx.addImage(shownImg, shown);
    for (int k = 0; k < 2; ++k) {
        const QRect r = k == ctx.answer ? blank : wrong;
        SceneImage patch;
        patch.crop = QJsonObject{{QStringLiteral("from"), 0}, {QStringLiteral("rect"), rectJson(r)}};
        ctx.addImage(clean.copy(r).scaled(S, S, Qt::IgnoreAspectRatio, Qt::FastTransformation), patch);
    }

    ctx.question = QStringLiteral("Which image (image 2 or image 3) fills the missing black square of image 1?");
    ctx.options = {QStringLiteral("image 2"), QStringLiteral("image 3")};
    ctx.facts[QStringLiteral("blank")] = rectJson(blank);
    ctx.facts[QStringLiteral("wrong")] = rectJson(wrong);
    ctx.intermediate(QStringLiteral("blank quadrant"), (blank.center().x() >= S / 2 ? 1 : 0) + (blank.center().y() >= S / 2 ? 2 : 0), 4);
}

} // namespace ts::tasks
