#pragma once
// The recently opened files, newest first, remembered across sessions; the File menu shows them.

#include "ui/settings/setting_value.h"

#include <QStringList>

namespace ts::ui {

class RecentFiles {
public:
    static constexpr int kMaximum = 10;
    static QStringList list();
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

} // namespace ts::ui
