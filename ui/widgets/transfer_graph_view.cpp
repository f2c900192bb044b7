#include "ui/widgets/transfer_graph_view.h"

#include "ui/run/background_priority.h"

#include "analysis/transfer_graph_figure.h"
#include "ui/widgets/graph_edge_item.h"
#include "ui/widgets/graph_node_item.h"

#include <QCoreApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QParallelAnimationGroup>
#include <QPointer>
#include <QPropertyAnimation>
#include <QThreadPool>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <future>

namespace ts::ui {

namespace {
constexpr double kMinPen = 0.8;
constexpr double kMaxPen = 6.0;
constexpr int kAnimationMs = 450;
} // namespace

TransferGraphView::TransferGraphView(QWidget *parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(FullViewportUpdate);
    setBackgroundBrush(Qt::white); // the graph's colours are chosen for a light background
}

void TransferGraphView::setTasks(const QStringList &names, const QStringList &abbreviations, const QStringList &toolTips)
{
    if (names == m_names && abbreviations == m_abbreviations) {
        for (int i = 0; i < m_nodes.size(); ++i)
            m_nodes[i]->setToolTip(toolTips.value(i));
        return;
    }
    // A running re-layout animation targets the nodes about to go: it ends with them.
    delete m_animation;
    m_animation = nullptr;
    qDeleteAll(m_edges);
    m_edges.clear();
    qDeleteAll(m_nodes);
    m_nodes.clear();
    m_names = names;
    m_abbreviations = abbreviations;
    for (int i = 0; i < names.size(); ++i) {
        auto *node = new GraphNodeItem(i, abbreviations.value(i), toolTips.value(i));
        node->setLabelFont(nodeLabelFont());
        // Edges follow a node while it moves (during the re-layout animation).
        connect(node, &GraphNodeItem::moved, this, [this, node] {
            for (GraphEdgeItem *edge : std::as_const(m_edges))
                if (edge->sourceNode() == node || edge->targetNode() == node)
                    edge->updateGeometry();
        });
        m_scene->addItem(node);
        m_nodes.append(node);
    }
    m_graph = TransferGraph();
    m_userZoomed = false;
}

QFont TransferGraphView::nodeLabelFont() const
{
    // In scene units (points of the Graphviz layout), so the label scales with its node when the
    // view zooms: Graphviz sized the nodes (36 pt high) for labels of about 14 pt.
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(14);
    return f;
}

void TransferGraphView::setNodeFill(int task, const QColor &fill)
{
    if (task >= 0 && task < m_nodes.size())
        m_nodes[task]->setFill(fill);
}

QString TransferGraphView::edgeToolTip(const TransferEdge &e) const
{
    QString text = tr("<b>%1 → %2</b><br>mean PGF %3")
                       .arg(m_names.value(e.source).toHtmlEscaped(), m_names.value(e.target).toHtmlEscaped())
                       .arg(e.pgf, 0, 'f', 3);
    if (std::isfinite(e.spread))
        text += tr(" ± %1 (std over runs)").arg(e.spread, 0, 'f', 3);
    return text;
}

// A background layout: its result, or the message of the exception Graphviz threw.
struct TransferGraphView::PendingLayout {
    std::shared_future<std::pair<GraphLayout, QString>> result;
    bool animate = true;
};

void TransferGraphView::setGraph(const TransferGraph &graph, LayoutEngine engine, bool animate)
{
    m_graph = graph;
    m_engine = engine;
    TransferGraphStyle style;
    style.edgeLabels = false; // values are in the tooltips; labels clutter a 13-node graph
    style.clusters = m_clusters;
    const GraphSpec spec = transferGraphSpec(graph, m_names, m_abbreviations, style);

    // Edges: keep those still present (so their colour does not flicker), add the new ones.
    QSet<QPair<int, int>> wanted;
    for (const TransferEdge &e : graph.edges) {
        const QPair<int, int> key(e.source, e.target);
        wanted.insert(key);
        GraphEdgeItem *item = m_edges.value(key);
        if (!item && e.source < m_nodes.size() && e.target < m_nodes.size()) {
            item = new GraphEdgeItem(m_nodes[e.source], m_nodes[e.target], e.pgf, edgeToolTip(e));
            m_scene->addItem(item);
            m_edges.insert(key, item);
        } else if (item) {
            item->setPgf(e.pgf, edgeToolTip(e));
        }
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    applyEdgeStyles();
    applyEmphasis();


    if (!m_layoutInBackground) {
        m_pending.reset();
        applyLayout(layoutGraph(spec, engine), animate); // exceptions reach the caller
        return;
    }
    auto pending = std::make_shared<PendingLayout>();
    pending->animate = animate;
    auto task = std::make_shared<std::packaged_task<std::pair<GraphLayout, QString>()>>([spec, engine] {
        try {
            return std::make_pair(layoutGraph(spec, engine), QString());
        } catch (const std::exception &e) {
            return std::make_pair(GraphLayout{}, QString::fromUtf8(e.what()));
        }
    });
    pending->result = task->get_future().share();
    m_pending = pending; // a newer request supersedes an older one still running
    QPointer<TransferGraphView> self(this);
    runInBackground([task, self, pending] {
        (*task)();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, pending] {
                if (self && self->m_pending == pending)
                    self->finishPendingLayout();
            },
            Qt::QueuedConnection);
    });
}

