#pragma once
// One task's outgoing (as a source) or incoming (as a target) mean PGF as bars, one per other
// task, coloured by sign on the shared palette, with ± std over runs as error bars.

#include "analysis/model_analysis.h"
#include "ui/figures/figure.h"
#include "ui/theme/diverging_palette.h"

#include "ui/widgets/lazy_replot_plot.h"

namespace ts::ui {

class PgfBarChart : public LazyReplotPlot, public Figure {
    Q_OBJECT
public:
    enum class Direction { Outgoing, Incoming };
    PgfBarChart(Direction direction, QWidget *parent = nullptr);

    void setTask(const ModelAnalysis *analysis, int task, const DivergingPalette &palette);
    // Bar values in the order drawn (other tasks in matrix order), for tests and data export.
    const QVector<double> &values() const { return m_values; }
    const QStringList &labels() const { return m_labels; }

    QString figureTitle() const override { return m_title->text(); }
    QString figureFileStem() const override { return m_stem; }
    double figureAspect() const override { return 0.55; }
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;
    QList<DataFormat> dataFormats() const override { return {DataFormat::Csv}; }
    QByteArray exportData(DataFormat format) const override;

private:
    void rebuild(const DivergingPalette &palette);
    void applyFonts(double points);

    Direction m_direction;
    const ModelAnalysis *m_analysis = nullptr;
    int m_task = -1;
    DivergingPalette m_palette;
    QCPTextElement *m_title;
    QVector<double> m_values;
    QVector<double> m_errors;
    QStringList m_labels;
    QString m_stem;
};

} // namespace ts::ui
