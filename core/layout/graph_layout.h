#pragma once
// Graphviz behind plain value types: a GraphSpec goes in, coordinates come out (or rendered
// SVG/PDF bytes). Every Graphviz call of the program lives in core/layout; each call creates and
// frees its own GVC_t under one process-wide mutex (Graphviz keeps global state), so it may be
// called from any thread, the GUI thread included.

#include <QByteArray>
#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

namespace ts {

enum class LayoutEngine { Dot, Neato, Circo, Fdp };
QString layoutEngineName(LayoutEngine engine); // "dot", …
bool parseLayoutEngine(const QString &text, LayoutEngine *out);

struct GraphSpecNode {
    QString label;
    QString tooltip;
    QColor fill = QColor(245, 245, 245);
};

struct GraphSpecEdge {
    int from = 0;
    int to = 0;
    QString label;
    QColor color = Qt::black; // alpha is kept (Graphviz #RRGGBBAA)
    double penWidth = 1.0;    // points
    double weight = 1.0;      // layout weight (dot)
};

// A labelled group of nodes drawn as a Graphviz cluster (a node belongs to at most one cluster).
// dot and fdp lay clusters out as regions; neato and circo ignore them (no box is reported).
struct GraphSpecCluster {
    QString label;
    std::vector<int> nodes;
    QColor fill = QColor(240, 240, 250);
    QColor border = QColor(160, 160, 180);
};

struct GraphSpec {
    QString title;
    bool directed = true;
    std::vector<GraphSpecNode> nodes;
    std::vector<GraphSpecEdge> edges;
    std::vector<GraphSpecCluster> clusters;
    // Written as the graph's "dpi"-free DOT attributes; tweak for dense graphs.
    double nodeSeparation = 0.4; // inches (nodesep)
    double rankSeparation = 0.6; // inches (ranksep)
};

// All coordinates in points (1/72 in) with Qt's orientation: origin at the top-left of the
// bounding box, y growing downwards (Graphviz's y-up is flipped here once).
struct LaidOutNode {
    QPointF center;
    QSizeF size;
};
struct LaidOutEdge {
    int from = 0;
    int to = 0;
    // Cubic B-spline control points as Graphviz gives them: p0, (c1, c2, p)…
    std::vector<QPointF> spline;
    bool hasArrowHead = false;
    QPointF arrowTip; // where the arrow head ends (on the target node's border)
    QPointF labelPosition;
    bool hasLabel = false;
};
struct LaidOutCluster {
    int cluster = 0; // index into spec.clusters
    QRectF box;
    QPointF labelPosition; // centre of the label's text
};
struct GraphLayout {
    QRectF boundingBox; // (0, 0, width, height)
    std::vector<LaidOutNode> nodes;
    std::vector<LaidOutEdge> edges; // edges[i] is spec.edges[i]
    std::vector<LaidOutCluster> clusters; // only the clusters the engine placed
};

// Throws std::runtime_error when Graphviz fails (a missing layout plugin).
GraphLayout layoutGraph(const GraphSpec &spec, LayoutEngine engine = LayoutEngine::Dot);

// Graphviz's own rendering ("svg", "pdf", "png", "dot", …). Returns an empty array when the
// format's plugin is not installed (e.g. "pdf" without the cairo/pango plugin).
QByteArray renderGraph(const GraphSpec &spec, LayoutEngine engine, const QString &format);
bool graphvizCanRender(const QString &format);

// The DOT text of a spec (also what renderGraph feeds Graphviz).
QString toDot(const GraphSpec &spec);

} // namespace ts
