#include "ui/widgets/pgf_heatmap_plot.h"

#include "analysis/matrix_table_export.h"
#include "ui/models/pgf_matrix_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QToolTip>
#include <cmath>

namespace ts::ui {

PgfHeatmapPlot::PgfHeatmapPlot(QWidget *parent)
    : LazyReplotPlot(parent), m_map(new QCPColorMap(xAxis, yAxis)), m_scale(new QCPColorScale(this)),
      m_title(new QCPTextElement(this))
{
    setMouseTracking(true);
    // The layout's own minimum (labels and colour bar) would make several plots in a row force
    // the window wider than the screen.
    setMinimumSize(160, 160);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(10);
    m_scale->axis()->setLabel(tr("PGF"));
    m_map->setColorScale(m_scale);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    // Colour bar as tall as the matrix.
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    yAxis->setRangeReversed(true); // first source on top, as in a table
    xAxis->setLabel(tr("target (evaluated on)"));
    yAxis->setLabel(tr("source (finetuned on)"));
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->grid()->setVisible(false);
        axis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
    }
    applyGradient(m_palette);
    applyFonts(font().pointSizeF());
}

void PgfHeatmapPlot::setMatrixModel(PgfMatrixModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, &PgfHeatmapPlot::rebuild);
    rebuild();
}

void PgfHeatmapPlot::setPalette(const DivergingPalette &palette)
{
    m_palette = palette;
    applyGradient(palette);
    rebuild();
}

void PgfHeatmapPlot::setColourLimit(double limit)
{
    m_limit = limit > 0 ? limit : 1.0;
    rebuild();
}

void PgfHeatmapPlot::setTitle(const QString &title)
{
    m_titleText = title;
    m_title->setText(title);
    requestReplot();
}

void PgfHeatmapPlot::setShowValues(bool show)
{
    m_showValues = show;
    rebuild();
}

void PgfHeatmapPlot::setColourScaleVisible(bool visible)
{
    if (visible == m_scale->visible())
        return;
    m_scale->setVisible(visible);
    if (visible) {
        if (!plotLayout()->hasElement(1, 1))
            plotLayout()->addElement(1, 1, m_scale);
    } else {
        plotLayout()->take(m_scale);
        plotLayout()->simplify();
    }
    requestReplot();
}

void PgfHeatmapPlot::applyGradient(const DivergingPalette &palette)
{
    QCPColorGradient gradient;
    QMap<double, QColor> stops;
    for (const auto &[pos, colour] : palette.stops())
        stops.insert((pos + 1.0) / 2.0, colour);
    gradient.setColorStops(stops);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd9d9d9));
    gradient.setLevelCount(256);
    // Set it on both: the map/scale synchronisation only fires on a change, and a scale that
    // missed it keeps drawing an empty bar.
    m_map->setGradient(gradient);
    m_scale->setGradient(gradient);
}

void PgfHeatmapPlot::applyFonts(double points)
{
    QFont f = font();
    f.setPointSizeF(points);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(points * 1.15);
    m_title->setFont(bold);
    for (QCPAxis *axis : {xAxis, yAxis, m_scale->axis()}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
    }
}

void PgfHeatmapPlot::rebuild()
{
    const int n = m_model ? m_model->rowCount() : 0;
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    QCPColorMapData *data = m_map->data();
    data->setSize(std::max(n, 1), std::max(n, 1));
    data->setRange(QCPRange(0, std::max(n - 1, 0)), QCPRange(0, std::max(n - 1, 0)));
    data->fill(std::nan(""));
    for (int i = 0; i < n; ++i)
        ticker->addTick(i, m_model->headerData(i, Qt::Horizontal).toString());
    xAxis->setTicker(ticker);
    yAxis->setTicker(ticker);
    // The value labels are reused from the last rebuild: a live study rebuilds the matrix at every
    // completed cell, and removing 169 items one by one from QCustomPlot's lists is quadratic.
    int used = 0;
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const double v = m_model->value(r, c);
            data->setCell(c, r, v);
            if (!m_showValues || !std::isfinite(v))
                continue;
            if (used == m_valueItems.size()) {
                auto *text = new QCPItemText(this);
                text->setClipToAxisRect(true);
                text->position->setType(QCPItemPosition::ptPlotCoords);
                text->setSelectable(false);
                m_valueItems.append(text);
            }
            QCPItemText *text = m_valueItems[used++];
            text->position->setCoords(c, r);
            text->setText(QString::number(v, 'f', 2).replace(QLatin1Char('-'), QChar(0x2212)));
        }
    }
    while (m_valueItems.size() > used)
        removeItem(m_valueItems.takeLast());
    m_map->setDataRange(QCPRange(-m_limit, m_limit));
    xAxis->setRange(-0.5, n - 0.5);
    yAxis->setRange(-0.5, n - 0.5);
    setHighlights(m_highlights); // re-create outlines above the new cells
    updateValueFonts(axisRect()->width() / std::max(n, 1), font().pointSizeF(), m_palette, logicalDpiY() / 72.0); // colours too
    requestReplot();
}

