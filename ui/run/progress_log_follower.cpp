#include "ui/run/progress_log_follower.h"

#include "study/progress_sinks.h"

#include <QFile>

namespace ts::ui {

namespace {
constexpr int kPollMs = 250;
constexpr qint64 kMaxReadBytes = 512 << 10; // per poll: a whole study's log (~2.5 MB) is caught up over ~1 s, not in one stall
} // namespace

ProgressLogFollower::ProgressLogFollower(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &ProgressLogFollower::poll);
}

void ProgressLogFollower::follow(const QString &studyDir)
{
    stop();
    if (studyDir.isEmpty())
        return;
    m_path = progressLogPath(studyDir);
    m_timer.start();
    poll();
}

void ProgressLogFollower::stop()
{
    m_timer.stop();
    m_path.clear();
    m_offset = 0;
    m_parser = ProgressLineParser();
}

void ProgressLogFollower::poll()
{
    if (m_path.isEmpty())
        return;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // not written yet (a run that has not started its first cell), or an older study
    if (file.size() < m_offset) {
        m_offset = 0; // a new run rewrote the log
        m_parser = ProgressLineParser();
    }
    if (file.size() == m_offset || !file.seek(m_offset))
        return;
    const QByteArray bytes = file.read(kMaxReadBytes);
    m_offset += bytes.size();
    for (const StudyEvent &e : m_parser.feed(bytes).events)
        Q_EMIT studyEvent(e);
}

} // namespace ts::ui
