// The setup panel builds the spec a user means: the form's spec equals the saved file read back by
// the study engine, a loaded file fills the same form, the command is the exact CLI line, problems
// are named before Start, and a bad checkpoint folder is refused next to the field.

#include "model/runtime.h"
#include "ui/panels/setup_form.h"
#include "ui/panels/setup_panel.h"

#ifdef TRANSFERSCOPE_HAVE_TASKS
#include "tasks/blink_io.h"
#include "tasks/task_registry.h"
#endif

#include <QComboBox>
#include <QStandardItemModel>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QListWidget>
#include <QtTest>

using namespace ts;
using namespace ts::ui;

namespace {
const QStringList kPresets{QStringLiteral("suite-tiny"), QStringLiteral("suite-small"), QStringLiteral("suite-base"),
                           QStringLiteral("micro-test"), QStringLiteral("tiny-cpu"), QStringLiteral("small-cpu")};
}

class TestSetupSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formMatchesSavedFile();
    void problemsAreNamedBeforeStart();
    void badCheckpointIsRefused();
    void checkpointShowsFormatSizeAndMemory();
    void blinkFolderBecomesTaskData();
    void cudaIsOfferedOnlyWhenAvailable();
};

void TestSetupSpec::formMatchesSavedFile()
{
    QTemporaryDir tmp;
    SetupPanel panel;
    SetupForm *form = panel.form();
    form->setPresetChecked(QStringLiteral("suite-small"), true);
    form->setWeights(QStringLiteral("random"));
    for (const QString &t : {QStringLiteral("Art Style"), QStringLiteral("Functional Correspondence"), QStringLiteral("Forensic Detection"),
                             QStringLiteral("Multi-view Reasoning"), QStringLiteral("Object Localization"),
                             QStringLiteral("Relative Depth"), QStringLiteral("Relative Reflectance"), QStringLiteral("Semantic Correspondence"),
                             QStringLiteral("Spatial Relation"), QStringLiteral("Visual Correspondence")})
        form->setTaskRole(t, TaskRole::Unused);
    form->setTaskRole(QStringLiteral("Counting"), TaskRole::Source);
    form->setTaskRole(QStringLiteral("Jigsaw"), TaskRole::Target);
    panel.setStudyDir(tmp.filePath(QStringLiteral("my study")));
    const StudySpec built = form->spec();
    QCOMPARE(int(built.models.size()), 2);
    QCOMPARE(built.models[0].weights, QStringLiteral("random"));
    QCOMPARE(int(built.tasks.size()), 3);

    const QString path = tmp.filePath(QStringLiteral("spec.json"));
    QVERIFY(panel.saveSpec(path));
    const StudySpec read = readStudySpec(path, kPresets);
    QCOMPARE(read.toJson(), built.toJson());
    QCOMPARE(read.sourceTasks(), (QStringList{QStringLiteral("Counting"), QStringLiteral("Visual Similarity")}));
    QCOMPARE(read.targetTasks(), (QStringList{QStringLiteral("Jigsaw"), QStringLiteral("Visual Similarity")}));

    // The command is the exact line Start runs, quoting the path with a space.
    QVERIFY(panel.command().contains(QStringLiteral("study run %1 --out '%2' --progress json").arg(path, tmp.filePath(QStringLiteral("my study")))));
    QVERIFY(panel.estimateText().contains(QStringLiteral("about")));

    // Loading fills a fresh form with the same spec, advanced fields included.
    SetupPanel other;
    StudySpec changed = read;
    changed.train.loraRank = 4;
    changed.train.saveAdapters = true; // the advanced checkbox round-trips
    changed.seeds = {1, 3};
    changed.description = QStringLiteral("kept although the form does not show it");
    const QString path2 = tmp.filePath(QStringLiteral("spec2.json"));
    QFile f(path2);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(changed.toJson()).toJson());
    f.close();
    QVERIFY(other.loadSpec(path2));
    QCOMPARE(other.form()->spec().toJson(), changed.toJson());
    QCOMPARE(other.specPath(), path2);
}

