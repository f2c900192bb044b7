#include "ui/panels/task_detail_panel.h"

#include <QTimer>

#include "common/task_catalog.h"
#include "ui/models/persona_table_model.h"
#include "ui/study/study_document.h"
#include "ui/widgets/pgf_bar_chart.h"
#include "ui/widgets/task_sample_card.h"

#ifdef TRANSFERSCOPE_HAVE_TASKS
#include "tasks/task_registry.h"
#endif

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>

namespace ts::ui {

namespace {
constexpr int kExampleCount = 2;

QString percent(double v)
{
    return std::isfinite(v) ? QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 1) : QStringLiteral("—");
}
} // namespace

TaskDetailPanel::TaskDetailPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_header(new QLabel(this)), m_info(new QTextBrowser(this)),
      m_samples(new QVBoxLayout), m_samplesNote(new QLabel(this)),
      m_outgoing(new PgfBarChart(PgfBarChart::Direction::Outgoing, this)),
      m_incoming(new PgfBarChart(PgfBarChart::Direction::Incoming, this))
{
    setObjectName(QStringLiteral("TaskDetailPanel"));
    // A text browser, not a word-wrapped QLabel: a label's height depends on its width, so each new text made
    // the scroll area around it lay everything out again, twice (~30 ms per study reload in
    // transferscope_ui_stall_bench); the browser lays out only its own document.
    m_info->setFrameShape(QFrame::NoFrame);
    m_info->viewport()->setAutoFillBackground(false);
    m_info->setOpenLinks(false);
    m_info->setMinimumHeight(m_info->fontMetrics().lineSpacing() * 17); // the whole table, in an ordinary dock
    m_samplesNote->setWordWrap(true);

    // What the task is on the left, example items beside it, so both show without scrolling in a
    // dock of ordinary size.
    auto *top = new QWidget(this);
    auto *topLayout = new QHBoxLayout(top);
    auto *infoColumn = new QVBoxLayout;
    infoColumn->addWidget(m_header);
    infoColumn->addWidget(m_info, 1);
    auto *sampleColumn = new QVBoxLayout;
    sampleColumn->addWidget(m_samplesNote);
    sampleColumn->addLayout(m_samples);
    sampleColumn->addStretch();
    topLayout->addLayout(infoColumn, 3);
    topLayout->addLayout(sampleColumn, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(top);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_outgoing);
    charts->addWidget(m_incoming);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    Selection *sel = document->selection();
    connect(sel, &Selection::changed, this, [this, sel] {
        if (!sel->task().isEmpty())
            showTask(sel->task());
    });
    connect(sel, &Selection::taskDetailRequested, this, &TaskDetailPanel::showTask);
    connect(document, &StudyDocument::currentModelChanged, this, &TaskDetailPanel::refresh);
    connect(document, &StudyDocument::modelsChanged, this, &TaskDetailPanel::refresh);
    connect(document, &StudyDocument::analysisChanged, this, &TaskDetailPanel::refresh);
    connect(document, &StudyDocument::paletteChanged, this, &TaskDetailPanel::refresh);
    refresh();
}

QList<Figure *> TaskDetailPanel::figures()
{
    if (!m_document->current() || m_task.isEmpty())
        return {};
    return {m_outgoing, m_incoming};
}

QString TaskDetailPanel::headerText() const
{
    return m_headerHtml;
}

QString TaskDetailPanel::infoText() const
{
    return m_infoHtml;
}

void TaskDetailPanel::setTexts(const QString &header, const QString &info)
{
    m_headerHtml = header;
    m_infoHtml = info;
    if (isVisible())
        applyTexts();
}

// New texts go in only when the panel is shown and only when they changed: even the text browser re-lays its
// document on every setHtml, and a hidden panel has no reason to pay for it on each study reload.
void TaskDetailPanel::applyTexts()
{
    if (m_header->text() != m_headerHtml)
        m_header->setText(m_headerHtml);
    if (m_shownInfo != m_infoHtml) {
        m_info->setHtml(m_infoHtml);
        m_shownInfo = m_infoHtml;
    }
}

void TaskDetailPanel::showEvent(QShowEvent *event)
{
    applyTexts();
    if (m_samplesStale)
        rebuildSamples();
    QWidget::showEvent(event);
}

void TaskDetailPanel::showTask(const QString &task)
{
    if (task == m_task)
        return;
    m_task = task;
    refresh();
    rebuildSamples();
}

