#pragma once
// What every view offers for export: a figure that paints itself into a rectangle measured in
// points (with its title, legend and axis labels — the parts other tools lose in SVG), and the
// data behind it in one or more text formats.

#include "ui/figures/figure_preset.h"
#include "ui/theme/diverging_palette.h"

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace ts::ui {

enum class DataFormat { Csv, Json, Latex };

QString dataFormatSuffix(DataFormat format);

// How the exporter asks a figure to look: the preset's font size and palette.
struct FigureStyle {
    double fontPoints = 9.0;
    DivergingPalette palette;
    bool forPrint = true; // white background, black text, whatever the on-screen theme
};

class Figure {
public:
    virtual ~Figure() = default;
    virtual QString figureTitle() const = 0;
    // File name without directory or suffix, e.g. "pgf-matrix-qwen2.5vl-32B".
    virtual QString figureFileStem() const = 0;
    // Height / width of the exported figure.
    virtual double figureAspect() const { return 0.8; }
    // The same at a given width in points; a figure that rearranges itself on narrow pages (the
    // side-by-side comparison) overrides this. The exporter always asks this one.
    virtual double figureAspectAt(double widthPoints) const
    {
        Q_UNUSED(widthPoints);
        return figureAspect();
    }
    // Paints the complete figure (title, plot, legend) into rect; painter units are points.
    // The painter is always a QCPPainter (FigureExporter creates one; composite figures pass theirs
    // on), so QCustomPlot figures can render into it. Callers outside the exporter must do the same.
    virtual void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) = 0;

    virtual QList<DataFormat> dataFormats() const { return {}; }
    virtual QByteArray exportData(DataFormat format) const
    {
        Q_UNUSED(format);
        return {};
    }
};

// A panel that can export: the figures it shows now (a comparison panel has several).
class FigureProvider {
public:
    virtual ~FigureProvider() = default;
    virtual QList<Figure *> figures() = 0;
};

} // namespace ts::ui
