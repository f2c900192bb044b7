#include "ui/models/task_ordering.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ts::ui {

QString taskOrderName(TaskOrder order)
{
    switch (order) {
    case TaskOrder::ByPersona: return QCoreApplication::translate("TaskOrder", "By persona");
    case TaskOrder::ByClustering: return QCoreApplication::translate("TaskOrder", "By clustering");
    case TaskOrder::Listed: break;
    }
    return QCoreApplication::translate("TaskOrder", "As listed");
}

int primaryPersona(const ModelAnalysis &analysis, int task)
{
    int best = -1;
    double bestZ = -std::numeric_limits<double>::infinity();
    for (const PersonaEvidence &e : analysis.personas) {
        if (e.task == task && e.z > bestZ) {
            bestZ = e.z;
            best = int(e.persona);
        }
    }
    return best;
}

namespace {

double profileDistance(const SquareMatrix &m, int a, int b)
{
    // Euclidean distance over the cells both tasks define, scaled to the number of cells used, so
    // a few undefined cells do not make two tasks look alike.
    double sum = 0;
    int used = 0;
    const int n = m.size();
    for (int k = 0; k < n; ++k) {
        if (k == a || k == b)
            continue;
        for (const auto &[x, y] : {std::pair{m.at(a, k), m.at(b, k)}, std::pair{m.at(k, a), m.at(k, b)}}) {
            if (std::isfinite(x) && std::isfinite(y)) {
                sum += (x - y) * (x - y);
                ++used;
            }
        }
    }
    return used > 0 ? std::sqrt(sum / used) : 0.0;
}

} // namespace

std::vector<int> clusteringOrder(const SquareMatrix &mean)
{
    const int n = mean.size();
    std::vector<std::vector<double>> d(std::size_t(n), std::vector<double>(std::size_t(n), 0));
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b)
            d[std::size_t(a)][std::size_t(b)] = d[std::size_t(b)][std::size_t(a)] = profileDistance(mean, a, b);

    // Each cluster keeps its leaf order; merging concatenates, so the final order is the leaves of
    // the dendrogram read left to right.
    std::vector<std::vector<int>> clusters;
    for (int i = 0; i < n; ++i)
        clusters.push_back({i});
    auto linkage = [&](const std::vector<int> &x, const std::vector<int> &y) {
        double s = 0;
        for (int a : x)
            for (int b : y)
                s += d[std::size_t(a)][std::size_t(b)];
        return s / double(x.size() * y.size());
    };
    while (clusters.size() > 1) {
        std::size_t bi = 0, bj = 1;
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < clusters.size(); ++i)
            for (std::size_t j = i + 1; j < clusters.size(); ++j) {
                const double l = linkage(clusters[i], clusters[j]);
                if (l < best) {
                    best = l;
                    bi = i;
                    bj = j;
                }
            }
        clusters[bi].insert(clusters[bi].end(), clusters[bj].begin(), clusters[bj].end());
        clusters.erase(clusters.begin() + std::ptrdiff_t(bj));
    }
    return clusters.empty() ? std::vector<int>{} : clusters.front();
}

std::vector<int> orderTasks(const ModelAnalysis &analysis, TaskOrder order)
{
    const int n = analysis.matrix.taskCount();
    std::vector<int> idx(static_cast<std::size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    switch (order) {
    case TaskOrder::Listed: break;
    case TaskOrder::ByClustering: idx = clusteringOrder(analysis.mean); break;
    case TaskOrder::ByPersona: {
        // Donors, pirates, sponges, sieves, then tasks without a persona; stable within a group.
        std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
            int pa = primaryPersona(analysis, a), pb = primaryPersona(analysis, b);
            pa = pa < 0 ? 99 : pa;
            pb = pb < 0 ? 99 : pb;
            return pa < pb;
        });
        break;
    }
    }
    return idx;
}

} // namespace ts::ui
