// BLINK-format folders as the data of a study's tasks: the spec names a folder per task, the folder
// is imported when the spec is read (a bad row is named with the spec's field and the manifest's
// file:line), and the cell executor evaluates on the folder's items (all of them, eval.items at
// most) and trains on its train split. The folders are written by the suite's BLINK exporter.

// libtorch headers before Qt's (this target builds with QT_NO_KEYWORDS too).
#include "study/torch_cell_executor.h"

#include "study/study_plan.h"
#include "study/study_spec.h"
#include "study/task_data.h"
#include "tasks/blink_io.h"
#include "tasks/task_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;

namespace {

const QStringList kPresets{QStringLiteral("suite-tiny")};

// DIR/Counting/{val,train}.jsonl with `val` and `train` items (train left out when 0).
QString exportCounting(const QString &dir, int val, int train)
{
    const tasks::TaskSpec &co = tasks::requireTask(QStringLiteral("CO"));
    tasks::ExportOptions o;
    o.split = tasks::Split::Val;
    o.count = val;
    tasks::exportTask(dir, co, o);
    if (train > 0) {
        o.split = tasks::Split::Train;
        o.count = train;
        tasks::exportTask(dir, co, o);
    }
    return QDir(dir).filePath(QStringLiteral("Counting"));
}

QJsonObject specJson(const QString &role, const QString &folder, int evalItems = 1000)
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("blink")},
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("preset"), QStringLiteral("suite-tiny")},
                                                          {QStringLiteral("weights"), QStringLiteral("random")}}}},
        {QStringLiteral("tasks"), QJsonObject{{QStringLiteral("CO"), QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("data"), folder}}},
                                              {QStringLiteral("JS"), QStringLiteral("target")}}},
        {QStringLiteral("control"), false},
        {QStringLiteral("train"), QJsonObject{{QStringLiteral("steps"), 2}, {QStringLiteral("batch"), 4}, {QStringLiteral("examples"), 8},
                                              {QStringLiteral("warmup_steps"), 1}}},
        {QStringLiteral("eval"), QJsonObject{{QStringLiteral("items"), evalItems}, {QStringLiteral("batch"), 16}}},
        {QStringLiteral("threads"), 1}};
}

QStringList problems(const QJsonObject &json, const QString &file)
{
    try {
        parseStudySpec(json, SpecContext{file, kPresets});
    } catch (const SpecErrors &e) {
        QStringList out;
        for (const InputError &err : e.errors())
            out << err.describe();
        return out;
    }
    return {};
}

} // namespace

