// The main window over the authors' 32B table, driven like a user: clicks in the graph and the
// matrix change the shared selection and the task detail; the threshold slider changes the number
// of edges to exactly the number of cells with |mean PGF| ≥ threshold.

#include "ui/main_window.h"
#include "ui/models/clique_list_model.h"
#include "ui/models/pgf_matrix_model.h"
#include "ui/panels/cliques_panel.h"
#include "ui/panels/compare_panel.h"
#include "ui/panels/graph_panel.h"
#include "ui/panels/matrix_panel.h"
#include "ui/panels/personas_panel.h"
#include "ui/panels/task_detail_panel.h"
#include "ui/study/study_document.h"
#include "ui/widgets/pgf_bar_chart.h"
#include "ui/widgets/pgf_heatmap_plot.h"
#include "ui/widgets/transfer_graph_view.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <cmath>

using namespace ts;
using namespace ts::ui;

namespace {
QString table(const QString &size)
{
    return QStringLiteral(TRANSFERSCOPE_RESOURCES "/data/task-transfer-vlms/pgf_qwen2.5vl-%1.csv").arg(size);
}

int expectedEdges(const SquareMatrix &mean, double threshold, int sign)
{
    int n = 0;
    for (int s = 0; s < mean.size(); ++s)
        for (int t = 0; t < mean.size(); ++t) {
            const double v = mean.at(s, t);
            if (s == t || std::isnan(v) || std::abs(v) < threshold)
                continue;
            if ((sign > 0 && v <= 0) || (sign < 0 && v >= 0))
                continue;
            ++n;
        }
    return n;
}
} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensTheTableInEveryView();
    void clickingAGraphNodeUpdatesTheDetail();
    void thresholdChangesTheEdgeCount();
    void matrixClickSelectsThePair();
    void matrixValueLabelsFollowTheModel();
    void cliqueSelectionHighlightsEverywhere();
    void personaRuleChangesThePersonas();
    void comparesThreeModels();
    void personaGroupsAreDrawnAsClusters();
    void unsupportedStudyIsReportedNotLoaded();

private:
    StudyDocument *m_doc = nullptr;
    MainWindow *m_window = nullptr;
};

void TestWorkbench::initTestCase()
{
    // Keep the user's settings out of the test, and the test's out of the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TransferscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_workbench"));
    QSettings().clear();
}

void TestWorkbench::init()
{
    m_doc = new StudyDocument;
    m_window = new MainWindow(m_doc);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    const QStringList errors = m_window->openFiles({table(QStringLiteral("32B"))}, true);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestWorkbench::cleanup()
{
    delete m_window;
    delete m_doc;
    QSettings().clear();
}

void TestWorkbench::opensTheTableInEveryView()
{
    QCOMPARE(m_doc->current()->name(), QStringLiteral("qwen2.5vl-32B"));
    QCOMPARE(m_window->matrixPanel()->matrixModel()->rowCount(), 13);
    QCOMPARE(m_window->graphPanel()->view()->nodeCount(), 13);
    QVERIFY(m_window->cliquesPanel()->cliqueModel()->rowCount() >= 2);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("qwen2.5vl-32B")));
    for (const auto &[name, provider] : m_window->figureProviders()) {
        if (name == QStringLiteral("Compare models"))
            QVERIFY(provider->figures().isEmpty()); // one model: nothing to compare
        else
            QVERIFY2(!provider->figures().isEmpty(), qPrintable(name));
    }
}

void TestWorkbench::clickingAGraphNodeUpdatesTheDetail()
{
    TransferGraphView *view = m_window->graphPanel()->view();
    m_window->showPanel(m_window->graphPanel());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isAnimating(), 20000); // background layouts run at low priority: slow on a loaded machine
    const int counting = m_doc->current()->matrix().taskIndex(QStringLiteral("Counting"));
    QVERIFY(counting >= 0);
    view->fitAll();
    const QPoint at = view->mapFromScene(view->nodePosition(counting));
    QVERIFY(view->viewport()->rect().contains(at));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

    QCOMPARE(m_doc->selection()->kind(), Selection::Kind::Task);
    QCOMPARE(m_doc->selection()->task(), QStringLiteral("Counting"));
    TaskDetailPanel *detail = m_window->taskDetailPanel();
    QCOMPARE(detail->shownTask(), QStringLiteral("Counting"));
    QVERIFY(detail->headerText().contains(QStringLiteral("Counting (CO)")));
    QVERIFY(detail->infoText().contains(QStringLiteral("4-way")));
    // Bars: the 12 other tasks, outgoing = the task's row of the mean matrix.
    const auto &mean = m_doc->current()->analysis.mean;
    QCOMPARE(detail->outgoingChart()->values().size(), 12);
    QCOMPARE(detail->outgoingChart()->values().at(0), mean.at(counting, 0));
    QCOMPARE(detail->incomingChart()->values().at(0), mean.at(0, counting));
    QVERIFY(!detail->outgoingChart()->labels().contains(QStringLiteral("CO")));
