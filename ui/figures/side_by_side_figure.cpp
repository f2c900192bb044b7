#include "ui/figures/side_by_side_figure.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace ts::ui {

double SideBySideFigure::figureAspect() const
{
    if (m_parts.isEmpty())
        return 0.5;
    double maxAspect = 0;
    for (const Figure *f : m_parts)
        maxAspect = std::max(maxAspect, f->figureAspect());
    return maxAspect / m_parts.size() + 0.06;
}

void SideBySideFigure::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    painter.save();
    QFont title = painter.font();
    title.setPointSizeF(style.fontPoints * 1.2);
    title.setBold(true);
    const double titleH = QFontMetricsF(title, painter.device()).height() * 1.5;
    painter.setFont(title);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), titleH), Qt::AlignCenter, m_title);
    painter.restore();
    if (m_parts.isEmpty())
        return;
    const double w = rect.width() / m_parts.size();
    // Each part keeps its own aspect at the common width, top-aligned under the title; the parts'
    // fonts are shrunk with the width so that labels still fit (a part is drawn at 1/n width).
    FigureStyle partStyle = style;
    partStyle.fontPoints = std::max(5.0, style.fontPoints * (m_parts.size() > 2 ? 0.8 : 0.9));
    for (int i = 0; i < m_parts.size(); ++i) {
        const double h = std::min(w * m_parts[i]->figureAspect(), rect.height() - titleH);
        m_parts[i]->paintFigure(painter, QRectF(rect.left() + i * w, rect.top() + titleH, w, h), partStyle);
    }
}

} // namespace ts::ui