void TransferGraphView::finishPendingLayout()
{
    if (!m_pending)
        return;
    const std::shared_ptr<PendingLayout> pending = std::move(m_pending);
    const auto &[layout, error] = pending->result.get(); // waits when called before the layout finished
    if (!error.isEmpty()) {
        Q_EMIT layoutFailed(error);
        return;
    }
    applyLayout(layout, pending->animate);
}

void TransferGraphView::applyLayout(const GraphLayout &layout, bool animate)
{
    m_layout = layout;
    rebuildClusterItems();
    if (m_animation) {
        m_animation->stop();
        delete m_animation;
        m_animation = nullptr;
    }
    for (GraphEdgeItem *edge : std::as_const(m_edges))
        edge->clearSpline();
    const bool firstLayout = std::all_of(m_nodes.begin(), m_nodes.end(), [](GraphNodeItem *n) { return n->pos().isNull(); });
    if (animate && !firstLayout) {
        m_animation = new QParallelAnimationGroup(this);
        for (int i = 0; i < m_nodes.size() && i < int(m_layout.nodes.size()); ++i) {
            m_nodes[i]->setSize(m_layout.nodes[std::size_t(i)].size);
            auto *a = new QPropertyAnimation(m_nodes[i], "pos", m_animation);
            a->setDuration(kAnimationMs);
            a->setEasingCurve(QEasingCurve::InOutCubic);
            a->setStartValue(m_nodes[i]->pos());
            a->setEndValue(m_layout.nodes[std::size_t(i)].center);
            m_animation->addAnimation(a);
        }
        connect(m_animation, &QAbstractAnimation::finished, this, [this] {
            applySplines();
            Q_EMIT layoutFinished();
        });
        m_animation->start();
    } else {
        for (int i = 0; i < m_nodes.size() && i < int(m_layout.nodes.size()); ++i) {
            m_nodes[i]->setSize(m_layout.nodes[std::size_t(i)].size);
            m_nodes[i]->setPos(m_layout.nodes[std::size_t(i)].center);
        }
        applySplines();
        Q_EMIT layoutFinished();
    }
    m_scene->setSceneRect(m_layout.boundingBox.adjusted(-30, -30, 30, 30));
    if (!m_userZoomed)
        fitAll();
}

void TransferGraphView::rebuildClusterItems()
{
    qDeleteAll(m_clusterItems);
    m_clusterItems.clear();
    for (const LaidOutCluster &c : m_layout.clusters) {
        const GraphSpecCluster &spec = m_clusters[std::size_t(c.cluster)];
        QPainterPath path;
        path.addRoundedRect(c.box, 8, 8);
        auto *box = m_scene->addPath(path, QPen(spec.border, 1.2), QBrush(spec.fill));
        box->setZValue(-10); // behind edges and nodes
        auto *label = m_scene->addSimpleText(spec.label);
        QFont f = nodeLabelFont();
        f.setPixelSize(12);
        label->setFont(f);
        label->setBrush(spec.border.darker(130));
        label->setPos(c.box.topLeft() + QPointF(8, 3));
        label->setZValue(-9);
        m_clusterItems << box << label;
    }
}

void TransferGraphView::applySplines()
{
    for (const LaidOutEdge &e : m_layout.edges) {
        if (GraphEdgeItem *item = m_edges.value(qMakePair(e.from, e.to)))
            item->setSpline(e.spline, e.hasArrowHead ? e.arrowTip : (e.spline.empty() ? QPointF() : e.spline.back()));
    }
    for (GraphEdgeItem *edge : std::as_const(m_edges))
        edge->updateGeometry();
}

void TransferGraphView::applyEdgeStyles()
{
    double maxAbs = 0;
    for (const GraphEdgeItem *e : std::as_const(m_edges))
        maxAbs = std::max(maxAbs, std::abs(e->pgf()));
    for (GraphEdgeItem *e : std::as_const(m_edges)) {
        const double t = maxAbs > 0 ? std::abs(e->pgf()) / maxAbs : 0;
        e->setStyle(e->pgf() >= 0 ? m_palette.positive() : m_palette.negative(), kMinPen + t * (kMaxPen - kMinPen));
    }
}

