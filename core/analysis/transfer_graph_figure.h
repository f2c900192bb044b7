#pragma once
// Turns a TransferGraph into a drawable GraphSpec (layout/graph_layout.h): edge colour by sign
// (red positive, blue negative), pen width and opacity growing with |PGF|, labels = abbreviations
// with the full task name as tooltip.

#include "analysis/personas.h"
#include "analysis/transfer_graph.h"
#include "layout/graph_layout.h"

#include <QStringList>

namespace ts {

struct TransferGraphStyle {
    double minPenWidth = 0.8;
    double maxPenWidth = 5.0;
    bool edgeLabels = true; // the mean PGF on each edge
    QString title;
    std::vector<GraphSpecCluster> clusters; // e.g. personaClusters(…)
};

// One Graphviz cluster per persona that some task holds ("Donors", "Pirates", …). A task holding
// several personas goes to the one where it stands out most (highest z): Graphviz clusters cannot
// overlap.
std::vector<GraphSpecCluster> personaClusters(const std::vector<PersonaEvidence> &personas);

GraphSpec transferGraphSpec(const TransferGraph &graph, const QStringList &taskNames,
                            const QStringList &abbreviations, const TransferGraphStyle &style = {});

} // namespace ts
