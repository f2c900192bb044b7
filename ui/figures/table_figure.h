#pragma once
// Any table model as an exportable figure: a title, a header row and the DisplayRole text of each
// cell, painted in points; its data as CSV, JSON (array of objects keyed by header) and LaTeX.
// The list views (cliques, persona evidence) export through this instead of each painting itself.

#include "ui/figures/figure.h"

class QAbstractItemModel;

namespace ts::ui {

class TableFigure : public Figure {
public:
    TableFigure(const QAbstractItemModel *model, QString title, QString fileStem);

    void setTitle(const QString &title) { m_title = title; }
    void setFileStem(const QString &stem) { m_fileStem = stem; }
    // Text painted under the table (what the numbers mean).
    void setNote(const QString &note) { m_note = note; }

    QString figureTitle() const override { return m_title; }
    QString figureFileStem() const override { return m_fileStem; }
    double figureAspect() const override;
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;
    QList<DataFormat> dataFormats() const override { return {DataFormat::Csv, DataFormat::Json, DataFormat::Latex}; }
    QByteArray exportData(DataFormat format) const override;

private:
    QString cell(int row, int column) const;
    QString header(int column) const;

    const QAbstractItemModel *m_model;
    QString m_title;
    QString m_fileStem;
    QString m_note;
};

} // namespace ts::ui
