#pragma once
// The task-transfer graph (method.md §4): directed, nodes are tasks, edge i→j carries the mean
// PGF, no self-loops, an edge is shown when |PGF| ≥ threshold and it passes the sign filter.

#include "analysis/square_matrix.h"

#include <QString>
#include <vector>

namespace ts {

enum class EdgeSign { All, Positive, Negative };

struct TransferEdge {
    int source = 0;
    int target = 0;
    double pgf = 0;    // mean over runs
    double spread = 0; // std over runs (NaN when unknown)
};

struct TransferGraph {
    int taskCount = 0;
    double threshold = 0.25;
    EdgeSign sign = EdgeSign::All;
    std::vector<TransferEdge> edges; // strongest |PGF| first; ties by (source, target)

    int positiveEdgeCount() const;
    int negativeEdgeCount() const;
};

// spread may be an empty matrix (size 0): edges then carry NaN spread.
TransferGraph buildTransferGraph(const SquareMatrix &meanPgf, double threshold = 0.25,
                                 EdgeSign sign = EdgeSign::All, const SquareMatrix &spread = SquareMatrix());

// The k strongest edges (already sorted by |PGF|) of a graph.
std::vector<TransferEdge> strongestEdges(const TransferGraph &graph, int k);

QString edgeSignName(EdgeSign sign);                 // "all" | "positive" | "negative"
bool parseEdgeSign(const QString &text, EdgeSign *out); // accepts the names above

} // namespace ts
