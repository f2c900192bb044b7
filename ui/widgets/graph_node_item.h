#pragma once
// A task in the transfer graph: a labelled ellipse that can be moved by an animation (a
// QGraphicsObject so that its pos is an animatable property), and that shows whether the shared
// selection involves it.

#include <QFont>
#include <QGraphicsObject>
#include <QSizeF>

namespace ts::ui {

class GraphNodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    GraphNodeItem(int task, QString label, QString toolTip, QGraphicsItem *parent = nullptr);

    int task() const { return m_task; }
    void setSize(const QSizeF &size);
    void setHighlighted(bool on);
    void setDimmed(bool on);
    void setFill(const QColor &fill);
    void setLabelFont(const QFont &font);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void clicked(int task);
    void doubleClicked(int task);
    void moved();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    int m_task;
    QString m_label;
    QSizeF m_size{54, 36};
    QColor m_fill{245, 245, 245};
    QFont m_font;
    bool m_highlighted = false;
    bool m_dimmed = false;
};

} // namespace ts::ui
