#include "common/resource_locator.h"

#include "common/input_error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace ts {

static QStringList candidates()
{
    QStringList out;
    const QString env = qEnvironmentVariable("TRANSFERSCOPE_RESOURCES");
    if (!env.isEmpty())
        out << env;
    if (QCoreApplication::instance())
        out << QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/transferscope"));
    out << QStringLiteral(TRANSFERSCOPE_SOURCE_RESOURCES);
    return out;
}

QString resourceRoot()
{
    for (const QString &dir : candidates()) {
        if (QFileInfo(dir).isDir())
            return QDir(dir).absolutePath();
    }
    return {};
}

QString resourcePath(const QString &relative)
{
    const QStringList dirs = candidates();
    for (const QString &dir : dirs) {
        const QString path = QDir(dir).absoluteFilePath(relative);
        if (QFileInfo::exists(path))
            return QDir::cleanPath(path);
    }
    throw InputError(relative, 0, {}, QStringLiteral("not found among Transferscope's resources (searched %1; set TRANSFERSCOPE_RESOURCES)")
                                          .arg(dirs.join(QStringLiteral(", "))));
}

} // namespace ts
