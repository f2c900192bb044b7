#pragma once
// Turns a TransferGraph into a drawable GraphSpec (layout/graph_layout.h): edge colour by sign
// (red positive, blue negative), pen width and opacity growing with |PGF|, labels = abbreviations
// with the full task name as tooltip.

#include "analysis/transfer_graph.h"
#include "layout/graph_layout.h"

#include <QStringList>

namespace ts {

struct TransferGraphStyle {
    double minPenWidth = 0.8;
    double maxPenWidth = 5.0;
    bool edgeLabels = true; // the mean PGF on each edge
    QString title;
};

GraphSpec transferGraphSpec(const TransferGraph &graph, const QStringList &taskNames,
                            const QStringList &abbreviations, const TransferGraphStyle &style = {});

} // namespace ts
