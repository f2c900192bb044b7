#include "layout/font_support.h"

#include <QGuiApplication>
#include <stdexcept>

namespace ts {

void requireFontSupport()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw std::runtime_error("painting figures needs a QGuiApplication (use QT_QPA_PLATFORM=offscreen "
                                 "when there is no display)");
}

} // namespace ts
