// Figures and tables: the heat map (PNG/SVG/PDF through QPainter), Graphviz layout coordinates and
// rendering, and the CSV/LaTeX/JSON exports of an analysis.

#include "analysis/heatmap_painter.h"
#include "analysis/matrix_table_export.h"
#include "analysis/model_analysis.h"
#include "analysis/transfer_graph_figure.h"
#include "analysis/transfer_table_loader.h"
#include "analysis_test_support.h"
#include "layout/graph_layout.h"
#include "layout/graph_painter.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <thread>

using namespace ts;
using ts::test::NaN;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool wellFormedXml(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

SquareMatrix example()
{
    return test::squareMatrix({{0.9, 0.6, -0.3}, {0.2, 0.8, 0.4}, {-0.1, NaN, 0.7}});
}

} // namespace

class TestFigures : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir;

private Q_SLOTS:
    void divergingPalette()
    {
        const QColor zero = HeatmapPainter::divergingColor(0.0, 1.0);
        QVERIFY(zero.red() > 240 && zero.green() > 240 && zero.blue() > 240);
        const QColor pos = HeatmapPainter::divergingColor(1.0, 1.0);
        QVERIFY(pos.red() > pos.blue() + 100);
        const QColor neg = HeatmapPainter::divergingColor(-1.0, 1.0);
        QVERIFY(neg.blue() > neg.red() + 100);
        QCOMPARE(HeatmapPainter::divergingColor(5.0, 1.0), pos); // clipped at the limit
        QCOMPARE(HeatmapPainter::divergingColor(NaN, 1.0), QColor(0xdd, 0xdd, 0xdd));
    }
    void heatmapFiles()
    {
        HeatmapStyle style;
        style.title = QStringLiteral("toy");
        const HeatmapPainter h(example(), {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}, style);
        QCOMPARE(h.effectiveLimit(), 0.9);
        const QString png = dir.filePath(QStringLiteral("h.png")), svg = dir.filePath(QStringLiteral("h.svg")),
                      pdf = dir.filePath(QStringLiteral("h.pdf"));
        h.savePng(png, 2.0);
        h.saveSvg(svg);
        h.savePdf(pdf);
        QImage image(png);
        QCOMPARE(image.size(), h.pngSize(2.0));
        QVERIFY(image.width() > 200 && image.height() > 200);
        // The cell of +0.9 (row 0, col 0) is the strongest red; find it by its colour.
        const QColor strongest = HeatmapPainter::divergingColor(0.9, 0.9);
        int matches = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                matches += QColor(image.pixel(x, y)) == strongest ? 1 : 0;
        QVERIFY(matches > 50);
        // Text was painted: some pixels are (near) black.
        int dark = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                dark += qGray(image.pixel(x, y)) < 60 ? 1 : 0;
        QVERIFY(dark > 100);
        const QByteArray svgBytes = readAll(svg);
        QVERIFY(wellFormedXml(svgBytes));
        QVERIFY(QSvgRenderer(svgBytes).isValid());
        QVERIFY(svgBytes.contains("toy"));
        QVERIFY(readAll(pdf).startsWith("%PDF"));
        QVERIFY_THROWS_EXCEPTION(std::exception, h.savePng(QStringLiteral("/nonexistent-dir/x.png")));
    }
    void graphLayoutCoordinates()
    {
        const TransferGraph g = buildTransferGraph(example(), 0.25);
        QCOMPARE(int(g.edges.size()), 3);
        const GraphSpec spec = transferGraphSpec(g, {QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")},
                                                 {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
        QCOMPARE(spec.edges[0].color.red() > spec.edges[0].color.blue(), true); // +0.6 is red
        QVERIFY(spec.edges[2].color.blue() > spec.edges[2].color.red());        // −0.3 is blue
        QVERIFY(spec.edges[0].penWidth > spec.edges[2].penWidth);                // width grows with |PGF|
        for (LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Circo, LayoutEngine::Neato, LayoutEngine::Fdp}) {
            const GraphLayout layout = layoutGraph(spec, engine);
            QVERIFY(layout.boundingBox.width() > 0 && layout.boundingBox.height() > 0);
            QCOMPARE(int(layout.nodes.size()), 3);
            QCOMPARE(int(layout.edges.size()), 3);
            for (const LaidOutNode &n : layout.nodes) {
                QVERIFY(layout.boundingBox.adjusted(-1, -1, 1, 1).contains(n.center));
                QVERIFY(n.size.width() > 10);
            }
            for (std::size_t i = 0; i < layout.edges.size(); ++i) {
                QCOMPARE(layout.edges[i].from, spec.edges[i].from);
                QVERIFY(layout.edges[i].spline.size() >= 4);
                QVERIFY(layout.edges[i].hasArrowHead);
            }
        }
        // dot ranks top-down: the edge A→B (+0.6, heaviest) points downwards in Qt coordinates.
        const GraphLayout dot = layoutGraph(spec, LayoutEngine::Dot);
        QVERIFY(dot.nodes[1].center.y() > dot.nodes[0].center.y());
    }
    void layoutFromSeveralThreads()
    {
        // The GUI lays out on its own thread while an export may run elsewhere: same result, no crash.
        const TransferGraph g = buildTransferGraph(example(), 0.25);
        const GraphSpec spec = transferGraphSpec(g, {QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")},
                                                 {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
        const GraphLayout reference = layoutGraph(spec, LayoutEngine::Dot);
        std::vector<GraphLayout> results(4);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] { results[i] = layoutGraph(spec, LayoutEngine::Dot); });
        for (auto &t : threads)
            t.join();
        for (const GraphLayout &r : results) {
            QCOMPARE(r.boundingBox, reference.boundingBox);
            for (std::size_t n = 0; n < r.nodes.size(); ++n)
                QCOMPARE(r.nodes[n].center, reference.nodes[n].center);
        }
    }
    void graphRendering()
    {
        const TransferGraph g = buildTransferGraph(example(), 0.25);
        const GraphSpec spec = transferGraphSpec(g, {QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")},
                                                 {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
        const QString svg = dir.filePath(QStringLiteral("g.svg")), pdf = dir.filePath(QStringLiteral("g.pdf"));
        saveGraphSvg(svg, spec, LayoutEngine::Circo);
        saveGraphPdf(pdf, spec, LayoutEngine::Dot);
        const QByteArray svgBytes = readAll(svg);
        QVERIFY(wellFormedXml(svgBytes));
        QVERIFY(QSvgRenderer(svgBytes).isValid());
        QVERIFY(svgBytes.contains(">+0.60<"));
        QVERIFY(readAll(pdf).startsWith("%PDF"));
        QVERIFY(toDot(spec).contains(QStringLiteral("n0 -> n1")));
        // Qt's own drawing of the layout (the GUI's and the no-cairo fallback): something is painted.
        QImage image(400, 300, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            paintGraph(painter, QRectF(0, 0, 400, 300), spec, layoutGraph(spec, LayoutEngine::Dot));
        }
        int coloured = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                coloured += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        QVERIFY(coloured > 500);
    }
    void personaClustersAreLaidOutAroundTheirTasks()
    {
        const TransferMatrix m = loadTransferMatrices(QStringLiteral(TRANSFERSCOPE_RESOURCES) +
                                                      QStringLiteral("/data/task-transfer-vlms/pgf_qwen2.5vl-32B.csv")).front();
        const ModelAnalysis a = analyzeModel(m);
        TransferGraphStyle style;
        style.clusters = personaClusters(a.personas);
        // 32B (z ≥ 1): Donors SC, CO; Pirates JS (VS is a stronger Sponge); Sponges VS, AS; Sieves OL, FD.
        QCOMPARE(int(style.clusters.size()), 4);
        QCOMPARE(style.clusters[0].label, QStringLiteral("Donors"));
        QCOMPARE(style.clusters[0].nodes, (std::vector<int>{m.taskIndex(QStringLiteral("CO")), m.taskIndex(QStringLiteral("SC"))}));
        QCOMPARE(style.clusters[1].nodes, std::vector<int>{m.taskIndex(QStringLiteral("JS"))});
        const GraphSpec spec = transferGraphSpec(a.graph, m.tasks(), m.abbreviations(), style);

        const GraphLayout layout = layoutGraph(spec, LayoutEngine::Dot);
        QCOMPARE(int(layout.clusters.size()), 4);
        // Every edge label still has a place (external labels in clustered graphs).
        for (const LaidOutEdge &e : layout.edges)
            QVERIFY(e.hasLabel);
        QVERIFY(layoutGraph(spec, LayoutEngine::Circo).clusters.empty()); // circo and neato ignore clusters
        QVERIFY(layoutGraph(spec, LayoutEngine::Neato).clusters.empty());
        for (LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Fdp}) {
            const GraphLayout l = layoutGraph(spec, engine);
            QCOMPARE(int(l.clusters.size()), 4);
            for (const LaidOutCluster &c : l.clusters) {
                for (int node : spec.clusters[size_t(c.cluster)].nodes)
                    QVERIFY2(c.box.adjusted(-1, -1, 1, 1).contains(l.nodes[size_t(node)].center), qPrintable(layoutEngineName(engine)));
            }
        }
        const QByteArray svg = renderGraph(spec, LayoutEngine::Dot, QStringLiteral("svg"));
        QVERIFY(svg.contains("cluster_0") && svg.contains("Sieves"));
    }

    void csvAndLatex()
    {
        const QStringList labels = {QStringLiteral("A_1"), QStringLiteral("B"), QStringLiteral("C")};
        const QString csv = matrixToCsv(example(), labels, 2);
        QCOMPARE(csv, QStringLiteral("source,A_1,B,C\nA_1,0.90,0.60,-0.30\nB,0.20,0.80,0.40\nC,-0.10,,0.70\n"));
        const QString tex = matrixToLatex(example(), labels, 2);
        QVERIFY(tex.startsWith(QStringLiteral("\\begin{tabular}{l|rrr}")));
        QVERIFY(tex.contains(QStringLiteral("A\\_1 & $0.90$ & $0.60$ & $-0.30$ \\\\")));
        QVERIFY(tex.contains(QStringLiteral("C & $-0.10$ & -- & $0.70$ \\\\")));
        QVERIFY(tex.trimmed().endsWith(QStringLiteral("\\end{tabular}")));
    }
    void jsonDocument()
    {
        const TransferMatrix m = test::transferMatrix({example(), example()});
        const ModelAnalysis a = analyzeModel(m);
        const QJsonObject doc = analysesToJson({a});
        QCOMPARE(doc.value(QStringLiteral("version")).toInt(), 1);
        const QJsonObject model = doc.value(QStringLiteral("models")).toArray().at(0).toObject();
        QCOMPARE(model.value(QStringLiteral("model")).toString(), QStringLiteral("toy"));
        QVERIFY(model.value(QStringLiteral("mean")).toArray().at(2).toArray().at(1).isNull()); // NaN → null
        QCOMPARE(model.value(QStringLiteral("mean")).toArray().at(0).toArray().at(1).toDouble(), 0.6);
        QCOMPARE(model.value(QStringLiteral("graph")).toObject().value(QStringLiteral("edgeCount")).toInt(), 3);
        QCOMPARE(model.value(QStringLiteral("scores")).toArray().size(), 3);
        QCOMPARE(model.value(QStringLiteral("topDonor")).toString(), QStringLiteral("T0")); // Δ⁺: b(1/2)·0.6 beats b(2/2)·0.3
    }
};

QTEST_MAIN(TestFigures)
#include "test_figures.moc"
