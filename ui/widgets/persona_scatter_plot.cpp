#include "ui/widgets/persona_scatter_plot.h"

#include "ui/widgets/persona_colours.h"

#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace ts::ui {

PersonaScatterPlot::PersonaScatterPlot(bool positive, QWidget *parent)
    : LazyReplotPlot(parent), m_positive(positive), m_title(new QCPTextElement(this))
{
    setMouseTracking(true);
    setMinimumSize(160, 120); // the layout's own minimum is wide; let docks shrink
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    xAxis->setLabel(positive ? tr("positive transferability Δ⁺ (as a source)")
                             : tr("negative transferability |Δ⁻| (as a source)"));
    yAxis->setLabel(positive ? tr("positive malleability Θ⁺ (as a target)")
                             : tr("negative malleability |Θ⁻| (as a target)"));
    applyFonts(font().pointSizeF());
}

QString PersonaScatterPlot::figureTitle() const
{
    return m_title->text();
}

QString PersonaScatterPlot::figureFileStem() const
{
    return QStringLiteral("personas-%1-%2").arg(m_positive ? QStringLiteral("positive") : QStringLiteral("negative"),
                                                m_analysis ? m_analysis->model() : QString());
}

void PersonaScatterPlot::applyFonts(double points)
{
    QFont f = font();
    f.setPointSizeF(points);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(points * 1.15);
    m_title->setFont(bold);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
    }
    for (int i = 0; i < itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(item(i))) {
            QFont tf = text->font();
            tf.setPointSizeF(points * (tf.bold() ? 1.0 : 0.9));
            text->setFont(tf);
        }
}

void PersonaScatterPlot::setAnalysis(const ModelAnalysis *analysis)
{
    m_analysis = analysis;
    rebuild();
}

void PersonaScatterPlot::setSelectedTask(int task)
{
    if (task == m_selected)
        return;
    m_selected = task;
    rebuild();
}

QPointF PersonaScatterPlot::pointOf(int task) const
{
    const TaskScores &s = m_analysis->scores[std::size_t(task)];
    return m_positive ? QPointF(s.deltaPlus, s.thetaPlus) : QPointF(std::abs(s.deltaMinus), std::abs(s.thetaMinus));
}

double PersonaScatterPlot::threshold(Persona persona) const
{
    // The smallest score that still holds the persona under the current rule; the region starts there.
    std::vector<double> scores;
    for (const TaskScores &s : m_analysis->scores)
        scores.push_back(personaScore(s, persona));
    if (scores.empty())
        return 0;
    const PersonaRule &rule = m_analysis->options.personaRule;
    if (rule.kind == PersonaRule::TopK) {
        std::sort(scores.begin(), scores.end(), std::greater<>());
        const std::size_t k = std::size_t(std::clamp(rule.topK, 1, int(scores.size())));
        // Halfway between the k-th and the next score, so the line separates them visibly.
        return k < scores.size() ? (scores[k - 1] + scores[k]) / 2 : scores.back();
    }
    const double mean = std::accumulate(scores.begin(), scores.end(), 0.0) / double(scores.size());
    double var = 0;
    for (double v : scores)
        var += (v - mean) * (v - mean);
    return mean + rule.zThreshold * std::sqrt(var / double(scores.size())); // population sd, as personas.h
}

