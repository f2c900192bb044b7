#!/bin/sh
# Runs the issue-8 benchmarks in one go and prints the machine context the README records with results.
# Usage: bench/run_benchmarks.sh [BUILD_DIR] [THREADS]    (build the transferscope_*_bench targets first)
# Environment: TRAIN_ARGS, EVAL_ARGS, STUDY_ARGS, ANALYSIS_ARGS pass extra options to each benchmark.
set -eu
BUILD=${1:-build-bench}
THREADS=${2:-2}
B="$BUILD/bench"
echo "== machine"
date -u
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)' || true
update-alternatives --display libblas.so.3-x86_64-linux-gnu 2>/dev/null | sed -n 2p || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   threads: $THREADS"
echo "== FMA peak (bench/peak.c)"
"$B/transferscope_peak_bench" "$THREADS"
"$B/transferscope_peak_bench" 1
echo "== BLAS self-check"
"$B/transferscope_blas_check_bench" --threads "$THREADS" || true
PEAK=$("$B/transferscope_peak_bench" "$THREADS" | awk '/^AVX/{print $6; exit}')
echo "== 1. training step (peak used: $PEAK GFLOP/s)"
"$B/transferscope_train_step_bench" --threads "$THREADS" --peak "$PEAK" ${TRAIN_ARGS:-}
echo "== 2. evaluation"
"$B/transferscope_eval_bench" --threads "$THREADS" ${EVAL_ARGS:-}
echo "== 4. analysis and layout"
QT_QPA_PLATFORM=offscreen "$B/transferscope_analysis_bench" ${ANALYSIS_ARGS:-}
echo "== 3. quick study (fraction; see README)"
"$B/transferscope_study_bench" --threads "$THREADS" ${STUDY_ARGS:---models suite-tiny --sources 2}
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
