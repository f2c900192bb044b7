#include "ui/run/cli_locator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ts::ui {

QString locateTransferscopeCli()
{
    const QString overridden = qEnvironmentVariable("TRANSFERSCOPE_CLI");
    if (!overridden.isEmpty() && QFileInfo(overridden).isExecutable())
        return QFileInfo(overridden).absoluteFilePath();
    const QDir here(QCoreApplication::applicationDirPath());
    // Beside the GUI (install, or the build's bin folder); the build tree keeps app/cli apart.
    for (const QString &candidate : {here.filePath(QStringLiteral("transferscope-cli")),
                                     here.filePath(QStringLiteral("../cli/transferscope-cli"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace ts::ui
