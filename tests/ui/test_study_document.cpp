// The study document and the matrix model over the authors' 32B table: values must be the mean of
// the four runs read straight from the CSV, independent of the analysis code under test.

#include "common/input_error.h"
#include "ui/models/clique_list_model.h"
#include "ui/models/pgf_matrix_model.h"
#include "ui/models/task_ordering.h"
#include "ui/study/study_document.h"
#include "ui/study/study_loader.h"

#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ts;
using namespace ts::ui;

namespace {

const QString kTable32B = QStringLiteral(TRANSFERSCOPE_RESOURCES "/data/task-transfer-vlms/pgf_qwen2.5vl-32B.csv");

// (source, target) with underscores as in the file → list of per-seed values.
QMap<QPair<QString, QString>, QVector<double>> readRaw(const QString &path)
{
    QMap<QPair<QString, QString>, QVector<double>> cells;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return cells;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QStringList parts = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (parts.size() == 4)
            cells[{parts[1], parts[2]}].append(parts[3].toDouble());
    }
    return cells;
}

QString underscored(const QString &name)
{
    return QString(name).replace(QLatin1Char(' '), QLatin1Char('_'));
}

} // namespace

class TestStudyDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matrixModelHoldsTheMeanOfTheRuns();
    void singleRunAndDiagonal();
    void orderingsArePermutations();
    void cliquesOf32BMatchThePaper();
    void unsupportedAndBadInputs();
    void accuracyTableGivesAccuracies();
    void selectionEmitsOncePerChange();
};

void TestStudyDocument::matrixModelHoldsTheMeanOfTheRuns()
{
    StudyDocument doc;
    QSignalSpy models(&doc, &StudyDocument::modelsChanged);
    doc.open(kTable32B);
    QCOMPARE(models.count(), 1);
    QCOMPARE(doc.modelCount(), 1);
    QCOMPARE(doc.current()->name(), QStringLiteral("qwen2.5vl-32B"));

    PgfMatrixModel model;
    model.setAnalysis(&doc.current()->analysis, doc.current()->sourcePath);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), 13);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("VS"));
    QCOMPARE(model.headerData(12, Qt::Vertical).toString(), QStringLiteral("FD"));

    const auto raw = readRaw(kTable32B);
    QCOMPARE(raw.size(), 169);
    int checked = 0;
    for (int r = 0; r < 13; ++r) {
        for (int c = 0; c < 13; ++c) {
            const QString s = model.data(model.index(r, c), PgfMatrixModel::SourceTaskRole).toString();
            const QString t = model.data(model.index(r, c), PgfMatrixModel::TargetTaskRole).toString();
            const QVector<double> runs = raw.value({underscored(s), underscored(t)});
            QCOMPARE(runs.size(), 4);
            double mean = 0;
            for (double v : runs)
                mean += v;
            mean /= runs.size();
            const double shown = model.data(model.index(r, c), PgfMatrixModel::ValueRole).toDouble();
            QVERIFY2(std::abs(shown - mean) < 1e-12, qPrintable(QStringLiteral("%1→%2: %3 vs %4").arg(s, t).arg(shown).arg(mean)));
            ++checked;
        }
    }
    QCOMPARE(checked, 169);
    // The first row of the file: Visual Similarity → itself, initial run 0.84.
    QCOMPARE(model.data(model.index(0, 0), Qt::DisplayRole).toString(),
             QString::number(model.value(0, 0), 'f', 2));
    const QString tip = model.data(model.index(0, 1), Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("Visual Similarity → Art Style")));
    QVERIFY(tip.contains(QStringLiteral("95% CI")));
    QVERIFY(tip.contains(QStringLiteral("pgf_qwen2.5vl-32B.csv")));
}

void TestStudyDocument::singleRunAndDiagonal()
{
    StudyDocument doc;
    doc.open(kTable32B);
    PgfMatrixModel model;
    model.setAnalysis(&doc.current()->analysis);
    model.setRun(0); // "initial"
    QCOMPARE(doc.current()->matrix().runs().at(0), QStringLiteral("initial"));
    QVERIFY(std::abs(model.value(0, 0) - 0.8400000000000001) < 1e-12);
    QVERIFY(std::abs(model.value(0, 1) - 0.3559322033898305) < 1e-12);
    QVERIFY(std::isnan(model.data(model.index(0, 0), PgfMatrixModel::SpreadRole).toDouble()));
    model.setShowDiagonal(false);
    for (int i = 0; i < 13; ++i)
        QVERIFY(std::isnan(model.value(i, i)));
    QVERIFY(!std::isnan(model.value(0, 1)));
    const SquareMatrix shown = model.shownMatrix();
    QVERIFY(!shown.isDefined(3, 3));
}

