// The answer must really be in the pixels: each task's rendered images are checked against the scene
// the sample claims.
#include "task_test_util.h"
#include "tasks/patch_targets.h"
#include "tasks/task_registry.h"

#include <QJsonArray>
#include <QtTest>

using namespace ts::tasks;
using namespace tasktest;

namespace {

TaskSample make(const char *task, int index, int level = -1)
{
    SampleRequest r;
    r.split = Split::Val;
    r.index = index;
    r.level = level;
    return generateSample(*findTask(QString::fromLatin1(task)), r);
}

QJsonObject facts(const TaskSample &s) { return s.scene().value(QStringLiteral("facts")).toObject(); }
SceneImage desc(const TaskSample &s, int k) { return sceneImageFromJson(s.scene().value(QStringLiteral("images")).toArray()[k].toObject()); }
QPointF pt(const QJsonValue &v) { return pointFromJson(v); }

} // namespace

class TestTaskPixels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The description is complete: re-rendering it gives the very same pixels, and every marker is
    // drawn in its letter's colour at its stated point.
    void descriptionReproducesEveryImage()
    {
        std::vector<const TaskSpec *> all;
        for (const TaskSpec &t : suiteTasks())
            all.push_back(&t);
        for (const TaskSpec &t : primitiveTasks())
            all.push_back(&t);
        for (const TaskSpec *t : all)
            for (int level = 0; level < 4; ++level)
                for (int i = 0; i < 4; ++i) {
                    SampleRequest r;
                    r.index = i;
                    r.level = level;
                    const TaskSample s = generateSample(*t, r);
                    for (int k = 0; k < int(s.images.size()); ++k) {
                        const QImage again = renderFromDescription(s.scene(), k, 64).convertToFormat(QImage::Format_RGB888);
                        QVERIFY2(again == s.images[size_t(k)], qPrintable(QStringLiteral("%1 L%2 #%3 image %4").arg(t->abbreviation).arg(level).arg(i).arg(k + 1)));
                    }
                    const QString problem = checkMarkers(s);
                    QVERIFY2(problem.isEmpty(), qPrintable(problem));
                }
    }

    void visualSimilarityNearCopyIsCloser()
    {
        for (int i = 0; i < 30; ++i) {
            const TaskSample s = make("VS", i, 0);
            const int similar = facts(s).value(QStringLiteral("similarImage")).toInt();
            QCOMPARE(similar, 1 + s.answer);
            auto diff = [&](int k) {
                long d = 0;
                const std::vector<uint8_t> a = toRgbBytes(s.images[0]), b = toRgbBytes(s.images[size_t(k)]);
                for (size_t j = 0; j < a.size(); ++j)
                    d += std::abs(int(a[j]) - int(b[j]));
                return d;
            };
            QVERIFY2(diff(similar) < diff(3 - similar), qPrintable(QString::number(i)));
        }
    }

    // The right candidate shows every colour of the reference's palette; at level 0 (palette always
    // changed) the wrong one misses at least one.
    void artStyleSharesThePalette()
    {
        for (int level : {0, 1})
            for (int i = 0; i < 20; ++i) {
                const TaskSample s = make("AS", i, level);
                const QJsonArray styles = facts(s).value(QStringLiteral("styles")).toArray();
                const QJsonArray palettes = facts(s).value(QStringLiteral("palettes")).toArray();
                const QJsonArray refPalette = palettes[styles[0].toObject().value(QStringLiteral("palette")).toInt()].toArray();
                auto shows = [&](int k) {
                    int present = 0;
                    for (const QJsonValue &c : refPalette)
                        present += countColour(rgb32(s.images[size_t(k)]), colourRgb(c.toInt())) >= 3;
                    return present;
                };
                QCOMPARE(shows(0), 3);
                QCOMPARE(shows(1 + s.answer), 3);
                if (level == 0)
                    QVERIFY2(shows(2 - s.answer) < 3, qPrintable(QString::number(i)));
                QCOMPARE(styles[1 + s.answer].toObject(), styles[0].toObject());
                QVERIFY(styles[2 - s.answer].toObject() != styles[0].toObject());
            }
    }

    // The true point lies on the same object in both views; the distractors on other objects.
    void visualCorrespondencePointsOnTheRightObjects()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 10; ++i) {
                const TaskSample s = make("VC", i, level);
                const PixelLabels v1 = pixelLabels(s.scene(), 0), v2 = pixelLabels(s.scene(), 1);
                const QPointF ref = pt(facts(s).value(QStringLiteral("refPoint")));
                const int refObject = v1.at(PatchChannel::Object, int(ref.x()), int(ref.y()));
                QVERIFY(refObject > 0);
                const QJsonArray points = facts(s).value(QStringLiteral("points")).toArray();
                for (int l = 0; l < 4; ++l) {
                    const QPointF p = pt(points[l]);
                    const int obj = v2.at(PatchChannel::Object, int(p.x()), int(p.y()));
                    QVERIFY(obj > 0);
                    QVERIFY2((obj == refObject) == (l == s.answer), qPrintable(QStringLiteral("L%1 #%2 letter %3").arg(level).arg(i).arg(l)));
                }
            }
    }

    // The closer point is lower in the image (height cue) and sits on an object of the nearer depth bin.
    void relativeDepthPointsAndDepths()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 15; ++i) {
                const TaskSample s = make("RD", i, level);
                const QJsonArray points = facts(s).value(QStringLiteral("points")).toArray();
                const QJsonArray depths = facts(s).value(QStringLiteral("depths")).toArray();
                const int closer = depths[0].toDouble() < depths[1].toDouble() ? 0 : 1;
                QCOMPARE(closer, s.answer);
                const PixelLabels px = pixelLabels(s.scene(), 0);
                double bottom[2];
                for (int l = 0; l < 2; ++l) {
                    const QPointF p = pt(points[l]);
                    const int bin = px.at(PatchChannel::Depth, int(p.x()), int(p.y())) - 1;
                    const double z = depths[l].toDouble();
                    QCOMPARE(bin, z < 1.6 ? 0 : z < 2.2 ? 1 : z < 2.9 ? 2 : 3);
                    QVERIFY(px.at(PatchChannel::Object, int(p.x()), int(p.y())) > 0); // on an object, not ground
                    // The object's lowest pixel: where it stands on the ground.
                    const int obj = px.at(PatchChannel::Object, int(p.x()), int(p.y()));
                    bottom[l] = 0;
                    for (int y = 0; y < 64; ++y)
                        for (int x = 0; x < 64; ++x)
                            if (px.at(PatchChannel::Object, x, y) == obj)
                                bottom[l] = std::max(bottom[l], double(y));
                }
                QVERIFY2(bottom[closer] > bottom[1 - closer], qPrintable(QStringLiteral("L%1 #%2").arg(level).arg(i)));
            }
    }

    // Pixels near A and B are their patch's albedo times the stated light; the answer follows the
    // albedo (not the pixels), and at hard levels the pixels do invert the order sometimes.
    void relativeReflectanceAlbedoUnderLight()
    {
        int inverted = 0;
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 30; ++i) {
                const TaskSample s = make("RR", i, level);
                const SceneImage d = desc(s, 0);
                const QJsonObject light = d.effects[0].toObject();
                const QImage mask = shadowMask(light, 64);
                const QJsonArray points = facts(s).value(QStringLiteral("points")).toArray();
                const QJsonArray patches = facts(s).value(QStringLiteral("patches")).toArray();
                int grey[2];
                for (int l = 0; l < 2; ++l) {
                    const Item &patch = d.items[size_t(patches[l].toInt())];
                    const QPointF p = pt(points[l]);
                    // A probe pixel in the same patch, just outside the marker.
                    QPoint probe(-1, -1);
                    for (int dy = -6; dy <= 6 && probe.x() < 0; ++dy)
                        for (int dx = -6; dx <= 6; ++dx) {
                            const QPointF q(int(p.x()) + dx + 0.5, int(p.y()) + dy + 0.5);
                            if (std::hypot(q.x() - p.x(), q.y() - p.y()) > 5 && patch.rect.contains(q)) {
                                probe = q.toPoint();
                                break;
                            }
                        }
                    QVERIFY(probe.x() >= 0);
                    const double f = lightFactorAt(light, probe.x(), probe.y(), &mask);
                    const QRgb seen = s.images[0].pixel(probe);
                    QVERIFY2(std::abs(qRed(seen) - std::min(255, int(qRed(patch.fill) * f + 0.5))) <= 1,
                             qPrintable(QStringLiteral("L%1 #%2").arg(level).arg(i)));
                    grey[l] = qGreen(patch.fill);
                }
                const int expected = grey[0] == grey[1] ? 2 : grey[0] < grey[1] ? 0 : 1;
                QCOMPARE(s.answer, expected);
                inverted += facts(s).value(QStringLiteral("pixelOrderInverted")).toBool();
            }
        QVERIFY(inverted >= 5);
    }

    void spatialRelationObjectsWhereClaimed()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 20; ++i) {
                const TaskSample s = make("SR", i, level);
                const QJsonObject f = facts(s);
                const QPointF a = pt(f.value(QStringLiteral("first"))), b = pt(f.value(QStringLiteral("second")));
                QCOMPARE(countColourNear(rgb32(s.images[0]), a, 2, QColor(f.value(QStringLiteral("firstColour")).toString()).rgb()) > 4, true);
                QCOMPARE(countColourNear(rgb32(s.images[0]), b, 2, QColor(f.value(QStringLiteral("secondColour")).toString()).rgb()) > 4, true);
                const QString rel = f.value(QStringLiteral("relation")).toString();
                const bool holds = rel == QLatin1String("to the left of") ? a.x() < b.x()
                    : rel == QLatin1String("to the right of") ? a.x() > b.x()
                    : rel == QLatin1String("above") ? a.y() < b.y() : a.y() > b.y();
                QCOMPARE(s.answer, holds ? 0 : 1);
                QVERIFY(s.question.contains(rel));
            }
    }

    // The blank is blank, the right patch is exactly the hidden content, the wrong one is not.
    void jigsawPatchIsTheHiddenContent()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 10; ++i) {
                const TaskSample s = make("JS", i, level);
                const QRect blank = rectFromJson(facts(s).value(QStringLiteral("blank"))).toRect();
                const QImage shown = rgb32(s.images[0]);
                QCOMPARE(countColour(shown.copy(blank), qRgb(0, 0, 0)), blank.width() * blank.height());
                const QImage clean = renderItems(desc(s, 0).items, 64);
                const QImage truth = clean.copy(blank).scaled(64, 64, Qt::IgnoreAspectRatio, Qt::FastTransformation);
                QCOMPARE(rgb32(s.images[size_t(1 + s.answer)]), truth);
                QVERIFY(rgb32(s.images[size_t(2 - s.answer)]) != truth);
            }
    }

    // At levels 0–1 targets have a colour of their own and never touch: one blob per target.
    void countingBlobsMatchTheCount()
    {
        for (int level : {0, 1})
            for (int i = 0; i < 40; ++i) {
                const TaskSample s = make("CO", i, level);
                const int count = facts(s).value(QStringLiteral("count")).toInt();
                QCOMPARE(s.options[s.answer].toInt(), count);
                const QRgb colour = QColor(facts(s).value(QStringLiteral("targetColour")).toString()).rgb();
                QVERIFY2(components(rgb32(s.images[0]), colour) == count,
                         qPrintable(QStringLiteral("L%1 #%2: %3 blobs, count %4").arg(level).arg(i).arg(components(rgb32(s.images[0]), colour)).arg(count)));
            }
        // Harder levels: the items of the target shape are as many as claimed.
        for (int i = 0; i < 20; ++i) {
            const TaskSample s = make("CO", i, 3);
            const QString shape = facts(s).value(QStringLiteral("targetShape")).toString();
            int n = 0;
            for (const Item &it : desc(s, 0).items)
                n += it.shape >= 0 && shapeName(it.shape) == shape;
            QCOMPARE(n, facts(s).value(QStringLiteral("count")).toInt());
        }
    }

    // Every marked point lies on the tool / the animal, and the answer marks the same role / part.
    void partCorrespondencePointsOnParts()
    {
        for (const char *task : {"FC", "SC"})
            for (int level = 0; level < 4; ++level)
                for (int i = 0; i < 10; ++i) {
                    const TaskSample s = make(task, i, level);
                    const QJsonObject f = facts(s);
                    const QString roleKey = QLatin1String(task) == QLatin1String("FC") ? QStringLiteral("refRole") : QStringLiteral("refPart");
                    const QString listKey = QLatin1String(task) == QLatin1String("FC") ? QStringLiteral("pointRoles") : QStringLiteral("pointParts");
                    QCOMPARE(f.value(listKey).toArray()[s.answer].toString(), f.value(roleKey).toString());
                    const PixelLabels v1 = pixelLabels(s.scene(), 0), v2 = pixelLabels(s.scene(), 1);
                    const QPointF ref = pt(f.value(QStringLiteral("refPoint")));
                    QVERIFY(v1.at(PatchChannel::Object, int(ref.x()), int(ref.y())) == 1);
                    for (const QJsonValue &p : f.value(QStringLiteral("points")).toArray())
                        QVERIFY2(v2.at(PatchChannel::Object, int(pt(p).x()), int(pt(p).y())) == 1,
                                 qPrintable(QStringLiteral("%1 L%2 #%3").arg(QLatin1String(task)).arg(level).arg(i)));
                    // Distinct roles for the four letters.
                    QStringList roles;
                    for (const QJsonValue &r : f.value(listKey).toArray())
                        roles << r.toString();
                    roles.removeDuplicates();
                    QCOMPARE(roles.size(), 4);
                }
    }

    // The nearest object moves opposite to the camera; at levels 0–1 every object does.
    void multiviewParallax()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 12; ++i) {
                const TaskSample s = make("MV", i, level);
                const double move = facts(s).value(QStringLiteral("cameraMove")).toDouble();
                QCOMPARE(s.answer, move < 0 ? 0 : 1);
                const SceneImage d1 = desc(s, 0);
                double nearestZ = 1e9;
                QRgb nearestColour = 0;
                for (const QJsonValue &v : facts(s).value(QStringLiteral("shifts")).toArray()) {
                    const QJsonObject o = v.toObject();
                    if (o.value(QStringLiteral("z")).toDouble() < nearestZ) {
                        nearestZ = o.value(QStringLiteral("z")).toDouble();
                        for (const Item &it : d1.items)
                            if (it.object == o.value(QStringLiteral("object")).toInt())
                                nearestColour = it.fill;
                    }
                    if (level <= 1)
                        QVERIFY(o.value(QStringLiteral("shift")).toDouble() * move < 0);
                }
                const QPointF c1 = centroidOf(rgb32(s.images[0]), nearestColour), c2 = centroidOf(rgb32(s.images[1]), nearestColour);
                QVERIFY2((c2.x() - c1.x()) * move < 0, qPrintable(QStringLiteral("L%1 #%2").arg(level).arg(i)));
            }
    }

    // The right box is one pixel outside the object's pixel extent on every side; the wrong one is not.
    void objectLocalizationTightBox()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 15; ++i) {
                const TaskSample s = make("OL", i, level);
                const int target = facts(s).value(QStringLiteral("target")).toInt();
                const PixelLabels px = pixelLabels(s.scene(), 0);
                int x0 = 64, y0 = 64, x1 = -1, y1 = -1;
                for (int y = 0; y < 64; ++y)
                    for (int x = 0; x < 64; ++x)
                        if (px.at(PatchChannel::Object, x, y) == target + 1) {
                            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
                        }
                const QJsonArray boxes = facts(s).value(QStringLiteral("boxes")).toArray();
                const QRectF right = rectFromJson(boxes[s.answer]), wrong = rectFromJson(boxes[1 - s.answer]);
                QCOMPARE(right, QRectF(x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2));
                QVERIFY(wrong != right);
                // The outline is really drawn in the box's colour along its edges.
                // (The other box may run along part of it, so half the perimeter is asked for.)
                const QImage img = rgb32(s.images[0]);
                const QRgb c = markerRgb(s.answer) & 0xffffff;
                int onEdge = 0;
                for (int x = int(right.left()); x <= int(right.right()); ++x)
                    onEdge += ((img.pixel(x, int(right.top())) & 0xffffff) == c) + ((img.pixel(x, int(right.bottom())) & 0xffffff) == c);
                for (int y = int(right.top()); y <= int(right.bottom()); ++y)
                    onEdge += ((img.pixel(int(right.left()), y) & 0xffffff) == c) + ((img.pixel(int(right.right()), y) & 0xffffff) == c);
                QVERIFY2(onEdge >= int(right.width() + right.height()), qPrintable(QStringLiteral("L%1 #%2: %3").arg(level).arg(i).arg(onEdge)));
            }
    }

    // Clean images are exactly their description; the manipulated one differs from its clean render
    // only inside the stated region, and visibly.
    void forensicManipulationWhereStated()
    {
        QSet<QString> kinds;
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 16; ++i) {
                const TaskSample s = make("FD", i, level);
                const QJsonObject f = facts(s);
                kinds.insert(f.value(QStringLiteral("kind")).toString());
                const int m = f.value(QStringLiteral("manipulated")).toInt();
                QCOMPARE(m, s.answer);
                SceneImage clean = desc(s, m);
                const QJsonArray pasted = f.value(QStringLiteral("pastedItems")).toArray();
                for (int j = pasted.size() - 1; j >= 0; --j)
                    clean.items.erase(clean.items.begin() + pasted[j].toInt());
                const int effect = f.value(QStringLiteral("effectIndex")).toInt();
                if (effect >= 0)
                    clean.effects.removeAt(effect);
                const QImage cleanImg = renderSceneImage(clean, 64);
                const QImage shown = rgb32(s.images[size_t(m)]);
                const QRectF region = rectFromJson(f.value(QStringLiteral("region"))).adjusted(-1, -1, 1, 1);
                int differing = 0;
                for (int y = 0; y < 64; ++y)
                    for (int x = 0; x < 64; ++x)
                        if ((shown.pixel(x, y) & 0xffffff) != (cleanImg.pixel(x, y) & 0xffffff)) {
                            ++differing;
                            QVERIFY2(region.contains(QPointF(x + 0.5, y + 0.5)),
                                     qPrintable(QStringLiteral("L%1 #%2 %3: (%4,%5) outside").arg(level).arg(i).arg(f.value(QStringLiteral("kind")).toString()).arg(x).arg(y)));
                        }
                QVERIFY2(differing >= 10, qPrintable(QStringLiteral("L%1 #%2 %3: %4 pixels").arg(level).arg(i).arg(f.value(QStringLiteral("kind")).toString()).arg(differing)));
            }
        QCOMPARE(kinds.size(), 4);
    }

    void primitivesAnswerInThePixels()
    {
        for (int level = 0; level < 4; ++level)
            for (int i = 0; i < 12; ++i) {
                const TaskSample col = make("P-COL", i, level);
                const PixelLabels px = pixelLabels(col.scene(), 0);
                const QPointF p = pt(facts(col).value(QStringLiteral("point")));
                QCOMPARE(colourName(px.at(PatchChannel::Colour, int(p.x()), int(p.y())) - 1), col.options[col.answer]);
                QVERIFY(countColourNear(rgb32(col.images[0]), p, 8, QColor(facts(col).value(QStringLiteral("colour")).toString()).rgb()) > 10);

                const TaskSample loc = make("P-LOC", i, level);
                const QPointF m = pt(facts(loc).value(QStringLiteral("point")));
                QCOMPARE((m.x() > 32 ? 1 : 0) + (m.y() > 32 ? 2 : 0), loc.answer);

                const TaskSample cnt = make("P-CNT", i, level);
                const int blobs = components(rgb32(cnt.images[0]), QColor(facts(cnt).value(QStringLiteral("colour")).toString()).rgb());
                QVERIFY2(blobs == cnt.options[cnt.answer].toInt(), qPrintable(QStringLiteral("P-CNT L%1 #%2: %3 blobs").arg(level).arg(i).arg(blobs)));

                const TaskSample side = make("P-SIDE", i, level);
                QCOMPARE(pt(facts(side).value(QStringLiteral("centre"))).x() > 32 ? 1 : 0, side.answer);

                const TaskSample tex = make("P-TEX", i, level);
                const QRectF panel = rectFromJson(facts(tex).value(QStringLiteral("panel")));
                const SceneImage d = desc(tex, 0);
                QCOMPARE(textureName(d.items[1].texture), tex.options[tex.answer]);
                // Both the panel colour and the texture ink are visible inside the panel.
                const QImage crop = rgb32(tex.images[0]).copy(panel.toRect().adjusted(1, 1, -1, -1));
                QVERIFY(countColour(crop, d.items[1].fill) > 20);
                QVERIFY(countColour(crop, d.items[1].textureColour) > 20);
            }
    }
};

QTEST_GUILESS_MAIN(TestTaskPixels)
#include "test_task_pixels.moc"
