// Benchmark 1 (issue 8): Transferscope's Trainer vs a straightforward PyTorch reference
// (bench/reference/vlm_reference.py, Debian's python3-torch 1.13 = the same libtorch) on the same weights,
// batch, optimizer and thread count, interleaved in one run. Before timing, the Python loss must match
// the C++ loss (step 0 and the following optimizer steps), otherwise the two would time different work.
//
// Usage: transferscope_train_step_bench [--presets suite-tiny,suite-small,suite-base] [--modes lora,full]
//        [--batch 16] [--threads 2] [--steps 5] [--reps 5] [--check-steps 3] [--peak GFLOPS]
//        [--python /usr/bin/python3] [--workdir DIR] [--no-python]
#include "bench_support.h"

#include "model/chat_prompt.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/safetensors.h"
#include "model/tokenizer_bpe.h"
#include "model/vlm_presets.h"
#include "train/trainer.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::string> presets{"suite-tiny", "suite-small", "suite-base"};
    std::vector<std::string> modes{"lora", "full"};
    int batch = 16, threads = 2, steps = 5, reps = 5, checkSteps = 3;
    double peak = 0; // measured FMA peak (bench/peak.c); 0 = not given
    std::string python = "/usr/bin/python3";
    std::string workdir = "/tmp/transferscope-bench";
    bool withPython = true;
};

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--presets") o.presets = split(next());
        else if (a == "--modes") o.modes = split(next());
        else if (a == "--batch") o.batch = std::stoi(next());
        else if (a == "--threads") o.threads = std::stoi(next());
        else if (a == "--steps") o.steps = std::stoi(next());
        else if (a == "--reps") o.reps = std::stoi(next());
        else if (a == "--check-steps") o.checkSteps = std::stoi(next());
        else if (a == "--peak") o.peak = std::stod(next());
        else if (a == "--python") o.python = next();
        else if (a == "--workdir") o.workdir = next();
        else if (a == "--no-python") o.withPython = false;
        else throw std::invalid_argument("unknown option " + a);
    }
    return o;
}

// The quick spec's training settings (resources/specs/quick.json), except a constant learning rate
// (warm-up 0, floor 1) so that the Python side needs no schedule to reproduce the losses.
ts::TrainConfig trainConfig(const Options& o, const std::string& mode, int steps)
{
    ts::TrainConfig c;
    c.steps = steps;
    c.batchSize = o.batch;
    c.lr = 2e-3;
    c.lrConnector = 2e-3;
    c.weightDecay = 0.01;
    c.warmupFraction = 0.0;
    c.floorFraction = 1.0;
    c.clipNorm = 1.0;
    c.useLora = mode == "lora";
    c.lora.settings.rank = 8;
    c.lora.settings.alpha = 16.0;
    c.seed = 0;
    return c;
}

// One batch of examples cycling over the 13 suite tasks (1-4 images each): the mix a control cell trains on.
std::vector<ts::VlmExample> mixedBatch(int n)
{
    const auto names = bench::suiteTaskNames();
    std::vector<ts::VlmExample> out;
    for (int k = 0; k < n; ++k)
        out.push_back(bench::suiteTrainExamples(names[size_t(k) % names.size()], k / int(names.size()) + 1, 7919u + 1u).back());
    return out;
}

struct Row {
    std::string preset, mode;
    int64_t trainable = 0, seqLen = 0, images = 0;
    double loss0Cpp = 0, loss0Py = 0, maxLossDiff = 0;
    double cppSps = 0, pySps = 0, gflopPerStep = 0;
};

} // namespace

