#include "ui/widgets/graph_node_item.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace ts::ui {

GraphNodeItem::GraphNodeItem(int task, QString label, QString toolTip, QGraphicsItem *parent)
    : QGraphicsObject(parent), m_task(task), m_label(std::move(label))
{
    setToolTip(toolTip);
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setZValue(2); // nodes above edges
}

void GraphNodeItem::setSize(const QSizeF &size)
{
    prepareGeometryChange();
    m_size = size;
}

void GraphNodeItem::setHighlighted(bool on)
{
    m_highlighted = on;
    update();
}

void GraphNodeItem::setDimmed(bool on)
{
    m_dimmed = on;
    update();
}

void GraphNodeItem::setFill(const QColor &fill)
{
    m_fill = fill;
    update();
}

void GraphNodeItem::setLabelFont(const QFont &font)
{
    m_font = font;
    update();
}

QRectF GraphNodeItem::boundingRect() const
{
    return QRectF(-m_size.width() / 2 - 3, -m_size.height() / 2 - 3, m_size.width() + 6, m_size.height() + 6);
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath p;
    p.addEllipse(QRectF(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height()));
    return p;
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(m_dimmed ? 0.35 : 1.0);
    const QRectF r(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    painter->setBrush(m_fill);
    painter->setPen(QPen(m_highlighted ? QColor(0x1f6feb) : QColor(0x404040), m_highlighted ? 3.0 : 1.0));
    painter->drawEllipse(r);
    painter->setFont(m_font);
    painter->setPen(Qt::black); // the fill is always light, in both themes
    painter->drawText(r, Qt::AlignCenter, m_label);
}

void GraphNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT clicked(m_task);
    event->accept();
}

void GraphNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    Q_EMIT doubleClicked(m_task);
    event->accept();
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace ts::ui
