#pragma once
// Shared pieces of the VLM benchmarks: suite data as the study engine builds it, the analytic FLOP count,
// a Python worker process on pipes (so C++ and Python repetitions interleave in one run), and small stats.
// libtorch headers first: this header is included next to Qt ones (stack.md quirk 1).
#include "model/vlm_batch.h"
#include "model/vlm_config.h"
#include "model/vlm_example.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// Train examples of one suite task, as TorchCellExecutor::trainSet makes them (64 px, default level).
std::vector<ts::VlmExample> suiteTrainExamples(const std::string& task, int count, uint64_t seed);
// The first `count` val items of one suite task (the study's evaluation set).
std::vector<ts::VlmExample> suiteValItems(const std::string& task, int count);
// Every suite task's abbreviation, in suite order (13).
std::vector<std::string> suiteTaskNames();

// Forward FLOPs (multiply-add = 2) of one collated batch: ViT over all images, connector, decoder over
// all B*T positions (attention counted over the full T x T score matrix), vocabulary head over `headRows` rows.
struct ForwardFlops {
    double vit = 0, connector = 0, decoder = 0, head = 0;
};
ForwardFlops forwardFlops(const ts::VlmConfig& c, int64_t images, int64_t batch, int64_t seqLen, int64_t headRows);

// A child process (e.g. /usr/bin/python3 script.py ...) driven line by line over stdin/stdout.
class Worker {
public:
    explicit Worker(const std::vector<std::string>& argv);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;
    // Sends one command line and returns the reply's last line (lines starting with '#' are echoed to stderr).
    std::string ask(const std::string& line);

private:
    int pid_ = -1, toChild_ = -1, fromChild_ = -1;
    std::string buffer_;
};

double median(std::vector<double> v);
std::string env(const char* name, const std::string& fallback);

} // namespace bench
