#include "common/input_error.h"
#include "common/task_catalog.h"
#include "task_test_util.h"
#include "tasks/task_registry.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

using namespace ts;
using namespace ts::tasks;

class TestTaskRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mirrorsTheThirteenBlinkTasks()
    {
        const auto &tasks = suiteTasks();
        const auto &catalog = TaskCatalog::blinkTasks();
        QCOMPARE(tasks.size(), catalog.size());
        const int images[] = {3, 3, 2, 1, 1, 1, 3, 1, 2, 2, 2, 1, 4}; // as BLINK shows them
        const int defaults[] = {1, 1, 1, 2, 1, 0, 2, 1, 0, 0, 1, 0, 0}; // calibrated on session 8's bases, SR on session 9's (docs/base-models.md)
        for (size_t i = 0; i < tasks.size(); ++i) {
            QCOMPARE(tasks[i].name, catalog[i].name);
            QCOMPARE(tasks[i].abbreviation, catalog[i].abbreviation);
            QCOMPARE(tasks[i].options, catalog[i].options);
            QCOMPARE(tasks[i].blinkValSize, catalog[i].blinkValSize);
            QCOMPARE(tasks[i].images, images[i]);
            QCOMPARE(tasks[i].levels, 4);
            QCOMPARE(tasks[i].defaultLevel, defaults[i]);
            QCOMPARE(tasks[i].levelNotes.size(), 4);
            QVERIFY(!tasks[i].primitive);
        }
    }

    void skillsComeFromTheVocabularyAndAreShared()
    {
        const QSet<QString> vocabulary = {QStringLiteral("correspondence"), QStringLiteral("depth"), QStringLiteral("texture/style"),
                                          QStringLiteral("objectness"), QStringLiteral("counting"), QStringLiteral("geometry"),
                                          QStringLiteral("lighting"), QStringLiteral("colour")};
        QHash<QString, int> users;
        for (const TaskSpec &t : suiteTasks()) {
            QVERIFY2(t.skills.size() >= 2, qPrintable(t.abbreviation));
            for (const QString &s : t.skills) {
                QVERIFY2(vocabulary.contains(s), qPrintable(t.abbreviation + QLatin1Char(' ') + s));
                ++users[s];
            }
        }
        // Transfer is designed in: every skill but counting (one relational task) is shared.
        for (auto it = users.begin(); it != users.end(); ++it)
            QVERIFY2(it.value() >= 2 || it.key() == QLatin1String("counting"), qPrintable(it.key()));
        // Every task shares a skill with at least three others.
        for (const TaskSpec &a : suiteTasks()) {
            int related = 0;
            for (const TaskSpec &b : suiteTasks())
                if (&a != &b && std::any_of(a.skills.begin(), a.skills.end(), [&](const QString &s) { return b.skills.contains(s); }))
                    ++related;
            QVERIFY2(related >= 3, qPrintable(a.abbreviation));
        }
    }

    void findsTasksBySpelling()
    {
        QCOMPARE(findTask(QStringLiteral("CO"))->name, QStringLiteral("Counting"));
        QCOMPARE(findTask(QStringLiteral("multi-view_reasoning"))->abbreviation, QStringLiteral("MV"));
        QCOMPARE(findTask(QStringLiteral("P-TEX"))->name, QStringLiteral("Panel Texture"));
        QCOMPARE(findTask(QStringLiteral("panel texture"))->abbreviation, QStringLiteral("P-TEX"));
        QVERIFY(!findTask(QStringLiteral("IQ Test")));
        try {
            requireTask(QStringLiteral("IQ Test"));
            QFAIL("expected an InputError");
        } catch (const InputError &e) {
            QCOMPARE(e.field(), QStringLiteral("task"));
            QVERIFY(e.message().contains(QStringLiteral("unknown task 'IQ Test'")));
        }
    }

    void everySampleIsWellFormedAtEveryLevel()
    {
        std::vector<const TaskSpec *> all;
        for (const TaskSpec &t : suiteTasks())
            all.push_back(&t);
        for (const TaskSpec &t : primitiveTasks())
            all.push_back(&t);
        for (const TaskSpec *t : all) {
            for (int level = 0; level < 4; ++level) {
                for (int i = 0; i < 6; ++i) {
                    SampleRequest r;
                    r.split = Split(i % 3);
                    r.index = i * 7;
                    r.level = level;
                    const TaskSample s = generateSample(*t, r);
                    const QString where = QStringLiteral("%1 level %2 #%3").arg(t->abbreviation).arg(level).arg(i);
                    QVERIFY2(int(s.images.size()) == t->images, qPrintable(where));
                    for (const QImage &img : s.images) {
                        QVERIFY2(img.format() == QImage::Format_RGB888, qPrintable(where));
                        QVERIFY2(img.width() == 64 && img.height() == 64, qPrintable(where));
                    }
                    QVERIFY2(s.options.size() == t->options, qPrintable(where));
                    QVERIFY2(QSet<QString>(s.options.begin(), s.options.end()).size() == s.options.size(), qPrintable(where + s.options.join(',')));
                    QVERIFY2(s.answer >= 0 && s.answer < t->options, qPrintable(where));
                    QVERIFY2(!s.question.isEmpty() && s.question.endsWith(QLatin1Char('?')), qPrintable(where));
                    QVERIFY2(s.level == level, qPrintable(where));
                    QVERIFY2(s.scene().value(QStringLiteral("images")).toArray().size() == t->images, qPrintable(where));
                    QVERIFY2(!s.intermediates.empty(), qPrintable(where));
                    for (const Intermediate &v : s.intermediates)
                        QVERIFY2(v.value >= 0 && v.value < v.classes, qPrintable(where + QLatin1Char(' ') + v.name));
                    // Questions that point at markers name their colours.
                    const QString text = s.prompt();
                    if (text.contains(QStringLiteral("point A")) || text.contains(QStringLiteral("Point A")))
                        QVERIFY2(text.contains(QStringLiteral("(red)")), qPrintable(where));
                }
            }
        }
    }

    void defaultLevelAndImageSize()
    {
        SampleRequest r;
        r.index = 3;
        QCOMPARE(generateSample(*findTask(QStringLiteral("VS")), r).level, 1);
        QCOMPARE(generateSample(*findTask(QStringLiteral("VC")), r).level, 1);
        QCOMPARE(generateSample(*findTask(QStringLiteral("RD")), r).level, 2);
        r.imageSize = 96;
        const TaskSample big = generateSample(*findTask(QStringLiteral("FD")), r);
        for (const QImage &img : big.images)
            QCOMPARE(img.size(), QSize(96, 96));
    }

    void splitSizes()
    {
        const TaskSpec &rr = *findTask(QStringLiteral("RR"));
        QCOMPARE(splitSize(rr, Split::Val), 1000);
        QCOMPARE(splitSize(rr, Split::Val, true), 134);
        QCOMPARE(splitSize(rr, Split::Test), 1000);
        QCOMPARE(splitSize(rr, Split::Train), 0);
        QCOMPARE(splitFromName(QStringLiteral("validation")).value(), Split::Val);
        QVERIFY(!splitFromName(QStringLiteral("dev")).has_value());
    }

    void rgbBytesMatchThePixels()
    {
        SampleRequest r;
        r.index = 11;
        const TaskSample s = generateSample(*findTask(QStringLiteral("JS")), r);
        for (int k = 0; k < 3; ++k) {
            const std::vector<uint8_t> bytes = toRgbBytes(s, k);
            QCOMPARE(bytes.size(), size_t(64 * 64 * 3));
            for (int y : {0, 17, 63})
                for (int x : {0, 31, 63}) {
                    const QRgb c = s.images[size_t(k)].pixel(x, y);
                    const size_t o = size_t((y * 64 + x) * 3);
                    QCOMPARE(int(bytes[o]), qRed(c));
                    QCOMPARE(int(bytes[o + 1]), qGreen(c));
                    QCOMPARE(int(bytes[o + 2]), qBlue(c));
                }
        }
    }
};

QTEST_GUILESS_MAIN(TestTaskRegistry)
#include "test_task_registry.moc"
