#pragma once
// Light and dark palettes for the whole application. Fusion style, because the platform styles
// ignore a custom QPalette on some desktops and the dark palette must look the same everywhere.

#include "ui/settings/setting_value.h"

class QApplication;

namespace ts::ui {

class AppTheme {
public:
    enum class Mode { System = 0, Light = 1, Dark = 2 };

    static SettingValue<int> &modeSetting();
    static Mode savedMode();
    static void apply(Mode mode);
    static bool isDark();
};

} // namespace ts::ui
