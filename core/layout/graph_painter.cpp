#include "layout/graph_painter.h"

#include "common/input_error.h"
#include "layout/font_support.h"

#include <QCoreApplication>
#include <QFile>
#include <QFont>
#include <QLineF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace ts {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::GraphPainter)
};

void paintArrowHead(QPainter &painter, const QPointF &base, const QPointF &tip, const QColor &color, double penWidth)
{
    const QLineF axis(base, tip);
    if (axis.length() < 1e-6)
        return;
    const QLineF normal = axis.normalVector().unitVector();
    const QPointF offset = (normal.p2() - normal.p1()) * (std::max(3.0, axis.length() * 0.4) + penWidth * 0.3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(QPolygonF({tip, base + offset, base - offset}));
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw InputError(path, 0, QString(), Tr::tr("cannot write the file (%1)").arg(file.errorString()));
}

} // namespace

void paintGraph(QPainter &painter, const QRectF &target, const GraphSpec &spec, const GraphLayout &layout)
{
    const QRectF bb = layout.boundingBox;
    if (bb.width() <= 0 || bb.height() <= 0)
        return;
    requireFontSupport();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double s = std::min(target.width() / bb.width(), target.height() / bb.height());
    painter.translate(target.center().x() - bb.width() * s / 2, target.center().y() - bb.height() * s / 2);
    painter.scale(s, s);
    painter.fillRect(bb, Qt::white);

    QFont font;
    font.setFamily(QStringLiteral("Helvetica"));
    font.setPixelSize(9); // layout units are points: sizes match Graphviz's own rendering
    for (std::size_t i = 0; i < layout.edges.size() && i < spec.edges.size(); ++i) {
        const LaidOutEdge &e = layout.edges[i];
        const GraphSpecEdge &se = spec.edges[i];
        if (e.spline.size() < 4)
            continue;
        QPainterPath path(e.spline.front());
        for (std::size_t k = 1; k + 2 < e.spline.size(); k += 3)
            path.cubicTo(e.spline[k], e.spline[k + 1], e.spline[k + 2]);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(se.color, se.penWidth, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(path);
        if (e.hasArrowHead)
            paintArrowHead(painter, e.spline.back(), e.arrowTip, se.color, se.penWidth);
        if (e.hasLabel && !se.label.isEmpty()) {
            painter.setFont(font);
            painter.setPen(QColor(se.color.rgb()));
            painter.drawText(QRectF(e.labelPosition - QPointF(30, 8), QSizeF(60, 16)), Qt::AlignCenter, se.label);
        }
    }

    font.setPixelSize(12);
    painter.setFont(font);
    for (std::size_t i = 0; i < layout.nodes.size() && i < spec.nodes.size(); ++i) {
        const LaidOutNode &n = layout.nodes[i];
        const QRectF box(n.center - QPointF(n.size.width() / 2, n.size.height() / 2), n.size);
        painter.setPen(QPen(QColor(0x40, 0x40, 0x40), 1.0));
        painter.setBrush(spec.nodes[i].fill);
        painter.drawEllipse(box);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, spec.nodes[i].label);
    }
    if (!spec.title.isEmpty()) {
        font.setPixelSize(16);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(bb.left(), bb.top() + 4, bb.width(), 22), Qt::AlignCenter, spec.title);
    }
    painter.restore();
}

void saveGraphPdf(const QString &path, const GraphSpec &spec, LayoutEngine engine)
{
    static const bool graphvizPdf = graphvizCanRender(QStringLiteral("pdf"));
    if (graphvizPdf) {
        const QByteArray pdf = renderGraph(spec, engine, QStringLiteral("pdf"));
        if (!pdf.isEmpty()) {
            writeBytes(path, pdf);
            return;
        }
    }
    // No cairo plugin: lay out with Graphviz, draw with Qt.
    const GraphLayout layout = layoutGraph(spec, engine);
    const QSizeF size = layout.boundingBox.size().expandedTo(QSizeF(72, 72));
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(size, QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(spec.title);
    writer.setCreator(QStringLiteral("Transferscope"));
    QPainter painter;
    if (!painter.begin(&writer))
        throw InputError(path, 0, QString(), Tr::tr("cannot write the file"));
    paintGraph(painter, QRectF(QPointF(0, 0), size), spec, layout);
    painter.end();
}

void saveGraphSvg(const QString &path, const GraphSpec &spec, LayoutEngine engine)
{
    const QByteArray svg = renderGraph(spec, engine, QStringLiteral("svg"));
    if (svg.isEmpty())
        throw InputError(path, 0, QString(), Tr::tr("Graphviz could not render SVG"));
    writeBytes(path, svg);
}

} // namespace ts
