#pragma once
// A transfer edge source → target: colour by sign, width by |PGF|, an arrow head at the target's
// border. It follows its nodes: while they animate it is drawn as a gentle curve between them
// (bent to one side, so i→j and j→i stay apart); once they rest it uses Graphviz's routed spline.

#include <QGraphicsPathItem>
#include <QPointF>
#include <vector>

namespace ts::ui {

class GraphNodeItem;

class GraphEdgeItem : public QGraphicsPathItem {
public:
    GraphEdgeItem(GraphNodeItem *source, GraphNodeItem *target, double pgf, QString toolTip);

    GraphNodeItem *sourceNode() const { return m_source; }
    GraphNodeItem *targetNode() const { return m_target; }
    double pgf() const { return m_pgf; }
    void setPgf(double pgf, const QString &toolTip);
    void setStyle(const QColor &colour, double width);
    // Graphviz spline (p0, c1, c2, p, …) and arrow tip in scene coordinates; empty = follow nodes.
    void setSpline(std::vector<QPointF> spline, QPointF arrowTip);
    void clearSpline();
    void setHighlighted(bool on);
    void setDimmed(bool on);
    // Rebuilds the path from the nodes' current positions (or the spline).
    void updateGeometry();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphNodeItem *m_source;
    GraphNodeItem *m_target;
    double m_pgf;
    QColor m_colour;
    double m_width = 1.0;
    std::vector<QPointF> m_spline;
    QPointF m_arrowTip;
    QPointF m_arrowBase;
    bool m_highlighted = false;
    bool m_dimmed = false;
};

} // namespace ts::ui
