#!/usr/bin/env bash
# Rerunnable performance benchmark: Trame against the docxtpl peer, in the same run, on this machine.
#   Benchmarks/run.sh [RUNS=7]
# Needs a release build (done here) and, for the peer, ../shared/conformance/install.sh --peers.
# Prints medians only: in-process documents per second for DOCX and ODT (200 different households),
# the per-stage split (render / write / save), whole-process `trame generate` times, then docxtpl's.
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
swift build -c release --product trame-bench >/dev/null
swift build -c release --product trame >/dev/null
echo "== Trame, in-process (release, one thread)"
.build/release/trame-bench --runs "$RUNS" | grep -E "^(trame-bench|MEDIAN)"

echo "== Trame, whole process: trame generate sous-location (release binary, 30 runs each)"
TMP="$(mktemp -d /tmp/trame-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
for fmt in docx odt html; do
  for i in $(seq 30); do
    t0=$(date +%s%N)
    .build/release/trame generate sous-location --dossier Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml \
      --format "$fmt" --output "$TMP/out.$fmt" >/dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
  done > "$TMP/times-$fmt"
  python3 -c "import statistics,sys; v=[int(l) for l in open(sys.argv[1])]; print(f'MEDIAN trame generate {sys.argv[2]}: {statistics.median(v)/1000:.1f} ms per process (min {min(v)/1000:.1f}, max {max(v)/1000:.1f})')" "$TMP/times-$fmt" "$fmt"
done

PEER=../shared/peers/docxtpl/bench.sh
if python3 -c "import docxtpl" 2>/dev/null && command -v pandoc >/dev/null && [ -f "$PEER" ]; then
  echo "== Peer: docxtpl (same machine, same run)"
  bash "$PEER" 200 3 20 | grep -E "^(docxtpl [0-9]|MEDIAN)"
else
  echo "== Peer skipped: run ../shared/conformance/install.sh --peers (docxtpl, pandoc)"
fi
