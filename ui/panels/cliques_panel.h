#pragma once
// The Cliques view: the current model's maximum positive and negative cliques with their
// significance. Selecting one selects it in the shared selection, which the graph and the matrix
// highlight.

#include "ui/figures/figure.h"
#include "ui/figures/table_figure.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace ts::ui {

class CliqueListModel;
class StudyDocument;

class CliquesPanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit CliquesPanel(StudyDocument *document, QWidget *parent = nullptr);
    CliqueListModel *cliqueModel() const { return m_model; }
    QTableView *table() const { return m_table; }
    QList<Figure *> figures() override;

private:
    void refresh();
    void syncFromSelection();

    StudyDocument *m_document;
    CliqueListModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    TableFigure m_figure;
    bool m_syncing = false;
};

} // namespace ts::ui
