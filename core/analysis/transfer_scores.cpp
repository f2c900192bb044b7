#include "analysis/transfer_scores.h"

#include <cmath>

namespace ts {

namespace {

struct SignedScore {
    double value = 0;
    int count = 0;
};

SignedScore score(const std::vector<double> &values, int sign, int N)
{
    SignedScore out;
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        if ((sign > 0 && v > 0) || (sign < 0 && v < 0)) {
            sum += v;
            ++out.count;
        }
    }
    if (out.count > 0 && N > 0)
        out.value = (1.0 - std::exp(-double(out.count) / double(N))) / double(out.count) * sum;
    return out;
}

std::vector<double> rowValues(const SquareMatrix &m, int i, bool includeDiagonal)
{
    std::vector<double> out;
    for (int j = 0; j < m.size(); ++j)
        if (includeDiagonal || j != i)
            out.push_back(m.at(i, j));
    return out;
}

std::vector<double> columnValues(const SquareMatrix &m, int j, bool includeDiagonal)
{
    std::vector<double> out;
    for (int i = 0; i < m.size(); ++i)
        if (includeDiagonal || i != j)
            out.push_back(m.at(i, j));
    return out;
}

double sampleStd(const std::vector<double> &v)
{
    if (v.size() < 2)
        return std::nan("");
    double mean = 0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return std::sqrt(ss / double(v.size() - 1));
}

} // namespace

double breadthMagnitudeScore(const std::vector<double> &values, int sign, int N)
{
    return score(values, sign, N).value;
}

std::vector<TaskScores> computeTransferScores(const SquareMatrix &meanPgf, const ScoreOptions &options)
{
    const int n = meanPgf.size();
    const int N = options.includeDiagonal ? n : n - 1;
    std::vector<TaskScores> out(std::size_t(n > 0 ? n : 0));
    for (int t = 0; t < n; ++t) {
        const auto row = rowValues(meanPgf, t, options.includeDiagonal);
        const auto col = columnValues(meanPgf, t, options.includeDiagonal);
        TaskScores &s = out[std::size_t(t)];
        const SignedScore dp = score(row, +1, N), dm = score(row, -1, N);
        const SignedScore tp = score(col, +1, N), tm = score(col, -1, N);
        s.deltaPlus = dp.value;
        s.positiveOut = dp.count;
        s.deltaMinus = dm.value;
        s.negativeOut = dm.count;
        s.thetaPlus = tp.value;
        s.positiveIn = tp.count;
        s.thetaMinus = tm.value;
        s.negativeIn = tm.count;
        s.considered = N;
    }
    return out;
}

std::vector<TaskScoreSpread> computeScoreSpread(const TransferMatrix &matrix, const ScoreOptions &options)
{
    const int n = matrix.taskCount();
    std::vector<std::vector<TaskScores>> perRun;
    for (int r = 0; r < matrix.runCount(); ++r)
        perRun.push_back(computeTransferScores(matrix.runMatrix(r), options));
    std::vector<TaskScoreSpread> out(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t) {
        std::vector<double> dp, dm, tp, tm;
        for (const auto &run : perRun) {
            dp.push_back(run[std::size_t(t)].deltaPlus);
            dm.push_back(run[std::size_t(t)].deltaMinus);
            tp.push_back(run[std::size_t(t)].thetaPlus);
            tm.push_back(run[std::size_t(t)].thetaMinus);
        }
        out[std::size_t(t)] = {sampleStd(dp), sampleStd(dm), sampleStd(tp), sampleStd(tm)};
    }
    return out;
}

double meanPositiveTransferability(const std::vector<TaskScores> &scores)
{
    if (scores.empty())
        return 0;
    double sum = 0;
    for (const auto &s : scores)
        sum += s.deltaPlus;
    return sum / double(scores.size());
}

} // namespace ts