void TestStudyDocument::orderingsArePermutations()
{
    StudyDocument doc;
    doc.open(kTable32B);
    const ModelAnalysis &a = doc.current()->analysis;
    for (TaskOrder order : {TaskOrder::Listed, TaskOrder::ByPersona, TaskOrder::ByClustering}) {
        std::vector<int> p = orderTasks(a, order);
        QCOMPARE(int(p.size()), 13);
        std::sort(p.begin(), p.end());
        for (int i = 0; i < 13; ++i)
            QCOMPARE(p[std::size_t(i)], i);
    }
    // Reordering moves values with their tasks.
    PgfMatrixModel model;
    model.setAnalysis(&a);
    const double vsToAs = model.value(0, 1);
    std::vector<int> reversed(13);
    for (int i = 0; i < 13; ++i)
        reversed[std::size_t(i)] = 12 - i;
    model.setOrder(reversed);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("FD"));
    QCOMPARE(model.value(12, 11), vsToAs);
    // Persona order puts a task with a persona before one without.
    const std::vector<int> byPersona = orderTasks(a, TaskOrder::ByPersona);
    QVERIFY(primaryPersona(a, byPersona.front()) >= 0);
}

void TestStudyDocument::cliquesOf32BMatchThePaper()
{
    // method.md §9: the 32B model has one maximum positive clique of 9 tasks and a negative of 4.
    StudyDocument doc;
    doc.open(kTable32B);
    CliqueListModel cliques;
    cliques.setAnalysis(&doc.current()->analysis);
    QVERIFY(cliques.rowCount() >= 2);
    QCOMPARE(cliques.data(cliques.index(0, CliqueListModel::SizeColumn), Qt::EditRole).toInt(), 9);
    QCOMPARE(cliques.data(cliques.index(0, CliqueListModel::SignColumn)).toString(), QStringLiteral("positive"));
    const int last = cliques.rowCount() - 1;
    QCOMPARE(cliques.data(cliques.index(last, CliqueListModel::SizeColumn), Qt::EditRole).toInt(), 4);
    QCOMPARE(cliques.memberNames(0).size(), 9);
    QCOMPARE(cliques.rowOf(cliques.memberNames(0), true), 0);
}

void TestStudyDocument::unsupportedAndBadInputs()
{
    StudyDocument doc;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY_THROWS_EXCEPTION(UnsupportedStudyError, doc.open(dir.path()));
    QVERIFY_THROWS_EXCEPTION(UnsupportedStudyError, doc.open(dir.filePath(QStringLiteral("study.h5"))));
    QFile bad(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("seed,ft_task,task,perfection_gap_factor\ninitial,Visual_Similarity,Nonsense_Task,0.5\n");
    bad.close();
    QVERIFY_THROWS_EXCEPTION(InputError, doc.open(bad.fileName()));
    QCOMPARE(doc.modelCount(), 0); // nothing half-loaded
}

void TestStudyDocument::accuracyTableGivesAccuracies()
{
    // Two tasks, one run: base accuracies 0.5 and 0.25; self-finetuned 0.75 (VS) and 0.5 (AS).
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("acc.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("model,run,source,target,correct,total\n"
            "m,r0,base,Visual Similarity,50,100\n"
            "m,r0,base,Art Style,25,100\n"
            "m,r0,Visual Similarity,Visual Similarity,75,100\n"
            "m,r0,Visual Similarity,Art Style,40,100\n"
            "m,r0,Art Style,Visual Similarity,45,100\n"
            "m,r0,Art Style,Art Style,50,100\n");
    f.close();
    StudyDocument doc;
    doc.open(f.fileName());
    QCOMPARE(doc.modelCount(), 1);
    const ModelStudy *s = doc.current();
    QVERIFY(s->hasAccuracies);
    const int vs = s->matrix().taskIndex(QStringLiteral("VS")), as = s->matrix().taskIndex(QStringLiteral("AS"));
    QCOMPARE(s->baseAccuracy[std::size_t(vs)], 0.5);
    QCOMPARE(s->baseAccuracy[std::size_t(as)], 0.25);
    QCOMPARE(s->selfAccuracy[std::size_t(vs)], 0.75);
    QCOMPARE(s->selfAccuracy[std::size_t(as)], 0.5);
    // PGF(AS→VS) = (0.45 − 0.5) / (1 − 0.5) = −0.1
    QVERIFY(std::abs(s->analysis.mean.at(as, vs) + 0.1) < 1e-6); // ε = 1e-8 in the denominator
}

void TestStudyDocument::selectionEmitsOncePerChange()
{
    Selection sel;
    QSignalSpy changed(&sel, &Selection::changed);
    sel.selectTask(QStringLiteral("Counting"));
    sel.selectTask(QStringLiteral("Counting"));
    QCOMPARE(changed.count(), 1);
    sel.selectEdge(QStringLiteral("Counting"), QStringLiteral("Jigsaw"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(sel.involvedTasks(), QStringList({QStringLiteral("Counting"), QStringLiteral("Jigsaw")}));
    QCOMPARE(sel.task(), QStringLiteral("Counting"));
    sel.clear();
    QCOMPARE(sel.kind(), Selection::Kind::None);
    QCOMPARE(changed.count(), 3);
}

QTEST_MAIN(TestStudyDocument)
#include "test_study_document.moc"
