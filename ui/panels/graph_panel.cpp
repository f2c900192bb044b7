#include "ui/panels/graph_panel.h"

#include "analysis/transfer_graph_figure.h"

#include "ui/models/task_ordering.h"
#include "ui/settings/setting_value.h"
#include "ui/widgets/persona_colours.h"
#include "ui/study/study_document.h"
#include "ui/widgets/transfer_graph_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace ts::ui {

namespace {
SettingValue<double> thresholdSetting(QStringLiteral("graph/threshold"), 0.25);
SettingValue<int> signSetting(QStringLiteral("graph/sign"), int(EdgeSign::All));
SettingValue<int> engineSetting(QStringLiteral("graph/engine"), int(LayoutEngine::Dot));
SettingValue<bool> personaFillSetting(QStringLiteral("graph/personaFill"), false);
constexpr int kSliderSteps = 100; // slider 0..100 ↔ threshold 0..1 in steps of 0.01
} // namespace

GraphPanel::GraphPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_view(new TransferGraphView(this)), m_engine(new QComboBox(this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_thresholdBox(new QDoubleSpinBox(this)),
      m_sign(new QComboBox(this)), m_cliques(new QComboBox(this)),
      m_personaFill(new QCheckBox(tr("Personas"), this)), m_edgeCount(new QLabel(this)),
      m_relayout(new QTimer(this))
{
    setObjectName(QStringLiteral("GraphPanel"));
    for (LayoutEngine e : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Circo, LayoutEngine::Fdp})
        m_engine->addItem(layoutEngineName(e), int(e));
    m_engine->setToolTip(tr("Graphviz layout engine"));
    m_sign->addItem(tr("All edges"), int(EdgeSign::All));
    m_sign->addItem(tr("Positive"), int(EdgeSign::Positive));
    m_sign->addItem(tr("Negative"), int(EdgeSign::Negative));
    m_cliques->addItem(tr("No cliques"), 0);
    m_cliques->addItem(tr("Positive cliques"), 1);
    m_cliques->addItem(tr("Negative cliques"), -1);
    m_cliques->setToolTip(tr("Highlight the maximum cliques of one sign"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setToolTip(tr("Show edges with |mean PGF| at least this threshold"));
    m_thresholdBox->setRange(0.0, 1.0);
    m_thresholdBox->setSingleStep(0.01);
    m_thresholdBox->setDecimals(2);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Fit the whole graph in the view"));

    // Two rows, so the dock stays narrow enough to share the window with the matrix.
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_engine);
    bar->addWidget(m_sign);
    bar->addWidget(m_cliques);
    bar->addWidget(m_personaFill);
    bar->addWidget(fit);
    bar->addStretch();
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(new QLabel(tr("|PGF| ≥"), this));
    thresholdRow->addWidget(m_slider, 1);
    thresholdRow->addWidget(m_thresholdBox);
    thresholdRow->addWidget(m_edgeCount);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(thresholdRow);
    layout->addWidget(m_view, 1);

    m_engine->setCurrentIndex(std::max(0, m_engine->findData(engineSetting.value())));
    m_sign->setCurrentIndex(std::max(0, m_sign->findData(signSetting.value())));
    const double t = std::clamp(thresholdSetting.value(), 0.0, 1.0);
    m_thresholdBox->setValue(t);
    m_slider->setValue(int(std::lround(t * kSliderSteps)));

    // Dragging the slider fires many values; lay out once it pauses.
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(120);
    connect(m_relayout, &QTimer::timeout, this, [this] { rebuild(true); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        const QSignalBlocker block(m_thresholdBox);
        m_thresholdBox->setValue(v / double(kSliderSteps));
        m_relayout->start();
    });
    connect(m_thresholdBox, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double v) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::lround(v * kSliderSteps)));
        m_relayout->start();
    });
    connect(m_sign, qOverload<int>(&QComboBox::activated), this, [this] { rebuild(true); });
    connect(m_engine, qOverload<int>(&QComboBox::activated), this, [this] { rebuild(true); });
    connect(m_cliques, qOverload<int>(&QComboBox::activated), this, &GraphPanel::updateEmphasis);
    connect(fit, &QToolButton::clicked, m_view, &TransferGraphView::fitAll);
    m_personaFill->setToolTip(tr("Group the tasks by their strongest persona: tinted nodes (green donor, orange pirate, blue sponge, "
                                 "pink sieve) inside Graphviz clusters with the dot and fdp layouts"));
    m_personaFill->setChecked(personaFillSetting.value());
    connect(m_personaFill, &QCheckBox::toggled, this, [this](bool on) {
        personaFillSetting.setValue(on);
        rebuild(true); // the persona clusters change the layout
    });

    Selection *sel = document->selection();
    connect(m_view, &TransferGraphView::nodeClicked, this, [this, sel](int task) {
        if (const ModelStudy *s = m_document->current())
            sel->selectTask(s->matrix().tasks().value(task));
    });
    connect(m_view, &TransferGraphView::nodeDoubleClicked, this, [this, sel](int task) {
        if (const ModelStudy *s = m_document->current())
            Q_EMIT sel->taskDetailRequested(s->matrix().tasks().value(task));
    });
    connect(m_view, &TransferGraphView::edgeClicked, this, [this, sel](int source, int target) {
        if (const ModelStudy *s = m_document->current())
            sel->selectEdge(s->matrix().tasks().value(source), s->matrix().tasks().value(target));
    });
    connect(m_view, &TransferGraphView::backgroundClicked, sel, &Selection::clear);
    connect(sel, &Selection::changed, this, &GraphPanel::updateEmphasis);
    connect(document, &StudyDocument::currentModelChanged, this, [this] { rebuild(true); });
    connect(document, &StudyDocument::modelsChanged, this, [this] { rebuild(true); });
    connect(document, &StudyDocument::analysisChanged, this, [this] { rebuild(false); });
    connect(document, &StudyDocument::paletteChanged, this, [this] { m_view->setPalette(m_document->palette()); });
    m_view->setPalette(document->palette());
    m_view->setLayoutInBackground(true); // a live study reloads the graph at every completed cell
    connect(m_view, &TransferGraphView::layoutFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Graph layout failed"), tr("Graphviz could not lay out the graph: %1").arg(message));
    });
    rebuild(false);
}