#ifdef TRANSFERSCOPE_HAVE_TASKS
    // Example items from the procedural suite, and the suite's description of the task.
    QCOMPARE(detail->sampleCount(), 2);
    QVERIFY(detail->infoText().contains(QStringLiteral("Skills")));
#endif

    // The matrix outlines the selected task's row and column.
    const QVector<QRect> outlined = m_window->matrixPanel()->plot()->highlights();
    QCOMPARE(outlined.size(), 2);
    QVERIFY(outlined.contains(QRect(0, counting, 13, 1)));
    QVERIFY(outlined.contains(QRect(counting, 0, 1, 13)));
}

void TestWorkbench::thresholdChangesTheEdgeCount()
{
    GraphPanel *graph = m_window->graphPanel();
    const SquareMatrix &mean = m_doc->current()->analysis.mean;
    QSignalSpy counts(graph, &GraphPanel::edgeCountChanged);
    for (double threshold : {0.25, 0.1, 0.5, 0.0, 0.9}) {
        graph->setThreshold(threshold);
        QCOMPARE(graph->edgeCount(), expectedEdges(mean, threshold, 0));
    }
    QVERIFY(counts.count() >= 5);
    QVERIFY(expectedEdges(mean, 0.1, 0) > expectedEdges(mean, 0.5, 0)); // the data make the test meaningful
    graph->setThreshold(0.2);
    graph->setSignFilter(int(EdgeSign::Positive));
    QCOMPARE(graph->edgeCount(), expectedEdges(mean, 0.2, +1));
    graph->setSignFilter(int(EdgeSign::Negative));
    QCOMPARE(graph->edgeCount(), expectedEdges(mean, 0.2, -1));
    // Another engine lays the same edges out elsewhere.
    const QPointF before = graph->view()->nodePosition(0);
    graph->setEngine(int(LayoutEngine::Circo));
    QTRY_VERIFY_WITH_TIMEOUT(!graph->view()->isAnimating(), 20000);
    QCOMPARE(graph->edgeCount(), expectedEdges(mean, 0.2, -1));
    QVERIFY(graph->view()->nodePosition(0) != before);
}

void TestWorkbench::personaGroupsAreDrawnAsClusters()
{
    GraphPanel *graph = m_window->graphPanel();
    graph->setEngine(int(LayoutEngine::Dot));
    graph->setPersonaGroups(true);
    QTRY_VERIFY_WITH_TIMEOUT(!graph->view()->isAnimating(), 20000);
    // 32B: Donors, Pirates, Sponges and Sieves each hold a task → four boxes, each with its label.
    QCOMPARE(graph->view()->clusterBoxCount(), 2 * 4);
    graph->setEngine(int(LayoutEngine::Circo)); // circo ignores clusters
    QTRY_VERIFY_WITH_TIMEOUT(!graph->view()->isAnimating(), 20000);
    QCOMPARE(graph->view()->clusterBoxCount(), 0);
    graph->setPersonaGroups(false);
    graph->setEngine(int(LayoutEngine::Dot));
    QTRY_VERIFY_WITH_TIMEOUT(!graph->view()->isAnimating(), 20000);
    QCOMPARE(graph->view()->clusterBoxCount(), 0);
}

void TestWorkbench::matrixClickSelectsThePair()
{
    PgfHeatmapPlot *plot = m_window->matrixPanel()->plot();
    m_window->showPanel(m_window->matrixPanel());
    plot->replot();
    QCOMPARE(plot->cellAt(QPoint(-5, -5)), QPoint(-1, -1));
    // Cell (row 2 = VC, column 5 = SR) in the listed order.
    const QPoint at(int(plot->xAxis->coordToPixel(5)), int(plot->yAxis->coordToPixel(2)));
    QCOMPARE(plot->cellAt(at), QPoint(5, 2));
    QTest::mouseClick(plot, Qt::LeftButton, {}, at);
    QCOMPARE(m_doc->selection()->kind(), Selection::Kind::Edge);
    QCOMPARE(m_doc->selection()->edgeSource(), QStringLiteral("Visual Correspondence"));
    QCOMPARE(m_doc->selection()->edgeTarget(), QStringLiteral("Spatial Relation"));
}

namespace {
// Every value label of the heat map, checked against the model's value in its cell; returns the count.
int checkedValueLabels(PgfHeatmapPlot *plot, const PgfMatrixModel *model)
{
    int labels = 0;
    for (int i = 0; i < plot->itemCount(); ++i) {
        const auto *text = qobject_cast<QCPItemText *>(plot->item(i));
        if (!text)
            continue;
        const QPointF at = text->position->coords();
        const double v = model->value(int(at.y()), int(at.x()));
        if (text->text() != QString::number(v, 'f', 2).replace(QLatin1Char('-'), QChar(0x2212)))
            return -1;
        ++labels;
    }
    return labels;
}
} // namespace

