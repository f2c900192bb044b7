#include "ui/figures/figure_preset.h"

#include <QCoreApplication>

namespace ts::ui {

namespace {
SettingValue<QString> presetName(QStringLiteral("export/preset"), QString());
SettingValue<double> presetWidth(QStringLiteral("export/widthInches"), 7.0);
SettingValue<double> presetFont(QStringLiteral("export/fontPoints"), 9.0);
SettingValue<int> presetDpi(QStringLiteral("export/dpi"), 300);
SettingValue<bool> presetColourBlind(QStringLiteral("export/colourBlindSafe"), false);
} // namespace

FigurePreset FigurePreset::singleColumn()
{
    return {QCoreApplication::translate("FigurePreset", "Single column (3.5 in)"), 3.5, 8.0, 600, false};
}

FigurePreset FigurePreset::doubleColumn()
{
    return {QCoreApplication::translate("FigurePreset", "Double column (7 in)"), 7.0, 9.0, 300, false};
}

FigurePreset FigurePreset::screen()
{
    return {QCoreApplication::translate("FigurePreset", "Screen (10 in, 150 dpi)"), 10.0, 11.0, 150, false};
}

QVector<FigurePreset> FigurePreset::builtIns()
{
    return {singleColumn(), doubleColumn(), screen()};
}

FigurePreset FigurePreset::saved()
{
    FigurePreset p = doubleColumn();
    const QString name = presetName.value();
    if (!name.isEmpty())
        p.name = name;
    p.widthInches = presetWidth.value();
    p.fontPoints = presetFont.value();
    p.dpi = presetDpi.value();
    p.colourBlindSafe = presetColourBlind.value();
    return p;
}

void FigurePreset::save() const
{
    presetName.setValue(name);
    presetWidth.setValue(widthInches);
    presetFont.setValue(fontPoints);
    presetDpi.setValue(dpi);
    presetColourBlind.setValue(colourBlindSafe);
}

} // namespace ts::ui
