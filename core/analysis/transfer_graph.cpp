#include "analysis/transfer_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ts {

int TransferGraph::positiveEdgeCount() const
{
    return int(std::count_if(edges.begin(), edges.end(), [](const TransferEdge &e) { return e.pgf > 0; }));
}

int TransferGraph::negativeEdgeCount() const
{
    return int(std::count_if(edges.begin(), edges.end(), [](const TransferEdge &e) { return e.pgf < 0; }));
}

TransferGraph buildTransferGraph(const SquareMatrix &meanPgf, double threshold, EdgeSign sign, const SquareMatrix &spread)
{
    TransferGraph g;
    g.taskCount = meanPgf.size();
    g.threshold = threshold;
    g.sign = sign;
    const bool haveSpread = spread.size() == meanPgf.size();
    for (int i = 0; i < meanPgf.size(); ++i) {
        for (int j = 0; j < meanPgf.size(); ++j) {
            const double v = meanPgf.at(i, j);
            if (i == j || std::isnan(v) || std::fabs(v) < threshold || v == 0)
                continue;
            if ((sign == EdgeSign::Positive && v < 0) || (sign == EdgeSign::Negative && v > 0))
                continue;
            g.edges.push_back({i, j, v, haveSpread ? spread.at(i, j) : std::numeric_limits<double>::quiet_NaN()});
        }
    }
    std::stable_sort(g.edges.begin(), g.edges.end(), [](const TransferEdge &a, const TransferEdge &b) {
        return std::fabs(a.pgf) > std::fabs(b.pgf);
    });
    return g;
}

std::vector<TransferEdge> strongestEdges(const TransferGraph &graph, int k)
{
    const std::size_t n = std::min<std::size_t>(graph.edges.size(), std::size_t(std::max(0, k)));
    return std::vector<TransferEdge>(graph.edges.begin(), graph.edges.begin() + std::ptrdiff_t(n));
}

QString edgeSignName(EdgeSign sign)
{
    switch (sign) {
    case EdgeSign::Positive:
        return QStringLiteral("positive");
    case EdgeSign::Negative:
        return QStringLiteral("negative");
    case EdgeSign::All:
        break;
    }
    return QStringLiteral("all");
}

bool parseEdgeSign(const QString &text, EdgeSign *out)
{
    for (EdgeSign s : {EdgeSign::All, EdgeSign::Positive, EdgeSign::Negative}) {
        if (text.compare(edgeSignName(s), Qt::CaseInsensitive) == 0) {
            *out = s;
            return true;
        }
    }
    return false;
}

} // namespace ts