void PersonaScatterPlot::rebuild()
{
    clearItems();
    m_pointLabels.clear();
    clearGraphs();
    if (!m_analysis || m_analysis->scores.empty()) {
        m_title->setText(tr("No study open"));
        requestReplot();
        return;
    }
    const Persona xPersona = m_positive ? Persona::Donor : Persona::Pirate;
    const Persona yPersona = m_positive ? Persona::Sponge : Persona::Sieve;
    m_title->setText(m_positive ? tr("Donors and sponges — %1").arg(m_analysis->model())
                                : tr("Pirates and sieves — %1").arg(m_analysis->model()));
    const int n = m_analysis->matrix.taskCount();
    double maxX = 0, maxY = 0;
    for (int t = 0; t < n; ++t) {
        maxX = std::max(maxX, pointOf(t).x());
        maxY = std::max(maxY, pointOf(t).y());
    }
    m_thresholds = QPointF(threshold(xPersona), threshold(yPersona));
    maxX = std::max(maxX, m_thresholds.x()) * 1.15 + 1e-3;
    maxY = std::max(maxY, m_thresholds.y()) * 1.15 + 1e-3;
    xAxis->setRange(-maxX * 0.05, maxX);
    yAxis->setRange(-maxY * 0.05, maxY);

    // Persona regions: a tinted band beyond each threshold, named in its far corner.
    auto region = [&](Persona p, bool vertical) {
        auto *rect = new QCPItemRect(this);
        QColor c = personaColour(p);
        c.setAlpha(30);
        rect->setBrush(c);
        rect->setPen(QPen(personaColour(p), 1, Qt::DashLine));
        rect->setLayer(QStringLiteral("background"));
        if (vertical) {
            rect->topLeft->setCoords(m_thresholds.x(), maxY * 10);
            rect->bottomRight->setCoords(maxX * 10, -maxY * 10);
        } else {
            rect->topLeft->setCoords(-maxX * 10, maxY * 10);
            rect->bottomRight->setCoords(maxX * 10, m_thresholds.y());
        }
        auto *label = new QCPItemText(this);
        // Region names where points are rarest: the persona of the x axis at the right edge half-way
        // up, the one of the y axis at the top-left.
        label->setPositionAlignment(vertical ? (Qt::AlignRight | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignTop));
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(vertical ? 0.98 : 0.02, vertical ? 0.5 : 0.02);
        label->setText(vertical ? tr("%1 →").arg(personaName(p)) : tr("↑ %1").arg(personaName(p)));
        QFont f = font();
        f.setBold(true);
        label->setFont(f);
        label->setColor(personaColour(p).darker(120));
    };
    region(xPersona, true);
    region(yPersona, false);

    for (int t = 0; t < n; ++t) {
        const QPointF p = pointOf(t);
        bool holdsX = false, holdsY = false;
        for (const PersonaEvidence &e : m_analysis->personas) {
            if (e.task != t)
                continue;
            holdsX |= e.persona == xPersona;
            holdsY |= e.persona == yPersona;
        }
        QColor fill = holdsX ? personaColour(xPersona) : holdsY ? personaColour(yPersona) : QColor(0xbdbdbd);
        auto *g = addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const bool selected = t == m_selected;
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                           QPen(selected ? QColor(0x1f6feb) : (holdsX && holdsY ? personaColour(yPersona) : QColor(0x404040)),
                                                selected || (holdsX && holdsY) ? 2.5 : 1.0),
                                           QBrush(fill), selected ? 13 : 10));
        g->addData(p.x(), p.y());
        auto *label = new QCPItemText(this);
        label->position->setCoords(p);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(6, 0, 0, 2));
        label->setText(m_analysis->matrix.abbreviations().at(t));
        QFont f = font();
        f.setPointSizeF(font().pointSizeF() * 0.9);
        f.setBold(selected);
        label->setFont(f);
        m_pointLabels.append({label, p});
    }
    declutterLabels();
    requestReplot();
}

