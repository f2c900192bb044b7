#pragma once
// Ctrl-C semantics of a running study: the first SIGINT or SIGTERM asks for "stop and keep" (the
// current step finishes, its state is saved, the study exits resumable); a second one aborts at
// once (the cell in progress is lost; completed cells are safe on disk).

#include <atomic>

namespace ts {

// `flag` must outlive the process's use of the handlers (a static or main()'s local).
void installStopSignals(std::atomic<bool> &flag);

} // namespace ts
