#include "ui/figures/figure_exporter.h"

#include "ui/widgets/qcustomplot_include.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>

namespace ts::ui {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::ui::FigureExporter)
};

QSizeF pointSize(const Figure &figure, const FigurePreset &preset)
{
    const double w = preset.widthPoints();
    return {w, std::round(w * figure.figureAspectAt(w))};
}

// Paints on any device whose logical DPI is 72, so one logical unit is one point and fonts given
// in points come out at their true size. QCPPainter so that QCustomPlot figures can draw into it.
void paintOn(QPaintDevice *device, Figure &figure, const QSizeF &size, const FigurePreset &preset,
             double scale, bool vector)
{
    QCPPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (vector)
        painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.scale(scale, scale);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    figure.paintFigure(painter, QRectF(QPointF(0, 0), size), FigureExporter::styleFor(preset));
    painter.end();
}

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Tr::tr("cannot write %1: %2").arg(path, file.errorString());
    file.write(bytes);
    if (!file.commit())
        return Tr::tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

DataFormat toDataFormat(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Json: return DataFormat::Json;
    case ExportFormat::Latex: return DataFormat::Latex;
    default: return DataFormat::Csv;
    }
}

} // namespace

QString dataFormatSuffix(DataFormat format)
{
    switch (format) {
    case DataFormat::Json: return QStringLiteral("json");
    case DataFormat::Latex: return QStringLiteral("tex");
    case DataFormat::Csv: break;
    }
    return QStringLiteral("csv");
}

FigureStyle FigureExporter::styleFor(const FigurePreset &preset)
{
    FigureStyle style;
    style.fontPoints = preset.fontPoints;
    style.palette = preset.colourBlindSafe ? DivergingPalette::colourBlindSafe() : DivergingPalette();
    style.forPrint = true;
    return style;
}

ExportFormat FigureExporter::formatForPath(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("png")) return ExportFormat::Png;
    if (s == QLatin1String("svg")) return ExportFormat::Svg;
    if (s == QLatin1String("pdf")) return ExportFormat::Pdf;
    if (s == QLatin1String("csv")) return ExportFormat::Csv;
    if (s == QLatin1String("json")) return ExportFormat::Json;
    if (s == QLatin1String("tex")) return ExportFormat::Latex;
    return ExportFormat::Unknown;
}

QString FigureExporter::suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Latex: return QStringLiteral("tex");
    case ExportFormat::Unknown: break;
    }
    return {};
}

QString FigureExporter::fileDialogFilter(const Figure &figure)
{
    QStringList filters = {Tr::tr("PNG image (*.png)"), Tr::tr("SVG drawing (*.svg)"), Tr::tr("PDF document (*.pdf)")};
    for (DataFormat f : figure.dataFormats()) {
        switch (f) {
        case DataFormat::Csv: filters << Tr::tr("CSV data (*.csv)"); break;
        case DataFormat::Json: filters << Tr::tr("JSON data (*.json)"); break;
        case DataFormat::Latex: filters << Tr::tr("LaTeX table (*.tex)"); break;
        }
    }
    return filters.join(QStringLiteral(";;"));
}

QSize FigureExporter::pngPixelSize(const Figure &figure, const FigurePreset &preset)
{
    const QSizeF pt = pointSize(figure, preset);
    const double scale = preset.dpi / 72.0;
    return {int(std::lround(pt.width() * scale)), int(std::lround(pt.height() * scale))};
}

QString FigureExporter::exportTo(Figure &figure, const QString &path, const FigurePreset &preset)
{
    const ExportFormat format = formatForPath(path);
    const QSizeF size = pointSize(figure, preset);
    switch (format) {
    case ExportFormat::Png: {
        if (preset.dpi < 10 || preset.dpi > 2400)
            return Tr::tr("DPI %1 is out of range (10–2400)").arg(preset.dpi);
        QImage image(pngPixelSize(figure, preset), QImage::Format_ARGB32_Premultiplied);
        // 72 dpi while painting (1 unit = 1 pt, fonts in points exact), the real DPI in the file.
        image.setDotsPerMeterX(int(std::lround(72 / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(72 / 0.0254)));
        image.fill(Qt::white);
        paintOn(&image, figure, size, preset, preset.dpi / 72.0, false);
        image.setDotsPerMeterX(int(std::lround(preset.dpi / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(preset.dpi / 0.0254)));
        if (!image.save(path, "PNG"))
            return Tr::tr("cannot write %1").arg(path);
        return {};
    }
    case ExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setTitle(figure.figureTitle());
        svg.setDescription(Tr::tr("Exported by Transferscope"));
        svg.setResolution(72);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        paintOn(&svg, figure, size, preset, 1.0, true);
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return Tr::tr("cannot write %1").arg(path);
        return {};
    }
    case ExportFormat::Pdf: {
        QPdfWriter pdf(path);
        pdf.setTitle(figure.figureTitle());
        pdf.setCreator(QStringLiteral("Transferscope"));
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        paintOn(&pdf, figure, size, preset, 1.0, true);
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return Tr::tr("cannot write %1").arg(path);
        return {};
    }
    case ExportFormat::Csv:
    case ExportFormat::Json:
    case ExportFormat::Latex: {
        const DataFormat df = toDataFormat(format);
        if (!figure.dataFormats().contains(df))
            return Tr::tr("%1 cannot be exported as %2").arg(figure.figureTitle(), suffix(format).toUpper());
        return writeBytes(path, figure.exportData(df));
    }
    case ExportFormat::Unknown: break;
    }
    return Tr::tr("unknown export format for %1 (use .png, .svg, .pdf, .csv, .json or .tex)").arg(path);
}

QStringList FigureExporter::exportAll(const QList<Figure *> &figures, const QString &folder,
                                      const FigurePreset &preset, QStringList *errors)
{
    QStringList written;
    if (!QDir().mkpath(folder)) {
        if (errors)
            errors->append(Tr::tr("cannot create folder %1").arg(folder));
        return written;
    }
    const QDir dir(folder);
    for (Figure *figure : figures) {
        QStringList suffixes = {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
        for (DataFormat f : figure->dataFormats())
            suffixes << dataFormatSuffix(f);
        for (const QString &s : suffixes) {
            const QString path = dir.filePath(figure->figureFileStem() + QLatin1Char('.') + s);
            const QString error = exportTo(*figure, path, preset);
            if (error.isEmpty())
                written << path;
            else if (errors)
                errors->append(error);
        }
    }
    return written;
}

} // namespace ts::ui
