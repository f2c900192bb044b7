#include "ui/run/background_priority.h"

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

} // namespace ts::ui
