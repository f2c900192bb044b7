#pragma once
// Export of one figure (or every figure of the study into a folder) with a publication preset:
// column width, font size, DPI for PNG, colour-blind palette; the format follows the file suffix.

#include "ui/figures/figure.h"
#include "ui/figures/figure_preset.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ts::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { OneFigure, AllFigures };
    // figures: what can be exported; preselected: index into figures to start with.
    ExportDialog(Mode mode, QList<Figure *> figures, int preselected, QWidget *parent = nullptr);

    FigurePreset preset() const;
    Figure *figure() const;
    QString path() const;
    void setPath(const QString &path);
    // Runs the export with the chosen settings; returns the error text (empty on success).
    QString runExport(QStringList *written = nullptr);

private:
    void applyPreset(int index);
    void browse();
    void updateSizeLabel();

    Mode m_mode;
    QList<Figure *> m_figures;
    QComboBox *m_figure = nullptr;
    QComboBox *m_preset;
    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_font;
    QSpinBox *m_dpi;
    QCheckBox *m_colourBlind;
    QLineEdit *m_path;
    QLabel *m_size;
};

} // namespace ts::ui
