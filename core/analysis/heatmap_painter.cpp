#include "analysis/heatmap_painter.h"

#include "common/input_error.h"
#include "layout/font_support.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QLinearGradient>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

namespace ts {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::HeatmapPainter)
};

// Geometry in points, derived from the cell size so that the figure scales as one piece.
struct Geometry {
    double cell, title, axisTitle, rowLabels, columnLabels, gap, bar, barTicks, barLabel;
    int n;
    double gridLeft() const { return axisTitle + rowLabels; }
    double gridTop() const { return title; }
    double grid() const { return cell * n; }
    double width() const { return gridLeft() + grid() + gap + bar + barTicks + barLabel + gap / 2; }
    double height() const { return title + grid() + columnLabels + axisTitle + gap / 2; }
};

Geometry geometry(const HeatmapStyle &style, int n)
{
    const double c = style.cellSize;
    return {c, c * 0.9, c * 0.5, c * 0.9, c * 0.55, c * 0.5, c * 0.35, c * 1.0, c * 0.45, std::max(1, n)};
}

QFont fontOf(const HeatmapStyle &style, double pixelSize, bool bold = false)
{
    QFont f;
    if (!style.fontFamily.isEmpty())
        f.setFamily(style.fontFamily);
    // Pixel sizes in the figure's own units (points) keep text proportional on every device.
    f.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    f.setBold(bold);
    return f;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString formatValue(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals);
}

} // namespace

HeatmapPainter::HeatmapPainter(SquareMatrix values, QStringList labels, HeatmapStyle style)
    : m_values(std::move(values)), m_labels(std::move(labels)), m_style(std::move(style))
{
    if (m_style.rowAxisTitle.isEmpty())
        m_style.rowAxisTitle = Tr::tr("source (finetuned on)");
    if (m_style.columnAxisTitle.isEmpty())
        m_style.columnAxisTitle = Tr::tr("target (evaluated on)");
    if (m_style.colorBarLabel.isEmpty())
        m_style.colorBarLabel = Tr::tr("PGF");
    if (m_style.cellSize <= 0)
        m_style.cellSize = 42;
}

QColor HeatmapPainter::divergingColor(double value, double limit)
{
    if (std::isnan(value))
        return QColor(0xdd, 0xdd, 0xdd);
    // ColorBrewer RdBu: blue for harm, red for help, near-white at 0.
    static const QColor stops[] = {QColor(33, 102, 172), QColor(146, 197, 222), QColor(247, 247, 247),
                                   QColor(244, 165, 130), QColor(178, 24, 43)};
    const double x = std::clamp(limit > 0 ? value / limit : 0.0, -1.0, 1.0); // −1…1
    const double pos = (x + 1.0) * 2.0;                                     // 0…4
    const int i = std::min(3, int(std::floor(pos)));
    return mix(stops[i], stops[i + 1], pos - i);
}

double HeatmapPainter::effectiveLimit() const
{
    if (m_style.limit > 0)
        return m_style.limit;
    double m = 0;
    for (double v : m_values.values())
        if (!std::isnan(v))
            m = std::max(m, std::fabs(v));
    return std::max(m, 1e-9);
}

QSizeF HeatmapPainter::preferredSize() const
{
    const Geometry g = geometry(m_style, m_values.size());
    return QSizeF(g.width(), g.height());
}