void TaskDetailPanel::refresh()
{
    const ModelStudy *study = m_document->current();
    if (m_task.isEmpty() && study && study->matrix().taskCount() > 0) {
        m_task = study->matrix().tasks().first();
        // In a later event-loop turn: the first load of a study already rebuilds every view in this one, and
        // the cards' layout would add ~30 ms to that stall (transferscope_ui_stall_bench).
        QTimer::singleShot(0, this, &TaskDetailPanel::rebuildSamples);
    }
    const int task = study ? study->matrix().taskIndex(m_task) : -1;
    if (!study || task < 0) {
        setTexts(tr("<h3>No task selected</h3>"), tr("Click a task in the matrix, the graph or the personas view."));
        m_outgoing->setTask(nullptr, -1, m_document->palette());
        m_incoming->setTask(nullptr, -1, m_document->palette());
        return;
    }
    const TransferMatrix &m = study->matrix();
    const ModelAnalysis &a = study->analysis;

    QStringList rows;
    auto row = [&rows](const QString &key, const QString &value) {
        rows << QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(key, value);
    };
    const auto catalogIndex = TaskCatalog::find(m.tasks().at(task));
    if (catalogIndex) {
        const TaskInfo &info = TaskCatalog::blinkTasks()[std::size_t(*catalogIndex)];
        row(tr("Options"), tr("%1-way multiple choice").arg(info.options));
        row(tr("BLINK val items"), QString::number(info.blinkValSize));
    }
#ifdef TRANSFERSCOPE_HAVE_TASKS
    if (const tasks::TaskSpec *spec = tasks::findTask(m.tasks().at(task))) {
        row(tr("Question"), spec->questionForm.toHtmlEscaped());
        row(tr("Skills"), spec->skills.join(QStringLiteral(", ")).toHtmlEscaped());
        row(tr("Images per item"), QString::number(spec->images));
    }
#endif
    if (study->hasAccuracies) {
        row(tr("Base accuracy"), percent(study->baseAccuracy[std::size_t(task)]));
        row(tr("Self-finetuned accuracy"), percent(study->selfAccuracy[std::size_t(task)]));
    } else {
        row(tr("Accuracy"), tr("not in this data (PGF tables carry no accuracies)"));
    }
    const TaskScores &s = a.scores[std::size_t(task)];
    row(tr("Transferability"), tr("Δ⁺ %1 (helps %2 targets) · Δ⁻ %3 (hurts %4)")
                                   .arg(s.deltaPlus, 0, 'f', 3).arg(s.positiveOut).arg(s.deltaMinus, 0, 'f', 3).arg(s.negativeOut));
    row(tr("Malleability"), tr("Θ⁺ %1 (helped by %2 sources) · Θ⁻ %3 (hurt by %4)")
                                .arg(s.thetaPlus, 0, 'f', 3).arg(s.positiveIn).arg(s.thetaMinus, 0, 'f', 3).arg(s.negativeIn));
    PersonaTableModel personas;
    personas.setAnalysis(&a);
    const QString held = personas.personaSummary(task);
    row(tr("Personas"), held.isEmpty() ? tr("none under the current rule") : held.toHtmlEscaped());
    row(tr("Model"), m.model().toHtmlEscaped() + tr(" · %n run(s)", nullptr, m.runCount()));
    setTexts(QStringLiteral("<h3>%1 (%2)</h3>").arg(m.tasks().at(task).toHtmlEscaped(), m.abbreviations().at(task)),
             QStringLiteral("<table>%1</table>").arg(rows.join(QString())));

    m_outgoing->setTask(&a, task, m_document->palette());
    m_incoming->setTask(&a, task, m_document->palette());
}

void TaskDetailPanel::rebuildSamples()
{
    // Rendering the examples and laying out their cards is the panel's costliest step: not while hidden.
    m_samplesStale = !isVisible();
    if (m_samplesStale)
        return;
    while (QLayoutItem *item = m_samples->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_sampleCount = 0;
#ifdef TRANSFERSCOPE_HAVE_TASKS
    const tasks::TaskSpec *spec = tasks::findTask(m_task);
    if (!spec) {
        m_samplesNote->setText(tr("No examples: %1 is not a task of the procedural suite.").arg(m_task.toHtmlEscaped()));
        return;
    }
    m_samplesNote->setText(tr("<b>Examples from the procedural suite</b> (validation split, default level):"));
    for (int i = 0; i < kExampleCount; ++i) {
        tasks::SampleRequest request;
        request.split = tasks::Split::Val;
        request.index = i;
        try {
            const tasks::TaskSample sample = tasks::generateSample(*spec, request);
            SampleCardContent content{sample.images, sample.question, sample.options, sample.answer,
                                      tr("val #%1, level %2").arg(i).arg(sample.level)};
            m_samples->addWidget(new TaskSampleCard(content, this));
            ++m_sampleCount;
        } catch (const std::exception &e) {
            m_samplesNote->setText(tr("Examples could not be generated: %1").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
            break;
        }
    }
#else
    m_samplesNote->setText(tr("Examples: this build has no procedural task suite."));
#endif
}

} // namespace ts::ui
