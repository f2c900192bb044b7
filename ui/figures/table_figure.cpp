#include "ui/figures/table_figure.h"

#include <QAbstractItemModel>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <algorithm>

namespace ts::ui {

namespace {

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

QString latexEscape(QString s)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\textbackslash{}"));
    for (const char *c : {"&", "%", "$", "#", "_", "{", "}"})
        s.replace(QLatin1String(c), QLatin1Char('\\') + QLatin1String(c));
    s.replace(QChar(0x2212), QLatin1Char('-'));
    s.replace(QChar(0x2192), QStringLiteral("$\\rightarrow$"));
    return s;
}

} // namespace

TableFigure::TableFigure(const QAbstractItemModel *model, QString title, QString fileStem)
    : m_model(model), m_title(std::move(title)), m_fileStem(std::move(fileStem))
{
}

QString TableFigure::cell(int row, int column) const
{
    return m_model->data(m_model->index(row, column), Qt::DisplayRole).toString();
}

QString TableFigure::header(int column) const
{
    return m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

double TableFigure::figureAspect() const
{
    // Rows are about 1.6 em high; a 7 in figure at 9 pt holds ~35 rows per 0.8 aspect.
    return std::clamp((m_model->rowCount() + 4) * 0.028, 0.25, 1.4);
}

void TableFigure::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    painter.save();
    QFont font = painter.font();
    font.setPointSizeF(style.fontPoints);
    QFont bold = font;
    bold.setBold(true);
    QFont title = bold;
    title.setPointSizeF(style.fontPoints * 1.15);
    const QFontMetricsF fm(font, painter.device());
    const QFontMetricsF bm(bold, painter.device());
    const int rows = m_model->rowCount(), cols = m_model->columnCount();

    // Column widths from the widest text, then scaled down together if the page is narrower.
    QVector<double> widths(cols, 0);
    for (int c = 0; c < cols; ++c) {
        widths[c] = bm.horizontalAdvance(header(c));
        for (int r = 0; r < rows; ++r)
            widths[c] = std::max(widths[c], fm.horizontalAdvance(cell(r, c)));
        widths[c] += fm.height();
    }
    double total = 0;
    for (double w : widths)
        total += w;
    const double squeeze = total > rect.width() ? rect.width() / total : 1.0;
    const double rowH = fm.height() * 1.5;

    painter.setPen(Qt::black);
    painter.setFont(title);
    double y = rect.top();
    painter.drawText(QRectF(rect.left(), y, rect.width(), rowH * 1.2), Qt::AlignCenter, m_title);
    y += rowH * 1.4;
    const double left = rect.left() + std::max(0.0, (rect.width() - total * squeeze) / 2);
    auto drawRow = [&](const QStringList &texts, const QFont &f) {
        painter.setFont(f);
        double x = left;
        for (int c = 0; c < cols; ++c) {
            painter.drawText(QRectF(x + 2, y, widths[c] * squeeze - 4, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                             QFontMetricsF(f, painter.device()).elidedText(texts.value(c), Qt::ElideRight, widths[c] * squeeze - 4));
            x += widths[c] * squeeze;
        }
        y += rowH;
    };
    QStringList headers;
    for (int c = 0; c < cols; ++c)
        headers << header(c);
    drawRow(headers, bold);
    painter.setPen(QPen(Qt::black, 0.8));
    painter.drawLine(QPointF(left, y), QPointF(left + total * squeeze, y));
    for (int r = 0; r < rows && y + rowH <= rect.bottom() - (m_note.isEmpty() ? 0 : rowH); ++r) {
        QStringList texts;
        for (int c = 0; c < cols; ++c)
            texts << cell(r, c);
        drawRow(texts, font);
    }
    painter.drawLine(QPointF(left, y), QPointF(left + total * squeeze, y));
    if (!m_note.isEmpty()) {
        painter.setFont(font);
        painter.drawText(QRectF(rect.left(), y + 2, rect.width(), rect.bottom() - y), Qt::AlignLeft | Qt::TextWordWrap, m_note);
    }
    painter.restore();
}

QByteArray TableFigure::exportData(DataFormat format) const
{
    const int rows = m_model->rowCount(), cols = m_model->columnCount();
    QString out;
    switch (format) {
    case DataFormat::Csv: {
        QStringList line;
        for (int c = 0; c < cols; ++c)
            line << csvField(header(c));
        out += line.join(QLatin1Char(',')) + QLatin1Char('\n');
        for (int r = 0; r < rows; ++r) {
            line.clear();
            for (int c = 0; c < cols; ++c)
                line << csvField(cell(r, c));
            out += line.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
        return out.toUtf8();
    }
    case DataFormat::Json: {
        QJsonArray array;
        for (int r = 0; r < rows; ++r) {
            QJsonObject o;
            for (int c = 0; c < cols; ++c)
                o.insert(header(c), QJsonValue::fromVariant(m_model->data(m_model->index(r, c), Qt::EditRole)));
            array.append(o);
        }
        QJsonObject root;
        root.insert(QStringLiteral("title"), m_title);
        root.insert(QStringLiteral("rows"), array);
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    case DataFormat::Latex: {
        out += QStringLiteral("\\begin{tabular}{%1}\n\\hline\n").arg(QString(cols, QLatin1Char('l')));
        QStringList line;
        for (int c = 0; c < cols; ++c)
            line << QStringLiteral("\\textbf{%1}").arg(latexEscape(header(c)));
        out += line.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n\\hline\n");
        for (int r = 0; r < rows; ++r) {
            line.clear();
            for (int c = 0; c < cols; ++c)
                line << latexEscape(cell(r, c));
            out += line.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
        }
        out += QStringLiteral("\\hline\n\\end{tabular}\n");
        return out.toUtf8();
    }
    }
    return {};
}

} // namespace ts::ui
