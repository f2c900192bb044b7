#include "study/stop_signals.h"

#include <csignal>
#include <unistd.h>

namespace ts {

namespace {

std::atomic<bool> *g_flag = nullptr;
volatile std::sig_atomic_t g_requests = 0;

void onSignal(int)
{
    // Only async-signal-safe calls here: an atomic store, write(2) and _exit(2).
    if (++g_requests == 1) {
        if (g_flag)
            g_flag->store(true);
        static const char msg[] = "\nstopping after the current step (state is kept; press Ctrl-C again to abort)\n";
        [[maybe_unused]] auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    } else {
        static const char msg[] = "\naborted\n";
        [[maybe_unused]] auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
        ::_exit(130);
    }
}

} // namespace

void installStopSignals(std::atomic<bool> &flag)
{
    static_assert(std::atomic<bool>::is_always_lock_free, "the stop flag is set from a signal handler");
    g_flag = &flag;
    g_requests = 0;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace ts