QList<Figure *> GraphPanel::figures()
{
    if (!m_document->current())
        return {};
    return {m_view};
}

double GraphPanel::threshold() const
{
    return m_thresholdBox->value();
}

void GraphPanel::setThreshold(double threshold)
{
    m_thresholdBox->setValue(threshold);
    m_relayout->stop();
    rebuild(true);
}

void GraphPanel::setPersonaGroups(bool on)
{
    if (m_personaFill->isChecked() == on)
        rebuild(false);
    else
        m_personaFill->setChecked(on); // rebuilds through the toggled connection
}

void GraphPanel::setSignFilter(int sign)
{
    m_sign->setCurrentIndex(std::max(0, m_sign->findData(sign)));
    rebuild(true);
}

void GraphPanel::setEngine(int engine)
{
    m_engine->setCurrentIndex(std::max(0, m_engine->findData(engine)));
    rebuild(true);
}

int GraphPanel::edgeCount() const
{
    return m_view->edgeCount();
}

void GraphPanel::rebuild(bool animate)
{
    thresholdSetting.setValue(threshold());
    signSetting.setValue(m_sign->currentData().toInt());
    engineSetting.setValue(m_engine->currentData().toInt());
    const ModelStudy *study = m_document->current();
    if (!study) {
        m_view->setTasks({}, {}, {});
        m_edgeCount->setText(tr("no study"));
        return;
    }
    const ModelAnalysis &a = study->analysis;
    QStringList tips;
    for (int i = 0; i < a.matrix.taskCount(); ++i) {
        const TaskScores &s = a.scores[std::size_t(i)];
        tips << tr("<b>%1</b><br>Δ⁺ %2 · Δ⁻ %3<br>Θ⁺ %4 · Θ⁻ %5")
                    .arg(a.matrix.tasks().at(i).toHtmlEscaped())
                    .arg(s.deltaPlus, 0, 'f', 3).arg(s.deltaMinus, 0, 'f', 3)
                    .arg(s.thetaPlus, 0, 'f', 3).arg(s.thetaMinus, 0, 'f', 3);
    }
    // A different model has different edges; do not animate from another model's positions.
    const bool sameModel = m_shownModel == study->name();
    m_shownModel = study->name();
    m_view->setTasks(a.matrix.tasks(), a.matrix.abbreviations(), tips);
    m_view->setClusters(m_personaFill->isChecked() ? personaClusters(a.personas) : std::vector<GraphSpecCluster>{});
    const TransferGraph graph = buildTransferGraph(a.mean, threshold(), EdgeSign(m_sign->currentData().toInt()), a.spread);
    m_view->setGraph(graph, LayoutEngine(m_engine->currentData().toInt()), animate && sameModel); // failures: layoutFailed
    m_view->setTitle(tr("Task-transfer graph — %1").arg(study->name()));
    m_view->setFileStem(QStringLiteral("transfer-graph-%1").arg(study->name()));
    updateEdgeLabel();
    updateEmphasis();
    updateNodeFills();
    Q_EMIT edgeCountChanged(m_view->edgeCount());
}

