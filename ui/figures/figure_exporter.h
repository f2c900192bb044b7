#pragma once
// Writes a Figure as PNG (at the preset's DPI), SVG or PDF, or its data as CSV/JSON/LaTeX. The
// format is taken from the file suffix. All three image formats go through the same paint code
// in points, so they carry the same title, legend and labels.

#include "ui/figures/figure.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace ts::ui {

enum class ExportFormat { Png, Svg, Pdf, Csv, Json, Latex, Unknown };

class FigureExporter {
public:
    static ExportFormat formatForPath(const QString &path);
    static QString suffix(ExportFormat format);
    // "PNG image (*.png);;SVG …" for the formats a figure supports.
    static QString fileDialogFilter(const Figure &figure);

    // Pixel size of the PNG for a figure and preset (width × DPI, height from the aspect).
    static QSize pngPixelSize(const Figure &figure, const FigurePreset &preset);

    // Returns an empty string on success, otherwise a user-readable reason.
    static QString exportTo(Figure &figure, const QString &path, const FigurePreset &preset);

    // Every figure in PNG, SVG and PDF plus its data formats into a folder; returns the files
    // written, and appends a line per failure to errors.
    static QStringList exportAll(const QList<Figure *> &figures, const QString &folder,
                                 const FigurePreset &preset, QStringList *errors);

    static FigureStyle styleFor(const FigurePreset &preset);
};

} // namespace ts::ui