void TransferGraphView::setPalette(const DivergingPalette &palette)
{
    m_palette = palette;
    applyEdgeStyles();
}

void TransferGraphView::setEmphasis(const QSet<int> &tasks, const QSet<QPair<int, int>> &edges, bool dimOthers)
{
    m_emphasisTasks = tasks;
    m_emphasisEdges = edges;
    m_dimOthers = dimOthers;
    applyEmphasis();
}

void TransferGraphView::applyEmphasis()
{
    const QSet<int> &tasks = m_emphasisTasks;
    for (GraphNodeItem *n : std::as_const(m_nodes)) {
        n->setHighlighted(tasks.contains(n->task()));
        n->setDimmed(m_dimOthers && !tasks.isEmpty() && !tasks.contains(n->task()));
    }
    for (auto it = m_edges.begin(); it != m_edges.end(); ++it) {
        const bool strong = m_emphasisEdges.contains(it.key());
        const bool touches = tasks.contains(it.key().first) || tasks.contains(it.key().second);
        it.value()->setHighlighted(strong);
        it.value()->setDimmed(m_dimOthers ? !strong : (!tasks.isEmpty() && !touches));
    }
}

bool TransferGraphView::isAnimating() const
{
    if (m_pending)
        return true;
    return m_animation && m_animation->state() == QAbstractAnimation::Running;
}

QPointF TransferGraphView::nodePosition(int task) const
{
    return task >= 0 && task < m_nodes.size() ? m_nodes[task]->pos() : QPointF();
}

void TransferGraphView::fitAll()
{
    if (!m_scene->sceneRect().isEmpty())
        fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void TransferGraphView::zoomBy(double factor)
{
    m_userZoomed = true;
    scale(factor, factor);
}

void TransferGraphView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void TransferGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_userZoomed)
        fitAll();
}

void TransferGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *item : items(event->pos())) {
            if (auto *node = dynamic_cast<GraphNodeItem *>(item)) {
                Q_EMIT nodeClicked(node->task());
                event->accept();
                return;
            }
            if (auto *edge = dynamic_cast<GraphEdgeItem *>(item)) {
                Q_EMIT edgeClicked(edge->sourceNode()->task(), edge->targetNode()->task());
                event->accept();
                return;
            }
        }
        Q_EMIT backgroundClicked();
    }
    QGraphicsView::mousePressEvent(event); // empty space: drag to pan
}

void TransferGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *node = dynamic_cast<GraphNodeItem *>(item)) {
            Q_EMIT nodeDoubleClicked(node->task());
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

double TransferGraphView::figureAspect() const
{
    // An export asks for the aspect first: it must see the final layout, not the one being replaced.
    const_cast<TransferGraphView *>(this)->finishPendingLayout();
    const QRectF r = m_scene->sceneRect();
    const double graph = r.width() > 0 ? r.height() / r.width() : 0.8;
    return std::clamp(graph + 0.15, 0.5, 1.4); // room for the title and the legend
}

void TransferGraphView::paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style)
{
    finishPendingLayout();
    painter.save();
    QFont titleFont = font();
    titleFont.setPointSizeF(style.fontPoints * 1.15);
    titleFont.setBold(true);
    QFont textFont = font();
    textFont.setPointSizeF(style.fontPoints);
    const QFontMetricsF titleMetrics(titleFont, painter.device());
    const QFontMetricsF textMetrics(textFont, painter.device());

    const double titleH = titleMetrics.height() * 1.4 + (m_subtitle.isEmpty() ? 0 : textMetrics.height());
    const double legendH = textMetrics.height() * 3.0;
    painter.setPen(Qt::black);
    painter.setFont(titleFont);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), titleMetrics.height() * 1.3),
                     Qt::AlignHCenter | Qt::AlignVCenter, m_title);
    if (!m_subtitle.isEmpty()) {
        painter.setFont(textFont);
        painter.drawText(QRectF(rect.left(), rect.top() + titleMetrics.height() * 1.3, rect.width(), textMetrics.height()),
                         Qt::AlignHCenter | Qt::AlignVCenter, m_subtitle);
    }

    // The graph, with node labels at the preset's font size whatever the scale.
    const QRectF graphRect(rect.left(), rect.top() + titleH, rect.width(), rect.height() - titleH - legendH);
    const QRectF source = m_scene->sceneRect();
    const double scale = std::min(graphRect.width() / source.width(), graphRect.height() / source.height());
    QFont nodeFont = font();
    nodeFont.setBold(true);
    // The preset's size, but never larger than the node (Graphviz sized nodes for ~14 pt labels).
    double nodeHeight = 36;
    for (GraphNodeItem *n : std::as_const(m_nodes))
        nodeHeight = std::min(nodeHeight, n->boundingRect().height() - 6);
    nodeFont.setPointSizeF(std::min(style.fontPoints / std::max(scale, 1e-3) * 0.95, nodeHeight * 0.42));
    // The selection's emphasis is a screen aid, not part of the figure.
    const QSet<int> emphasisTasks = m_emphasisTasks;
    const QSet<QPair<int, int>> emphasisEdges = m_emphasisEdges;
    const bool dim = m_dimOthers;
    setEmphasis({}, {}, false);
    const QFont screenFont = nodeLabelFont();
    const DivergingPalette screenPalette = m_palette;
    for (GraphNodeItem *n : std::as_const(m_nodes))
        n->setLabelFont(nodeFont);
    setPalette(style.palette);
    m_scene->render(&painter, graphRect, source, Qt::KeepAspectRatio);
    for (GraphNodeItem *n : std::as_const(m_nodes))
        n->setLabelFont(screenFont);
    setPalette(screenPalette);
    setEmphasis(emphasisTasks, emphasisEdges, dim);

    // Legend on two lines: colours, then what width means and the filter that produced the edges.
    painter.setFont(textFont);
    const double lineH = textMetrics.height() * 1.2;
    double y = rect.bottom() - legendH + textMetrics.height() * 0.4;
    double x = rect.left() + textMetrics.height();
    auto swatch = [&](const QColor &c, const QString &label) {
        painter.setPen(QPen(c, 3));
        painter.drawLine(QPointF(x, y + lineH / 2), QPointF(x + 18, y + lineH / 2));
        x += 22;
        painter.setPen(Qt::black);
        const double w = textMetrics.horizontalAdvance(label);
        painter.drawText(QRectF(x, y, w + 2, lineH), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w + 14;
    };
    swatch(style.palette.positive(), tr("positive PGF (helps)"));
    swatch(style.palette.negative(), tr("negative PGF (hurts)"));
    y += lineH;
    const QString rest = tr("width ∝ |PGF| · |PGF| ≥ %1 · %2 layout")
                             .arg(m_graph.threshold, 0, 'f', 2)
                             .arg(layoutEngineName(m_engine));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left() + textMetrics.height(), y, rect.width() - textMetrics.height(), lineH),
                     Qt::AlignLeft | Qt::AlignVCenter, textMetrics.elidedText(rest, Qt::ElideRight, rect.width()));
    painter.restore();
}

QByteArray TransferGraphView::exportData(DataFormat format) const
{
    if (format == DataFormat::Json) {
        QJsonObject root;
        root.insert(QStringLiteral("title"), m_title);
        root.insert(QStringLiteral("threshold"), m_graph.threshold);
        root.insert(QStringLiteral("sign"), edgeSignName(m_graph.sign));
        root.insert(QStringLiteral("engine"), layoutEngineName(m_engine));
        QJsonArray nodes;
        for (int i = 0; i < m_nodes.size(); ++i) {
            QJsonObject n;
            n.insert(QStringLiteral("task"), m_names.value(i));
            n.insert(QStringLiteral("abbreviation"), m_abbreviations.value(i));
            n.insert(QStringLiteral("x"), m_nodes[i]->pos().x());
            n.insert(QStringLiteral("y"), m_nodes[i]->pos().y());
            nodes.append(n);
        }
        root.insert(QStringLiteral("nodes"), nodes);
        QJsonArray edges;
        for (const TransferEdge &e : m_graph.edges) {
            QJsonObject o;
            o.insert(QStringLiteral("source"), m_names.value(e.source));
            o.insert(QStringLiteral("target"), m_names.value(e.target));
            o.insert(QStringLiteral("pgf"), e.pgf);
            o.insert(QStringLiteral("std"), std::isfinite(e.spread) ? QJsonValue(e.spread) : QJsonValue());
            edges.append(o);
        }
        root.insert(QStringLiteral("edges"), edges);
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    QByteArray csv = "source,target,pgf,std\n";
    for (const TransferEdge &e : m_graph.edges) {
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(m_names.value(e.source), m_names.value(e.target), QString::number(e.pgf, 'g', 8),
                        std::isfinite(e.spread) ? QString::number(e.spread, 'g', 8) : QString())
                   .toUtf8();
    }
    return csv;
}

} // namespace ts::ui
