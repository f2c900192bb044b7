#pragma once
// Follows the progress log (<study>/progress.jsonl) of a study that another process runs, e.g. one
// started with `transferscope-cli study run`: the same protocol the workbench reads from a child it
// starts itself, so an attached window shows the running cells, their live curves and the ETA.
// Polls the file (a few reads of new bytes per second); a log that shrank belongs to a new run and is
// read again from its start.

#include "study/study_events.h"
#include "ui/run/progress_line_parser.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace ts::ui {

class ProgressLogFollower : public QObject {
    Q_OBJECT
public:
    explicit ProgressLogFollower(QObject *parent = nullptr);

    // Reads the log from its start now, then follows it; an empty dir stops.
    void follow(const QString &studyDir);
    void stop();
    bool isFollowing() const { return m_timer.isActive(); }

    // Reads what was appended since the last read (also called by the timer).
    void poll();

Q_SIGNALS:
    void studyEvent(const ts::StudyEvent &event);

private:
    QTimer m_timer;
    QString m_path;
    qint64 m_offset = 0;
    ProgressLineParser m_parser;
};

} // namespace ts::ui
