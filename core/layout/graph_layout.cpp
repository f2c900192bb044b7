#include "layout/graph_layout.h"

#include <gvc.h>

#include <QStringList>
#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ts {

namespace {

// Graphviz keeps global state (the cgraph allocator, error hooks, plugin tables), so calls from
// different threads must not overlap even with separate contexts.
std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString rgba(const QColor &c)
{
    return QStringLiteral("#%1%2%3%4")
        .arg(c.red(), 2, 16, QLatin1Char('0'))
        .arg(c.green(), 2, 16, QLatin1Char('0'))
        .arg(c.blue(), 2, 16, QLatin1Char('0'))
        .arg(c.alpha(), 2, 16, QLatin1Char('0'));
}

// One GVC_t and one graph per call, freed in the right order whatever happens in between.
struct GraphvizSession {
    GVC_t *gvc = nullptr;
    Agraph_t *graph = nullptr;
    bool laidOut = false;

    explicit GraphvizSession(const QString &dot)
    {
        agseterr(AGERR); // layout warnings (e.g. "overlap" fallbacks) are noise for a user
        gvc = gvContext();
        if (!gvc)
            throw std::runtime_error("Graphviz: cannot create a context");
        const QByteArray bytes = dot.toUtf8();
        graph = agmemread(bytes.constData());
        if (!graph) {
            gvFreeContext(gvc);
            throw std::runtime_error("Graphviz: cannot parse the generated DOT text");
        }
    }
    ~GraphvizSession()
    {
        if (laidOut)
            gvFreeLayout(gvc, graph);
        agclose(graph);
        gvFreeContext(gvc);
    }
    GraphvizSession(const GraphvizSession &) = delete;
    GraphvizSession &operator=(const GraphvizSession &) = delete;

    void layout(LayoutEngine engine)
    {
        const QByteArray name = layoutEngineName(engine).toLatin1();
        if (gvLayout(gvc, graph, name.constData()) != 0)
            throw std::runtime_error(std::string("Graphviz: layout engine '") + name.constData() + "' failed");
        laidOut = true;
    }
};

} // namespace

QString layoutEngineName(LayoutEngine engine)
{
    switch (engine) {
    case LayoutEngine::Neato:
        return QStringLiteral("neato");
    case LayoutEngine::Circo:
        return QStringLiteral("circo");
    case LayoutEngine::Fdp:
        return QStringLiteral("fdp");
    case LayoutEngine::Dot:
        break;
    }
    return QStringLiteral("dot");
}

bool parseLayoutEngine(const QString &text, LayoutEngine *out)
{
    for (LayoutEngine e : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Circo, LayoutEngine::Fdp}) {
        if (text.compare(layoutEngineName(e), Qt::CaseInsensitive) == 0) {
            *out = e;
            return true;
        }
    }
    return false;
}

QString toDot(const GraphSpec &spec)
{
    QStringList lines;
    lines << (spec.directed ? QStringLiteral("digraph transfer {") : QStringLiteral("graph transfer {"));
    QString graphAttrs = QStringLiteral("  graph [fontname=\"Helvetica\", bgcolor=\"white\", nodesep=%1, ranksep=%2, "
                                        "overlap=scale, splines=true, outputorder=edgesfirst, pad=0.2")
                             .arg(spec.nodeSeparation)
                             .arg(spec.rankSeparation);
    if (!spec.title.isEmpty())
        graphAttrs += QStringLiteral(", label=%1, labelloc=t, fontsize=16").arg(quoted(spec.title));
    if (!spec.clusters.empty())
        graphAttrs += QStringLiteral(", forcelabels=true");
    lines << graphAttrs + QStringLiteral("];");
    lines << QStringLiteral("  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=12, color=\"#404040\"];");
    lines << QStringLiteral("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];");
    for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
        const GraphSpecNode &n = spec.nodes[i];
        lines << QStringLiteral("  n%1 [label=%2, tooltip=%3, fillcolor=%4];")
                     .arg(i)
                     .arg(quoted(n.label), quoted(n.tooltip.isEmpty() ? n.label : n.tooltip), quoted(rgba(n.fill)));
    }
    for (std::size_t c = 0; c < spec.clusters.size(); ++c) {
        const GraphSpecCluster &cluster = spec.clusters[c];
        QStringList members;
        for (int n : cluster.nodes)
            members << QStringLiteral("n%1;").arg(n);
        lines << QStringLiteral("  subgraph cluster_%1 { graph [label=%2, style=\"filled,rounded\", fillcolor=%3, color=%4, "
                                "fontsize=12, labeljust=l]; %5 }")
                     .arg(c)
                     .arg(quoted(cluster.label), quoted(rgba(cluster.fill)), quoted(rgba(cluster.border)), members.join(QLatin1Char(' ')));
    }
    const QString arrow = spec.directed ? QStringLiteral("->") : QStringLiteral("--");
    for (std::size_t i = 0; i < spec.edges.size(); ++i) {
        const GraphSpecEdge &e = spec.edges[i];
        QString attrs = QStringLiteral("id=\"e%1\", color=%2, penwidth=%3, weight=%4")
                            .arg(i)
                            .arg(quoted(rgba(e.color)))
                            .arg(e.penWidth, 0, 'f', 2)
                            .arg(std::max(1, int(std::lround(e.weight))));
        // Graphviz 2.42's dot corrupts its heap laying out labelled flat edges inside clusters
        // (a double free in flat_edges, seen under valgrind); external labels (xlabel) are placed
        // after the layout and avoid that code path.
        const QString labelAttr = spec.clusters.empty() ? QStringLiteral("label") : QStringLiteral("xlabel");
        if (!e.label.isEmpty())
            attrs += QStringLiteral(", %1=%2, fontcolor=%3").arg(labelAttr, quoted(e.label), quoted(rgba(QColor(e.color.rgb()))));
        lines << QStringLiteral("  n%1 %2 n%3 [%4];").arg(e.from).arg(arrow).arg(e.to).arg(attrs);
    }
    lines << QStringLiteral("}");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

