#include "ui/panels/personas_panel.h"

#include "ui/models/persona_table_model.h"
#include "ui/settings/setting_value.h"
#include "ui/study/study_document.h"
#include "ui/widgets/persona_scatter_plot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ts::ui {

namespace {
SettingValue<int> ruleKindSetting(QStringLiteral("personas/rule"), int(PersonaRule::ZScore));
SettingValue<double> zSetting(QStringLiteral("personas/z"), 1.0);
SettingValue<int> topKSetting(QStringLiteral("personas/topK"), 3);
} // namespace

PersonasPanel::PersonasPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_positive(new PersonaScatterPlot(true, this)),
      m_negative(new PersonaScatterPlot(false, this)), m_model(new PersonaTableModel(this)), m_table(new QTableView(this)),
      m_rule(new QComboBox(this)), m_z(new QDoubleSpinBox(this)), m_topK(new QSpinBox(this)),
      m_figure(m_model, QString(), QStringLiteral("persona-evidence"))
{
    setObjectName(QStringLiteral("PersonasPanel"));
    m_rule->addItem(tr("z-score ≥"), int(PersonaRule::ZScore));
    m_rule->addItem(tr("top k ="), int(PersonaRule::TopK));
    m_rule->setToolTip(tr("A task holds a persona when its score is at least z standard deviations above the "
                          "model's mean, or is among the k highest"));
    m_z->setRange(0.0, 3.0);
    m_z->setSingleStep(0.1);
    m_z->setDecimals(1);
    m_topK->setRange(1, 13);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Persona rule:"), this));
    bar->addWidget(m_rule);
    bar->addWidget(m_z);
    bar->addWidget(m_topK);
    bar->addStretch();

    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_positive);
    plots->addWidget(m_negative);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(plots);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    m_rule->setCurrentIndex(std::max(0, m_rule->findData(ruleKindSetting.value())));
    m_z->setValue(zSetting.value());
    m_topK->setValue(topKSetting.value());
    m_figure.setNote(tr("Δ: transferability as a source, Θ: malleability as a target (mean ± std over runs). "
                        "Donor: high Δ⁺, Pirate: high |Δ⁻|, Sponge: high Θ⁺, Sieve: high |Θ⁻|."));

    connect(m_rule, qOverload<int>(&QComboBox::activated), this, &PersonasPanel::applyRule);
    connect(m_z, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &PersonasPanel::applyRule);
    connect(m_topK, qOverload<int>(&QSpinBox::valueChanged), this, &PersonasPanel::applyRule);
    Selection *sel = document->selection();
    auto select = [this, sel](int task) {
        if (const ModelStudy *s = m_document->current())
            sel->selectTask(s->matrix().tasks().value(task));
    };
    auto open = [this, sel](int task) {
        if (const ModelStudy *s = m_document->current()) {
            sel->selectTask(s->matrix().tasks().value(task));
            Q_EMIT sel->taskDetailRequested(s->matrix().tasks().value(task));
        }
    };
    // A click on a task opens its detail (the "clicking a task opens its detail").
    connect(m_positive, &PersonaScatterPlot::taskClicked, this, open);
    connect(m_negative, &PersonaScatterPlot::taskClicked, this, open);
    connect(m_table, &QTableView::clicked, this, [select](const QModelIndex &i) { select(i.row()); });
    connect(m_table, &QTableView::doubleClicked, this, [open](const QModelIndex &i) { open(i.row()); });
    connect(sel, &Selection::changed, this, &PersonasPanel::syncSelection);
    connect(document, &StudyDocument::currentModelChanged, this, &PersonasPanel::refresh);
    connect(document, &StudyDocument::modelsChanged, this, &PersonasPanel::refresh);
    connect(document, &StudyDocument::analysisChanged, this, &PersonasPanel::refresh);
    applyRule();
}

QList<Figure *> PersonasPanel::figures()
{
    if (!m_document->current())
        return {};
    return {m_positive, m_negative, &m_figure};
}

void PersonasPanel::setRule(int kind, double z, int topK)
{
    const QSignalBlocker b1(m_z), b2(m_topK);
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(kind)));
    m_z->setValue(z);
    m_topK->setValue(topK);
    applyRule();
}

void PersonasPanel::applyRule()
{
    const bool topK = m_rule->currentData().toInt() == PersonaRule::TopK;
    m_z->setVisible(!topK);
    m_topK->setVisible(topK);
    ruleKindSetting.setValue(m_rule->currentData().toInt());
    zSetting.setValue(m_z->value());
    topKSetting.setValue(m_topK->value());
    AnalysisOptions options = m_document->analysisOptions();
    PersonaRule rule;
    rule.kind = topK ? PersonaRule::TopK : PersonaRule::ZScore;
    rule.zThreshold = m_z->value();
    rule.topK = m_topK->value();
    const PersonaRule &old = options.personaRule;
    if (old.kind == rule.kind && old.zThreshold == rule.zThreshold && old.topK == rule.topK) {
        refresh();
        return;
    }
    options.personaRule = rule;
    m_document->setAnalysisOptions(options); // emits analysisChanged → refresh
}

void PersonasPanel::refresh()
{
    const ModelStudy *study = m_document->current();
    const ModelAnalysis *a = study ? &study->analysis : nullptr;
    m_positive->setAnalysis(a);
    m_negative->setAnalysis(a);
    m_model->setAnalysis(a);
    if (study) {
        m_figure.setTitle(tr("Task personas — %1").arg(study->name()));
        m_figure.setFileStem(QStringLiteral("persona-evidence-%1").arg(study->name()));
    }
    syncSelection();
}

void PersonasPanel::syncSelection()
{
    const ModelStudy *study = m_document->current();
    const int task = study ? study->matrix().taskIndex(m_document->selection()->task()) : -1;
    m_positive->setSelectedTask(task);
    m_negative->setSelectedTask(task);
    if (task >= 0)
        m_table->selectRow(task);
    else
        m_table->clearSelection();
}

} // namespace ts::ui
