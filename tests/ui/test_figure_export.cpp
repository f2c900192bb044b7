// Every figure of every view exported in each format: the PNG has the asked pixel size and DPI,
// the SVG parses and keeps the title, the PDF has a page of the asked width, and the data files
// are valid CSV/JSON/LaTeX.

#include "ui/figures/figure_exporter.h"
#include "ui/main_window.h"
#include "ui/panels/graph_panel.h"
#include "ui/study/study_document.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>

using namespace ts::ui;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Width of the first page's MediaBox in points, or -1.
double pdfPageWidth(const QByteArray &pdf)
{
    const QRegularExpression box(QStringLiteral("/MediaBox\\s*\\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)"));
    const auto m = box.match(QString::fromLatin1(pdf));
    return m.hasMatch() ? m.captured(3).toDouble() - m.captured(1).toDouble() : -1;
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyFigureInEveryFormat();
    void pngHonoursPresetAndDpi();
    void exportAllWritesEveryFile();
    void rejectsUnknownFormats();

private:
    QList<Figure *> allFigures() const;
    StudyDocument *m_doc = nullptr;
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;
};

void TestFigureExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TransferscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_figure_export"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_doc = new StudyDocument;
    m_window = new MainWindow(m_doc);
    m_window->resize(1400, 900);
    m_window->show();
    const QString data = QStringLiteral(TRANSFERSCOPE_RESOURCES "/data/task-transfer-vlms/");
    const QStringList errors = m_window->openFiles({data + QStringLiteral("pgf_qwen2.5vl-3B.csv"),
                                                    data + QStringLiteral("pgf_qwen2.5vl-32B.csv")}, true);
    QVERIFY(errors.isEmpty());
    m_doc->setCurrentIndex(m_doc->indexOf(QStringLiteral("qwen2.5vl-32B")));
    m_doc->selection()->selectTask(QStringLiteral("Semantic Correspondence"));
}

void TestFigureExport::cleanupTestCase()
{
    delete m_window;
    delete m_doc;
    QSettings().clear();
}

QList<Figure *> TestFigureExport::allFigures() const
{
    QList<Figure *> figures;
    for (const auto &[name, provider] : m_window->figureProviders())
        figures << provider->figures();
    return figures;
}

void TestFigureExport::everyFigureInEveryFormat()
{
    const QList<Figure *> figures = allFigures();
    // matrix 1, graph 1, cliques 1, personas 3, detail 2, compare 5
    QCOMPARE(figures.size(), 13);
    FigurePreset preset = FigurePreset::singleColumn();
    preset.dpi = 150;
    for (Figure *figure : figures) {
        const QString stem = QDir(m_dir.path()).filePath(figure->figureFileStem());
        QVERIFY2(!figure->figureTitle().isEmpty(), qPrintable(figure->figureFileStem()));

        QCOMPARE(FigureExporter::exportTo(*figure, stem + QStringLiteral(".png"), preset), QString());
        const QImage png(stem + QStringLiteral(".png"));
        QCOMPARE(png.size(), FigureExporter::pngPixelSize(*figure, preset));
        QCOMPARE(png.width(), int(std::lround(3.5 * 150)));
        // Not blank: the figure drew something besides the white background.
        int dark = 0;
        for (int y = 0; y < png.height(); y += 3)
            for (int x = 0; x < png.width(); x += 3)
                dark += qGray(png.pixel(x, y)) < 128;
        QVERIFY2(dark > 20, qPrintable(figure->figureFileStem()));

        QCOMPARE(FigureExporter::exportTo(*figure, stem + QStringLiteral(".svg"), preset), QString());
        QSvgRenderer svg(stem + QStringLiteral(".svg"));
        QVERIFY2(svg.isValid(), qPrintable(stem));
        const QByteArray svgText = readAll(stem + QStringLiteral(".svg"));
        QXmlStreamReader xml(svgText);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgText.contains(figure->figureTitle().toHtmlEscaped().toUtf8()));

        QCOMPARE(FigureExporter::exportTo(*figure, stem + QStringLiteral(".pdf"), preset), QString());
        const QByteArray pdf = readAll(stem + QStringLiteral(".pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("/Type /Page") || pdf.contains("/Type/Page"));
        QVERIFY(std::abs(pdfPageWidth(pdf) - 3.5 * 72) < 1.0);

        for (DataFormat format : figure->dataFormats()) {
            const QString path = stem + QLatin1Char('.') + dataFormatSuffix(format);
            QCOMPARE(FigureExporter::exportTo(*figure, path, preset), QString());
            const QByteArray data = readAll(path);
            QVERIFY2(!data.isEmpty(), qPrintable(path));
            if (format == DataFormat::Json) {
                QJsonParseError error;
                QJsonDocument::fromJson(data, &error);
                QCOMPARE(error.error, QJsonParseError::NoError);
            } else if (format == DataFormat::Latex) {
                QVERIFY(data.contains("\\begin{tabular}"));
                QVERIFY(data.contains("\\end{tabular}"));
            } else {
                const QList<QByteArray> lines = data.trimmed().split('\n');
                QVERIFY(lines.size() >= 2);
            }
        }
    }
}

void TestFigureExport::pngHonoursPresetAndDpi()
{
    Figure *matrix = m_window->figureProviders().first().second->figures().first();
    FigurePreset preset = FigurePreset::doubleColumn();
    preset.dpi = 200;
    const QString path = QDir(m_dir.path()).filePath(QStringLiteral("matrix-200dpi.png"));
    QCOMPARE(FigureExporter::exportTo(*matrix, path, preset), QString());
    const QImage png(path);
    QCOMPARE(png.width(), 7 * 200);
    QCOMPARE(png.height(), int(std::lround(std::round(7 * 72 * matrix->figureAspect()) * 200 / 72.0)));
    QCOMPARE(int(std::lround(png.dotsPerMeterX() * 0.0254)), 200);
    // The matrix CSV holds the mean matrix: header + 13 rows.
    const QString csv = QDir(m_dir.path()).filePath(QStringLiteral("matrix.csv"));
    QCOMPARE(FigureExporter::exportTo(*matrix, csv, preset), QString());
    QCOMPARE(readAll(csv).trimmed().split('\n').size(), 14);
}

void TestFigureExport::exportAllWritesEveryFile()
{
    const QString folder = qEnvironmentVariableIsSet("TS_KEEP_FIGURES") ? qEnvironmentVariable("TS_KEEP_FIGURES") : QDir(m_dir.path()).filePath(QStringLiteral("all"));
    QStringList errors;
    const QList<Figure *> figures = allFigures();
    const QStringList written = FigureExporter::exportAll(figures, folder, FigurePreset::singleColumn(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    int expected = 0;
    for (Figure *f : figures)
        expected += 3 + int(f->dataFormats().size());
    QCOMPARE(written.size(), expected);
    for (const QString &file : written)
        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
}

void TestFigureExport::rejectsUnknownFormats()
{
    Figure *graph = m_window->graphPanel()->figures().first();
    QVERIFY(!FigureExporter::exportTo(*graph, QDir(m_dir.path()).filePath(QStringLiteral("x.bmp")), FigurePreset::screen()).isEmpty());
    // The graph has no LaTeX table.
    QVERIFY(!FigureExporter::exportTo(*graph, QDir(m_dir.path()).filePath(QStringLiteral("x.tex")), FigurePreset::screen()).isEmpty());
}

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
