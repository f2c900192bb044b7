// The workbench's background work (study reloads, graph layouts) runs on its own low-priority pool and
// leaves Qt's global pool at the UI's priority: Qt's raster engine spreads painting over the global pool
// while the UI thread waits, so a lowered global pool stalled painting behind the training workers.

#include "ui/run/background_priority.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace ts::ui;

namespace {
int currentNice()
{
#ifdef Q_OS_LINUX
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
#else
    return 0;
#endif
}
} // namespace

class TestBackgroundWork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backgroundWorkIsLoweredAndSeparate()
    {
        QVERIFY(backgroundThreadPool() != QThreadPool::globalInstance());
        QCOMPARE(backgroundThreadPool()->parent(), QCoreApplication::instance());
        const int uiNice = currentNice();
        std::atomic<int> backgroundNice{-100};
        std::atomic<QThread *> backgroundThread{nullptr};
        QSemaphore done;
        for (int i = 0; i < 4; ++i) // several tasks, so every pool thread has run background work
            runInBackground([&] {
                backgroundNice = currentNice();
                backgroundThread = QThread::currentThread();
                done.release();
            });
        QVERIFY(done.tryAcquire(4, 10000));
        QVERIFY(backgroundThread.load() != QThread::currentThread());
#ifdef Q_OS_LINUX
        QVERIFY2(backgroundNice.load() > uiNice, "background work runs below the UI's priority");
#endif
        // Qt's own pool (the raster engine's helpers) keeps the UI thread's priority.
        std::atomic<int> globalNice{-100};
        QSemaphore globalDone;
        for (int i = 0; i < QThreadPool::globalInstance()->maxThreadCount(); ++i)
            QThreadPool::globalInstance()->start([&] {
                globalNice = std::max(globalNice.load(), currentNice());
                globalDone.release();
            });
        QVERIFY(globalDone.tryAcquire(QThreadPool::globalInstance()->maxThreadCount(), 10000));
        QCOMPARE(globalNice.load(), uiNice);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundWork)
#include "test_ui_background_work.moc"
