#include "ui/settings/recent_files.h"

#include <QFileInfo>

namespace ts::ui {

namespace {
SettingValue<QStringList> &setting()
{
    static SettingValue<QStringList> s(QStringLiteral("files/recent"), {});
    return s;
}
} // namespace

QStringList RecentFiles::list()
{
    return setting().value();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = list();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaximum)
        files.removeLast();
    setting().setValue(files);
}

void RecentFiles::remove(const QString &path)
{
    QStringList files = list();
    files.removeAll(path);
    setting().setValue(files);
}

void RecentFiles::clear()
{
    setting().reset();
}

} // namespace ts::ui
