#pragma once
// The Personas view: transferability against malleability for both signs with the persona
// regions of the current rule, the rule and its threshold adjustable, and each task's evidence.
// Clicking a task selects it; double-clicking (or "Open") shows its detail.

#include "ui/figures/figure.h"
#include "ui/figures/table_figure.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QTableView;

namespace ts::ui {

class PersonaScatterPlot;
class PersonaTableModel;
class StudyDocument;

class PersonasPanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit PersonasPanel(StudyDocument *document, QWidget *parent = nullptr);
    QList<Figure *> figures() override;
    PersonaTableModel *tableModel() const { return m_model; }
    PersonaScatterPlot *positivePlot() const { return m_positive; }
    PersonaScatterPlot *negativePlot() const { return m_negative; }
    // Applies a rule as if chosen in the controls.
    void setRule(int kind, double z, int topK);

private:
    void refresh();
    void applyRule();
    void syncSelection();

    StudyDocument *m_document;
    PersonaScatterPlot *m_positive;
    PersonaScatterPlot *m_negative;
    PersonaTableModel *m_model;
    QTableView *m_table;
    QComboBox *m_rule;
    QDoubleSpinBox *m_z;
    QSpinBox *m_topK;
    TableFigure m_figure;
};

} // namespace ts::ui
