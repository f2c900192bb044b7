#include "bench_support.h"

#include "tasks/task_registry.h"
#include "tasks/task_sample.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

namespace {

// The same conversion as the study engine's (torch_cell_executor.cpp, toExample).
ts::VlmExample toExample(const ts::tasks::TaskSample& sample)
{
    ts::VlmExample ex;
    for (int k = 0; k < int(sample.images.size()); ++k)
        ex.images.push_back({sample.images[size_t(k)].width(), sample.images[size_t(k)].height(), ts::tasks::toRgbBytes(sample, k)});
    ex.prompt = sample.question.toStdString();
    for (const QString& o : sample.options)
        ex.options.push_back(o.toStdString());
    ex.correct = sample.answer;
    return ex;
}

} // namespace

std::vector<ts::VlmExample> suiteTrainExamples(const std::string& task, int count, uint64_t seed)
{
    const ts::tasks::TaskSpec& spec = ts::tasks::requireTask(QString::fromStdString(task));
    std::vector<ts::VlmExample> out;
    for (int i = 0; i < count; ++i)
        out.push_back(toExample(ts::tasks::generateSample(spec, {ts::tasks::Split::Train, i, seed, -1, 64})));
    return out;
}

std::vector<ts::VlmExample> suiteValItems(const std::string& task, int count)
{
    const ts::tasks::TaskSpec& spec = ts::tasks::requireTask(QString::fromStdString(task));
    std::vector<ts::VlmExample> out;
    for (int i = 0; i < count; ++i)
        out.push_back(toExample(ts::tasks::generateSample(spec, {ts::tasks::Split::Val, i, 0, -1, 64})));
    return out;
}

std::vector<std::string> suiteTaskNames()
{
    std::vector<std::string> out;
    for (const auto& t : ts::tasks::suiteTasks())
        out.push_back(t.abbreviation.toStdString());
    return out;
}

ForwardFlops forwardFlops(const ts::VlmConfig& c, int64_t images, int64_t batch, int64_t T, int64_t headRows)
{
    ForwardFlops f;
    const double N = double(c.patchesPerImage()), Dv = double(c.vit_hidden_dim), Iv = double(c.vit_inter_dim);
    const double P = double(c.vit_patch_size), S = double(c.mp_pixel_shuffle_factor);
    const double perImage = 2 * N * 3 * P * P * Dv +
                            double(c.vit_n_blocks) * (2 * N * Dv * 3 * Dv + 2 * 2 * N * N * Dv + 2 * N * Dv * Dv + 2 * 2 * N * Dv * Iv);
    f.vit = double(images) * perImage;
    const double Dl = double(c.lm_hidden_dim), Il = double(c.lm_inter_dim), hd = double(c.lmHeadDim());
    const double kv = double(c.lm_n_kv_heads) * hd;
    f.connector = double(images) * 2 * (N / (S * S)) * (Dv * S * S) * Dl;
    const double tokens = double(batch) * double(T);
    const double perBlock = tokens * (2 * Dl * Dl * 2 + 2 * Dl * kv * 2 + 2 * 3 * Dl * Il) + double(batch) * 2 * 2 * double(T) * double(T) * Dl;
    f.decoder = double(c.lm_n_blocks) * perBlock;
    f.head = double(headRows) * 2 * Dl * double(c.lm_vocab_size);
    return f;
}

Worker::Worker(const std::vector<std::string>& argv)
{
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        std::perror("execv");
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    toChild_ = in[1];
    fromChild_ = out[0];
}

Worker::~Worker()
{
    if (toChild_ >= 0) {
        const std::string q = "quit\n";
        (void)!write(toChild_, q.data(), q.size());
        close(toChild_);
    }
    if (fromChild_ >= 0)
        close(fromChild_);
    if (pid_ > 0)
        waitpid(pid_, nullptr, 0);
}

std::string Worker::ask(const std::string& line)
{
    const std::string msg = line + "\n";
    if (write(toChild_, msg.data(), msg.size()) != ssize_t(msg.size()))
        throw std::runtime_error("the Python worker is gone (write failed)");
    for (;;) {
        const auto nl = buffer_.find('\n');
        if (nl != std::string::npos) {
            std::string reply = buffer_.substr(0, nl);
            buffer_.erase(0, nl + 1);
            if (!reply.empty() && reply[0] == '#') {
                std::fprintf(stderr, "  [python] %s\n", reply.c_str() + 1);
                continue;
            }
            return reply;
        }
        char buf[4096];
        const ssize_t n = read(fromChild_, buf, sizeof buf);
        if (n <= 0)
            throw std::runtime_error("the Python worker exited before answering '" + line + "'");
        buffer_.append(buf, size_t(n));
    }
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

std::string env(const char* name, const std::string& fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

} // namespace bench
