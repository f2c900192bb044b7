#pragma once
// Several figures in a row (or a grid, when the page is too narrow for one row) under a common title: the model comparison exports its matrices (and
// its graphs) as one publication figure so the scales can be compared at a glance.

#include "ui/figures/figure.h"

namespace ts::ui {

class SideBySideFigure : public Figure {
public:
    SideBySideFigure(QString title, QString fileStem) : m_title(std::move(title)), m_fileStem(std::move(fileStem)) {}
    void setParts(QList<Figure *> parts) { m_parts = std::move(parts); }
    void setTitle(const QString &title) { m_title = title; }
    const QList<Figure *> &parts() const { return m_parts; }

    QString figureTitle() const override { return m_title; }
    QString figureFileStem() const override { return m_fileStem; }
    double figureAspect() const override { return figureAspectAt(7 * 72); }
    double figureAspectAt(double widthPoints) const override;
    // Parts per row at a width: as many as fit at kMinPartWidth points each.
    int columnsAt(double widthPoints) const;
    static constexpr double kMinPartWidth = 230;
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;

private:
    QString m_title;
    QString m_fileStem;
    QList<Figure *> m_parts;
};

} // namespace ts::ui
