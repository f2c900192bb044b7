#pragma once
// The transfer graph as interactive items: nodes placed where Graphviz puts them, edges coloured
// by sign and as wide as |PGF|. A new threshold, filter or engine re-runs the layout and animates
// the nodes to their new places instead of redrawing a picture. Wheel zooms, drag pans. Also a
// Figure: the export paints the scene with a title and a legend.

#include "analysis/transfer_graph.h"
#include "layout/graph_layout.h"
#include "ui/figures/figure.h"
#include "ui/theme/diverging_palette.h"

#include <QGraphicsView>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QVector>
#include <memory>

class QParallelAnimationGroup;

namespace ts::ui {

class GraphEdgeItem;
class GraphNodeItem;

class TransferGraphView : public QGraphicsView, public Figure {
    Q_OBJECT
public:
    explicit TransferGraphView(QWidget *parent = nullptr);

    // Creates the nodes (task names for tooltips, abbreviations as labels).
    void setTasks(const QStringList &names, const QStringList &abbreviations, const QStringList &toolTips);
    // Shows the edges of graph, laid out by engine; animated unless animate is false. The edges
    // change at once; the layout (Graphviz: up to tens of ms) runs on the thread pool when
    // setLayoutInBackground(true), so a study reloading while it trains never stalls the UI thread.
    void setGraph(const TransferGraph &graph, LayoutEngine engine, bool animate = true);
    void setLayoutInBackground(bool background) { m_layoutInBackground = background; }
    void setPalette(const DivergingPalette &palette);
    void setNodeFill(int task, const QColor &fill);
    // Groups drawn as Graphviz clusters (boxes behind their nodes) from the next setGraph on;
    // dot and fdp place them, the other engines ignore them.
    void setClusters(std::vector<GraphSpecCluster> clusters) { m_clusters = std::move(clusters); }
    int clusterBoxCount() const { return int(m_clusterItems.size()); }

    // Emphasis from the shared selection: these nodes/edges drawn strong, the rest dimmed when
    // dimOthers is set (a clique, an edge), only outlined otherwise (a task).
    void setEmphasis(const QSet<int> &tasks, const QSet<QPair<int, int>> &edges, bool dimOthers);

    int edgeCount() const { return int(m_edges.size()); }
    int nodeCount() const { return int(m_nodes.size()); }
    // True while a background layout is pending or the nodes move to their new places.
    bool isAnimating() const;
    // Scene position of a node (for tests and tooltips).
    QPointF nodePosition(int task) const;
    void fitAll();
    void zoomBy(double factor);

    void setTitle(const QString &title) { m_title = title; }
    void setSubtitle(const QString &subtitle) { m_subtitle = subtitle; }
    void setFileStem(const QString &stem) { m_fileStem = stem; }

    // Figure
    QString figureTitle() const override { return m_title; }
    QString figureFileStem() const override { return m_fileStem; }
    double figureAspect() const override;
    void paintFigure(QPainter &painter, const QRectF &rect, const FigureStyle &style) override;
    QList<DataFormat> dataFormats() const override { return {DataFormat::Csv, DataFormat::Json}; }
    QByteArray exportData(DataFormat format) const override;

Q_SIGNALS:
    void nodeClicked(int task);
    void nodeDoubleClicked(int task);
    void edgeClicked(int source, int target);
    void backgroundClicked();
    void layoutFinished();
    void layoutFailed(const QString &message);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct PendingLayout;
    void applyLayout(const GraphLayout &layout, bool animate);
    // Waits for a background layout and applies it (figure export needs the final positions).
    void finishPendingLayout();
    void applyEdgeStyles();
    void applyEmphasis();
    QFont nodeLabelFont() const;
    void applySplines();
    void rebuildClusterItems();
    QString edgeToolTip(const TransferEdge &edge) const;

    QGraphicsScene *m_scene;
    QVector<GraphNodeItem *> m_nodes;
    QStringList m_names;
    QStringList m_abbreviations;
    QHash<QPair<int, int>, GraphEdgeItem *> m_edges;
    TransferGraph m_graph;
    GraphLayout m_layout;
    bool m_layoutInBackground = false;
    std::shared_ptr<PendingLayout> m_pending; // the newest background layout, until applied
    std::vector<GraphSpecCluster> m_clusters;
    QVector<QGraphicsItem *> m_clusterItems;
    LayoutEngine m_engine = LayoutEngine::Dot;
    DivergingPalette m_palette;
    QParallelAnimationGroup *m_animation = nullptr;
    QString m_title;
    QString m_subtitle;
    QString m_fileStem = QStringLiteral("transfer-graph");
    bool m_userZoomed = false;
    QSet<int> m_emphasisTasks;
    QSet<QPair<int, int>> m_emphasisEdges;
    bool m_dimOthers = false;
};

} // namespace ts::ui
