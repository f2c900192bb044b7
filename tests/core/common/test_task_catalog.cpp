#include "common/input_error.h"
#include "common/resource_locator.h"
#include "common/task_catalog.h"

#include <QtTest>

using namespace ts;

class TestTaskCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hasThePapersThirteenTasks()
    {
        const auto &tasks = TaskCatalog::blinkTasks();
        QCOMPARE(int(tasks.size()), 13);
        int total = 0;
        for (const auto &t : tasks)
            total += t.blinkValSize;
        QCOMPARE(total, 1751); // sum of BLINK val sizes in method.md §1
        QCOMPARE(tasks[4].options, 3); // Relative Reflectance is the one 3-way task
    }

    void matchesAuthorsSpellingsAndAbbreviations_data()
    {
        QTest::addColumn<QString>("spelling");
        QTest::addColumn<int>("index");
        QTest::newRow("csv underscores") << "Multi-view_Reasoning" << 10;
        QTest::newRow("lower case spaces") << "semantic correspondence" << 9;
        QTest::newRow("abbreviation") << "FD" << 12;
        QTest::newRow("abbreviation lower") << "js" << 6;
        QTest::newRow("hyphen dropped") << "Multiview Reasoning" << 10;
    }
    void matchesAuthorsSpellingsAndAbbreviations()
    {
        QFETCH(QString, spelling);
        QFETCH(int, index);
        QCOMPARE(TaskCatalog::find(spelling).value_or(-1), index);
    }

    void rejectsUnknownNames()
    {
        QVERIFY(!TaskCatalog::find(QStringLiteral("IQ Test")).has_value());
        QVERIFY(!TaskCatalog::find(QString()).has_value());
    }

    void resourcesAreFoundAndMissingOnesNamed()
    {
        const QString spec = resourcePath(QStringLiteral("specs/quick.json"));
        QVERIFY(QFileInfo(spec).isFile());
        qputenv("TRANSFERSCOPE_RESOURCES", QDir::tempPath().toUtf8());
        QVERIFY_THROWS_EXCEPTION(InputError, resourcePath(QStringLiteral("no/such/file.json")));
        qunsetenv("TRANSFERSCOPE_RESOURCES");
    }

    void inputErrorNamesFileLineAndField()
    {
        const InputError e(QStringLiteral("a.csv"), 7, QStringLiteral("task"), QStringLiteral("unknown task 'X'"));
        QCOMPARE(e.describe(), QStringLiteral("a.csv:7: field 'task': unknown task 'X'"));
        QCOMPARE(QString::fromStdString(e.what()), e.describe());
    }
};

QTEST_GUILESS_MAIN(TestTaskCatalog)
#include "test_task_catalog.moc"
