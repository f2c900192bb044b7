#include "study/phase_timer.h"

#include <chrono>
#include <mutex>

namespace ts::phase {

namespace {

std::mutex& lock()
{
    static std::mutex m;
    return m;
}

std::vector<Entry>& entries()
{
    static std::vector<Entry> e; // a handful of phases: a linear search is the simplest lookup
    return e;
}

Entry& entry(const char* name)
{
    for (Entry& e : entries())
        if (e.name == name)
            return e;
    entries().push_back(Entry{name});
    return entries().back();
}

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

void addTime(const char* name, double seconds)
{
    std::lock_guard<std::mutex> g(lock());
    Entry& e = entry(name);
    e.seconds += seconds;
    ++e.calls;
}

void addCount(const char* name, int64_t n)
{
    std::lock_guard<std::mutex> g(lock());
    entry(name).count += n;
}

std::vector<Entry> snapshot()
{
    std::lock_guard<std::mutex> g(lock());
    return entries();
}

void reset()
{
    std::lock_guard<std::mutex> g(lock());
    entries().clear();
}

Scope::Scope(const char* name) : name_(name), startNs_(nowNs()) {}

Scope::~Scope()
{
    addTime(name_, double(nowNs() - startNs_) * 1e-9);
}

} // namespace ts::phase
