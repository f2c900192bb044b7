#include "common/input_error.h"
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
    r.index = index;
    r.level = level;
    return generateSample(*findTask(QString::fromLatin1(task)), r);
}
} // namespace

class TestPatchTargets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapeAndPatchSizes()
    {
        const TaskSample s = make("VS", 1);
        const PatchTargets t = patchTargets(s);
        QCOMPARE(t.grid, 8);
        QCOMPARE(t.images, 3);
        QCOMPARE(t.data.size(), size_t(3 * kPatchChannels * 64));
        QCOMPARE(patchChannelNames().size(), kPatchChannels);
        const PatchTargets coarse = patchTargets(s, 16);
        QCOMPARE(coarse.grid, 4);
        QVERIFY_THROWS_EXCEPTION(ts::InputError, patchTargets(s, 7));
    }

    // Every labelled object pixel shows exactly its palette colour (solid fills, no effects), so the
    // labels really describe the pixels.
    void pixelLabelsAgreeWithPixels()
    {
        for (const char *task : {"SR", "OL", "CO", "VS", "P-SIDE"})
            for (int i = 0; i < 8; ++i) {
                const TaskSample s = make(task, i);
                for (int k = 0; k < int(s.images.size()); ++k) {
                    const PixelLabels px = pixelLabels(s.scene(), k);
                    const QImage img = rgb32(s.images[size_t(k)]);
                    int checked = 0;
                    for (int y = 0; y < 64; ++y)
                        for (int x = 0; x < 64; ++x) {
                            const int colour = px.at(PatchChannel::Colour, x, y);
                            if (colour == 0 || px.at(PatchChannel::Marker, x, y) != 0)
                                continue;
                            QVERIFY2((img.pixel(x, y) & 0xffffff) == (colourRgb(colour - 1) & 0xffffff),
                                     qPrintable(QStringLiteral("%1 #%2 (%3,%4)").arg(QLatin1String(task)).arg(i).arg(x).arg(y)));
                            ++checked;
                        }
                    QVERIFY(checked > 50);
                }
            }
    }

    void objectPatchesCarryTheObjectsLabels()
    {
        for (int i = 0; i < 10; ++i) {
            const TaskSample s = make("OL", i, 0); // large objects: each covers several patches
            const PatchTargets t = patchTargets(s);
            const QJsonArray items = s.scene().value(QStringLiteral("images")).toArray()[0].toObject().value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items) {
                const Item it = itemFromJson(v.toObject());
                if (it.role != Role::Object)
                    continue;
                const QPointF c = it.centre();
                const int gx = int(c.x()) / 8, gy = int(c.y()) / 8;
                QCOMPARE(t.at(0, PatchChannel::Centre, gy, gx), 1);
                QCOMPARE(t.at(0, PatchChannel::Object, gy, gx), it.object + 1);
                QCOMPARE(t.at(0, PatchChannel::Colour, gy, gx), it.colour + 1);
                QCOMPARE(t.at(0, PatchChannel::Shape, gy, gx), it.shape + 1);
                QCOMPARE(t.at(0, PatchChannel::Texture, gy, gx), 1); // solid
            }
            int centres = 0;
            for (int gy = 0; gy < 8; ++gy)
                for (int gx = 0; gx < 8; ++gx)
                    centres += t.at(0, PatchChannel::Centre, gy, gx);
            QVERIFY(centres >= 2);
        }
    }

    void markersAndBoxesAreLabelled()
    {
        for (int i = 0; i < 10; ++i) {
            const TaskSample s = make("VC", i, 0);
            const PatchTargets t = patchTargets(s);
            const QJsonArray points = s.scene().value(QStringLiteral("facts")).toObject().value(QStringLiteral("points")).toArray();
            for (int l = 0; l < 4; ++l) {
                const QPointF p = pointFromJson(points[l]);
                QCOMPARE(t.at(1, PatchChannel::Marker, int(p.y()) / 8, int(p.x()) / 8), l + 1);
            }
        }
        const TaskSample ol = make("OL", 2);
        const PixelLabels px = pixelLabels(ol.scene(), 0);
        const QRectF box = rectFromJson(ol.scene().value(QStringLiteral("facts")).toObject().value(QStringLiteral("boxes")).toArray()[0]);
        QCOMPARE(px.at(PatchChannel::Marker, int(box.left()), int(box.center().y())), 1);
    }

    void depthFromTheGroundPlane()
    {
        for (int i = 0; i < 5; ++i) {
            const TaskSample s = make("RD", i);
            const PatchTargets t = patchTargets(s);
            for (int gx = 0; gx < 8; ++gx) {
                QCOMPARE(t.at(0, PatchChannel::Depth, 0, gx), 4); // sky: far
                QVERIFY(t.at(0, PatchChannel::Depth, 7, gx) >= 1);
            }
            // Ground (where no object stands) gets nearer towards the bottom.
            const PixelLabels px = pixelLabels(s.scene(), 0);
            int last = 5;
            for (int y = 20; y < 64; ++y) {
                if (px.at(PatchChannel::Object, 0, y) != 0)
                    continue;
                const int d = px.at(PatchChannel::Depth, 0, y);
                QVERIFY(d <= last);
                last = d;
            }
            QCOMPARE(last, 1);
        }
    }

    void texturesAndCropsAreLabelled()
    {
        const TaskSample tex = make("P-TEX", 3);
        const QRectF panel = rectFromJson(tex.scene().value(QStringLiteral("facts")).toObject().value(QStringLiteral("panel")));
        const PixelLabels px = pixelLabels(tex.scene(), 0);
        QCOMPARE(px.at(PatchChannel::Texture, int(panel.center().x()), int(panel.center().y())), 2 + tex.answer);

        // A jigsaw patch carries the labels of the region it was cut from.
        const TaskSample js = make("JS", 4, 0);
        const QRect blank = rectFromJson(js.scene().value(QStringLiteral("facts")).toObject().value(QStringLiteral("blank"))).toRect();
        SceneImage src = sceneImageFromJson(js.scene().value(QStringLiteral("images")).toArray()[0].toObject());
        src.effects = {};
        QJsonObject unblanked = js.scene();
        QJsonArray images = unblanked.value(QStringLiteral("images")).toArray();
        images[0] = sceneImageToJson(src);
        unblanked[QStringLiteral("images")] = images;
        const PixelLabels whole = pixelLabels(unblanked, 0);
        const PixelLabels patch = pixelLabels(js.scene(), 1 + js.answer);
        const double f = double(blank.width()) / 64;
        int same = 0, total = 0;
        for (int y = 2; y < 64; y += 4)
            for (int x = 2; x < 64; x += 4, ++total)
                same += patch.at(PatchChannel::Object, x, y) == whole.at(PatchChannel::Object, blank.x() + int(x * f), blank.y() + int(y * f));
        QVERIFY(same >= total * 9 / 10); // nearest-neighbour rounding may differ at label edges
        // And the blanked region of image 1 is unlabelled.
        const PixelLabels shown = pixelLabels(js.scene(), 0);
        QCOMPARE(shown.at(PatchChannel::Object, blank.center().x(), blank.center().y()), 0);
    }
};

QTEST_GUILESS_MAIN(TestPatchTargets)
#include "test_patch_targets.moc"
