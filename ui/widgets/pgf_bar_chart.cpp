#include "ui/widgets/pgf_bar_chart.h"

#include <cmath>

namespace ts::ui {

PgfBarChart::PgfBarChart(Direction direction, QWidget *parent)
    : LazyReplotPlot(parent), m_direction(direction), m_title(new QCPTextElement(this))
{
    setMinimumSize(160, 120); // the layout's own minimum is wide; let docks shrink
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    yAxis->setLabel(tr("mean PGF"));
    xAxis->setLabel(direction == Direction::Outgoing ? tr("target (evaluated on)") : tr("source (finetuned on)"));
    xAxis->grid()->setVisible(false);
    applyFonts(font().pointSizeF());
}

void PgfBarChart::applyFonts(double points)
{
    QFont f = font();
    f.setPointSizeF(points);
    QFont bold = f;
    bold.setBold(true);
    m_title->setFont(bold);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
    }
}

void PgfBarChart::setTask(const ModelAnalysis *analysis, int task, const DivergingPalette &palette)
{
    m_analysis = analysis;
    m_task = task;
    m_palette = palette;
    rebuild(palette);
}

void PgfBarChart::rebuild(const DivergingPalette &palette)
{
    clearPlottables();
    m_values.clear();
    m_errors.clear();
    m_labels.clear();
    if (!m_analysis || m_task < 0) {
        m_title->setText(QString());
        requestReplot();
        return;
    }
    const TransferMatrix &m = m_analysis->matrix;
    const bool out = m_direction == Direction::Outgoing;
    const QString abbr = m.abbreviations().at(m_task);
    m_title->setText(out ? tr("Outgoing PGF: %1 → each target (%2)").arg(abbr, m.model())
                         : tr("Incoming PGF: each source → %1 (%2)").arg(abbr, m.model()));
    m_stem = QStringLiteral("%1-pgf-%2-%3").arg(out ? QStringLiteral("outgoing") : QStringLiteral("incoming"), abbr, m.model());

    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    // One bar graph per sign so each gets its colour; a QCPBars has one brush.
    auto *positive = new QCPBars(xAxis, yAxis);
    auto *negative = new QCPBars(xAxis, yAxis);
    positive->setBrush(palette.positive());
    negative->setBrush(palette.negative());
    positive->setPen(Qt::NoPen);
    negative->setPen(Qt::NoPen);
    positive->setName(tr("positive"));
    negative->setName(tr("negative"));
    auto *errors = new QCPErrorBars(xAxis, yAxis);
    errors->setPen(QPen(QColor(0x303030), 1));
    double lo = 0, hi = 0;
    int x = 0;
    for (int k = 0; k < m.taskCount(); ++k) {
        if (k == m_task)
            continue; // a task's effect on itself is not transfer (shown in the matrix)
        const int s = out ? m_task : k, t = out ? k : m_task;
        const double v = m_analysis->mean.at(s, t);
        const double e = m_analysis->spread.at(s, t);
        m_values << v;
        m_errors << e;
        m_labels << m.abbreviations().at(k);
        ticker->addTick(x, m.abbreviations().at(k));
        if (std::isfinite(v)) {
            (v >= 0 ? positive : negative)->addData(x, v);
            lo = std::min(lo, v - (std::isfinite(e) ? e : 0));
            hi = std::max(hi, v + (std::isfinite(e) ? e : 0));
        }
        ++x;
    }
    QVector<double> keys, vals, errs;
    for (int i = 0; i < m_values.size(); ++i)
        if (std::isfinite(m_values[i])) {
            keys << i;
            vals << m_values[i];
            errs << (std::isfinite(m_errors[i]) ? m_errors[i] : 0.0);
        }
    errors->setData(errs);
    errors->setDataPlottable(nullptr);
    // Error bars need a plottable with the same keys: a hidden graph carrying every bar's value.
    auto *carrier = addGraph();
    carrier->setData(keys, vals);
    carrier->setLineStyle(QCPGraph::lsNone);
    carrier->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    errors->setDataPlottable(carrier);
    xAxis->setTicker(ticker);
    xAxis->setRange(-0.6, x - 0.4);
    const double pad = std::max(0.05, (hi - lo) * 0.08);
    yAxis->setRange(lo - pad, hi + pad);
    requestReplot();
}

void PgfBarChart::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    auto *qcp = static_cast<QCPPainter *>(&painter); // Figure's contract, see figure.h
    applyFonts(style.fontPoints);
    rebuild(style.palette);
    painter.save();
    painter.translate(rect.topLeft());
    toPainter(qcp, int(rect.width()), int(rect.height()));
    painter.restore();
    applyFonts(font().pointSizeF());
    rebuild(m_palette);
}

QByteArray PgfBarChart::exportData(DataFormat) const
{
    QByteArray csv = m_direction == Direction::Outgoing ? "target,mean_pgf,std\n" : "source,mean_pgf,std\n";
    for (int i = 0; i < m_values.size(); ++i)
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(m_labels[i], std::isfinite(m_values[i]) ? QString::number(m_values[i], 'g', 8) : QString(),
                        std::isfinite(m_errors[i]) ? QString::number(m_errors[i], 'g', 8) : QString())
                   .toUtf8();
    return csv;
}

} // namespace ts::ui
