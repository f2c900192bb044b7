#include "analysis/transfer_graph_figure.h"

#include <algorithm>
#include <cmath>

namespace ts {

GraphSpec transferGraphSpec(const TransferGraph &graph, const QStringList &taskNames, const QStringList &abbreviations,
                            const TransferGraphStyle &style)
{
    GraphSpec spec;
    spec.title = style.title;
    spec.directed = true;
    for (int i = 0; i < graph.taskCount; ++i)
        spec.nodes.push_back({abbreviations.value(i, taskNames.value(i)), taskNames.value(i), QColor(0xf4, 0xf4, 0xf0)});

    double strongest = 0;
    for (const TransferEdge &e : graph.edges)
        strongest = std::max(strongest, std::fabs(e.pgf));
    // Scale from the threshold up to the strongest edge, so the weakest shown edge is still visible.
    const double floor = std::min(graph.threshold, strongest);
    for (const TransferEdge &e : graph.edges) {
        const double t = strongest > floor ? std::clamp((std::fabs(e.pgf) - floor) / (strongest - floor), 0.0, 1.0) : 1.0;
        QColor color = e.pgf > 0 ? QColor(0xc0, 0x1f, 0x2e) : QColor(0x1f, 0x5f, 0xb4);
        color.setAlpha(int(std::lround(110 + 145 * t)));
        GraphSpecEdge se;
        se.from = e.source;
        se.to = e.target;
        se.color = color;
        se.penWidth = style.minPenWidth + (style.maxPenWidth - style.minPenWidth) * t;
        se.weight = 1.0 + 4.0 * t;
        if (style.edgeLabels)
            se.label = QString::asprintf("%+.2f", e.pgf);
        spec.edges.push_back(se);
    }
    return spec;
}

} // namespace ts
