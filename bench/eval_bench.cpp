// Benchmark 2 (issue 8): the 13-task evaluation of one model. Transferscope's evaluator (batched,
// length-sorted, option letters scored at the last position only, ViT features from the per-model
// VisionFeatureCache as the study runner passes it) vs the straightforward PyTorch reference (fixed batches in
// item order, full forward with logits at every position, no cache) on the same weights and token ids.
// The Python side checks its letter logits against the C++ ones before its time counts.
//
// Usage: transferscope_eval_bench [--preset suite-base] [--items 64] [--batch 64] [--threads 2] [--reps 3]
//        [--python /usr/bin/python3] [--workdir DIR] [--no-python]
#include "bench_support.h"

#include "eval/multiple_choice_evaluator.h"
#include "model/chat_prompt.h"
#include "model/lora.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/safetensors.h"
#include "model/tokenizer_bpe.h"
#include "model/vlm_presets.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::string presetName = "suite-base", python = "/usr/bin/python3", workdir = "/tmp/transferscope-bench";
    int items = 64, batch = 64, threads = 2, reps = 3;
    bool withPython = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has = i + 1 < argc;
        if (a == "--preset" && has) presetName = argv[++i];
        else if (a == "--items" && has) items = std::stoi(argv[++i]);
        else if (a == "--batch" && has) batch = std::stoi(argv[++i]);
        else if (a == "--threads" && has) threads = std::stoi(argv[++i]);
        else if (a == "--reps" && has) reps = std::stoi(argv[++i]);
        else if (a == "--python" && has) python = argv[++i];
        else if (a == "--workdir" && has) workdir = argv[++i];
        else if (a == "--no-python") withPython = false;
        else {
            std::fprintf(stderr, "unknown or incomplete option %s\n", a.c_str());
            return 2;
        }
    }
    ts::configureRuntime({threads, false});
    const auto tok = ts::BpeTokenizer::fromFile(TRANSFERSCOPE_RESOURCES "/tokenizer/tokenizer.json");
    const ts::VlmPreset preset = ts::vlmPreset(presetName);
    ts::seedEverything(1234);
    ts::VisionLanguageModel model(preset.config, preset.init_std);
    const ts::ChatPrompt prompt(tok, model->config());

    // The evaluation sets: the first `items` val items of each suite task (the runner's evalSet).
    const auto names = bench::suiteTaskNames();
    std::vector<std::vector<ts::VlmExample>> sets;
    const auto tg0 = std::chrono::steady_clock::now();
    for (const auto& n : names)
        sets.push_back(bench::suiteValItems(n, items));
    const double genSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tg0).count();
    int64_t total = 0;
    for (const auto& s : sets)
        total += int64_t(s.size());

    ts::EvalOptions opts;
    opts.batchSize = batch;
    auto cppRun = [&](ts::VisionFeatureCache* cache, std::vector<ts::EvalResult>* out) {
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& s : sets) {
            ts::EvalResult r = ts::evaluateMultipleChoice(*model, prompt, s, opts, cache);
            if (out)
                out->push_back(std::move(r));
        }
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };

    // Reference logits and the dump for Python.
    std::vector<ts::EvalResult> ref;
    cppRun(nullptr, &ref);
    const fs::path dir = fs::path(workdir) / (presetName + "-eval");
    fs::create_directories(dir);
    ts::saveNanoVlmFolder(*model, dir.string());
    {
        std::vector<int64_t> ids, lengths, nimg, nopt;
        std::vector<const ts::RgbImage*> images;
        size_t maxOpt = 0;
        for (const auto& s : sets)
            for (const auto& ex : s)
                maxOpt = std::max(maxOpt, ex.options.size());
        at::Tensor logits = at::full({total, int64_t(maxOpt)}, -1e30, at::kFloat);
        int64_t row = 0;
        for (size_t t = 0; t < sets.size(); ++t)
            for (size_t i = 0; i < sets[t].size(); ++i, ++row) {
                const auto& ex = sets[t][i];
                const ts::EncodedExample e = prompt.encode(ex);
                ids.insert(ids.end(), e.prompt.begin(), e.prompt.end());
                lengths.push_back(int64_t(e.prompt.size()));
                nimg.push_back(int64_t(ex.images.size()));
                nopt.push_back(int64_t(ex.options.size()));
                for (const auto& im : ex.images)
                    images.push_back(&im);
                const auto& ol = ref[t].items[i].optionLogits;
                for (size_t o = 0; o < ol.size(); ++o)
                    logits[row][int64_t(o)] = ol[o];
            }
        auto vec = [](const std::vector<int64_t>& v) { return at::tensor(at::ArrayRef<int64_t>(v), at::kLong); };
        ts::writeSafetensors((dir / "eval.safetensors").string(),
                             {{"ids", vec(ids)}, {"lengths", vec(lengths)}, {"num_images", vec(nimg)}, {"num_options", vec(nopt)},
                              {"images", ts::imagesToTensor(images, model->config().vit_img_size)},
                              {"letter_ids", vec(prompt.optionLetterIds(maxOpt))}, {"cpp_letter_logits", logits}});
        nlohmann::json j = {{"mode", "eval"}, {"threads", threads}, {"pad_id", prompt.padId()}, {"eval_batch", batch},
                            {"image_token_id", model->imageTokenId()}};
        std::ofstream(dir / "bench.json") << j.dump(2) << '\n';
    }

    std::unique_ptr<bench::Worker> py;
    if (withPython)
        py = std::make_unique<bench::Worker>(std::vector<std::string>{python, TRANSFERSCOPE_BENCH_DIR "/reference/vlm_reference.py",
                                                                      "--worker", "--dir", dir.string()});
    double pyDiff = 0, pyAgree = 0;
    auto pyRun = [&]() {
        std::istringstream r(py->ask("eval"));
        std::string tag;
        double s = 0;
        r >> tag >> s >> pyDiff >> pyAgree;
        if (tag != "eval")
            throw std::runtime_error("python eval failed: " + r.str());
        return s;
    };
    if (py)
        pyRun(); // warm-up (also the logit check)
    std::vector<double> cold, warm, nocache, pys;
    for (int r = 0; r < reps; ++r) {
        ts::VisionFeatureCache cache;             // the first cell of a model: every image a miss
        cold.push_back(double(total) / cppRun(&cache, nullptr));
        warm.push_back(double(total) / cppRun(&cache, nullptr)); // every later cell: ViT features hit
        nocache.push_back(double(total) / cppRun(nullptr, nullptr));
        if (py)
            pys.push_back(double(total) / pyRun());
    }
    // A finetuned cell evaluates a model with LoRA adapters (the quick spec's r 8 on 7 projections);
    // merging them first (W += s·B·A) gives the same logits with one GEMM per projection instead of three.
    std::vector<double> loraWarm, mergedWarm;
    {
        ts::VisionFeatureCache cache;
        cppRun(&cache, nullptr); // fill: the ViT is not adapted, so the features stay valid below
        ts::LoraConfig lc;
        ts::applyLora(*model, lc);
        {
            at::NoGradGuard g;
            for (const auto& p : model->named_parameters(true))
                if (p.key().find("lora_B") != std::string::npos)
                    p.value().normal_(0.0, 0.02); // a trained adapter is non-zero
        }
        for (int r = 0; r < reps; ++r)
            loraWarm.push_back(double(total) / cppRun(&cache, nullptr));
        ts::mergeLora(*model);
        for (int r = 0; r < reps; ++r)
            mergedWarm.push_back(double(total) / cppRun(&cache, nullptr));
    }
    const double py_ = bench::median(pys);
    std::printf("\nEvaluation: %s, 13 tasks x %d val items = %lld items, batch %d, %d thread(s), %d interleaved reps, median\n",
                presetName.c_str(), items, (long long)total, batch, at::get_num_threads(), reps);
    if (py)
        std::printf("logit check: max |Python - C++| letter logit %.2e, same choice on %.2f%% of items %s\n", pyDiff,
                    100 * pyAgree, pyDiff < 1e-3 ? "OK" : "MISMATCH");
    std::printf("%-44s %10s %8s\n", "variant", "items/s", "vs Py");
    auto line = [&](const char* name, double v) { std::printf("%-44s %10.1f %8.2f\n", name, v, py_ > 0 ? v / py_ : 0.0); };
    line("C++ evaluator, cold feature cache (cell 1)", bench::median(cold));
    line("C++ evaluator, warm feature cache (cells 2+)", bench::median(warm));
    line("C++ evaluator, no cache", bench::median(nocache));
    if (py)
        line("Python reference (straightforward)", py_);
    line("C++, LoRA adapters unmerged, warm cache", bench::median(loraWarm));
    line("C++, LoRA merged before eval, warm cache", bench::median(mergedWarm));
    std::printf("target: C++ >= 3x Python. Generating the %lld items took %.2f s (not timed above).\n", (long long)total, genSeconds);
    return 0;
}
