#pragma once
// Publication presets for exported figures: physical width, aspect, font size, raster DPI and the
// colour-blind switch. Every exporter paints in points (1/72 in), so the same preset gives the
// same figure in PNG, SVG and PDF and the text is the asked size when printed at 100 %.

#include "ui/settings/setting_value.h"

#include <QString>
#include <QVector>

namespace ts::ui {

struct FigurePreset {
    QString name;
    double widthInches = 6.0;
    double fontPoints = 9.0;
    int dpi = 300;
    bool colourBlindSafe = false;

    double widthPoints() const { return widthInches * 72.0; }

    // Single column (IEEE/CVPR 3.5 in), double column (7 in), and a screen-sized default.
    static FigurePreset singleColumn();
    static FigurePreset doubleColumn();
    static FigurePreset screen();
    static QVector<FigurePreset> builtIns();

    // The last preset the user exported with (remembered across sessions).
    static FigurePreset saved();
    void save() const;
};

} // namespace ts::ui
