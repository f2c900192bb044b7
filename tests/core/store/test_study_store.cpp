#include "common/input_error.h"
#include "store/cell_file.h"
#include "store/study_store.h"

#include <QtTest>

using namespace ts;

namespace {

CellRecord makeCell(CellKind kind, const QString &source, int seed, int nItems)
{
    CellRecord c;
    c.kind = kind;
    c.model = QStringLiteral("tiny/1M");
    c.source = source;
    c.seed = seed;
    c.run = QStringLiteral("seed_%1").arg(seed);
    c.provenance.programVersion = QStringLiteral("0.1.0");
    c.provenance.device = QStringLiteral("cpu");
    c.provenance.modelHash = QStringLiteral("abc123");
    c.provenance.checkpointHash = kind == CellKind::Base ? QString() : QStringLiteral("def456");
    c.provenance.started = QDateTime(QDate(2026, 11, 28), QTime(3, 0, 0, 125), Qt::UTC);
    c.provenance.finished = c.provenance.started.addSecs(12);
    c.provenance.hyperParameters = QJsonObject{{QStringLiteral("steps"), 150}, {QStringLiteral("lora_rank"), 8}};
    for (const QString &task : {QStringLiteral("Counting"), QStringLiteral("Jigsaw")}) {
        TaskEvaluation e;
        e.task = task;
        for (int i = 0; i < nItems; ++i) {
            e.items.push_back(i);
            e.correct.push_back(uint8_t((i * 7 + seed + task.size()) % 3 == 0));
            e.chosen.push_back(int8_t(i % 4));
        }
        c.evals.push_back(e);
    }
    if (kind != CellKind::Base) {
        for (int s = 0; s < 5; ++s) {
            c.curve.step.push_back(s * 10);
            c.curve.loss.push_back(2.0f / float(s + 1));
            c.curve.learningRate.push_back(1e-3f);
            c.curve.samplesPerSecond.push_back(200.0f + float(s));
            c.curve.wallSeconds.push_back(0.5 * s);
        }
    }
    return c;
}

void compareCells(const CellRecord &a, const CellRecord &b)
{
    QCOMPARE(a.cellId(), b.cellId());
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.model, b.model);
    QCOMPARE(a.source, b.source);
    QCOMPARE(a.seed, b.seed);
    QCOMPARE(a.run, b.run);
    QCOMPARE(a.provenance.modelHash, b.provenance.modelHash);
    QCOMPARE(a.provenance.checkpointHash, b.provenance.checkpointHash);
    QCOMPARE(a.provenance.started, b.provenance.started);
    QCOMPARE(a.provenance.finished, b.provenance.finished);
    QCOMPARE(a.provenance.hyperParameters, b.provenance.hyperParameters);
    QCOMPARE(a.evals.size(), b.evals.size());
    for (size_t i = 0; i < a.evals.size(); ++i) {
        QCOMPARE(a.evals[i].task, b.evals[i].task);
        QCOMPARE(a.evals[i].items, b.evals[i].items);
        QCOMPARE(a.evals[i].correct, b.evals[i].correct);
        QCOMPARE(a.evals[i].chosen, b.evals[i].chosen);
    }
    QCOMPARE(a.curve.step, b.curve.step);
    QCOMPARE(a.curve.loss, b.curve.loss);
    QCOMPARE(a.curve.wallSeconds, b.curve.wallSeconds);
}

} // namespace

class TestStudyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellFileRoundTripsEveryField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cell.h5"));
        const CellRecord cell = makeCell(CellKind::Finetune, QStringLiteral("Counting"), 2, 37);
        writeCellFile(path, cell);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".partial")));
        compareCells(readCellFile(path), cell);
        QCOMPARE(readCellFile(path).evalFor(QStringLiteral("Jigsaw"))->accuracy(), cell.evals[1].accuracy());
    }

    void completedCellsExcludeCellsInProgress()
    {
        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), QJsonObject{{QStringLiteral("name"), QStringLiteral("t")}});
        store.writeCell(makeCell(CellKind::Base, {}, 0, 10));
        QFile partial(store.cellPath(QStringLiteral("finetune__x__Jigsaw__seed0")) + QStringLiteral(".partial"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("half a cell");
        partial.close();
        QCOMPARE(store.completedCellIds(), QStringList{QStringLiteral("base__tiny-1M__-__seed0")});
        QVERIFY(store.hasCell(QStringLiteral("base__tiny-1M__-__seed0")));
        QVERIFY(!store.hasCell(QStringLiteral("finetune__x__Jigsaw__seed0")));
    }

    void damagedCellIsNamedAndTheRestLoads()
    {
        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), QJsonObject{});
        const CellRecord good = makeCell(CellKind::Finetune, QStringLiteral("Counting"), 0, 50);
        const CellRecord bad = makeCell(CellKind::Finetune, QStringLiteral("Jigsaw"), 0, 50);
        store.writeCell(good);
        store.writeCell(bad);
        QFile f(store.cellPath(bad.cellId()));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 3)); // truncated, as by a full disk
        f.close();

        const StudyContents contents = store.load();
        QCOMPARE(int(contents.cells.size()), 1);
        QCOMPARE(contents.cells[0].cellId(), good.cellId());
        QCOMPARE(int(contents.problems.size()), 1);
        QCOMPARE(contents.problems[0].file, store.cellPath(bad.cellId()));
        QVERIFY2(contents.problems[0].message.contains(bad.cellId()), qPrintable(contents.problems[0].message));
    }

    void notAnHdf5FileIsRejectedByName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bogus.h5"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not HDF5");
        f.close();
        try {
            readCellFile(path);
            QFAIL("expected an InputError");
        } catch (const InputError &e) {
            QCOMPARE(e.file(), path);
            QVERIFY(e.message().contains(QStringLiteral("not an HDF5 file")));
        }
    }

    void oneWriterAtATime()
    {
        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), QJsonObject{});
        StudyWriterLock first(store);
        bool refused = false;
        try {
            StudyWriterLock second(store);
        } catch (const InputError &e) {
            refused = e.message().contains(QStringLiteral("one writer at a time"));
        }
        QVERIFY(refused);
    }

    void lockOfAKilledWriterIsTakenOver()
    {
        QTemporaryDir dir;
        StudyStore store = StudyStore::create(dir.path(), QJsonObject{});
        // What a writer killed with -9 leaves behind: a lock naming a process that no longer runs.
        QFile lock(QDir(dir.path()).filePath(QStringLiteral("writer.lock")));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray("2147483646\ntransferscope-cli\n") + QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        StudyWriterLock taken(store); // must not throw
        QVERIFY(lock.exists());
    }

    void refusesToOverwriteAnotherStudy()
    {
        QTemporaryDir dir;
        StudyStore::create(dir.path(), QJsonObject{{QStringLiteral("seeds"), 1}});
        StudyStore::create(dir.path(), QJsonObject{{QStringLiteral("seeds"), 1}}); // same spec: resume is fine
        QVERIFY_THROWS_EXCEPTION(InputError, StudyStore::create(dir.path(), QJsonObject{{QStringLiteral("seeds"), 2}}));
    }

    void accuracyRowsFeedTheAnalysis()
    {
        StudyContents study;
        study.cells = {makeCell(CellKind::Base, {}, 0, 20), makeCell(CellKind::Finetune, QStringLiteral("Counting"), 0, 20),
                       makeCell(CellKind::Control, {}, 0, 20)};
        const auto rows = accuracyRows(study);
        QCOMPARE(int(rows.size()), 4); // 2 targets × (base + finetune); the control is not a source
        QCOMPARE(rows[0].source, QStringLiteral("base"));
        QCOMPARE(rows[0].run, QStringLiteral("*")); // one base evaluation serves every run
        QCOMPARE(rows[2].source, QStringLiteral("Counting"));
        QCOMPARE(rows[2].correct, study.cells[1].evals[0].correctCount());
        QCOMPARE(rows[2].total, 20);

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("acc.csv"));
        writeAccuracyCsv(rows, csv);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("model,run,source,target,correct,total"));
        QVERIFY(lines[1].startsWith(QStringLiteral("tiny/1M,*,base,Counting,")));
    }

    void mergedExportRoundTrips()
    {
        QTemporaryDir dir;
        StudyContents study;
        study.spec = QJsonObject{{QStringLiteral("name"), QStringLiteral("quick")}};
        study.cells = {makeCell(CellKind::Base, {}, 1, 15), makeCell(CellKind::Finetune, QStringLiteral("Jigsaw"), 1, 15)};
        const QString path = dir.filePath(QStringLiteral("study.h5"));
        exportStudyHdf5(study, path);
        const StudyContents back = readStudyHdf5(path);
        QCOMPARE(back.spec, study.spec);
        QVERIFY(back.problems.empty());
        QCOMPARE(back.cells.size(), study.cells.size());
        for (size_t i = 0; i < study.cells.size(); ++i)
            compareCells(back.cells[i], study.cells[i]);
    }
};

QTEST_GUILESS_MAIN(TestStudyStore)
#include "test_study_store.moc"
