#include "ui/panels/cliques_panel.h"

#include "ui/models/clique_list_model.h"
#include "ui/study/study_document.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ts::ui {

CliquesPanel::CliquesPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new CliqueListModel(this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_figure(m_model, QString(), QStringLiteral("cliques"))
{
    setObjectName(QStringLiteral("CliquesPanel"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Every column as wide as its content, one line per clique; a narrow dock scrolls sideways
    // rather than squeezing the member list into a column of ellipses.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_summary->setWordWrap(true);
    m_figure.setNote(tr("A positive (negative) clique: every ordered pair inside has mean PGF > 0 (< 0) in both directions. "
                        "p: one-sided Wilcoxon signed-rank test of the pooled per-run PGF values."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && !m_syncing)
            m_document->selection()->selectClique(m_model->memberNames(current.row()),
                                                  m_model->data(current, CliqueListModel::PositiveRole).toBool());
    });
    // A click on the row already current (after the selection moved elsewhere) selects it again.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        m_document->selection()->selectClique(m_model->memberNames(index.row()),
                                              m_model->data(index, CliqueListModel::PositiveRole).toBool());
    });
    connect(document, &StudyDocument::currentModelChanged, this, &CliquesPanel::refresh);
    connect(document, &StudyDocument::modelsChanged, this, &CliquesPanel::refresh);
    connect(document, &StudyDocument::analysisChanged, this, &CliquesPanel::refresh);
    connect(document->selection(), &Selection::changed, this, &CliquesPanel::syncFromSelection);
    refresh();
}

QList<Figure *> CliquesPanel::figures()
{
    if (!m_document->current())
        return {};
    return {&m_figure};
}

void CliquesPanel::refresh()
{
    const ModelStudy *study = m_document->current();
    m_model->setAnalysis(study ? &study->analysis : nullptr);
    if (!study) {
        m_summary->setText(tr("No study open."));
        return;
    }
    const ModelAnalysis &a = study->analysis;
    auto largest = [](const std::vector<TaskClique> &c) { return c.empty() ? 0 : int(c.front().members.size()); };
    m_summary->setText(tr("<b>%1</b>: %n maximum positive clique(s) of size %2, ", nullptr, int(a.positiveCliques.size()))
                           .arg(study->name().toHtmlEscaped())
                           .arg(largest(a.positiveCliques))
                           + tr("%n maximum negative clique(s) of size %1. Select one to highlight it.", nullptr,
                                int(a.negativeCliques.size()))
                                 .arg(largest(a.negativeCliques)));
    m_figure.setTitle(tr("Maximum task cliques — %1").arg(study->name()));
    m_figure.setFileStem(QStringLiteral("cliques-%1").arg(study->name()));
    m_table->resizeRowsToContents();
    syncFromSelection();
}

void CliquesPanel::syncFromSelection()
{
    const Selection *sel = m_document->selection();
    const int row = sel->kind() == Selection::Kind::Clique ? m_model->rowOf(sel->clique(), sel->cliqueIsPositive()) : -1;
    // A guard, not a QSignalBlocker: the view itself needs the selection signals to repaint.
    m_syncing = true;
    if (row < 0)
        m_table->clearSelection();
    else
        m_table->selectRow(row);
    m_syncing = false;
}

} // namespace ts::ui