GraphLayout layoutGraph(const GraphSpec &spec, LayoutEngine engine)
{
    std::lock_guard<std::mutex> lock(graphvizMutex());
    GraphvizSession session(toDot(spec));
    session.layout(engine);
    Agraph_t *g = session.graph;

    const boxf bb = GD_bb(g);
    const double left = bb.LL.x, top = bb.UR.y;
    auto toQt = [&](pointf p) { return QPointF(p.x - left, top - p.y); };

    GraphLayout out;
    out.boundingBox = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    out.nodes.resize(spec.nodes.size());
    out.edges.resize(spec.edges.size());
    for (std::size_t i = 0; i < spec.edges.size(); ++i) {
        out.edges[i].from = spec.edges[i].from;
        out.edges[i].to = spec.edges[i].to;
    }
    // neato and circo ignore clusters and leave meaningless boxes on the subgraphs.
    const bool placesClusters = engine == LayoutEngine::Dot || engine == LayoutEngine::Fdp;
    for (Agraph_t *sub = placesClusters ? agfstsubg(g) : nullptr; sub; sub = agnxtsubg(sub)) {
        const QString name = QString::fromUtf8(agnameof(sub));
        bool ok = false;
        const int index = name.startsWith(QLatin1String("cluster_")) ? name.mid(8).toInt(&ok) : -1;
        const boxf cb = GD_bb(sub);
        if (!ok || index < 0 || std::size_t(index) >= spec.clusters.size() || cb.UR.x <= cb.LL.x)
            continue; // not one of ours, or an engine that does not place clusters
        LaidOutCluster lc;
        lc.cluster = index;
        lc.box = QRectF(toQt(pointf{cb.LL.x, cb.UR.y}), toQt(pointf{cb.UR.x, cb.LL.y}));
        const textlabel_t *label = GD_label(sub);
        lc.labelPosition = label ? toQt(label->pos) : lc.box.topLeft();
        out.clusters.push_back(lc);
    }
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const QString name = QString::fromUtf8(agnameof(n));
        bool ok = false;
        const int index = name.mid(1).toInt(&ok);
        if (!ok || index < 0 || std::size_t(index) >= out.nodes.size())
            continue;
        out.nodes[std::size_t(index)].center = toQt(ND_coord(n));
        out.nodes[std::size_t(index)].size = QSizeF(ND_width(n) * 72.0, ND_height(n) * 72.0);
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const QString id = QString::fromUtf8(agget(e, const_cast<char *>("id")));
            const int edgeIndex = id.mid(1).toInt(&ok);
            if (!ok || edgeIndex < 0 || std::size_t(edgeIndex) >= spec.edges.size())
                continue;
            LaidOutEdge &le = out.edges[std::size_t(edgeIndex)];
            if (const splines *spl = ED_spl(e); spl && spl->size > 0) {
                const bezier &bz = spl->list[0];
                for (int k = 0; k < bz.size; ++k)
                    le.spline.push_back(toQt(bz.list[k]));
                if (bz.eflag) {
                    le.hasArrowHead = true;
                    le.arrowTip = toQt(bz.ep);
                }
            }
            textlabel_t *label = ED_label(e);
            if (!label || !label->set)
                label = ED_xlabel(e); // clustered graphs label their edges externally
            if (label && label->set) {
                le.hasLabel = true;
                le.labelPosition = toQt(label->pos);
            }
        }
    }
    return out;
}

QByteArray renderGraph(const GraphSpec &spec, LayoutEngine engine, const QString &format)
{
    std::lock_guard<std::mutex> lock(graphvizMutex());
    GraphvizSession session(toDot(spec));
    session.layout(engine);
    char *data = nullptr;
    unsigned int length = 0;
    const QByteArray fmt = format.toLatin1();
    if (gvRenderData(session.gvc, session.graph, fmt.constData(), &data, &length) != 0 || !data) {
        if (data)
            gvFreeRenderData(data);
        return {};
    }
    QByteArray out(data, int(length));
    gvFreeRenderData(data);
    return out;
}

bool graphvizCanRender(const QString &format)
{
    GraphSpec probe;
    probe.nodes.push_back({QStringLiteral("a"), QString(), QColor(Qt::white)});
    return !renderGraph(probe, LayoutEngine::Dot, format).isEmpty();
}

} // namespace ts
