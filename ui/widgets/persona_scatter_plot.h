#pragma once
// Transferability against malleability for one sign: Δ⁺ vs Θ⁺ (donors and sponges) or |Δ⁻| vs
// |Θ⁻| (pirates and sieves). The persona rule's thresholds split the plane into shaded regions
// with their persona's name; each task is a labelled point coloured by the personas it holds.

#include "analysis/model_analysis.h"
#include "ui/figures/figure.h"

#include "ui/widgets/lazy_replot_plot.h"

namespace ts::ui {

class PersonaScatterPlot : public LazyReplotPlot, public Figure {
    Q_OBJECT
public:
    PersonaScatterPlot(bool positive, QWidget *parent = nullptr);

    // The analysis must stay alive while shown (it lives in the StudyDocument).
    void setAnalysis(const ModelAnalysis *analysis);
    void setSelectedTask(int task);
    bool isPositive() const { return m_positive; }
    // Score thresholds of the current rule: (transferability, malleability).
    QPointF thresholds() const { return m_thresholds; }
    // Task under a widget position (within 10 px of its point); -1 if none.
    int taskAt(const QPoint &pos) const;

    QString figureTitle() const override;
    QString figureFileStem() const override;
    double figureAspect() const override { return 0.8; }
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;

Q_SIGNALS:
    void taskClicked(int task);
    void taskDoubleClicked(int task);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void rebuild();
    // Moves point labels so they do not overlap each other (many tasks sit at 0 on one axis);
    // lays out at the current viewport first. device: whose font metrics to use (export).
    void declutterLabels(QPaintDevice *device = nullptr);
    void resizeEvent(QResizeEvent *event) override;
    void applyFonts(double points);
    QPointF pointOf(int task) const;
    double threshold(Persona persona) const;

    bool m_positive;
    const ModelAnalysis *m_analysis = nullptr;
    int m_selected = -1;
    QPointF m_thresholds;
    QCPTextElement *m_title;
    QVector<QPair<QCPItemText *, QPointF>> m_pointLabels; // label and the point it names
};

} // namespace ts::ui
