#pragma once
// Smoothing and decimation of training curves, the way users of TensorBoard and W&B asked for it
// (anchors.md A.3): the EMA is debiased (no pull towards the first point), x-aware (a gap in x
// decays the memory as much as the steps it skipped), and applied to the full series before any
// decimation, so neither the series length nor the plot width changes the smoothed line.

#include <QString>
#include <vector>

namespace ts::ui {

// Debiased, x-aware EMA. `weight` in [0, 1) is the memory per typical x spacing (the median gap),
// as TensorBoard's slider: 0 returns the series unchanged. NaN values are skipped (output NaN there).
//   decay_i = weight^((x_i − x_{i−1}) / median gap)
//   num_i = decay_i·num_{i−1} + y_i,   den_i = decay_i·den_{i−1} + 1,   smoothed_i = num_i / den_i
std::vector<double> debiasedEma(const std::vector<double> &x, const std::vector<double> &y, double weight);

// The tooltip that names the algorithm beside the smoothing control.
QString smoothingDescription();

// Min/max decimation: splits x's range into `buckets` equal intervals and keeps, per bucket, the
// first point, the minimum and the maximum in x order, so spikes survive and a long run draws as
// fast as a short one. Series with at most 2·buckets points come back unchanged.
void decimateMinMax(const std::vector<double> &x, const std::vector<double> &y, int buckets,
                    std::vector<double> &xOut, std::vector<double> &yOut);

} // namespace ts::ui
