#pragma once
// Follows a study folder that another process writes: reports when completed cells appear, from
// QFileSystemWatcher on cells/ and a one-second poll as a fallback (inotify can miss the rename of
// an atomically written file on some file systems, and network folders have no events at all).

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace ts::ui {

class StudyFolderWatcher : public QObject {
    Q_OBJECT
public:
    explicit StudyFolderWatcher(QObject *parent = nullptr);

    // Starts watching (the current cells count as known); an empty dir stops.
    void watch(const QString &studyDir);
    const QString &studyDir() const { return m_dir; }
    const QStringList &completedCells() const { return m_known; }
    // Whether a live process holds the study's writer lock (a run in progress).
    static bool isBeingWritten(const QString &studyDir);

Q_SIGNALS:
    void cellsCompleted(const QStringList &newCellIds);

private:
    void rescan();

    QFileSystemWatcher m_watcher;
    QTimer m_poll;
    QTimer m_debounce;
    QString m_dir;
    QStringList m_known;
};

} // namespace ts::ui
