#include "ui/panels/compare_panel.h"

#include "ui/models/pgf_matrix_model.h"
#include "ui/study/study_document.h"
#include "ui/widgets/pgf_heatmap_plot.h"
#include "ui/widgets/transfer_graph_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace ts::ui {

namespace {
constexpr int kMaxCompared = 3;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

ComparePanel::ComparePanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_threshold(new QDoubleSpinBox(this)), m_tabs(new QTabWidget(this)),
      m_matrixRow(new QGridLayout), m_graphRow(new QGridLayout), m_differenceModel(new PgfMatrixModel(this)),
      m_differencePlot(new PgfHeatmapPlot(this)), m_consensus(new TransferGraphView(this)),
      m_summary(new QStandardItemModel(this)), m_summaryFigure(m_summary, QString(), QStringLiteral("compare-summary")),
      m_matrixFigure(QString(), QStringLiteral("compare-matrices")), m_graphFigure(QString(), QStringLiteral("compare-graphs"))
{
    setObjectName(QStringLiteral("ComparePanel"));
    auto *bar = new QHBoxLayout;
    const QStringList names = {tr("A:"), tr("B:"), tr("C:")};
    for (int i = 0; i < kMaxCompared; ++i) {
        m_choice[i] = new QComboBox(this);
        bar->addWidget(new QLabel(names[i], this));
        bar->addWidget(m_choice[i]);
        connect(m_choice[i], qOverload<int>(&QComboBox::activated), this, &ComparePanel::rebuild);
    }
    m_choice[2]->setToolTip(tr("Optional third model"));
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(0.25);
    bar->addWidget(new QLabel(tr("Graphs: |PGF| ≥"), this));
    bar->addWidget(m_threshold);
    bar->addStretch();
    connect(m_threshold, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ComparePanel::rebuild);

    auto *matrices = new QWidget(this);
    matrices->setLayout(m_matrixRow);
    auto *graphs = new QWidget(this);
    graphs->setLayout(m_graphRow);
    for (int i = 0; i < kMaxCompared; ++i) {
        auto *model = new PgfMatrixModel(this);
        auto *plot = new PgfHeatmapPlot(this);
        plot->setMatrixModel(model);
        plot->setShowValues(false); // too small to read side by side; hover shows each value
        m_models << model;
        m_heatmaps << plot;
        // A 2 × 2 grid (A B / C difference) reads at the dock's usual width; a row would not.
        m_matrixRow->addWidget(plot, i / 2, i % 2);
        auto *graph = new TransferGraphView(this);
        graph->setMinimumSize(160, 160);
        graph->setLayoutInBackground(true); // four Graphviz layouts per reload would stall a live study's UI
        m_graphs << graph;
        m_graphRow->addWidget(graph, i / 2, i % 2);
    }
    m_differencePlot->setMatrixModel(m_differenceModel);
    m_differencePlot->setShowValues(false);
    m_consensus->setMinimumSize(160, 160);
    m_consensus->setLayoutInBackground(true);
    m_matrixRow->addWidget(m_differencePlot, 1, 1);
    m_graphRow->addWidget(m_consensus, 1, 1);
    for (QGridLayout *grid : {m_matrixRow, m_graphRow}) {
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        grid->setRowStretch(0, 1);
        grid->setRowStretch(1, 1);
    }
    auto *summary = new QTableView(this);
    summary->setModel(m_summary);
    summary->verticalHeader()->hide();
    summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(matrices, tr("Matrices"));
    m_tabs->addTab(graphs, tr("Graphs"));
    m_tabs->addTab(summary, tr("Summary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(document, &StudyDocument::modelsChanged, this, &ComparePanel::refreshChoices);
    connect(document, &StudyDocument::analysisChanged, this, &ComparePanel::rebuild);
    connect(document, &StudyDocument::paletteChanged, this, &ComparePanel::rebuild);
    refreshChoices();
}

QList<Figure *> ComparePanel::figures()
{
    if (comparedModels().size() < 2)
        return {};
    QList<Figure *> out{&m_matrixFigure, &m_graphFigure, m_differencePlot, m_consensus, &m_summaryFigure};
    return out;
}

QVector<int> ComparePanel::comparedModels() const
{
    QVector<int> out;
    for (QComboBox *c : m_choice) {
        const int i = c->currentData().isValid() ? c->currentData().toInt() : -1;
        if (i >= 0 && !out.contains(i))
            out << i;
    }
    return out;
}

void ComparePanel::setComparedModels(const QVector<int> &models)
{
    for (int i = 0; i < kMaxCompared; ++i)
        m_choice[i]->setCurrentIndex(std::max(0, m_choice[i]->findData(i < models.size() ? models[i] : -1)));
    rebuild();
}

void ComparePanel::refreshChoices()
{
    const QStringList names = m_document->modelNames();
    for (int i = 0; i < kMaxCompared; ++i) {
        m_choice[i]->clear();
        m_choice[i]->addItem(tr("(none)"), -1);
        for (int m = 0; m < names.size(); ++m)
            m_choice[i]->addItem(names[m], m);
        // Default: the first three models, in the order loaded (3B, 7B, 32B for the authors' tables).
        m_choice[i]->setCurrentIndex(i < names.size() ? i + 1 : 0);
    }
    rebuild();
}

void ComparePanel::buildDifference(const ModelAnalysis &a, const ModelAnalysis &b)
{
    // B − A over the tasks both have (matched by name), as a one-run analysis so the ordinary
    // matrix model and heat map can show it.
    const TransferMatrix &ma = a.matrix;
    // Short names for the title: the part the two model names do not share ("32B − 3B").
    int common = 0;
    while (common < a.model().size() && common < b.model().size() && a.model()[common] == b.model()[common])
        ++common;
    while (common > 0 && a.model()[common - 1].isLetterOrNumber())
        --common; // do not cut inside a word or number ("3B" vs "32B")
    const QString name = tr("%1 − %2").arg(b.model().mid(common), a.model().mid(common));
    TransferMatrix diff(name, ma.tasks(), ma.abbreviations(), {QStringLiteral("difference")});
    SquareMatrix mean(ma.taskCount());
    for (int s = 0; s < ma.taskCount(); ++s)
        for (int t = 0; t < ma.taskCount(); ++t) {
            const int bs = b.matrix.taskIndex(ma.tasks().at(s)), bt = b.matrix.taskIndex(ma.tasks().at(t));
            const double v = bs >= 0 && bt >= 0 ? b.mean.at(bs, bt) - a.mean.at(s, t) : kNaN;
            diff.setValue(0, s, t, v);
            mean.at(s, t) = v;
        }
    m_difference = ModelAnalysis();
    m_difference.matrix = diff;
    m_difference.mean = mean;
    m_difference.spread = SquareMatrix(ma.taskCount());
    m_difference.pValues = SquareMatrix(ma.taskCount());
}

TransferGraph ComparePanel::consensusGraph(const QVector<const ModelAnalysis *> &models, double threshold) const
{
    // An edge is in the consensus when every model has it at this threshold with the same sign;
    // it carries the mean over the models and their spread.
    const ModelAnalysis &first = *models.front();
    const int n = first.matrix.taskCount();
    SquareMatrix mean(n), spread(n);
    for (int s = 0; s < n; ++s)
        for (int t = 0; t < n; ++t) {
            if (s == t)
                continue;
            std::vector<double> values;
            for (const ModelAnalysis *m : models) {
                const int ms = m->matrix.taskIndex(first.matrix.tasks().at(s));
                const int mt = m->matrix.taskIndex(first.matrix.tasks().at(t));
                values.push_back(ms >= 0 && mt >= 0 ? m->mean.at(ms, mt) : kNaN);
            }
            bool all = true;
            for (double v : values)
                all &= std::isfinite(v) && std::abs(v) >= threshold && (v > 0) == (values.front() > 0);
            if (!all)
                continue;
            double sum = 0;
            for (double v : values)
                sum += v;
            const double mu = sum / double(values.size());
            double var = 0;
            for (double v : values)
                var += (v - mu) * (v - mu);
            mean.at(s, t) = mu;
            spread.at(s, t) = values.size() > 1 ? std::sqrt(var / double(values.size() - 1)) : kNaN;
        }
    return buildTransferGraph(mean, 0.0, EdgeSign::All, spread);
}

int ComparePanel::consensusEdgeCount() const
{
    return m_consensus->edgeCount();
}

void ComparePanel::rebuild()
{
    const QVector<int> chosen = comparedModels();
    QVector<const ModelAnalysis *> analyses;
    for (int i : chosen)
        if (const ModelStudy *s = m_document->model(i))
            analyses << &s->analysis;
    const double limit = m_document->colourLimit(chosen); // one scale for every compared model
    const double threshold = m_threshold->value();
    QList<Figure *> matrixParts, graphParts;
    for (int i = 0; i < kMaxCompared; ++i) {
        const bool used = i < analyses.size();
        m_heatmaps[i]->setVisible(used);
        m_graphs[i]->setVisible(used);
        if (!used) {
            m_models[i]->setAnalysis(nullptr);
            continue;
        }
        const ModelAnalysis &a = *analyses[i];
        m_models[i]->setAnalysis(&a, m_document->model(chosen[i])->sourcePath);
        m_models[i]->setShowDiagonal(false); // compare transfer, not self-improvement
        m_heatmaps[i]->setPalette(m_document->palette());
        m_heatmaps[i]->setColourLimit(limit);
        // One scale for all (the same limit); in the grid every plot keeps its bar so each row has one.
        m_heatmaps[i]->setTitle(a.model());
        m_heatmaps[i]->setFileStem(QStringLiteral("compare-matrix-%1").arg(a.model()));
        m_graphs[i]->setPalette(m_document->palette());
        m_graphs[i]->setTasks(a.matrix.tasks(), a.matrix.abbreviations(), a.matrix.tasks());
        m_graphs[i]->setGraph(buildTransferGraph(a.mean, threshold, EdgeSign::All, a.spread), LayoutEngine::Circo, false);
        m_graphs[i]->setTitle(a.model());
        m_graphs[i]->setSubtitle(tr("%n edge(s), |PGF| ≥ %1", nullptr, m_graphs[i]->edgeCount()).arg(threshold, 0, 'f', 2));
        m_graphs[i]->setFileStem(QStringLiteral("compare-graph-%1").arg(a.model()));
        matrixParts << m_heatmaps[i];
        graphParts << m_graphs[i];
    }
    const bool enough = analyses.size() >= 2;
    m_differencePlot->setVisible(enough);
    m_consensus->setVisible(enough);
    m_summary->clear();
    if (!enough) {
        m_differenceModel->setAnalysis(nullptr);
        return;
    }
    buildDifference(*analyses[0], *analyses[1]);
    m_differenceModel->setAnalysis(&m_difference, tr("difference of means"));
    m_differencePlot->setPalette(m_document->palette());
    m_differenceModel->setShowDiagonal(false);
    m_differencePlot->setColourLimit(limit);
    m_differencePlot->setTitle(tr("Difference %1").arg(m_difference.model()));
    m_differencePlot->setFileStem(QStringLiteral("compare-difference"));
    matrixParts << m_differencePlot;

    const ModelAnalysis &first = *analyses.front();
    m_consensus->setPalette(m_document->palette());
    m_consensus->setTasks(first.matrix.tasks(), first.matrix.abbreviations(), first.matrix.tasks());
    m_consensus->setGraph(consensusGraph(analyses, threshold), LayoutEngine::Circo, false);
    m_consensus->setTitle(tr("Consensus of %n model(s)", nullptr, int(analyses.size())));
    m_consensus->setSubtitle(tr("%n edge(s) with |PGF| ≥ %1 and the same sign in every model", nullptr, m_consensus->edgeCount())
                                 .arg(threshold, 0, 'f', 2));
    m_consensus->setFileStem(QStringLiteral("compare-consensus"));
    graphParts << m_consensus;

    QStringList models;
    for (const ModelAnalysis *a : analyses)
        models << a->model();
    m_matrixFigure.setTitle(tr("PGF matrices on one scale: %1").arg(models.join(QStringLiteral(", "))));
    m_matrixFigure.setParts(matrixParts);
    m_graphFigure.setTitle(tr("Transfer graphs at |PGF| ≥ %1").arg(threshold, 0, 'f', 2));
    m_graphFigure.setParts(graphParts);

    // The scale comparison in numbers (method.md §9).
    m_summary->setHorizontalHeaderLabels({tr("Model"), tr("Mean Δ⁺"), tr("Top donor"), tr("Positive clique"),
                                          tr("Negative clique"), tr("Edges ≥ threshold")});
    for (const ModelAnalysis *a : analyses) {
        const int donor = a->topDonor();
        auto cliqueText = [a](const std::vector<TaskClique> &c) {
            if (c.empty())
                return QStringLiteral("—");
            QStringList abbr;
            for (int m : c.front().members)
                abbr << a->matrix.abbreviations().at(m);
            return QStringLiteral("%1: %2").arg(c.front().members.size()).arg(abbr.join(QStringLiteral(", ")));
        };
        QList<QStandardItem *> row;
        row << new QStandardItem(a->model())
            << new QStandardItem(QString::number(a->meanPositiveTransferability(), 'f', 3))
            << new QStandardItem(donor >= 0 ? a->matrix.tasks().at(donor) : QString())
            << new QStandardItem(cliqueText(a->positiveCliques))
            << new QStandardItem(cliqueText(a->negativeCliques))
            << new QStandardItem(QString::number(buildTransferGraph(a->mean, threshold).edges.size()));
        m_summary->appendRow(row);
    }
    QList<QStandardItem *> consensusRow;
    consensusRow << new QStandardItem(tr("consensus")) << new QStandardItem() << new QStandardItem()
                 << new QStandardItem() << new QStandardItem()
                 << new QStandardItem(QString::number(m_consensus->edgeCount()));
    m_summary->appendRow(consensusRow);
    m_summaryFigure.setTitle(tr("Model comparison: %1").arg(models.join(QStringLiteral(", "))));
}

} // namespace ts::ui