int main(int argc, char** argv)
{
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    ts::configureRuntime({o.threads, false});
    const std::string script = bench::env("TS_BENCH_REFERENCE", TRANSFERSCOPE_BENCH_DIR "/reference/vlm_reference.py");
    const auto tok = ts::BpeTokenizer::fromFile(TRANSFERSCOPE_RESOURCES "/tokenizer/tokenizer.json");
    const auto examples = std::make_shared<std::vector<ts::VlmExample>>(mixedBatch(o.batch));
    std::vector<Row> rows;

    for (const auto& presetName : o.presets)
        for (const auto& mode : o.modes) {
            Row row;
            row.preset = presetName;
            row.mode = mode;
            const ts::VlmPreset preset = ts::vlmPreset(presetName);
            ts::seedEverything(1234);
            ts::VisionLanguageModel model(preset.config, preset.init_std);
            const ts::ChatPrompt prompt(tok, model->config());
            ts::Trainer check(*model, prompt, trainConfig(o, mode, o.checkSteps)); // adds LoRA (B = 0)
            row.trainable = check.trainableParameters();

            // Same weights and batch for Python: nanoVLM folder + LoRA tensors + the collated batch.
            const fs::path dir = fs::path(o.workdir) / (presetName + "-" + mode);
            fs::create_directories(dir);
            ts::saveNanoVlmFolder(*model, dir.string());
            std::map<std::string, at::Tensor> lora;
            for (const auto& p : model->named_parameters(true))
                if (p.key().find("lora_") != std::string::npos)
                    lora[p.key()] = p.value().detach().clone();
            if (!lora.empty())
                ts::writeSafetensors((dir / "lora.safetensors").string(), lora);
            std::vector<ts::EncodedExample> enc;
            std::vector<const ts::VlmExample*> exPtr;
            std::vector<const ts::EncodedExample*> encPtr;
            for (const auto& e : *examples)
                enc.push_back(prompt.encode(e));
            for (size_t k = 0; k < enc.size(); ++k) {
                exPtr.push_back(&(*examples)[k]);
                encPtr.push_back(&enc[k]);
            }
            const ts::VlmBatch batch = ts::collateBatch(exPtr, encPtr, prompt.padId(), model->config().vit_img_size, true);
            ts::writeSafetensors((dir / "batch.safetensors").string(),
                                 {{"input_ids", batch.inputIds}, {"attention_mask", batch.attentionMask},
                                  {"targets", batch.targets}, {"images", batch.images}});
            row.seqLen = batch.inputIds.size(1);
            row.images = batch.images.size(0);
            const int64_t targetRows = batch.targets.ne(-100).sum().item<int64_t>();
            {
                nlohmann::json j = {{"mode", mode}, {"threads", o.threads}, {"lr", 2e-3}, {"lr_connector", 2e-3},
                                    {"weight_decay", 0.01}, {"clip", 1.0}, {"lora_rank", 8}, {"lora_alpha", 16.0},
                                    {"image_token_id", model->imageTokenId()}};
                std::ofstream(dir / "bench.json") << j.dump(2) << '\n';
            }

            // C++ losses: step 0 computed by hand, then the Trainer's first optimizer steps.
            {
                at::NoGradGuard g;
                model->train();
                at::Tensor emb = model->projectImages(model->encodeImages(batch.images));
                at::Tensor hidden = model->forwardEmbeddings(model->embedInputs(batch.inputIds, emb), batch.attentionMask);
                row.loss0Cpp = model->loss(hidden, batch.targets).item<double>();
            }
            std::vector<double> cppLosses;
            check.train(ts::ExampleSource::fromVector(examples), [&](const ts::MetricSample& m) { cppLosses.push_back(m.loss); });

            // Flops: the ViT is frozen (forward only); the rest is forward + input gradients (x2), plus weight
            // gradients (x3) in full finetuning. LoRA's own adapter FLOPs (<2 %) are left out.
            const bench::ForwardFlops f = bench::forwardFlops(model->config(), row.images, o.batch, row.seqLen, targetRows);
            const double k = mode == "full" ? 3.0 : 2.0;
            row.gflopPerStep = (f.vit + k * (f.connector + f.decoder + f.head)) / 1e9;

            std::unique_ptr<bench::Worker> py;
            if (o.withPython) {
                py = std::make_unique<bench::Worker>(std::vector<std::string>{o.python, script, "--worker", "--dir", dir.string()});
                std::istringstream reply(py->ask("check " + std::to_string(o.checkSteps)));
                std::string tag;
                reply >> tag >> row.loss0Py;
                if (tag != "losses") {
                    std::fprintf(stderr, "python check failed: %s\n", reply.str().c_str());
                    return 1;
                }
                row.maxLossDiff = std::fabs(row.loss0Py - row.loss0Cpp);
                std::printf("%s %s: loss check  step0 C++ %.6f  Python %.6f", presetName.c_str(), mode.c_str(), row.loss0Cpp, row.loss0Py);
                for (double c : cppLosses) {
                    double p = 0;
                    reply >> p;
                    row.maxLossDiff = std::max(row.maxLossDiff, std::fabs(p - c));
                    std::printf(" | C++ %.6f Py %.6f", c, p);
                }
                std::printf("  max |diff| %.2e %s\n", row.maxLossDiff, row.maxLossDiff < 1e-4 ? "OK" : "MISMATCH");
                std::fflush(stdout);
            }

            // Interleaved timing: a fresh Trainer per repetition (LoRA kept), alternating which side goes first.
            auto cppRep = [&](int steps) {
                ts::Trainer t(*model, prompt, trainConfig(o, mode, steps));
                const auto t0 = std::chrono::steady_clock::now();
                t.train(ts::ExampleSource::fromVector(examples));
                return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            };
            auto pyRep = [&](int steps) { return std::stod(py->ask("train " + std::to_string(steps)).substr(5)); };
            cppRep(2);
            if (py)
                pyRep(2);
            std::vector<double> cpp, pys;
            for (int r = 0; r < o.reps; ++r) {
                if (py && r % 2) pys.push_back(o.batch * o.steps / pyRep(o.steps));
                cpp.push_back(o.batch * o.steps / cppRep(o.steps));
                if (py && !(r % 2)) pys.push_back(o.batch * o.steps / pyRep(o.steps));
            }
            row.cppSps = bench::median(cpp);
            row.pySps = bench::median(pys);
            rows.push_back(row);
        }

    std::printf("\nTraining step: batch %d, %d thread(s) (at::get_num_threads %d), %d steps x %d interleaved reps, median\n",
                o.batch, o.threads, at::get_num_threads(), o.steps, o.reps);
    std::printf("%-12s %-5s %10s %5s %4s %10s %10s %7s %10s %9s %9s %9s\n", "preset", "mode", "trainable", "T", "img",
                "C++ samp/s", "Py samp/s", "ratio", "GFLOP/step", "C++ GF/s", "%peak", "loss diff");
    for (const Row& r : rows) {
        const double gfs = r.gflopPerStep * r.cppSps / o.batch;
        char peak[32] = "-";
        if (o.peak > 0)
            std::snprintf(peak, sizeof peak, "%.1f%%", 100.0 * gfs / o.peak);
        std::printf("%-12s %-5s %10lld %5lld %4lld %10.1f %10.1f %7.2f %10.3f %9.2f %9s %9.1e\n", r.preset.c_str(), r.mode.c_str(),
                    (long long)r.trainable, (long long)r.seqLen, (long long)r.images, r.cppSps, r.pySps,
                    r.pySps > 0 ? r.cppSps / r.pySps : 0.0, r.gflopPerStep, gfs, peak, r.maxLossDiff);
    }
    std::printf("ratio = C++ / Python samples/s (target >= 1.3). %%peak against --peak %.1f GFLOP/s (bench/peak.c);"
                " stack.md's 467 GFLOP/s was another machine (Xeon, AVX-512).\n", o.peak);
    return 0;
}
