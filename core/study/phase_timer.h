#pragma once
// Process-wide wall-clock accumulators for the phases of a study (data generation, training, evaluation, ...),
// read by bench/study_bench.cpp to split a study's time (issue 8, benchmark 3). Always on: a scope costs two
// steady_clock reads and one uncontended mutex, nothing next to a training step. Never affects results.
#include <cstdint>
#include <string>
#include <vector>

namespace ts::phase {

struct Entry {
    std::string name;
    double seconds = 0.0; // summed over calls
    int64_t calls = 0;
    int64_t count = 0;    // summed by addCount (e.g. ViT images computed)
};

void addTime(const char* name, double seconds);
void addCount(const char* name, int64_t n);
std::vector<Entry> snapshot(); // in first-use order
void reset();

// Adds the scope's wall time to `name` when it ends (also when it ends by an exception).
class Scope {
public:
    explicit Scope(const char* name);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    const char* name_;
    int64_t startNs_;
};

} // namespace ts::phase
