#include "analysis/transfer_graph_figure.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
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
    spec.clusters = style.clusters;
    return spec;
}

// Cluster titles: the plural is its own string (German plurals are not name + "s").
static QString personaPlural(Persona persona)
{
    switch (persona) {
    case Persona::Donor: return QCoreApplication::translate("ts::Personas", "Donors");
    case Persona::Pirate: return QCoreApplication::translate("ts::Personas", "Pirates");
    case Persona::Sponge: return QCoreApplication::translate("ts::Personas", "Sponges");
    case Persona::Sieve: break;
    }
    return QCoreApplication::translate("ts::Personas", "Sieves");
}

std::vector<GraphSpecCluster> personaClusters(const std::vector<PersonaEvidence> &personas)
{
    std::map<int, const PersonaEvidence *> strongest; // task → its most pronounced persona
    for (const PersonaEvidence &e : personas) {
        auto it = strongest.find(e.task);
        if (it == strongest.end() || e.z > it->second->z)
            strongest[e.task] = &e;
    }
    std::vector<GraphSpecCluster> clusters;
    for (Persona persona : kAllPersonas) {
        GraphSpecCluster c;
        c.label = personaPlural(persona);
        // Okabe–Ito (colour-blind safe) persona colours, as in the workbench, with 15 % tints as fills.
        switch (persona) {
        case Persona::Donor: c.border = QColor(0x00, 0x9e, 0x73); break;
        case Persona::Pirate: c.border = QColor(0xd5, 0x5e, 0x00); break;
        case Persona::Sponge: c.border = QColor(0x00, 0x72, 0xb2); break;
        case Persona::Sieve: c.border = QColor(0xcc, 0x79, 0xa7); break;
        }
        c.fill = QColor(255 - (255 - c.border.red()) * 15 / 100, 255 - (255 - c.border.green()) * 15 / 100,
                        255 - (255 - c.border.blue()) * 15 / 100);
        for (const auto &[task, evidence] : strongest) {
            if (evidence->persona == persona)
                c.nodes.push_back(task);
        }
        if (!c.nodes.empty())
            clusters.push_back(c);
    }
    return clusters;
}

} // namespace ts
