#include "ui/run/study_folder_watcher.h"

#include "store/study_store.h"

#include <QDir>
#include <QLockFile>

namespace ts::ui {

StudyFolderWatcher::StudyFolderWatcher(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(1000);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150); // a burst of file events (temp file, rename) becomes one rescan
    connect(&m_poll, &QTimer::timeout, this, &StudyFolderWatcher::rescan);
    connect(&m_debounce, &QTimer::timeout, this, &StudyFolderWatcher::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_debounce.start(); });
}

void StudyFolderWatcher::watch(const QString &studyDir)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_poll.stop();
    m_dir = studyDir;
    m_known.clear();
    if (studyDir.isEmpty() || !StudyStore::isStudyFolder(studyDir))
        return;
    m_known = StudyStore(studyDir).completedCellIds();
    m_watcher.addPath(QDir(studyDir).filePath(QStringLiteral("cells")));
    m_poll.start();
}

bool StudyFolderWatcher::isBeingWritten(const QString &studyDir)
{
    QLockFile lock(QDir(studyDir).filePath(QStringLiteral("writer.lock")));
    // tryLock removes a stale lock of a dead process; a live holder makes it fail.
    if (lock.tryLock(0)) {
        lock.unlock();
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

void StudyFolderWatcher::rescan()
{
    if (m_dir.isEmpty())
        return;
    const QStringList now = StudyStore(m_dir).completedCellIds();
    QStringList added;
    for (const QString &id : now)
        if (!m_known.contains(id))
            added << id;
    m_known = now;
    if (!added.isEmpty())
        Q_EMIT cellsCompleted(added);
}

} // namespace ts::ui