void TestSetupSpec::problemsAreNamedBeforeStart()
{
    QTemporaryDir tmp;
    SetupPanel panel;
    panel.setStudyDir(tmp.filePath(QStringLiteral("s")));
    QSignalSpy start(&panel, &SetupPanel::startRequested);
    for (const QString &p : SetupForm::presets())
        panel.form()->setPresetChecked(p, false);
    QVERIFY(!panel.start());
    QVERIFY2(panel.problemsText().contains(QStringLiteral("models")), qPrintable(panel.problemsText()));
    QCOMPARE(start.count(), 0);
    // Random weights need no shipped base model: the pre-flight passes and Start writes the spec.
    panel.form()->setPresetChecked(QStringLiteral("suite-tiny"), true);
    panel.form()->setWeights(QStringLiteral("random"));
    QVERIFY2(panel.check().isEmpty(), qPrintable(panel.problemsText()));
    QVERIFY(panel.start());
    QCOMPARE(start.count(), 1);
    QCOMPARE(start.first().at(1).toString(), tmp.filePath(QStringLiteral("s")));
    QVERIFY(QFileInfo::exists(start.first().at(0).toString()));
    // A folder that holds something else is refused.
    QFile other(tmp.filePath(QStringLiteral("busy/notes.txt")));
    QDir(tmp.path()).mkpath(QStringLiteral("busy"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    panel.setStudyDir(tmp.filePath(QStringLiteral("busy")));
    QVERIFY(!panel.check().isEmpty());
}

void TestSetupSpec::badCheckpointIsRefused()
{
    QTemporaryDir tmp;
    SetupForm form;
    const QStringList problems = form.addCheckpoint(tmp.path());
    QVERIFY(!problems.isEmpty());
    QVERIFY(form.checkpointProblems().contains(tmp.path()));
    for (const ModelEntry &m : form.spec().models)
        QVERIFY(m.checkpoint.isEmpty());
}

void TestSetupSpec::checkpointShowsFormatSizeAndMemory()
{
    // A shipped base is a nanoVLM folder like any a user brings.
    const QString folder = QStringLiteral(TRANSFERSCOPE_RESOURCES "/models/suite-tiny");
    SetupForm form;
    QVERIFY(form.addCheckpoint(folder).isEmpty());
    const auto *list = form.findChild<QListWidget *>();
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    const QString shown = list->item(0)->text();
    QVERIFY2(shown.contains(QStringLiteral("nanoVLM")) && shown.contains(QStringLiteral("0.5 M parameters"))
                 && shown.contains(QStringLiteral("GiB to finetune")),
             qPrintable(shown));
    bool found = false;
    for (const ModelEntry &m : form.spec().models)
        found = found || m.checkpoint == folder; // the spec carries the folder, not the summary
    QVERIFY(found);
}

void TestSetupSpec::blinkFolderBecomesTaskData()
{
#ifdef TRANSFERSCOPE_HAVE_TASKS
    QTemporaryDir tmp;
    tasks::ExportOptions o;
    o.count = 6;
    tasks::exportTask(tmp.path(), tasks::requireTask(QStringLiteral("CO")), o); // val only
    const QString folder = tmp.filePath(QStringLiteral("Counting"));
    SetupPanel panel;
    panel.setStudyDir(tmp.filePath(QStringLiteral("s")));
    SetupForm *form = panel.form();
    form->setWeights(QStringLiteral("random"));
    // A source needs the folder's train split: refused, the error shown next to the task list.
    form->setTaskRole(QStringLiteral("Counting"), TaskRole::Source);
    QVERIFY(!form->addBlinkFolder(folder).isEmpty());
    QVERIFY2(form->taskDataProblems().contains(QStringLiteral("no train split")), qPrintable(form->taskDataProblems()));
    QVERIFY(form->taskData(QStringLiteral("Counting")).isEmpty());
    // As a target it is taken; the spec the form writes carries it, and the saved file reads back.
    form->setTaskRole(QStringLiteral("Counting"), TaskRole::Target);
    QVERIFY(form->addBlinkFolder(folder).isEmpty());
    QVERIFY(form->taskDataProblems().isEmpty());
    QCOMPARE(form->taskData(QStringLiteral("Counting")), folder);
    const QString path = tmp.filePath(QStringLiteral("spec.json"));
    QVERIFY(panel.saveSpec(path));
    const StudySpec read = readStudySpec(path, kPresets);
    const TaskEntry *co = read.taskEntry(QStringLiteral("Counting"));
    QVERIFY(co);
    QCOMPARE(co->data, folder);
    QCOMPARE(co->role, TaskRole::Target);
    QCOMPARE(co->dataItems.val, 6);
    QCOMPARE(read.toJson(), form->spec().toJson());
    QVERIFY2(panel.check().isEmpty(), qPrintable(panel.problemsText()));
    // Loading the file fills the data column again; "embedded" takes it back.
    SetupPanel other;
    QVERIFY(other.loadSpec(path));
    QCOMPARE(other.form()->taskData(QStringLiteral("Counting")), folder);
    other.form()->clearTaskData(QStringLiteral("Counting"));
    QVERIFY(other.form()->spec().taskEntry(QStringLiteral("Counting"))->data.isEmpty());

    // A broken folder is named with the manifest's line and field.
    QFile manifest(QDir(folder).filePath(QStringLiteral("val.jsonl")));
    QVERIFY(manifest.open(QIODevice::Append));
    manifest.write("{\"question\": \"?\"}\n");
    manifest.close();
    SetupForm fresh;
    QVERIFY(!fresh.addBlinkFolder(folder).isEmpty());
    QVERIFY2(fresh.taskDataProblems().contains(QStringLiteral("val.jsonl:7: field 'options'")), qPrintable(fresh.taskDataProblems()));
    QVERIFY(!fresh.addBlinkFolder(tmp.filePath(QStringLiteral("nope"))).isEmpty());
#else
    QSKIP("built without the task suite");
#endif
}

void TestSetupSpec::cudaIsOfferedOnlyWhenAvailable()
{
    SetupForm form;
    auto *device = form.findChild<QComboBox *>(QStringLiteral("device"));
    QVERIFY(device);
    const int cuda = device->findData(QStringLiteral("cuda"));
    QVERIFY(cuda >= 0);
    const bool enabled = qobject_cast<QStandardItemModel *>(device->model())->item(cuda)->isEnabled();
    QCOMPARE(enabled, cudaAvailable());
    QCOMPARE(form.cudaOffered(), cudaAvailable());
    if (!enabled)
        QVERIFY(device->itemData(cuda, Qt::ToolTipRole).toString().contains(QStringLiteral("no CUDA device")));
}

QTEST_MAIN(TestSetupSpec)
#include "test_ui_setup_spec.moc"