void GraphPanel::updateNodeFills()
{
    // Persona groups: tinted nodes (every engine) inside Graphviz clusters (dot and fdp).
    const ModelStudy *study = m_document->current();
    if (!study)
        return;
    for (int t = 0; t < study->matrix().taskCount(); ++t) {
        const int persona = m_personaFill->isChecked() ? primaryPersona(study->analysis, t) : -1;
        // A pale tint (40 % persona colour on white) keeps the black labels readable.
        const QColor c = persona < 0 ? QColor(245, 245, 245) : personaColour(Persona(persona));
        m_view->setNodeFill(t, persona < 0 ? c : QColor(255 - (255 - c.red()) * 2 / 5, 255 - (255 - c.green()) * 2 / 5, 255 - (255 - c.blue()) * 2 / 5));
    }
}

void GraphPanel::updateEdgeLabel()
{
    const int n = m_view->edgeCount();
    m_edgeCount->setText(tr("%n edge(s)", nullptr, n));
    m_view->setSubtitle(tr("%n edge(s) with |mean PGF| ≥ %1 (%2)", nullptr, n)
                            .arg(threshold(), 0, 'f', 2)
                            .arg(m_sign->currentText().toLower()));
}

void GraphPanel::updateEmphasis()
{
    const ModelStudy *study = m_document->current();
    if (!study)
        return;
    const TransferMatrix &m = study->matrix();
    QSet<int> tasks;
    QSet<QPair<int, int>> edges;
    bool dim = false;
    auto addClique = [&](const QList<int> &members) {
        for (int a : members) {
            tasks.insert(a);
            for (int b : members)
                if (a != b)
                    edges.insert({a, b});
        }
        dim = true;
    };
    const int cliqueMode = m_cliques->currentData().toInt();
    if (cliqueMode != 0) {
        const auto &cliques = cliqueMode > 0 ? study->analysis.positiveCliques : study->analysis.negativeCliques;
        for (const TaskClique &c : cliques)
            addClique(QList<int>(c.members.begin(), c.members.end()));
    } else {
        const Selection *sel = m_document->selection();
        switch (sel->kind()) {
        case Selection::Kind::Task: tasks.insert(m.taskIndex(sel->task())); break;
        case Selection::Kind::Edge: {
            const int s = m.taskIndex(sel->edgeSource()), t = m.taskIndex(sel->edgeTarget());
            tasks << s << t;
            edges.insert({s, t});
            dim = true;
            break;
        }
        case Selection::Kind::Clique: {
            QList<int> members;
            for (const QString &name : sel->clique())
                members << m.taskIndex(name);
            addClique(members);
            break;
        }
        case Selection::Kind::None: break;
        }
    }
    m_view->setEmphasis(tasks, edges, dim);
}

} // namespace ts::ui