void TestWorkbench::matrixValueLabelsFollowTheModel()
{
    // The labels are reused between rebuilds (a live study rebuilds at every cell): after a smaller,
    // a larger and a different matrix each label still shows its own cell, and no label is left over.
    PgfHeatmapPlot *plot = m_window->matrixPanel()->plot();
    const PgfMatrixModel *model = m_window->matrixPanel()->matrixModel();
    QCOMPARE(checkedValueLabels(plot, model), 13 * 13);
    m_window->findChild<QCheckBox *>(QStringLiteral("matrixDiagonal"))->click(); // diagonal off
    QCOMPARE(checkedValueLabels(plot, model), 13 * 12);
    m_window->findChild<QCheckBox *>(QStringLiteral("matrixDiagonal"))->click();
    QCOMPARE(checkedValueLabels(plot, model), 13 * 13);
    m_doc->open(table(QStringLiteral("3B")));
    m_doc->setCurrentIndex(m_doc->indexOf(QStringLiteral("qwen2.5vl-3B")));
    QCOMPARE(m_doc->current()->name(), QStringLiteral("qwen2.5vl-3B"));
    QCOMPARE(checkedValueLabels(plot, model), 13 * 13);
}

void TestWorkbench::cliqueSelectionHighlightsEverywhere()
{
    CliquesPanel *panel = m_window->cliquesPanel();
    m_window->showPanel(panel);
    panel->table()->selectRow(0);
    QCOMPARE(m_doc->selection()->kind(), Selection::Kind::Clique);
    QCOMPARE(m_doc->selection()->clique().size(), 9);
    QVERIFY(m_doc->selection()->cliqueIsPositive());
    // Selecting elsewhere clears the row; selecting the clique again re-selects it.
    m_doc->selection()->selectTask(QStringLiteral("Jigsaw"));
    QVERIFY(!panel->table()->selectionModel()->hasSelection());
}

void TestWorkbench::personaRuleChangesThePersonas()
{
    PersonasPanel *panel = m_window->personasPanel();
    panel->setRule(int(PersonaRule::TopK), 1.0, 1);
    // Top-1: exactly one task per persona.
    QCOMPARE(int(m_doc->current()->analysis.personas.size()), 4);
    panel->setRule(int(PersonaRule::TopK), 1.0, 3);
    QCOMPARE(int(m_doc->current()->analysis.personas.size()), 12);
    // Semantic Correspondence is the top donor at 32B (method.md §9).
    const ModelAnalysis &a = m_doc->current()->analysis;
    QCOMPARE(a.matrix.tasks().at(a.topDonor()), QStringLiteral("Semantic Correspondence"));
    panel->setRule(int(PersonaRule::ZScore), 1.0, 3);
}

void TestWorkbench::comparesThreeModels()
{
    const QStringList errors = m_window->openFiles({table(QStringLiteral("3B")), table(QStringLiteral("7B"))}, true);
    QVERIFY(errors.isEmpty());
    QCOMPARE(m_doc->modelCount(), 3);
    ComparePanel *compare = m_window->comparePanel();
    QCOMPARE(compare->comparedModels().size(), 3);
    compare->setComparedModels({m_doc->indexOf(QStringLiteral("qwen2.5vl-3B")), m_doc->indexOf(QStringLiteral("qwen2.5vl-32B"))});
    // Difference = 32B − 3B cell by cell.
    const ModelAnalysis &d = compare->difference();
    const ModelAnalysis &small = m_doc->model(m_doc->indexOf(QStringLiteral("qwen2.5vl-3B")))->analysis;
    const ModelAnalysis &large = m_doc->model(m_doc->indexOf(QStringLiteral("qwen2.5vl-32B")))->analysis;
    QCOMPARE(d.mean.at(1, 2), large.mean.at(1, 2) - small.mean.at(1, 2));
    QVERIFY(compare->consensusEdgeCount() <= std::min(expectedEdges(small.mean, 0.25, 0), expectedEdges(large.mean, 0.25, 0)));
    QCOMPARE(compare->figures().size(), 5);
    // Switching the current model updates the other views.
    m_doc->setCurrentIndex(m_doc->indexOf(QStringLiteral("qwen2.5vl-7B")));
    QCOMPARE(m_window->matrixPanel()->matrixModel()->analysis()->model(), QStringLiteral("qwen2.5vl-7B"));
}

void TestWorkbench::unsupportedStudyIsReportedNotLoaded()
{
    const QStringList errors = m_window->openFiles({QStringLiteral("/tmp/some-study.h5")}, true);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().contains(QStringLiteral("Not a Transferscope study")));
    QCOMPARE(m_doc->modelCount(), 1);
}

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