class TestStudyBlinkData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderIsReadWithTheSpec()
    {
        QTemporaryDir tmp;
        exportCounting(tmp.path(), 12, 8);
        // Relative to the spec file, like checkpoint folders.
        const StudySpec spec = parseStudySpec(specJson(QStringLiteral("both"), QStringLiteral("Counting"), 1000),
                                              SpecContext{tmp.filePath(QStringLiteral("study.json")), kPresets});
        const TaskEntry *co = spec.taskEntry(QStringLiteral("Counting"));
        QVERIFY(co);
        QCOMPARE(co->data, tmp.filePath(QStringLiteral("Counting")));
        QCOMPARE(co->dataItems.val, 12);
        QCOMPARE(co->dataItems.train, 8);
        QCOMPARE(evalItemsFor(spec, QStringLiteral("Counting")), 12);  // all of the folder's val items
        QCOMPARE(evalItemsFor(spec, QStringLiteral("Jigsaw")), 1000);  // embedded tasks as before
        StudySpec fewer = spec;
        fewer.eval.items = 5;
        QCOMPARE(evalItemsFor(fewer, QStringLiteral("Counting")), 5);  // eval.items at most

        // The spec written to a study folder names the folder and reads back the same.
        const QJsonObject written = spec.toJson();
        QCOMPARE(written.value(QStringLiteral("tasks")).toObject().value(QStringLiteral("Counting")).toObject().value(QStringLiteral("data")).toString(),
                 co->data);
        QCOMPARE(parseStudySpec(written, SpecContext{QStringLiteral("elsewhere/spec.json"), kPresets}).toJson(), written);
    }

    void brokenFolderIsNamedPrecisely()
    {
        QTemporaryDir tmp;
        const QString folder = exportCounting(tmp.path(), 4, 4);
        const QString manifest = QDir(folder).filePath(QStringLiteral("val.jsonl"));
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        lines[2].replace("\"answer\":\"(", "\"answer\":\"(Z"); // row 3: an answer that is no option
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        const QStringList p = problems(specJson(QStringLiteral("both"), folder), QStringLiteral("study.json"));
        QCOMPARE(p.size(), 1);
        QVERIFY2(p[0].startsWith(QStringLiteral("study.json: field 'tasks.CO.data': %1:3: field 'answer': ").arg(manifest)), qPrintable(p[0]));

        // A source needs a train split; a missing folder and a folder of another task are named too.
        QTemporaryDir valOnly;
        const QString v = exportCounting(valOnly.path(), 3, 0);
        const QStringList noTrain = problems(specJson(QStringLiteral("source"), v), QStringLiteral("study.json"));
        QCOMPARE(noTrain.size(), 1);
        QVERIFY2(noTrain[0].contains(QStringLiteral("field 'tasks.CO.data'")) && noTrain[0].contains(QStringLiteral("no train split")),
                 qPrintable(noTrain[0]));
        QJsonObject asTarget = specJson(QStringLiteral("target"), v);
        QJsonObject targetTasks = asTarget.value(QStringLiteral("tasks")).toObject();
        targetTasks.insert(QStringLiteral("JS"), QStringLiteral("both"));
        asTarget.insert(QStringLiteral("tasks"), targetTasks);
        const QStringList targetOnly = problems(asTarget, QStringLiteral("study.json"));
        QVERIFY2(targetOnly.isEmpty(), qPrintable(targetOnly.join('\n'))); // a target does not
        const QStringList missing = problems(specJson(QStringLiteral("both"), tmp.filePath(QStringLiteral("nope"))), QStringLiteral("study.json"));
        QVERIFY2(missing.size() == 1 && missing[0].contains(QStringLiteral("is not a folder")), qPrintable(missing.join('\n')));
        QJsonObject other = specJson(QStringLiteral("both"), v);
        QJsonObject tasksObj = other.value(QStringLiteral("tasks")).toObject();
        tasksObj.insert(QStringLiteral("JS"), QJsonObject{{QStringLiteral("role"), QStringLiteral("target")}, {QStringLiteral("data"), v}});
        tasksObj.insert(QStringLiteral("CO"), QStringLiteral("both"));
        other.insert(QStringLiteral("tasks"), tasksObj);
        const QStringList wrongTask = problems(other, QStringLiteral("study.json"));
        QVERIFY2(wrongTask.size() == 1 && wrongTask[0].contains(QStringLiteral("holds no Jigsaw items (it holds: Counting)")),
                 qPrintable(wrongTask.join('\n')));
    }

    void executorEvaluatesAndTrainsOnTheFolder()
    {
        QTemporaryDir tmp;
        const QString folder = exportCounting(tmp.path(), 12, 8);
        const StudySpec spec = parseStudySpec(specJson(QStringLiteral("both"), folder, 20), SpecContext{QStringLiteral("s.json"), kPresets});
        const std::vector<PlannedCell> cells = planStudy(spec);
        QCOMPARE(int(cells.size()), 2); // base, finetune on Counting
        QCOMPARE(cells[0].evalItems, 12LL + 20LL);
        TorchCellExecutor executor(spec, QStringLiteral("test"), 1);
        for (const PlannedCell &cell : cells) {
            const CellRecord record = executor.run(cell, CellRunContext{spec, tmp.filePath(QStringLiteral("ckpt")), {}, nullptr, {}, {}});
            QCOMPARE(record.evalFor(QStringLiteral("Counting"))->total(), 12); // the folder's val items
            QCOMPARE(record.evalFor(QStringLiteral("Jigsaw"))->total(), 20);   // eval.items of the generator
            QCOMPARE(record.provenance.hyperParameters.value(QStringLiteral("data")).toObject().value(QStringLiteral("Counting")).toString(), folder);
            if (cell.kind == CellKind::Finetune)
                QCOMPARE(record.curve.size(), 2);
        }
        // The evaluation items are the folder's, in manifest order: the base's answers match its rows.
        const auto items = loadTaskItems(folder, QStringLiteral("Counting"), tasks::Split::Val);
        QCOMPARE(int(items.size()), 12);
        QCOMPARE(int(loadTaskItems(folder, QStringLiteral("Counting"), tasks::Split::Train, 5).size()), 5);
    }
};

QTEST_MAIN(TestStudyBlinkData)
#include "test_study_blink_data.moc"
