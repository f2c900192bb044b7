#pragma once
// The Matrix view: the current model's source × target PGF heat map with its view options
// (mean or one run, diagonal, task order, values). Clicking a cell selects the pair everywhere;
// the shared selection is outlined (a task's row and column, an edge's cell, a clique's cells).

#include "ui/figures/figure.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace ts::ui {

class PgfHeatmapPlot;
class PgfMatrixModel;
class StudyDocument;

class MatrixPanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit MatrixPanel(StudyDocument *document, QWidget *parent = nullptr);

    PgfMatrixModel *matrixModel() const { return m_model; }
    PgfHeatmapPlot *plot() const { return m_plot; }
    QList<Figure *> figures() override;

    void setRun(int run); // PgfMatrixModel::kMeanOfRuns or a run index
    void setShowDiagonal(bool show);
    void setOrderIndex(int index); // TaskOrder as int

private:
    void refresh();
    void updateHighlights();
    void onCellClicked(int row, int column);

    StudyDocument *m_document;
    PgfMatrixModel *m_model;
    PgfHeatmapPlot *m_plot;
    QComboBox *m_run;
    QComboBox *m_order;
    QCheckBox *m_diagonal;
    QCheckBox *m_values;
};

} // namespace ts::ui
