#pragma once
// The Transfer graph view: the current model's graph laid out by Graphviz (engine selectable),
// with the threshold slider and the all/positive/negative filter re-laying it out smoothly,
// cliques highlighted on demand, and clicks on nodes and edges feeding the shared selection.

#include "ui/figures/figure.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTimer;

namespace ts::ui {

class StudyDocument;
class TransferGraphView;

class GraphPanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit GraphPanel(StudyDocument *document, QWidget *parent = nullptr);

    TransferGraphView *view() const { return m_view; }
    QList<Figure *> figures() override;

    double threshold() const;
    void setThreshold(double threshold); // re-layout happens at once (no debounce)
    void setSignFilter(int sign);        // EdgeSign as int
    void setEngine(int engine);          // LayoutEngine as int
    void setPersonaGroups(bool on);      // tints + Graphviz clusters by persona
    int edgeCount() const;

Q_SIGNALS:
    void edgeCountChanged(int count);

private:
    void rebuild(bool animate);
    void updateEmphasis();
    void updateEdgeLabel();
    void updateNodeFills();

    StudyDocument *m_document;
    TransferGraphView *m_view;
    QComboBox *m_engine;
    QSlider *m_slider;
    QDoubleSpinBox *m_thresholdBox;
    QComboBox *m_sign;
    QComboBox *m_cliques;
    QCheckBox *m_personaFill;
    QLabel *m_edgeCount;
    QTimer *m_relayout;
    QString m_shownModel;
};

} // namespace ts::ui
