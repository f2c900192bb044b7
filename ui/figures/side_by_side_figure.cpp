#include "ui/figures/side_by_side_figure.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace ts::ui {

int SideBySideFigure::columnsAt(double widthPoints) const
{
    const int fit = std::max(1, int(widthPoints / kMinPartWidth));
    return std::max(1, std::min(int(m_parts.size()), fit));
}

double SideBySideFigure::figureAspectAt(double widthPoints) const
{
    if (m_parts.isEmpty())
        return 0.5;
    const int columns = columnsAt(widthPoints);
    const int rows = (int(m_parts.size()) + columns - 1) / columns;
    double maxAspect = 0;
    for (const Figure *f : m_parts)
        maxAspect = std::max(maxAspect, f->figureAspect());
    return maxAspect * rows / columns + 0.08;
}

void SideBySideFigure::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    painter.save();
    QFont title = painter.font();
    title.setPointSizeF(style.fontPoints * 1.2);
    title.setBold(true);
    const QFontMetricsF metrics(title, painter.device());
    const double titleH = metrics.height() * 1.5;
    painter.setFont(title);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), titleH), Qt::AlignCenter | Qt::TextWordWrap,
                     metrics.elidedText(m_title, Qt::ElideRight, rect.width()));
    painter.restore();
    if (m_parts.isEmpty())
        return;
    const int columns = columnsAt(rect.width());
    const double w = rect.width() / columns;
    double maxAspect = 0;
    for (const Figure *f : m_parts)
        maxAspect = std::max(maxAspect, f->figureAspect());
    const double rowH = w * maxAspect;
    FigureStyle partStyle = style;
    partStyle.fontPoints = std::max(5.0, style.fontPoints * (columns > 2 ? 0.85 : 0.95));
    for (int i = 0; i < m_parts.size(); ++i) {
        const int r = i / columns, c = i % columns;
        const double h = w * m_parts[i]->figureAspect();
        m_parts[i]->paintFigure(painter, QRectF(rect.left() + c * w, rect.top() + titleH + r * rowH, w, h), partStyle);
    }
}

} // namespace ts::ui
