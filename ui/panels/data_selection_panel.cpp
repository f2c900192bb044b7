#include "ui/panels/data_selection_panel.h"

#include "common/task_catalog.h"
#include "model/vlm_presets.h"
#include "store/study_store.h"
#include "study/data_selection.h"
#include "study/study_analysis.h"
#include "ui/run/study_process.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ts::ui {

namespace {

QTableWidget *table(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return t;
}

void fillMixture(QTableWidget *t, const Mixture &mixture)
{
    t->setRowCount(int(mixture.size()));
    for (int r = 0; r < int(mixture.size()); ++r) {
        t->setItem(r, 0, new QTableWidgetItem(mixture[std::size_t(r)].first));
        t->setItem(r, 1, new QTableWidgetItem(QStringLiteral("%1 %").arg(mixture[std::size_t(r)].second * 100, 0, 'f', 1)));
    }
}

StudySpec studySpec(const StudyStore &store)
{
    QStringList presets;
    for (const std::string &name : presetNames())
        presets << QString::fromStdString(name);
    return parseStudySpec(store.spec(), {QDir(store.dir()).filePath(QStringLiteral("spec.json")), presets});
}

} // namespace

DataSelectionPanel::DataSelectionPanel(QWidget *parent)
    : QWidget(parent), m_process(new StudyProcess(this)), m_study(new QLabel(tr("No study: open or run one first."), this)),
      m_target(new QComboBox(this)), m_threshold(new QDoubleSpinBox(this)), m_size(new QSpinBox(this)),
      m_examples(new QSpinBox(this)),
      m_guided(table(this, {tr("PGF-guided source"), tr("Share")})), m_random(table(this, {tr("Random source"), tr("Share")})),
      m_results(table(this, {tr("Arm"), tr("Model"), tr("Accuracy"), tr("95 % interval (Wilson)"), tr("Items")})),
      m_message(new QLabel(this)), m_run(new QPushButton(tr("Run experiment"), this))
{
    setObjectName(QStringLiteral("DataSelectionPanel"));
    for (const TaskInfo &t : TaskCatalog::blinkTasks())
        m_target->addItem(t.name);
    m_threshold->setRange(-1, 1);
    m_threshold->setDecimals(3);
    m_threshold->setSingleStep(0.01);
    m_threshold->setToolTip(tr("τ: sources with mean PGF(source → target) above τ enter the guided mixture, weighted by PGF"));
    m_size->setRange(1, 12);
    m_size->setValue(3);
    m_size->setToolTip(tr("Sources in the random mixture of the preview (the experiment matches the guided mixture's size)"));
    m_examples->setRange(1, 10000000);
    m_examples->setValue(StudySpec().train.examples);
    m_examples->setToolTip(tr("Training examples of each mixture, shared among its sources in proportion to their weights"));
    m_message->setWordWrap(true);
    auto *propose = new QPushButton(tr("Propose"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Study:"), m_study);
    form->addRow(tr("Target task:"), m_target);
    form->addRow(tr("Threshold τ:"), m_threshold);
    form->addRow(tr("Random mixture size:"), m_size);
    form->addRow(tr("Mixture size (training examples):"), m_examples);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(propose);
    buttons->addWidget(m_run);
    buttons->addStretch(1);
    auto *mixtures = new QHBoxLayout;
    mixtures->addWidget(m_guided);
    mixtures->addWidget(m_random);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addLayout(mixtures, 1);
    layout->addWidget(new QLabel(tr("<b>Results on the target</b>"), this));
    layout->addWidget(m_results, 1);
    layout->addWidget(m_message);
    connect(propose, &QPushButton::clicked, this, &DataSelectionPanel::propose);
    connect(m_run, &QPushButton::clicked, this, &DataSelectionPanel::runExperiment);
    connect(m_process, &StudyProcess::finished, this, [this](StudyProcess::Outcome outcome, const QString &message) {
        m_run->setEnabled(true);
        const bool ok = outcome == StudyProcess::Outcome::Completed && showResults();
        if (!ok)
            m_message->setText(message);
        Q_EMIT experimentFinished(ok);
    });
}

void DataSelectionPanel::setStudyDir(const QString &dir)
{
    m_dir = dir;
    m_study->setText(QDir(dir).dirName());
    m_study->setToolTip(dir);
    if (StudyStore::isStudyFolder(dir)) {
        try {
            m_examples->setValue(studySpec(StudyStore(dir)).train.examples);
        } catch (const std::exception &) {
            // propose() and showResults() report an unreadable spec.
        }
    }
}

void DataSelectionPanel::setMixtureExamples(int examples) { m_examples->setValue(examples); }
int DataSelectionPanel::mixtureExamples() const { return m_examples->value(); }

void DataSelectionPanel::setTarget(const QString &task) { m_target->setCurrentText(task); }
void DataSelectionPanel::setThreshold(double tau) { m_threshold->setValue(tau); }
QString DataSelectionPanel::message() const { return m_message->text(); }

bool DataSelectionPanel::propose()
{
    if (m_dir.isEmpty() || !StudyStore::isStudyFolder(m_dir)) {
        m_message->setText(tr("Open or run a study first."));
        return false;
    }
    try {
        const std::vector<TransferMatrix> matrices = studyTransferMatrices(StudyStore(m_dir).load(), m_dir);
        const TransferMatrix &m = matrices.front();
        const Mixture guided = pgfGuidedMixture(m, m_target->currentText(), m_threshold->value());
        fillMixture(m_guided, guided);
        fillMixture(m_random, randomMixture(m.tasks(), m_target->currentText(), m_size->value(), 0));
        m_message->setText(guided.empty() ? tr("No source transfers to %1 above τ = %2 for %3.")
                                                .arg(m_target->currentText())
                                                .arg(m_threshold->value())
                                                .arg(m.model())
                                          : tr("Mixtures of %1 (the experiment runs every model and seed).").arg(m.model()));
        return true;
    } catch (const std::exception &e) {
        m_message->setText(QString::fromUtf8(e.what()));
        return false;
    }
}

bool DataSelectionPanel::runExperiment()
{
    if (m_dir.isEmpty())
        return false;
    m_message->setText(tr("Running the data-selection experiment…"));
    const bool started = m_process->startSelect(m_dir, m_target->currentText(), m_threshold->value(), m_examples->value());
    m_run->setEnabled(!started);
    return started;
}

bool DataSelectionPanel::showResults()
{
    try {
        const StudyStore store(m_dir);
        const StudyContents contents = store.load();
        const std::vector<TransferMatrix> matrices = studyTransferMatrices(contents, m_dir);
        const auto reports = selectionReports(contents, studySpec(store), matrices, m_target->currentText(), m_threshold->value(),
                                            m_examples->value());
        m_results->setRowCount(0);
        for (const SelectionReport &r : reports)
            for (const SelectionArm &arm : r.arms) {
                const int row = m_results->rowCount();
                m_results->insertRow(row);
                const auto [lo, hi] = arm.wilson95();
                m_results->setItem(row, 0, new QTableWidgetItem(arm.name));
                m_results->setItem(row, 1, new QTableWidgetItem(r.model));
                m_results->setItem(row, 2, new QTableWidgetItem(QString::number(arm.accuracy(), 'f', 3)));
                m_results->setItem(row, 3, new QTableWidgetItem(QStringLiteral("[%1, %2]").arg(lo, 0, 'f', 3).arg(hi, 0, 'f', 3)));
                m_results->setItem(row, 4, new QTableWidgetItem(QString::number(arm.total)));
            }
        m_message->setText(tr("Four arms on %1, pooled over seeds.").arg(m_target->currentText()));
        return m_results->rowCount() > 0;
    } catch (const std::exception &e) {
        m_message->setText(QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace ts::ui
