#pragma once
// Work the workbench hands to background threads (reading and analysing a study, laying out a graph) yields
// to the UI thread: while a study trains, these threads, the UI thread and the training child share two
// cores, and at equal priority the UI thread would wait behind them for tens of milliseconds.

#include <functional>

class QThreadPool;

namespace ts::ui {

// Lowers the calling thread's scheduling priority (Linux: its nice value to 10; elsewhere nothing).
void lowerCurrentThreadPriority();

// The workbench's own pool for background work, owned by the application object; its threads run at the
// lowered priority. Not QThreadPool::globalInstance(): Qt's raster paint engine spreads large fills and
// lines over the global pool's threads while the UI thread waits for them, so those threads must keep the
// UI's priority (lowered, they queued behind the training workers and stalled painting by 70-90 ms).
QThreadPool *backgroundThreadPool();

// Runs work on backgroundThreadPool() at the lowered priority.
void runInBackground(std::function<void()> work);

} // namespace ts::ui
