#pragma once
// Paints a laid-out graph with QPainter: used by the GUI, and for PDF export when Graphviz's
// cairo plugin is missing (QPdfWriter), so a figure never depends on an optional plugin.

#include "layout/graph_layout.h"

class QPainter;

namespace ts {

// Paints spec+layout into target (uniform scale, centred).
void paintGraph(QPainter &painter, const QRectF &target, const GraphSpec &spec, const GraphLayout &layout);

// A PDF of the graph: Graphviz's when it can render pdf, otherwise painted with QPdfWriter.
// Throws ts::InputError (line 0) when the file cannot be written.
void saveGraphPdf(const QString &path, const GraphSpec &spec, LayoutEngine engine);
// An SVG of the graph rendered by Graphviz. Throws like saveGraphPdf.
void saveGraphSvg(const QString &path, const GraphSpec &spec, LayoutEngine engine);

} // namespace ts