void PgfHeatmapPlot::updateValueFonts(double cellSize, double basePoints, const DivergingPalette &palette, double unitsPerPoint)
{
    // "−0.35" needs about 3 em plus a margin; shrink the value font to the cell, hide
    // it when unreadable.
    const double fit = cellSize / 3.5 / unitsPerPoint;
    const double pt = std::min(basePoints * 0.9, fit);
    const bool visible = pt >= 3.5;
    QFont f = font();
    f.setPointSizeF(std::max(pt, 1.0));
    for (QCPItemText *item : std::as_const(m_valueItems)) {
        item->setFont(f);
        item->setVisible(visible);
        const QPointF p = item->position->coords();
        const double v = m_model ? m_model->value(int(p.y()), int(p.x())) : 0;
        item->setColor(DivergingPalette::textOn(palette.colour(v, m_limit)));
    }
}

void PgfHeatmapPlot::setHighlights(const QVector<QRect> &cells)
{
    m_highlights = cells;
    for (QCPItemRect *item : std::as_const(m_highlightItems))
        removeItem(item);
    m_highlightItems.clear();
    const QColor accent = palette().color(QPalette::Highlight);
    for (const QRect &cell : cells) {
        auto *rect = new QCPItemRect(this);
        rect->setClipToAxisRect(false);
        rect->topLeft->setCoords(cell.left() - 0.5, cell.top() - 0.5);
        rect->bottomRight->setCoords(cell.right() + 0.5, cell.bottom() + 0.5);
        rect->setPen(QPen(cell.width() == 1 && cell.height() == 1 ? QColor(Qt::black) : accent, 2.0));
        rect->setBrush(Qt::NoBrush);
        rect->setSelectable(false);
        m_highlightItems.append(rect);
    }
    requestReplot();
}

QPoint PgfHeatmapPlot::cellAt(const QPoint &pos) const
{
    if (!m_model || !axisRect()->rect().contains(pos))
        return {-1, -1};
    const int c = int(std::lround(xAxis->pixelToCoord(pos.x())));
    const int r = int(std::lround(yAxis->pixelToCoord(pos.y())));
    const int n = m_model->rowCount();
    if (r < 0 || c < 0 || r >= n || c >= n)
        return {-1, -1};
    return {c, r};
}

void PgfHeatmapPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    const QPoint cell = cellAt(event->pos());
    if (cell.x() < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), m_model->cellToolTip(cell.y(), cell.x()), this);
}

void PgfHeatmapPlot::mousePressEvent(QMouseEvent *event)
{
    QCustomPlot::mousePressEvent(event);
    const QPoint cell = cellAt(event->pos());
    if (cell.x() >= 0 && event->button() == Qt::LeftButton)
        Q_EMIT cellClicked(cell.y(), cell.x());
}

void PgfHeatmapPlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    const QPoint cell = cellAt(event->pos());
    if (cell.x() >= 0)
        Q_EMIT cellDoubleClicked(cell.y(), cell.x());
}

void PgfHeatmapPlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    const int n = m_model ? std::max(m_model->rowCount(), 1) : 1;
    // The layout is only known after a replot; approximate the axis rect from the widget.
    const double cell = (width() - 150.0) / n;
    xAxis->setTickLabelRotation(cell < QFontMetricsF(font()).horizontalAdvance(QStringLiteral("MMM")) ? -90 : 0);
    updateValueFonts(cell, font().pointSizeF(), m_palette, logicalDpiY() / 72.0);
}

