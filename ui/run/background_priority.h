#pragma once
// Work the workbench hands to the thread pool (reading and analysing a study, laying out a graph) yields
// to the UI thread: while a study trains, the pool's threads, the UI thread and the training child share two
// cores, and at equal priority the UI thread would wait behind the pool for tens of milliseconds.

namespace ts::ui {

// Lowers the calling thread's scheduling priority (Linux: its nice value to 10; elsewhere nothing). Pool
// threads keep it for their later tasks, which are all background work too.
void lowerCurrentThreadPriority();

} // namespace ts::ui
