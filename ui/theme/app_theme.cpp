#include "ui/theme/app_theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ts::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b2b2b), base(0x1e1e1e), text(0xe6e6e6), disabled(0x7f7f7f);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x323232));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c3c3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x353535));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6fb1ff));
    p.setColor(QPalette::Highlight, QColor(0x2f65ca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x404040));
    p.setColor(QPalette::Dark, QColor(0x191919));
    p.setColor(QPalette::Light, QColor(0x505050));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

SettingValue<int> &AppTheme::modeSetting()
{
    static SettingValue<int> setting(QStringLiteral("appearance/theme"), int(Mode::System));
    return setting;
}

AppTheme::Mode AppTheme::savedMode()
{
    const int v = modeSetting().value();
    return v >= 0 && v <= 2 ? Mode(v) : Mode::System;
}

void AppTheme::apply(Mode mode)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    switch (mode) {
    case Mode::Dark: QApplication::setPalette(darkPalette()); break;
    case Mode::Light:
    case Mode::System: QApplication::setPalette(QApplication::style()->standardPalette()); break;
    }
}

bool AppTheme::isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace ts::ui
