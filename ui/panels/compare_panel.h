#pragma once
// Compare models: two or three models side by side — their matrices on one colour scale and their
// graphs at one threshold — the difference matrix (B − A) and the consensus graph (edges present,
// with the same sign, in every compared model), plus a summary of the scale trends.

#include "analysis/model_analysis.h"
#include "ui/figures/figure.h"
#include "ui/figures/side_by_side_figure.h"
#include "ui/figures/table_figure.h"

#include <QVector>
#include <QWidget>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QStandardItemModel;
class QTabWidget;

namespace ts::ui {

class PgfHeatmapPlot;
class PgfMatrixModel;
class StudyDocument;
class TransferGraphView;

class ComparePanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit ComparePanel(StudyDocument *document, QWidget *parent = nullptr);
    QList<Figure *> figures() override;

    // Models compared (indices into the document), in the order shown.
    QVector<int> comparedModels() const;
    void setComparedModels(const QVector<int> &models); // 2 or 3
    const ModelAnalysis &difference() const { return m_difference; }
    int consensusEdgeCount() const;
    QTabWidget *tabs() const { return m_tabs; }

private:
    void refreshChoices();
    void rebuild();
    void buildDifference(const ModelAnalysis &a, const ModelAnalysis &b);
    TransferGraph consensusGraph(const QVector<const ModelAnalysis *> &models, double threshold) const;

    StudyDocument *m_document;
    QComboBox *m_choice[3];
    QDoubleSpinBox *m_threshold;
    QTabWidget *m_tabs;
    QGridLayout *m_matrixRow;
    QGridLayout *m_graphRow;
    QVector<PgfMatrixModel *> m_models;
    QVector<PgfHeatmapPlot *> m_heatmaps;
    QVector<TransferGraphView *> m_graphs;
    PgfMatrixModel *m_differenceModel;
    PgfHeatmapPlot *m_differencePlot;
    TransferGraphView *m_consensus;
    ModelAnalysis m_difference;
    QStandardItemModel *m_summary;
    TableFigure m_summaryFigure;
    SideBySideFigure m_matrixFigure;
    SideBySideFigure m_graphFigure;
};

} // namespace ts::ui
