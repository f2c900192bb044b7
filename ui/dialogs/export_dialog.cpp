#include "ui/dialogs/export_dialog.h"

#include "ui/figures/figure_exporter.h"
#include "ui/settings/setting_value.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace ts::ui {

namespace {
SettingValue<QString> lastFolder(QStringLiteral("export/lastFolder"), QString());
SettingValue<QString> lastSuffix(QStringLiteral("export/lastSuffix"), QStringLiteral("pdf"));
} // namespace

ExportDialog::ExportDialog(Mode mode, QList<Figure *> figures, int preselected, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_figures(std::move(figures)), m_preset(new QComboBox(this)),
      m_width(new QDoubleSpinBox(this)), m_font(new QDoubleSpinBox(this)), m_dpi(new QSpinBox(this)),
      m_colourBlind(new QCheckBox(tr("Colour-blind safe palette"), this)), m_path(new QLineEdit(this)),
      m_size(new QLabel(this))
{
    setWindowTitle(mode == Mode::OneFigure ? tr("Export figure") : tr("Export all figures"));
    auto *form = new QFormLayout;
    if (mode == Mode::OneFigure) {
        m_figure = new QComboBox(this);
        for (Figure *f : m_figures)
            m_figure->addItem(f->figureTitle());
        m_figure->setCurrentIndex(std::clamp(preselected, 0, int(m_figures.size()) - 1));
        form->addRow(tr("Figure:"), m_figure);
        connect(m_figure, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            const QFileInfo info(m_path->text());
            if (Figure *f = figure())
                m_path->setText(info.dir().filePath(f->figureFileStem() + QLatin1Char('.') + info.suffix()));
            updateSizeLabel();
        });
    } else {
        form->addRow(tr("Figures:"), new QLabel(tr("%n figure(s), each as PNG, SVG and PDF plus its data", nullptr,
                                                   int(m_figures.size())), this));
    }
    for (const FigurePreset &p : FigurePreset::builtIns())
        m_preset->addItem(p.name);
    m_preset->addItem(tr("Custom"));
    m_width->setRange(1.0, 40.0);
    m_width->setSuffix(tr(" in"));
    m_width->setDecimals(2);
    m_font->setRange(4.0, 36.0);
    m_font->setSuffix(tr(" pt"));
    m_font->setDecimals(1);
    m_dpi->setRange(10, 2400);
    m_dpi->setSuffix(tr(" dpi"));
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Font size:"), m_font);
    form->addRow(tr("PNG resolution:"), m_dpi);
    form->addRow(QString(), m_colourBlind);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(browseButton);
    form->addRow(mode == Mode::OneFigure ? tr("File:") : tr("Folder:"), pathRow);
    form->addRow(QString(), m_size);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    const FigurePreset saved = FigurePreset::saved();
    m_width->setValue(saved.widthInches);
    m_font->setValue(saved.fontPoints);
    m_dpi->setValue(saved.dpi);
    m_colourBlind->setChecked(saved.colourBlindSafe);
    const int presetIndex = m_preset->findText(saved.name);
    m_preset->setCurrentIndex(presetIndex >= 0 ? presetIndex : m_preset->count() - 1);

    QString folder = lastFolder.value();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (mode == Mode::OneFigure && figure())
        m_path->setText(QDir(folder).filePath(figure()->figureFileStem() + QLatin1Char('.') + lastSuffix.value()));
    else
        m_path->setText(QDir(folder).filePath(QStringLiteral("transferscope-figures")));

    connect(m_preset, qOverload<int>(&QComboBox::activated), this, &ExportDialog::applyPreset);
    // Editing a value by hand makes the settings a custom preset (and the name says so).
    auto markCustom = [this] {
        const QVector<FigurePreset> presets = FigurePreset::builtIns();
        const int i = m_preset->currentIndex();
        if (i >= 0 && i < presets.size()
            && (presets[i].widthInches != m_width->value() || presets[i].fontPoints != m_font->value() || presets[i].dpi != m_dpi->value()))
            m_preset->setCurrentIndex(m_preset->count() - 1);
    };
    for (auto *spin : {m_width, m_font})
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, markCustom);
    connect(m_dpi, qOverload<int>(&QSpinBox::valueChanged), this, markCustom);
    for (auto *spin : {m_width, m_font})
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ExportDialog::updateSizeLabel);
    connect(m_dpi, qOverload<int>(&QSpinBox::valueChanged), this, &ExportDialog::updateSizeLabel);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSizeLabel();
}

void ExportDialog::applyPreset(int index)
{
    const QVector<FigurePreset> presets = FigurePreset::builtIns();
    if (index < 0 || index >= presets.size())
        return;
    {
        const QSignalBlocker b1(m_width), b2(m_font), b3(m_dpi); // not a hand edit: stay on this preset
        m_width->setValue(presets[index].widthInches);
        m_font->setValue(presets[index].fontPoints);
        m_dpi->setValue(presets[index].dpi);
    }
    m_preset->setCurrentIndex(index);
    updateSizeLabel();
}

FigurePreset ExportDialog::preset() const
{
    FigurePreset p;
    p.name = m_preset->currentText();
    p.widthInches = m_width->value();
    p.fontPoints = m_font->value();
    p.dpi = m_dpi->value();
    p.colourBlindSafe = m_colourBlind->isChecked();
    return p;
}

Figure *ExportDialog::figure() const
{
    if (m_mode != Mode::OneFigure || !m_figure)
        return nullptr;
    const int i = m_figure->currentIndex();
    return i >= 0 && i < m_figures.size() ? m_figures[i] : nullptr;
}

QString ExportDialog::path() const
{
    return m_path->text();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::browse()
{
    if (m_mode == Mode::AllFigures) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all figures to"), m_path->text());
        if (!dir.isEmpty())
            m_path->setText(dir);
        return;
    }
    Figure *f = figure();
    if (!f)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export figure"), m_path->text(), FigureExporter::fileDialogFilter(*f));
    if (!file.isEmpty())
        m_path->setText(file);
}

void ExportDialog::updateSizeLabel()
{
    Figure *f = figure();
    if (!f && !m_figures.isEmpty())
        f = m_figures.front();
    if (!f)
        return;
    const QSize px = FigureExporter::pngPixelSize(*f, preset());
    m_size->setText(tr("PNG %1 × %2 px; SVG/PDF %3 in wide").arg(px.width()).arg(px.height()).arg(m_width->value(), 0, 'f', 2));
}

QString ExportDialog::runExport(QStringList *written)
{
    const FigurePreset p = preset();
    p.save();
    if (m_mode == Mode::AllFigures) {
        QStringList errors;
        const QStringList files = FigureExporter::exportAll(m_figures, path(), p, &errors);
        lastFolder.setValue(QFileInfo(path()).absolutePath());
        if (written)
            *written = files;
        return errors.join(QLatin1Char('\n'));
    }
    Figure *f = figure();
    if (!f)
        return tr("nothing to export");
    const QString error = FigureExporter::exportTo(*f, path(), p);
    if (error.isEmpty()) {
        lastFolder.setValue(QFileInfo(path()).absolutePath());
        lastSuffix.setValue(QFileInfo(path()).suffix().toLower());
        if (written)
            *written = {path()};
    }
    return error;
}

} // namespace ts::ui
