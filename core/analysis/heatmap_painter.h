#pragma once
// The PGF heat map as a publication figure, painted with QPainter only (no widgets), so the CLI,
// the GUI and figure export share one drawing: a diverging palette centred at 0 (blue negative,
// white 0, red positive), the value in each cell, task abbreviations on both axes, a colour bar
// and a title.

#include "analysis/square_matrix.h"

#include <QColor>
#include <QSizeF>
#include <QString>
#include <QStringList>

class QPainter;
class QRectF;

namespace ts {

struct HeatmapStyle {
    QString title;
    QString rowAxisTitle;    // defaults to "source (finetuned on)"
    QString columnAxisTitle; // defaults to "target (evaluated on)"
    QString colorBarLabel;   // defaults to "PGF"
    double limit = 0;        // colour scale ±limit; 0 = max |value| (at least 1e-9)
    int decimals = 2;
    bool showValues = true;
    double cellSize = 42;    // points (1/72 in) at scale 1
    QString fontFamily;      // empty: the application's default family
};

class HeatmapPainter {
public:
    HeatmapPainter(SquareMatrix values, QStringList labels, HeatmapStyle style = {});

    // Natural size of the whole figure in points.
    QSizeF preferredSize() const;
    // Paints into target, scaled uniformly to fit, centred.
    void paint(QPainter &painter, const QRectF &target) const;

    // Colour of a value on the diverging scale; NaN → light grey.
    static QColor divergingColor(double value, double limit);
    double effectiveLimit() const;

    // Files; each throws ts::InputError (line 0) when the file cannot be written.
    // PNG at `scale` pixels per point (image size = preferredSize() × scale, rounded up).
    void savePng(const QString &path, double scale = 2.0) const;
    void saveSvg(const QString &path) const;
    void savePdf(const QString &path) const;
    QSize pngSize(double scale = 2.0) const;

private:
    SquareMatrix m_values;
    QStringList m_labels;
    HeatmapStyle m_style;
};

} // namespace ts
