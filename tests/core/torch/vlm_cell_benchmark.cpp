// Times one study cell per preset on a synthetic workload shaped like the suite: LoRA finetuning on one task,
// then evaluation on 13 tasks x N items with the suite's image counts. Not a test (timings vary by machine).
//   vlm_cell_benchmark [--steps 150] [--batch 16] [--items 1000] [--threads 2] [preset ...]
#include "eval/multiple_choice_evaluator.h"
#include "model/runtime.h"
#include "model/vlm_presets.h"
#include "train/trainer.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <random>

using namespace ts;

namespace {

// Images per item of the 13 tasks (tasks.md table order) and their option counts.
const int kImages[13] = {3, 3, 2, 1, 1, 1, 3, 1, 2, 2, 2, 1, 4};
const int kOptions[13] = {2, 2, 4, 2, 3, 2, 2, 4, 4, 4, 2, 2, 4};
const char* kQuestions[13] = {
    "Which image is more similar to the reference?", "Which image shares the reference's style?",
    "Which point in image 2 corresponds to the red point in image 1?", "Which point is closer to the camera, A or B?",
    "Which point has the darker surface colour: A, B, or about the same?", "Is the red circle to the left of the blue square?",
    "Which patch fills the missing part?", "How many stars are there?",
    "Which point in image 2 plays the same role as the red point in image 1?",
    "Which point in image 2 is the same part as the red point in image 1?", "Did the camera move left or right?",
    "Which box correctly bounds the purple hexagon?", "Which image has been manipulated?"};

VlmExample makeExample(int task, std::mt19937& rng, int size)
{
    VlmExample ex;
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < kImages[task]; ++i) {
        RgbImage im{size, size, std::vector<uint8_t>(static_cast<size_t>(size * size * 3))};
        for (auto& b : im.rgb)
            b = static_cast<uint8_t>(byte(rng));
        ex.images.push_back(std::move(im));
    }
    ex.prompt = kQuestions[task];
    const char* opts[4] = {"first", "second", "third", "fourth"};
    for (int k = 0; k < kOptions[task]; ++k)
        ex.options.push_back(opts[k]);
    ex.correct = static_cast<int>(rng() % static_cast<unsigned>(kOptions[task]));
    return ex;
}

double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv)
{
    int64_t steps = 150, batch = 16, items = 1000, evalBatch = 64;
    int threads = 2;
    std::vector<std::string> presets;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--steps") && i + 1 < argc)
            steps = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--batch") && i + 1 < argc)
            batch = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--items") && i + 1 < argc)
            items = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--eval-batch") && i + 1 < argc)
            evalBatch = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else
            presets.push_back(argv[i]);
    }
    if (presets.empty())
        presets = {"suite-tiny", "suite-small", "suite-base"};
    const c10::Device device = configureRuntime({threads, false});
    const BpeTokenizer tok = BpeTokenizer::fromFile(std::string(TRANSFERSCOPE_RESOURCES) + "/tokenizer/tokenizer.json");

    for (const auto& name : presets) {
        const VlmPreset p = vlmPreset(name);
        seedEverything(0);
        VisionLanguageModel model(p.config, p.init_std);
        const ChatPrompt prompt(tok, p.config);
        std::mt19937 rng(1);
        auto train = std::make_shared<std::vector<VlmExample>>();
        for (int64_t i = 0; i < steps * batch; ++i)
            train->push_back(makeExample(3, rng, static_cast<int>(p.config.vit_img_size)));
        std::vector<VlmExample> evalSet;
        for (int t = 0; t < 13; ++t)
            for (int64_t i = 0; i < items; ++i)
                evalSet.push_back(makeExample(t, rng, static_cast<int>(p.config.vit_img_size)));

        VisionFeatureCache cache;
        EvalOptions eo;
        eo.device = device;
        eo.batchSize = evalBatch;
        // The base evaluation of a study fills the cache once per model; every cell then reuses it.
        auto t0 = std::chrono::steady_clock::now();
        EvalResult base = evaluateMultipleChoice(*model, prompt, evalSet, eo, &cache);
        const double baseSec = since(t0);

        TrainConfig tc;
        tc.steps = steps;
        tc.batchSize = batch;
        tc.device = device;
        Trainer trainer(*model, prompt, tc);
        const std::clock_t c0 = std::clock();
        t0 = std::chrono::steady_clock::now();
        TrainResult tr = trainer.train(ExampleSource::fromVector(train), {}, nullptr, &cache);
        const double trainSec = since(t0);
        const std::clock_t c1 = std::clock();
        t0 = std::chrono::steady_clock::now();
        EvalResult after = evaluateMultipleChoice(*model, prompt, evalSet, eo, &cache);
        const double evalSec = since(t0);
        const double cellCpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        const double evalCpu = static_cast<double>(std::clock() - c1) / CLOCKS_PER_SEC;

        std::printf("%-12s params %8lld (trainable %lld)  base eval %6.2f s (%5.0f items/s, ViT uncached)\n", name.c_str(),
                    static_cast<long long>(countParameters(*model) - trainer.trainableParameters() +
                                           trainer.trainableParameters()),
                    static_cast<long long>(trainer.trainableParameters()), baseSec,
                    static_cast<double>(evalSet.size()) / baseSec);
        std::printf("%-12s train %lld x %lld: %6.2f s (%5.1f steps/s, loss %.3f)  eval %6.2f s (%5.0f items/s)  cell %6.2f s"
                    "  (cpu %.2f s, eval cpu %.2f s)  acc %.3f -> %.3f\n",
                    name.c_str(), static_cast<long long>(steps), static_cast<long long>(batch), trainSec,
                    static_cast<double>(tr.stepsDone) / trainSec, tr.lastLoss, evalSec,
                    static_cast<double>(evalSet.size()) / evalSec, trainSec + evalSec, cellCpu, evalCpu, base.accuracy, after.accuracy);
        std::fflush(stdout);
    }
    return 0;
}
