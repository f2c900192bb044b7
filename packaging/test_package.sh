#!/usr/bin/env bash
# The package test (ctest -L package): builds the .deb with CPack, extracts it with dpkg-deb -x into
# a temporary root and runs the CLI from there — --version (and where it found its resources: the
# package's own share/transferscope beside the binary), --help in German, and an analyze of a
# shipped PGF table (13 tasks, the paper's top donor).
#   test_package.sh CPACK BUILD_DIR VERSION gui|headless
set -euo pipefail
cpack=$1 build=$2 version=$3 flavour=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/transferscope-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Fast compression: this checks the contents; the released package uses the configured xz.
start=$(date +%s)
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack"; }
debs=("$work"/out/transferscope_"$version"_*.deb)
[ -f "${debs[0]}" ] || { ls -R "$work/out" >&2; fail "no transferscope_${version}_*.deb"; }
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"

# Dependencies were computed (dpkg-shlibdeps), not left empty.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libqt6core6 libqt6gui6 libhdf5 libgvc6 libtorch; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
cli="$root/usr/bin/transferscope-cli"
[ -x "$cli" ] || fail "no usr/bin/transferscope-cli in the package"
for f in usr/share/doc/transferscope/copyright usr/share/doc/transferscope/changelog.gz \
         usr/share/man/man1/transferscope-cli.1.gz \
         usr/share/transferscope/data/task-transfer-vlms/pgf_qwen2.5vl-32B.csv \
         usr/share/transferscope/specs/quick.json usr/share/transferscope/tokenizer/tokenizer.json; do
  [ -f "$root/$f" ] || fail "missing $f"
done
if [ "$flavour" = gui ]; then
  for f in usr/bin/transferscope usr/share/applications/org.transferscope.Transferscope.desktop \
           usr/share/metainfo/org.transferscope.Transferscope.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/org.transferscope.Transferscope.svg \
           usr/share/icons/hicolor/48x48/apps/org.transferscope.Transferscope.png \
           usr/share/man/man1/transferscope.1.gz; do
    [ -f "$root/$f" ] || fail "missing $f"
  done
else
  [ ! -e "$root/usr/bin/transferscope" ] || fail "the headless package ships the workbench"
fi

# Run from the extracted root in English, with nothing pointing at the source tree.
run() { env -u TRANSFERSCOPE_RESOURCES LANGUAGE= LC_ALL=C LANG=C QT_QPA_PLATFORM=offscreen "$@"; }
version_out=$(run "$cli" --version) || fail "--version exited $?"
echo "$version_out"
[[ $(head -n1 <<<"$version_out") == "transferscope-cli $version" ]] || fail "--version printed: $version_out"
[[ $version_out == *"resources: $root/usr/share/transferscope"* ]] || fail "resources not found beside the binary"

help_de=$(env -u TRANSFERSCOPE_RESOURCES LANGUAGE=de LC_ALL=de_DE.UTF-8 QT_QPA_PLATFORM=offscreen "$cli" --help) \
  || fail "--help exited $?"
[[ $help_de == *"Befehle:"* ]] || fail "--help under LANGUAGE=de is not German: $help_de"

table="$root/usr/share/transferscope/data/task-transfer-vlms/pgf_qwen2.5vl-32B.csv"
run "$cli" analyze --json "$table" >"$work/analyze.json" || fail "analyze exited $?"
python3 - "$work/analyze.json" <<'PY' || fail "analyze output"
import json, sys
doc = json.load(open(sys.argv[1]))
model = doc["models"][0]
assert model["model"] == "qwen2.5vl-32B", model["model"]
assert len(model["tasks"]) == 13, len(model["tasks"])
assert model["topDonor"] == "Semantic Correspondence", model["topDonor"]
print("analyze: %s, %d tasks, top donor %s" % (model["model"], len(model["tasks"]), model["topDonor"]))
PY
report=$(run "$cli" analyze "$table") || fail "analyze (text) exited $?"
[[ $report == *"Semantic Correspondence"* ]] || fail "the text report does not name the top donor"

if [ "$flavour" = gui ]; then
  gui_version=$(run "$root/usr/bin/transferscope" --version) || fail "transferscope --version exited $?"
  [[ $gui_version == *"$version"* ]] || fail "transferscope --version printed: $gui_version"
fi
echo "package test passed in $(( $(date +%s) - start )) s"