void PersonaScatterPlot::declutterLabels(QPaintDevice *device)
{
    if (m_pointLabels.isEmpty())
        return;
    plotLayout()->update(QCPLayoutElement::upPreparation);
    plotLayout()->update(QCPLayoutElement::upMargins);
    plotLayout()->update(QCPLayoutElement::upLayout);
    // Greedy, left to right: each label tries right-above, left-above, right-below, left-below of
    // its point, then climbs until it overlaps no label placed before it.
    auto order = m_pointLabels;
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second.x() < b.second.x(); });
    QVector<QRectF> placed;
    for (const auto &[label, point] : order) {
        const QFontMetricsF fm(label->font(), device ? device : this);
        const QSizeF size(fm.horizontalAdvance(label->text()) + 2, fm.height());
        const QPointF px(xAxis->coordToPixel(point.x()), yAxis->coordToPixel(point.y()));
        const double gap = 5;
        const QVector<QPointF> candidates = {{px.x() + gap, px.y() - gap - size.height()}, {px.x() - gap - size.width(), px.y() - gap - size.height()},
                                             {px.x() + gap, px.y() + gap}, {px.x() - gap - size.width(), px.y() + gap}};
        QRectF chosen;
        for (int step = 0; step < 12 && chosen.isNull(); ++step) {
            for (const QPointF &c : candidates) {
                const QRectF r(c - QPointF(0, step * size.height() * 0.9), size);
                const bool clear = std::none_of(placed.begin(), placed.end(), [&](const QRectF &o) { return o.intersects(r); });
                if (clear && axisRect()->rect().contains(r.toRect())) {
                    chosen = r;
                    break;
                }
            }
        }
        if (chosen.isNull())
            chosen = QRectF(candidates.front(), size);
        placed << chosen;
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(0, 0, 0, 0));
        label->position->setCoords(xAxis->pixelToCoord(chosen.left()), yAxis->pixelToCoord(chosen.top()));
    }
}

void PersonaScatterPlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    declutterLabels();
}

int PersonaScatterPlot::taskAt(const QPoint &pos) const
{
    if (!m_analysis)
        return -1;
    int best = -1;
    double bestD = 10;
    for (int t = 0; t < m_analysis->matrix.taskCount(); ++t) {
        const QPointF p = pointOf(t);
        const double d = std::hypot(xAxis->coordToPixel(p.x()) - pos.x(), yAxis->coordToPixel(p.y()) - pos.y());
        if (d < bestD) {
            bestD = d;
            best = t;
        }
    }
    return best;
}

void PersonaScatterPlot::mousePressEvent(QMouseEvent *event)
{
    QCustomPlot::mousePressEvent(event);
    const int t = taskAt(event->pos());
    if (t >= 0)
        Q_EMIT taskClicked(t);
}

void PersonaScatterPlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    const int t = taskAt(event->pos());
    if (t >= 0)
        Q_EMIT taskDoubleClicked(t);
}

void PersonaScatterPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    const int t = taskAt(event->pos());
    if (t < 0) {
        QToolTip::hideText();
        return;
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(m_analysis->matrix.tasks().at(t).toHtmlEscaped());
    const QPointF p = pointOf(t);
    lines << xAxis->label() + QStringLiteral(": %1").arg(p.x(), 0, 'f', 3);
    lines << yAxis->label() + QStringLiteral(": %1").arg(p.y(), 0, 'f', 3);
    for (const PersonaEvidence &e : m_analysis->personas)
        if (e.task == t)
            lines << tr("%1: rank %2, z = %3").arg(personaName(e.persona)).arg(e.rank).arg(e.z, 0, 'f', 2);
    QToolTip::showText(event->globalPosition().toPoint(), lines.join(QStringLiteral("<br>")), this);
}

void PersonaScatterPlot::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    auto *qcp = static_cast<QCPPainter *>(&painter); // Figure's contract, see figure.h
    applyFonts(style.fontPoints);
    const QRect oldViewport = viewport();
    setViewport(QRect(0, 0, int(rect.width()), int(rect.height())));
    declutterLabels(painter.device());
    setViewport(oldViewport);
    painter.save();
    painter.translate(rect.topLeft());
    toPainter(qcp, int(rect.width()), int(rect.height()));
    painter.restore();
    applyFonts(font().pointSizeF());
    declutterLabels();
    requestReplot();
}

} // namespace ts::ui
