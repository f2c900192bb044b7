#pragma once
// What per-item results allow that accuracy tables do not (method.md §3, §5): a paired test of a
// finetuned model against its base on the same questions (McNemar), and a bootstrap over questions
// for a confidence interval on a cell's PGF.

#include <cstdint>
#include <vector>

namespace ts {

struct McNemarResult {
    long long onlyBase = 0;      // questions the base answered right and the finetuned model wrong
    long long onlyFinetuned = 0; // the other way round
    double p = 1.0;              // exact two-sided binomial test on the discordant pairs
};

McNemarResult mcnemarExact(long long onlyBase, long long onlyFinetuned);
// Paired per-item correctness of the same questions; with several runs the discordant counts are
// pooled (the runs share the base, and a real effect shows in every run).
McNemarResult mcnemar(const std::vector<const std::vector<uint8_t> *> &finetunedRuns, const std::vector<uint8_t> &base);

struct PgfInterval {
    double low = 0;
    double high = 0;
};

// Percentile interval (2.5 %, 97.5 %) of the mean PGF over runs, resampling questions with
// replacement (the same resample for the base and every run: the comparison stays paired).
// Undefined (NaN, NaN) when the base is perfect in the data. Deterministic for a given seed.
PgfInterval bootstrapPgfInterval(const std::vector<const std::vector<uint8_t> *> &finetunedRuns,
                                 const std::vector<uint8_t> &base, int replicates = 1000, uint64_t seed = 1,
                                 double ceiling = 1.0);

} // namespace ts
