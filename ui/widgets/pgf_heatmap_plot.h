#pragma once
// The interactive PGF heat map: a QCustomPlot colour map over a PgfMatrixModel, the value in each
// cell, a diverging colour scale centred at 0, abbreviations on both axes. Hover shows the model's
// cell tooltip (value, spread/CI, provenance); a click reports the cell. Also a Figure, so the
// export paints exactly this plot with the preset's fonts and palette.

#include "ui/figures/figure.h"
#include "ui/theme/diverging_palette.h"

#include <QPoint>
#include <QRect>
#include <QVector>

#include "ui/widgets/lazy_replot_plot.h"

namespace ts::ui {

class PgfMatrixModel;

class PgfHeatmapPlot : public LazyReplotPlot, public Figure {
    Q_OBJECT
public:
    explicit PgfHeatmapPlot(QWidget *parent = nullptr);

    void setMatrixModel(PgfMatrixModel *model);
    void setPalette(const DivergingPalette &palette);
    // Colour scale ±limit; several plots share one limit when models are compared.
    void setColourLimit(double limit);
    void setTitle(const QString &title);
    QString title() const { return m_titleText; }
    void setShowValues(bool show);
    // Side-by-side plots on one scale need the colour bar only once.
    void setColourScaleVisible(bool visible);
    void setFileStem(const QString &stem) { m_fileStem = stem; }
    // Cells outlined to show the shared selection, in row/column positions; a QRect may span a
    // whole row or column.
    void setHighlights(const QVector<QRect> &cells);
    const QVector<QRect> &highlights() const { return m_highlights; }

    // Figure
    QString figureTitle() const override { return m_titleText; }
    QString figureFileStem() const override { return m_fileStem; }
    double figureAspect() const override { return 0.86; }
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;
    QList<DataFormat> dataFormats() const override;
    QByteArray exportData(DataFormat format) const override;

    // Cell (column = x, row = y) under a widget position; (-1, -1) outside the matrix.
    QPoint cellAt(const QPoint &widgetPos) const;

Q_SIGNALS:
    void cellClicked(int row, int column);
    void cellDoubleClicked(int row, int column);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void applyGradient(const DivergingPalette &palette);
    // cellSize in device units; unitsPerPoint converts points to them (screen: dpi/72, export: 1).
    void updateValueFonts(double cellSize, double basePoints, const DivergingPalette &palette, double unitsPerPoint);
    void applyFonts(double points);

    PgfMatrixModel *m_model = nullptr;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPTextElement *m_title;
    QString m_titleText;
    QString m_fileStem = QStringLiteral("pgf-matrix");
    DivergingPalette m_palette;
    double m_limit = 1.0;
    bool m_showValues = true;
    QVector<QCPItemText *> m_valueItems;
    QVector<QCPItemRect *> m_highlightItems;
    QVector<QRect> m_highlights;
};

} // namespace ts::ui