void PgfHeatmapPlot::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    // Figure's contract: the painter is the QCPPainter that FigureExporter created (QPainter has
    // no virtual functions, so this cannot be checked at run time).
    auto *qcp = static_cast<QCPPainter *>(&painter);
    const DivergingPalette screenPalette = m_palette;
    const QRect oldViewport = viewport();
    const int n = m_model ? std::max(m_model->rowCount(), 1) : 1;

    applyFonts(style.fontPoints);
    applyGradient(style.palette);
    // The selection outline is a screen aid, not part of a publication figure.
    const QVector<QRect> highlights = m_highlights;
    setHighlights({});
    // Lay out at the figure size first so the value font and the label rotation fit the printed cells.
    setViewport(QRect(0, 0, int(rect.width()), int(rect.height())));
    plotLayout()->update(QCPLayoutElement::upPreparation);
    plotLayout()->update(QCPLayoutElement::upMargins);
    plotLayout()->update(QCPLayoutElement::upLayout);
    const double cell = axisRect()->width() / double(n);
    xAxis->setTickLabelRotation(cell < 2.4 * style.fontPoints ? -90 : 0);
    updateValueFonts(cell, style.fontPoints, style.palette, 1.0);
    setViewport(oldViewport);

    // The title is painted here, across the whole figure and wrapped if long: inside the plot
    // layout it would be limited to the matrix column and clipped at both ends.
    QFont titleFont = m_title->font();
    const QFontMetricsF tm(titleFont, painter.device());
    const QRectF titleRect = tm.boundingRect(QRectF(rect.left(), rect.top(), rect.width(), rect.height()),
                                             Qt::AlignHCenter | Qt::TextWordWrap, m_titleText);
    const double titleH = titleRect.height() + tm.height() * 0.4;
    painter.save();
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), titleH), Qt::AlignCenter | Qt::TextWordWrap, m_titleText);
    // Out of the layout for the export (a hidden element still keeps its row).
    plotLayout()->take(m_title);
    plotLayout()->simplify();
    m_title->setVisible(false);
    painter.translate(rect.left(), rect.top() + titleH);
    toPainter(qcp, int(rect.width()), int(rect.height() - titleH));
    painter.restore();
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    m_title->setVisible(true);

    applyFonts(font().pointSizeF());
    applyGradient(screenPalette);
    xAxis->setTickLabelRotation(0);
    m_highlights = highlights;
    rebuild();
}

QList<DataFormat> PgfHeatmapPlot::dataFormats() const
{
    return {DataFormat::Csv, DataFormat::Json, DataFormat::Latex};
}

QByteArray PgfHeatmapPlot::exportData(DataFormat format) const
{
    if (!m_model || !m_model->analysis())
        return {};
    const SquareMatrix shown = m_model->shownMatrix();
    switch (format) {
    case DataFormat::Csv: return matrixToCsv(shown, m_model->shownTaskNames()).toUtf8();
    case DataFormat::Latex: return matrixToLatex(shown, m_model->shownLabels(), 2, m_titleText).toUtf8();
    case DataFormat::Json: {
        QJsonObject root;
        root.insert(QStringLiteral("title"), m_titleText);
        root.insert(QStringLiteral("model"), m_model->analysis()->model());
        root.insert(QStringLiteral("run"), m_model->run() == PgfMatrixModel::kMeanOfRuns
                                               ? QStringLiteral("mean")
                                               : m_model->analysis()->matrix.runs().at(m_model->run()));
        root.insert(QStringLiteral("tasks"), QJsonArray::fromStringList(m_model->shownTaskNames()));
        QJsonArray rows;
        for (int r = 0; r < shown.size(); ++r) {
            QJsonArray row;
            for (int c = 0; c < shown.size(); ++c)
                row.append(shown.isDefined(r, c) ? QJsonValue(shown.at(r, c)) : QJsonValue());
            rows.append(row);
        }
        root.insert(QStringLiteral("pgf"), rows);
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    }
    return {};
}

} // namespace ts::ui
