#include "ui/run/background_priority.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ts::ui {

void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    // On Linux a thread is a task with its own nice value; setpriority on its tid changes this thread only.
    constexpr int kBackgroundNiceness = 10;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    if (::getpriority(PRIO_PROCESS, tid) < kBackgroundNiceness)
        (void)::setpriority(PRIO_PROCESS, tid, kBackgroundNiceness);
#endif
}

QThreadPool *backgroundThreadPool()
{
    // One pool per application object (tests create several in turn); destroyed with it, after its tasks.
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setObjectName(QStringLiteral("TransferscopeBackground"));
        pool->setMaxThreadCount(2); // a reload and a graph layout side by side; more would only queue on 2 cores
    }
    return pool;
}

void runInBackground(std::function<void()> work)
{
    backgroundThreadPool()->start([work = std::move(work)] {
        lowerCurrentThreadPriority();
        work();
    });
}

} // namespace ts::ui
