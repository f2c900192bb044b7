#include "ui/widgets/graph_edge_item.h"

#include "ui/widgets/graph_node_item.h"

#include <QCursor>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>
#include <QtMath>

namespace ts::ui {

namespace {

// Where the segment from `inside` towards `outside` leaves the node's ellipse.
QPointF ellipseBorder(const GraphNodeItem *node, const QPointF &towards)
{
    const QPointF c = node->pos();
    const QRectF r = node->boundingRect().adjusted(3, 3, -3, -3);
    const double a = r.width() / 2, b = r.height() / 2;
    const QPointF d = towards - c;
    const double len = std::hypot(d.x() / a, d.y() / b);
    return len > 0 ? c + d / len : c;
}

} // namespace

GraphEdgeItem::GraphEdgeItem(GraphNodeItem *source, GraphNodeItem *target, double pgf, QString toolTip)
    : m_source(source), m_target(target), m_pgf(pgf)
{
    setToolTip(toolTip);
    setZValue(1);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
}

void GraphEdgeItem::setPgf(double pgf, const QString &toolTip)
{
    m_pgf = pgf;
    setToolTip(toolTip);
}

void GraphEdgeItem::setStyle(const QColor &colour, double width)
{
    m_colour = colour;
    m_width = width;
    updateGeometry();
}

void GraphEdgeItem::setSpline(std::vector<QPointF> spline, QPointF arrowTip)
{
    m_spline = std::move(spline);
    m_arrowTip = arrowTip;
    updateGeometry();
}

void GraphEdgeItem::clearSpline()
{
    m_spline.clear();
}

void GraphEdgeItem::setHighlighted(bool on)
{
    m_highlighted = on;
    update();
}

void GraphEdgeItem::setDimmed(bool on)
{
    m_dimmed = on;
    update();
}

void GraphEdgeItem::updateGeometry()
{
    prepareGeometryChange();
    QPainterPath path;
    if (m_spline.size() >= 4) {
        path.moveTo(m_spline[0]);
        for (std::size_t i = 1; i + 2 < m_spline.size(); i += 3)
            path.cubicTo(m_spline[i], m_spline[i + 1], m_spline[i + 2]);
        m_arrowBase = m_spline.back();
        if (QLineF(m_arrowBase, m_arrowTip).length() < 0.5) // no separate tip: use the last tangent
            m_arrowTip = m_spline.back(), m_arrowBase = m_spline[m_spline.size() - 2];
    } else {
        const QPointF a = m_source->pos(), b = m_target->pos();
        const QPointF mid = (a + b) / 2;
        QPointF normal(-(b - a).y(), (b - a).x());
        const double len = std::hypot(normal.x(), normal.y());
        if (len > 0)
            normal /= len;
        const QPointF control = mid + normal * std::min(30.0, QLineF(a, b).length() * 0.15);
        const QPointF start = ellipseBorder(m_source, control);
        const QPointF tip = ellipseBorder(m_target, control);
        path.moveTo(start);
        path.quadTo(control, tip);
        m_arrowTip = tip;
        m_arrowBase = path.pointAtPercent(0.93);
    }
    setPath(path);
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    const double pad = m_width * 2 + 12;
    return QGraphicsPathItem::boundingRect().united(QRectF(m_arrowTip, m_arrowTip)).adjusted(-pad, -pad, pad, pad);
}

QPainterPath GraphEdgeItem::shape() const
{
    // Hit-test a band along the line, not the area between the curve and its chord.
    QPainterPathStroker stroker;
    stroker.setWidth(m_width + 8);
    return stroker.createStroke(path());
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    double opacity = m_dimmed ? 0.12 : 0.85;
    if (m_highlighted)
        opacity = 1.0;
    painter->setOpacity(opacity);
    const double width = m_highlighted ? m_width + 2.0 : m_width;
    painter->setPen(QPen(m_colour, width, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // Arrow head along the last direction of the path.
    const QLineF dir(m_arrowBase, m_arrowTip);
    if (dir.length() > 0.01) {
        const double size = 7 + width * 1.5;
        const double angle = std::atan2(dir.dy(), dir.dx());
        const QPointF tip = m_arrowTip;
        const QPointF l = tip - QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size);
        const QPointF r = tip - QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colour);
        painter->drawPolygon(QPolygonF({tip, l, r}));
    }
}

} // namespace ts::ui