void HeatmapPainter::paint(QPainter &painter, const QRectF &target) const
{
    const Geometry g = geometry(m_style, m_values.size());
    const int n = m_values.size();
    const double limit = effectiveLimit();
    requireFontSupport();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const double s = std::min(target.width() / g.width(), target.height() / g.height());
    painter.translate(target.center().x() - g.width() * s / 2, target.center().y() - g.height() * s / 2);
    painter.scale(s, s);
    painter.fillRect(QRectF(0, 0, g.width(), g.height()), Qt::white);

    // Title.
    painter.setPen(Qt::black);
    painter.setFont(fontOf(m_style, g.cell * 0.38, true));
    painter.drawText(QRectF(0, 0, g.width(), g.title), Qt::AlignCenter, m_style.title);

    // Cells with their values; text colour flips on dark cells so it stays readable.
    const QFont valueFont = fontOf(m_style, g.cell * 0.27);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double v = m_values.at(i, j);
            const QRectF cell(g.gridLeft() + j * g.cell, g.gridTop() + i * g.cell, g.cell, g.cell);
            const QColor c = divergingColor(v, limit);
            painter.fillRect(cell, c);
            if (m_style.showValues) {
                painter.setFont(valueFont);
                painter.setPen(c.lightnessF() < 0.45 ? Qt::white : Qt::black);
                painter.drawText(cell, Qt::AlignCenter, formatValue(v, m_style.decimals));
            }
        }
    }
    painter.setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(g.gridLeft(), g.gridTop(), g.grid(), g.grid()));

    // Axis labels: abbreviations on both axes, axis titles outside them.
    painter.setPen(Qt::black);
    painter.setFont(fontOf(m_style, g.cell * 0.3));
    for (int i = 0; i < n; ++i) {
        const QString label = m_labels.value(i);
        painter.drawText(QRectF(g.axisTitle, g.gridTop() + i * g.cell, g.rowLabels - g.cell * 0.12, g.cell),
                         Qt::AlignRight | Qt::AlignVCenter, label);
        painter.drawText(QRectF(g.gridLeft() + i * g.cell, g.gridTop() + g.grid(), g.cell, g.columnLabels),
                         Qt::AlignCenter, label);
    }
    painter.setFont(fontOf(m_style, g.cell * 0.3, true));
    painter.drawText(QRectF(g.gridLeft(), g.gridTop() + g.grid() + g.columnLabels, g.grid(), g.axisTitle),
                     Qt::AlignCenter, m_style.columnAxisTitle);
    painter.save();
    painter.translate(0, g.gridTop() + g.grid());
    painter.rotate(-90);
    painter.drawText(QRectF(0, 0, g.grid(), g.axisTitle), Qt::AlignCenter, m_style.rowAxisTitle);
    painter.restore();

    // Colour bar: +limit at the top, −limit at the bottom, five ticks.
    const QRectF bar(g.gridLeft() + g.grid() + g.gap, g.gridTop(), g.bar, g.grid());
    QLinearGradient gradient(bar.topLeft(), bar.bottomLeft());
    for (int k = 0; k <= 20; ++k)
        gradient.setColorAt(k / 20.0, divergingColor(limit * (1.0 - k / 10.0), limit));
    painter.fillRect(bar, gradient);
    painter.setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8));
    painter.drawRect(bar);
    painter.setPen(Qt::black);
    painter.setFont(fontOf(m_style, g.cell * 0.25));
    for (int k = 0; k <= 4; ++k) {
        const double y = bar.top() + bar.height() * k / 4.0;
        const double v = limit * (1.0 - k / 2.0);
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + g.cell * 0.1, y));
        painter.drawText(QRectF(bar.right() + g.cell * 0.15, y - g.cell * 0.3, g.barTicks, g.cell * 0.6),
                         Qt::AlignLeft | Qt::AlignVCenter, QString::number(v, 'f', m_style.decimals));
    }
    painter.save();
    painter.translate(bar.right() + g.cell * 0.15 + g.barTicks, bar.bottom());
    painter.rotate(-90);
    painter.setFont(fontOf(m_style, g.cell * 0.3, true));
    painter.drawText(QRectF(0, 0, bar.height(), g.barLabel), Qt::AlignCenter, m_style.colorBarLabel);
    painter.restore();
    painter.restore();
}

QSize HeatmapPainter::pngSize(double scale) const
{
    const QSizeF s = preferredSize() * scale;
    return QSize(int(std::ceil(s.width())), int(std::ceil(s.height())));
}

void HeatmapPainter::savePng(const QString &path, double scale) const
{
    requireFontSupport();
    QImage image(pngSize(scale), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paint(painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    }
    if (!image.save(path, "PNG"))
        throw InputError(path, 0, QString(), Tr::tr("cannot write the PNG file"));
}

void HeatmapPainter::saveSvg(const QString &path) const
{
    requireFontSupport();
    const QSizeF size = preferredSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(int(std::ceil(size.width())), int(std::ceil(size.height()))));
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(m_style.title);
    generator.setDescription(Tr::tr("PGF heat map written by Transferscope"));
    QPainter painter;
    if (!painter.begin(&generator))
        throw InputError(path, 0, QString(), Tr::tr("cannot write the SVG file"));
    paint(painter, QRectF(QPointF(0, 0), size));
    painter.end();
}

void HeatmapPainter::savePdf(const QString &path) const
{
    requireFontSupport();
    const QSizeF size = preferredSize();
    QPdfWriter writer(path);
    writer.setResolution(72); // one device unit = one point, the figure's own unit
    writer.setPageSize(QPageSize(size, QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(m_style.title);
    writer.setCreator(QStringLiteral("Transferscope"));
    QPainter painter;
    if (!painter.begin(&writer))
        throw InputError(path, 0, QString(), Tr::tr("cannot write the PDF file"));
    paint(painter, QRectF(QPointF(0, 0), size));
    painter.end();
}

} // namespace ts
