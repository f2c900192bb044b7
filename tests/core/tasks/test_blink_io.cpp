#include "common/input_error.h"
#include "task_test_util.h"
#include "tasks/blink_io.h"
#include "tasks/task_registry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;
using namespace ts::tasks;

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray row(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n"; }

} // namespace

class TestBlinkIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportThenImportGivesIdenticalSamples()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ExportOptions o;
        o.split = Split::Val;
        o.count = 6;
        std::vector<const TaskSpec *> tasks;
        for (const TaskSpec &t : suiteTasks())
            tasks.push_back(&t);
        tasks.push_back(findTask(QStringLiteral("P-COL")));
        for (const TaskSpec *t : tasks) {
            const ExportSummary s = exportTask(dir.path(), *t, o);
            QCOMPARE(s.rows, 6);
            QVERIFY(QFile::exists(s.manifest));
        }
        QVERIFY(QDir(dir.path()).exists(QStringLiteral("Multi-view_Reasoning/images")));
        const ImportResult r = importBlinkFolder(dir.path(), false);
        QVERIFY(r.problems.empty());
        QCOMPARE(r.rowsRead, 6 * int(tasks.size()));
        QCOMPARE(int(r.tasks.size()), int(tasks.size()));
        for (size_t k = 0; k < tasks.size(); ++k) {
            const TaskSource &src = *r.tasks[k];
            QCOMPARE(&src.spec(), tasks[k]); // catalogue order, primitives after
            QCOMPARE(src.size(), 6);
            ProceduralSource gen(*tasks[k], Split::Val, 0, -1, 64, 6);
            for (int i = 0; i < 6; ++i) {
                const TaskSample a = gen.at(i), b = src.at(i);
                QCOMPARE(b.task, a.task);
                QCOMPARE(b.split, a.split);
                QCOMPARE(b.index, a.index);
                QCOMPARE(b.level, a.level);
                QCOMPARE(b.seed, a.seed);
                QCOMPARE(b.question, a.question);
                QCOMPARE(b.options, a.options);
                QCOMPARE(b.answer, a.answer);
                QCOMPARE(b.scene(), a.scene());
                QCOMPARE(b.intermediates.size(), a.intermediates.size());
                for (size_t j = 0; j < a.intermediates.size(); ++j) {
                    QCOMPARE(b.intermediates[j].name, a.intermediates[j].name);
                    QCOMPARE(b.intermediates[j].value, a.intermediates[j].value);
                    QCOMPARE(b.intermediates[j].classes, a.intermediates[j].classes);
                }
                QCOMPARE(b.images.size(), a.images.size());
                for (size_t j = 0; j < a.images.size(); ++j)
                    QVERIFY(toRgbBytes(b.images[j]) == toRgbBytes(a.images[j]));
                QCOMPARE(sampleDigest(b), sampleDigest(a));
            }
        }
    }

    // Every kind of bad row is reported with its file, line and field; the good rows still load
    // when bad rows are skipped, and not otherwise.
    void badRowsAreReportedWithFileAndLine()
    {
        QTemporaryDir dir;
        const QString taskDir = dir.filePath(QStringLiteral("Relative_Depth"));
        QVERIFY(QDir().mkpath(taskDir + QStringLiteral("/images")));
        SampleRequest req;
        req.index = 0;
        const TaskSample s = generateSample(*findTask(QStringLiteral("RD")), req);
        QVERIFY(s.images[0].save(taskDir + QStringLiteral("/images/good.png")));
        writeText(taskDir + QStringLiteral("/images/broken.png"), "this is not a png");
        const QJsonObject good{{QStringLiteral("task"), QStringLiteral("Relative Depth")}, {QStringLiteral("question"), s.question},
                               {QStringLiteral("options"), QJsonArray::fromStringList(s.options)}, {QStringLiteral("answer"), QStringLiteral("(B)")},
                               {QStringLiteral("images"), QJsonArray{QStringLiteral("images/good.png")}}};
        QJsonObject unknownTask = good, badAnswer = good, missing = good, unreadable = good, twoImages = good;
        unknownTask[QStringLiteral("task")] = QStringLiteral("IQ Test");
        badAnswer[QStringLiteral("answer")] = QStringLiteral("(C)");
        missing[QStringLiteral("images")] = QJsonArray{QStringLiteral("images/nowhere.png")};
        unreadable[QStringLiteral("images")] = QJsonArray{QStringLiteral("images/broken.png")};
        twoImages[QStringLiteral("images")] = QJsonArray{QStringLiteral("images/good.png"), QStringLiteral("images/good.png")};
        const QString manifest = taskDir + QStringLiteral("/val.jsonl");
        writeText(manifest, row(good) + "{\"task\": \"Relative Depth\", \"question\": \n" + row(unknownTask) + row(badAnswer) + "\n"
                                + row(missing) + row(unreadable) + row(twoImages));

        const ImportResult scanned = scanBlinkFolder(dir.path());
        QCOMPARE(scanned.rowsRead, 7);
        QCOMPARE(int(scanned.problems.size()), 6);
        const struct {
            int line;
            const char *field;
            const char *text;
        } expected[] = {
            {2, "", "not valid JSON"},
            {3, "task", "unknown task 'IQ Test'"},
            {4, "answer", "'(C)' is not among the 2 options"},
            {6, "images", "image 'images/nowhere.png' not found"},
            {7, "images", "image 'images/broken.png' cannot be read"},
            {8, "images", "Relative Depth expects 1 image(s), the row has 2"},
        };
        for (int k = 0; k < 6; ++k) {
            const InputError &e = scanned.problems[size_t(k)];
            QCOMPARE(QFileInfo(e.file()).canonicalFilePath(), QFileInfo(manifest).canonicalFilePath());
            QCOMPARE(e.line(), expected[k].line);
            QCOMPARE(e.field(), QString::fromLatin1(expected[k].field));
            QVERIFY2(e.message().contains(QString::fromUtf8(expected[k].text)), qPrintable(e.describe()));
            QVERIFY(e.describe().startsWith(e.file() + QStringLiteral(":%1: ").arg(expected[k].line)));
        }

        try {
            importBlinkFolder(dir.path(), false);
            QFAIL("expected an InputError");
        } catch (const InputError &e) {
            QCOMPARE(e.line(), 2);
            QVERIFY(e.message().contains(QStringLiteral("and 5 more bad rows")));
        }
        const ImportResult skipped = importBlinkFolder(dir.path(), true);
        QCOMPARE(skipped.loaded(), 1);
        QCOMPARE(int(skipped.problems.size()), 6);
        QCOMPARE(skipped.tasks.front()->at(0).answer, 1);
        QVERIFY(toRgbBytes(skipped.tasks.front()->at(0).images[0]) == toRgbBytes(s.images[0]));
    }

    // BLINK's own spellings load too: choices, image_N, sub_task, bare answer letters.
    void acceptsBlinksOwnFields()
    {
        QTemporaryDir dir;
        const QString taskDir = dir.filePath(QStringLiteral("Visual_Correspondence"));
        QVERIFY(QDir().mkpath(taskDir));
        SampleRequest req;
        const TaskSample s = generateSample(*findTask(QStringLiteral("VC")), req);
        QVERIFY(s.images[0].save(taskDir + QStringLiteral("/a.png")));
        QVERIFY(s.images[1].save(taskDir + QStringLiteral("/b.png")));
        const QJsonObject blinkRow{{QStringLiteral("idx"), QStringLiteral("val_Visual_Correspondence_1")},
                                   {QStringLiteral("question"), s.question},
                                   {QStringLiteral("choices"), QJsonArray{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}},
                                   {QStringLiteral("answer"), QStringLiteral("D")},
                                   {QStringLiteral("image_1"), QStringLiteral("a.png")},
                                   {QStringLiteral("image_2"), QStringLiteral("b.png")}};
        writeText(taskDir + QStringLiteral("/val.jsonl"), row(blinkRow));
        const ImportResult r = importBlinkFolder(dir.path(), false);
        QCOMPARE(r.loaded(), 1);
        QCOMPARE(r.tasks.front()->spec().abbreviation, QStringLiteral("VC")); // from the folder name
        QCOMPARE(r.tasks.front()->at(0).answer, 3);
        QCOMPARE(r.tasks.front()->at(0).images.size(), size_t(2));
    }

    // A checked-in folder in BLINK's own spelling, with one bad row.
    void readsTheBlinkNativeFixture()
    {
        const QString dir = QStringLiteral(TRANSFERSCOPE_TEST_DATA "/tasks/blink_native");
        const ImportResult r = importBlinkFolder(dir, true);
        QCOMPARE(r.rowsRead, 3);
        QCOMPARE(r.loaded(), 2);
        QCOMPARE(int(r.problems.size()), 1);
        QCOMPARE(r.problems[0].line(), 2);
        QCOMPARE(r.problems[0].field(), QStringLiteral("answer"));
        QVERIFY(r.problems[0].file().endsWith(QStringLiteral("Counting/val.jsonl")));
        const TaskSource &co = *r.tasks.front();
        QCOMPARE(co.spec().abbreviation, QStringLiteral("CO"));
        QCOMPARE(co.at(0).answer, 0);
        QCOMPARE(co.at(1).answer, 2);
        QCOMPARE(co.at(1).index, int64_t(2)); // no index field: the line number, from 0
        QCOMPARE(co.at(0).images.front().size(), QSize(64, 64));
        // The images are the suite's own val items 0 and 1.
        SampleRequest req;
        req.split = Split::Val;
        for (int i = 0; i < 2; ++i) {
            req.index = i;
            QVERIFY(toRgbBytes(co.at(i).images.front()) == toRgbBytes(generateSample(*findTask(QStringLiteral("CO")), req).images.front()));
        }
        QVERIFY_THROWS_EXCEPTION(InputError, importBlinkFolder(dir, false));
    }

    void emptyOrMissingFolderIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(InputError, scanBlinkFolder(dir.path()));
        QVERIFY_THROWS_EXCEPTION(InputError, scanBlinkFolder(dir.filePath(QStringLiteral("nope"))));
    }
};

QTEST_GUILESS_MAIN(TestBlinkIo)
#include "test_blink_io.moc"
